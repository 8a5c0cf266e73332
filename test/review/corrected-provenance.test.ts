/**
 * A value a reviewer corrected says so wherever it is served with its quote:
 * seed 001's host country China, corrected to Kazakhstan, and its worker count
 * "more than 50,000", corrected to 40,000 in Kazakhstan, keep the document's
 * sentence as their quote, so the entity and country answers carry
 * `correction` (who, when, and what the source gave). Claims accepted as
 * extracted carry none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../security/support.ts';
import { correctedSeed, REVIEWER, type CorrectedSeed } from './corrected-seed.ts';
import { extractText, getDocumentProxy } from 'unpdf';
import { caseReport, createCase } from '../../src/cases/index.ts';
import { SupplierRiskIndex } from '../../src/cases/supplier-risk.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screeningService } from '../../src/screen/service.ts';

interface Correction { by: string; at: string; from: string }
interface ServedStatement { id: string; prop: string; value: string; quote: string | null; correction?: Correction }
interface ServedFigure { id: string; low: number | null; country: string | null; quote: string | null; correction?: Correction }

let h: Harness;
let seed: CorrectedSeed;

beforeAll(async () => {
  h = await harness('pglite');
  seed = await correctedSeed(h.services.db);
}, 300_000);

afterAll(async () => {
  await h?.dispose();
});

async function getJson<T>(url: string): Promise<T> {
  const res = await h.call('GET', url, { as: h.logins.analyst });
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

describe('a corrected host country', () => {
  it('is served on the document entity with who corrected it and the country its quote names', async () => {
    const { statements } = await getJson<{ statements: ServedStatement[] }>(`/api/entities/${encodeURIComponent(seed.documentEntity)}`);
    const countries = statements.filter((s) => s.prop === 'country');
    const kz = countries.find((s) => s.value === 'kz');
    expect(kz?.quote).toMatch(/China/);
    expect(kz?.correction).toMatchObject({ by: REVIEWER, from: 'China' });
    expect(kz?.correction?.at).toMatch(ISO);
    const ru = countries.find((s) => s.value === 'ru');
    expect(ru?.quote).toMatch(/Russia/);
    expect(ru && 'correction' in ru).toBe(false);
  });
});

describe('a corrected worker count', () => {
  it('is served on its country page with the figure the document gave', async () => {
    const id = (seed.workers.current.figure as { id: string }).id;
    const { figures } = await getJson<{ figures: ServedFigure[] }>('/api/countries/KZ');
    const fig = figures.find((f) => f.id === id);
    expect(fig).toMatchObject({ low: 40_000, country: 'KZ' });
    expect(fig?.quote).toMatch(/50,000/);
    expect(fig?.correction).toMatchObject({ by: REVIEWER, from: '50,000 or more workers' });
    expect(fig?.correction?.at).toMatch(ISO);
    // The map's figure for Kazakhstan in 2017 is the same corrected figure.
    const map = await getJson<{ countries: { cc: string; workers: (ServedFigure & { figure_id: string }) | null }[] }>('/api/countries?year=2017');
    const kz = map.countries.find((c) => c.cc === 'KZ')?.workers;
    expect(kz).toMatchObject({ figure_id: id, low: 40_000 });
    expect(kz?.correction).toMatchObject({ by: REVIEWER, from: '50,000 or more workers' });
    // The state share, accepted as extracted, is on the headline with no correction.
    const shareId = (seed.share.current.figure as { id: string }).id;
    const { state_share } = await getJson<{ state_share: ServedFigure[] }>('/api/headline');
    const share = state_share.find((f) => f.id === shareId);
    expect(share?.quote).toMatch(/95 percent/);
    expect(share && 'correction' in share).toBe(false);
  });
});

describe('a corrected worker count in a screening case', () => {
  it('is marked in the supplier-risk evidence and in the case report, before the quote that gives the source\'s value', async () => {
    const db = h.services.db;
    const c = await createCase(db, () => screeningService(db), {
      name: 'Kazakh suppliers', rows: (async function* () { yield { row: 1, input: { name: 'Steppe Construction LLP', country: 'Kazakhstan', sector: 'construction' } }; })(),
      fileName: 'rows.csv', info: () => null, options: parseScreeningOptions({}), actor: 'test:analyst',
    });
    const [risk] = await new SupplierRiskIndex(db).forRow({ name: 'Steppe Construction LLP', country: 'Kazakhstan' });
    const count = risk!.evidence.find((e) => e.kind === 'worker_count' && e.source.id === seed.sourceId);
    expect(count).toMatchObject({ figure: '40,000 persons', correction: { by: REVIEWER, from: '50,000 or more workers' } });
    expect(count?.quote).toMatch(/50,000/);
    const html = (await caseReport(db, c.name, 'html', 'user:auditor')).body.toString('utf8');
    // The reviewer's name is escaped like every other text of the report.
    expect(html).toContain('[corrected by Kim &lt;i&gt;Reviewer&lt;/i&gt;: the source says 50,000 or more workers] “');
    const pdf = await caseReport(db, c.name, 'pdf', 'user:auditor');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.body)), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain('[corrected by Kim <i>Reviewer</i>: the source says 50,000 or more workers]');
  }, 300_000);
});
