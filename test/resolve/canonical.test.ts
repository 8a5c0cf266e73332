/**
 * Issue 14 on the real bundle (seed graph, OFAC SDN 2024-05-03, UN list
 * 2026-02-27): one entity per real person or company in every door, merges
 * as judgements that can be rejected and undone, and a delisting that does
 * not hide an entity still designated elsewhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openTestServices, type TestServices } from '../support/services.ts';
import { importListFile } from '../../src/ingest/lists/import.ts';
import { screeningService } from '../../src/screen/service.ts';
import { parseScreeningOptions } from '../../src/screen/options.ts';
import { screenRow } from '../../src/screen/screen.ts';
import { searchEntities } from '../../src/store/search.ts';
import { entityDocument, getEntity } from '../../src/store/entities.ts';
import { network } from '../../src/store/atlas/network.ts';
import { canonicalId, judgementsOf } from '../../src/store/resolver.ts';
import { decide } from '../../src/resolve/index.ts';
import { OFFICIAL } from '../support/official.ts';

let t: TestServices;
let app: ReturnType<typeof createApp>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-resolve-'));

beforeAll(async () => {
  t = await openTestServices();
  app = createApp(t.services);
}, 600_000);
afterAll(async () => {
  await t?.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Screens one row as `room39 screen` does; `fresh` rebuilds the index (after a write). */
async function screen(name: string, extra: { birth_date?: string; schema?: string } = {}, fresh = false) {
  const service = await screeningService(t.services.db, fresh);
  return screenRow(service.matcher, { row: 1, input: { name, ...extra } }, parseScreeningOptions({})).matches;
}

async function match(properties: Record<string, string[]>, schema: string) {
  const res = await app.request('/match/default', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ queries: { q: { schema, properties } } }) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { responses: { q: { results: { id: string; match: boolean; target: boolean; referents: string[]; datasets: string[] }[] } } };
  return body.responses.q.results;
}

/** The real UN file as a later version without the given entries. */
function unWithout(version: string, refs: string[]): string {
  let xml = fs.readFileSync(OFFICIAL.unXml, 'utf8');
  xml = xml.replace(/dateGenerated="[^"]+"/, `dateGenerated="${version}T00:00:00.000Z"`);
  for (const ref of refs) {
    const at = xml.indexOf(`<REFERENCE_NUMBER>${ref}</REFERENCE_NUMBER>`);
    const tag = ref.startsWith('KPi') ? 'INDIVIDUAL' : 'ENTITY';
    const start = xml.lastIndexOf(`<${tag}>`, at);
    const end = xml.indexOf(`</${tag}>`, at) + `</${tag}>`.length;
    xml = xml.slice(0, start) + xml.slice(end);
  }
  const file = path.join(tmp, `consolidated-${version}.xml`);
  fs.writeFileSync(file, xml);
  return file;
}

// Building the screening index from the whole store takes a while on a shared machine.
describe('one entity per real person or company, in every door', { timeout: 600_000 }, () => {
  it('screening "Kim Won Hong" (born 1945) answers one match carrying the OFAC and seed records, his birth date and every designation', async () => {
    const matches = (await screen('Kim Won Hong', { birth_date: '1945' })).filter((m) => m.match);
    expect(matches).toHaveLength(1);
    const [kim] = matches;
    expect(kim!.id).toBe('r39-kim-won-hong');
    expect(kim!.referents ?? []).toEqual(expect.arrayContaining(['r39-kim-won-hong', 'ofac-21443']));
    expect(kim!.birth_dates).toContain('1945-07-17');
    const sanctioned = kim!.flags.filter((f) => f.kind === 'sanctioned');
    // The OFAC listing (programme DPRK2) and the seed's record of the 2017 designation, each with its source.
    expect(sanctioned.map((f) => f.record).sort()).toEqual(['ofac-21443', 'r39-kim-won-hong']);
    expect(sanctioned.find((f) => f.record === 'ofac-21443')!.program).toBe('DPRK2');
    expect(sanctioned.find((f) => f.record === 'r39-kim-won-hong')!.date).toBe('2017-01-11');
  });

  it('search "Kim Jong Un" answers one entity, with referents', async () => {
    const results = await searchEntities(t.services.db, 'Kim Jong Un');
    const his = results.filter((r) => r.referents.includes('ofac-20157') || r.referents.includes('r39-kim-jong-un'));
    expect(his).toHaveLength(1);
    expect(results[0]!.id).toBe(his[0]!.id);
    expect(his[0]!.referents).toEqual(expect.arrayContaining(['r39-kim-jong-un', 'ofac-20157']));
    expect(his[0]!.datasets).toEqual(expect.arrayContaining(['room39_seeds', 'us_ofac_sdn']));
  });

  it('/match/default for KOMID answers one result, a target, naming its OFAC, UN and seed records and all their datasets', async () => {
    const results = (await match({ name: ['Korea Mining Development Trading Corporation'] }, 'Company')).filter((r) => r.match);
    expect(results).toHaveLength(1);
    const [komid] = results;
    expect(komid!.target).toBe(true);
    expect(komid!.referents).toEqual(expect.arrayContaining(['r39-komid', 'ofac-9345', 'unsc-kpe-001']));
    expect(komid!.datasets).toEqual(expect.arrayContaining(['room39_seeds', 'us_ofac_sdn', 'un_sc_sanctions', 'dprk']));
  });

  it('keeps the two OFAC "KIM, Yong Chol" (12211, born about 1947; 17614, born 1962) apart', async () => {
    const [a, b] = [await canonicalId(t.services.db, 'ofac-12211'), await canonicalId(t.services.db, 'ofac-17614')];
    expect(a).not.toBe(b);
    const matches = await screen('Kim Yong Chol', { schema: 'Person' });
    const holding = (id: string) => matches.filter((m) => (m.referents ?? []).includes(id));
    expect(holding('ofac-12211')).toHaveLength(1);
    expect(holding('ofac-17614')).toHaveLength(1);
    expect(holding('ofac-12211')[0]!.id).not.toBe(holding('ofac-17614')[0]!.id);
  });

  it('an entity page keeps every statement with its own source and shows conflicting values side by side', async () => {
    const doc = entityDocument(await getEntity(t.services.db, 'ofac-21443'));
    expect(doc.entity.id).toBe('r39-kim-won-hong');
    expect(doc.requested_id).toBe('ofac-21443');
    const sources = new Set(doc.statements.map((s) => s.source.id.split('-')[0]));
    expect(sources.size).toBeGreaterThan(1);
    expect(doc.statements.filter((s) => s.prop === 'position').map((s) => s.entity_id).sort()).toEqual(expect.arrayContaining(['ofac-21443', 'r39-kim-won-hong']));
    expect(doc.judgements.find((j) => j.judgement === 'positive' && j.undone_at === null)!.rule).toBe('name_and_position');
    // Kang Ryong: the OFAC and UN records give two birth dates; both stand, each with its source.
    const kang = await getEntity(t.services.db, 'ofac-17627');
    const dates = kang.statements.filter((s) => s.prop === 'birthDate');
    expect(new Set(dates.map((s) => s.source.id)).size).toBe(new Set(dates.map((s) => s.entity_id)).size);
  });

  it('the network of Mansudae shows every relation of its records, the OFAC "linked to" ones included', async () => {
    const doc = await getEntity(t.services.db, 'r39-mansudae-overseas-project-group');
    const linked = doc.relations.filter((r) => r.schema === 'UnknownLink');
    expect(linked.length).toBeGreaterThanOrEqual(3);
    const net = await network(t.services.db, 'r39-mansudae-overseas-project-group', 1, 500);
    const unknownLinks = net.edges.filter((e) => e.type === 'UnknownLink');
    expect(unknownLinks.length).toBeGreaterThanOrEqual(3);
    expect(unknownLinks.every((e) => e.source === net.root || e.target === net.root)).toBe(true);
    expect(net.nodes.filter((n) => n.id === 'ofac-20578')).toHaveLength(0);
  });

  it('GET /api/entities/{record id} answers the canonical entity, its designations and the judgements that join it', async () => {
    const res = await app.request('/api/entities/unsc-kpe-001');
    const body = (await res.json()) as ReturnType<typeof entityDocument>;
    expect(body.entity.id).toBe('r39-komid');
    expect(body.designations.map((d) => d.dataset).sort()).toEqual(['room39_seeds', 'un_sc_sanctions', 'us_ofac_sdn'].filter((d) => body.designations.some((x) => x.dataset === d)));
    expect(body.designations.find((d) => d.entry_id === 'KPe.001')).toMatchObject({ status: 'current', listed_on: expect.any(String) });
  });
});

describe('judgements: rejected merges stay rejected, undo, and a delisting', { timeout: 900_000 }, () => {
  it('a person can reject a rule merge; it stays rejected after the UN list is imported again', async () => {
    const db = t.services.db;
    expect(await canonicalId(db, 'ofac-19488')).toBe(await canonicalId(db, 'unsc-kpi-028'));
    const r = await db.transaction((tx) => decide(tx, { a: 'ofac-19488', b: 'unsc-kpi-028', judgement: 'negative', by: 'test:reviewer', note: 'checking' }));
    expect(r.judgement!.judgement).toBe('negative');
    expect(r.undone.length).toBeGreaterThan(0);
    expect(await canonicalId(db, 'ofac-19488')).not.toBe(await canonicalId(db, 'unsc-kpi-028'));
    const v2 = await importListFile(db, { format: 'un-xml', file: unWithout('2026-03-15', ['KPe.001', 'KPi.001']) });
    expect(v2).toMatchObject({ status: 'imported', removed: 2 });
    expect(await canonicalId(db, 'ofac-19488')).not.toBe(await canonicalId(db, 'unsc-kpi-028'));
    const standing = (await judgementsOf(db, ['ofac-19488'])).filter((j) => j.undone_at === null);
    expect(standing.map((j) => j.judgement)).toEqual(['negative']);
    const screened = (await screen('Yu Chol U', { schema: 'Person' }, true)).filter((m) => (m.referents ?? []).includes('ofac-19488') || (m.referents ?? []).includes('unsc-kpi-028'));
    expect(screened).toHaveLength(2);
  });

  it('after a UN version that removes one record of a merged entity, search, screening and /match find it through the others, and its page says which designation ended and when', async () => {
    const db = t.services.db;
    // KOMID: its UN entry KPe.001 was removed by the 2026-03-15 version above.
    const hits = (await searchEntities(db, 'Korea Mining Development Trading Corporation')).filter((h) => h.referents.includes('ofac-9345'));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.referents).toEqual(expect.arrayContaining(['r39-komid', 'unsc-kpe-001']));
    const screened = (await screen('Korea Mining Development Trading Corporation', {}, true)).filter((m) => m.match);
    expect(screened).toHaveLength(1);
    expect(screened[0]!.flags.some((f) => f.kind === 'sanctioned' && f.record === 'ofac-9345')).toBe(true);
    const matched = (await match({ name: ['KOMID'] }, 'Company')).filter((r) => r.referents.includes('ofac-9345'));
    expect(matched).toHaveLength(1);
    expect(matched[0]!.target).toBe(true);
    const page = await getEntity(db, 'unsc-kpe-001');
    expect(page.entity.id).toBe('r39-komid');
    expect(page.designations.find((d) => d.entry_id === 'KPe.001')).toMatchObject({ status: 'ended', ended_on: '2026-03-15' });
    expect(page.designations.find((d) => d.record === 'ofac-9345')).toMatchObject({ status: 'current' });
    // Yun Ho-jin: his UN entry (the entity's canonical record) was removed; the OFAC record still answers, under the same id.
    const yun = (await searchEntities(db, 'Yun Ho Jin')).filter((h) => h.referents.includes('ofac-12218'));
    expect(yun).toHaveLength(1);
    expect(yun[0]!.score).toBeGreaterThan(0.9);
    expect(yun[0]!.id).toBe('unsc-kpi-001');
    expect((await screen('Yun Ho Jin', { schema: 'Person' })).filter((m) => m.match && (m.referents ?? []).includes('ofac-12218'))).toHaveLength(1);
  });

  it('undo splits an entity; the rules do not join it again; a positive judgement across a negative one is refused', async () => {
    const db = t.services.db;
    const [j] = (await judgementsOf(db, ['ofac-21443'])).filter((x) => x.undone_at === null && x.judgement === 'positive');
    const res = await app.request(`/api/resolve/judgements/${j!.id}/undo`, { method: 'POST' });
    expect([401, 403]).toContain(res.status);
    const { undoJudgement } = await import('../../src/store/resolver.ts');
    await db.transaction((tx) => undoJudgement(tx, j!.id, 'test:reviewer', 'testing undo'));
    expect(await canonicalId(db, 'ofac-21443')).toBe('ofac-21443');
    const { linkRecords } = await import('../../src/resolve/index.ts');
    await db.transaction((tx) => linkRecords(tx));
    expect(await canonicalId(db, 'ofac-21443')).toBe('ofac-21443');
  });

  it('a negative judgement inside an entity splits it, and a person\'s positive judgement across it is refused', async () => {
    const db = t.services.db;
    await db.transaction((tx) => decide(tx, { a: 'r39-komid', b: 'ofac-9345', judgement: 'negative', by: 'test:reviewer' }));
    const [seed, ofac, un] = [await canonicalId(db, 'r39-komid'), await canonicalId(db, 'ofac-9345'), await canonicalId(db, 'unsc-kpe-001')];
    expect(seed).not.toBe(ofac);
    const other = un === seed ? 'ofac-9345' : 'r39-komid';
    await expect(db.transaction((tx) => decide(tx, { a: 'unsc-kpe-001', b: other, judgement: 'positive', by: 'test:other' }))).rejects.toThrow(/judged different/);
  });
});

describe('the UK summary list: names alone join no one', { timeout: 900_000 }, () => {
  it('a UK row implementing a UN entry joins it; the UK\'s own name-only designations stand alone', async () => {
    const db = t.services.db;
    const r = await importListFile(db, { format: 'uk', file: OFFICIAL.ukOds, date: '2025-08-11' });
    expect(r).toMatchObject({ dataset: 'gb_fcdo_sanctions', status: 'imported' });
    // DPR0241 (designation source UN) is the UK's implementation of UN KPi.024, the KOMID representative Kim Yong Chol born 1962.
    expect(await canonicalId(db, 'gb-dpr0241')).toBe(await canonicalId(db, 'unsc-kpi-024'));
    expect(await canonicalId(db, 'ofac-17614')).toBe(await canonicalId(db, 'unsc-kpi-024'));
    const [j] = (await judgementsOf(db, ['gb-dpr0241'])).filter((x) => x.undone_at === null);
    expect(j!.rule).toBe('implements_un_entry');
    // DPR0044 "Kim Yong Chol" and DPR0043 "Kim Won-Hong" are the UK's own designations: a name and nothing else.
    for (const uk of ['gb-dpr0044', 'gb-dpr0043']) expect(await canonicalId(db, uk)).toBe(uk);
    expect(await canonicalId(db, 'ofac-12211')).not.toBe(await canonicalId(db, 'ofac-17614'));
  });
});
