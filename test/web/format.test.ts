/** How the web app writes figures (web/src/format.ts), on figures of the bundled dataset. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { fileSize, figureValue, recordOrigin } from '../../web/src/format.ts';
import { openDb } from '../../src/store/db.ts';
import { searchEntities } from '../../src/store/search.ts';
import { loadedDataDir } from '../support/services.ts';
import { extract } from '../../src/extract/extract.ts';

interface FigureLine { type: string; id: string; metric: string; low: number | null; high: number | null; of: number | null; unit: string; per: string | null; qualifier: string }

const figures = new Map(fs.readFileSync(path.join(REPO_ROOT, 'data/dataset/record-figures.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l) as FigureLine).filter((f) => f.type === 'figure').map((f) => [f.id, f]));

describe('figureValue', () => {
  it('writes one worker in the singular and more in the plural (Malta, 2010 and 2011)', () => {
    expect(figureValue(figures.get('r39-fig-pub-mt-2010-1')!)).toBe('1 worker');
    const eleven = [...figures.values()].find((f) => f.unit === 'persons' && f.low === 11 && f.high === 11 && f.qualifier === 'exact');
    expect(eleven && figureValue(eleven)).toBe('11 workers');
  });

  it('writes entries at a border as people, not workers (Rosstat: North Koreans entering Russia for any purpose)', () => {
    expect(figureValue(figures.get('r39-fig-pub-ru-2019-entries-rosstat')!)).toBe('about 21,000 people');
    expect(figureValue(figures.get('r39-fig-pub-ru-2023-entries-rosstat')!)).toBe('1,117 people');
  });

  it('writes a figure the text gives no number for as such, not as 0% ("a fraction of their own wages", seed 004)', async () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'data/sources/seeds/004_44246f2efce558ec.txt'), 'utf8');
    const { figures: found } = await extract(text);
    const fraction = found.find((f) => f.quote.includes('see more than a fraction of their own wages'));
    expect(fraction).toMatchObject({ kind: 'share', low: null, high: null });
    expect(figureValue(fraction!)).toBe('no number given');
    const third = found.find((f) => f.kind === 'share' && f.quote.includes('only one third of their wages'));
    expect(figureValue(third!)).toBe('33.3%');
  });
});

describe('fileSize', () => {
  it('says a document under a kilobyte in bytes, not "0 KB"; the seeds in KB', () => {
    const seed = (name: string) => fs.statSync(path.join(REPO_ROOT, 'data/sources/seeds', name)).size;
    const title = fs.readFileSync(path.join(REPO_ROOT, 'data/sources/seeds/001_ed61e6457cd6775b.txt'), 'utf8').split('\n')[0]!;
    expect(fileSize(Buffer.byteLength(title))).toBe(`${Buffer.byteLength(title)} bytes`);
    expect(fileSize(seed('000_f1b9ea9c34f2a41a.txt'))).toBe('3 KB');
    expect(fileSize(seed('004_44246f2efce558ec.txt'))).toBe('109 KB');
  });
});

describe('recordOrigin', () => {
  it('tells apart results of one name by where their records come from (the loaded store: curated graph, OFAC and UN)', async () => {
    const dir = await loadedDataDir();
    const db = await openDb({ dataDir: dir });
    try {
      const origins = async (q: string) => new Map((await searchEntities(db, q, { limit: 10 })).map((h) => [h.id, recordOrigin(h.datasets)]));
      const kim = await origins('Kim Won Hong');
      expect(kim.get('r39-kim-won-hong')).toBe('room39 graph · OFAC SDN');
      const chon = await origins('Chon Il Chun');
      expect([chon.get('r39-jon-il-chun'), chon.get('unsc-kpi-029'), chon.get('ofac-39496')]).toEqual(['room39 graph', 'OFAC SDN · UN list', 'OFAC SDN']);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
