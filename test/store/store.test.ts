import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/settings.ts';
import { loadBundle } from '../../src/ingest/bundle.ts';
import { getEntity } from '../../src/store/entities.ts';
import { searchEntities } from '../../src/store/search.ts';
import { openDb } from '../../src/store/db.ts';
import { backends, freshDb, type TestDb } from '../support/db.ts';

async function counts(t: TestDb) {
  const [row] = await t.db.query<{ s: number; e: number; f: number }>(
    'SELECT (SELECT count(*)::int FROM statements) AS s, (SELECT count(*)::int FROM entities) AS e, (SELECT count(*)::int FROM figures) AS f',
  );
  return row!;
}

/** A copy of the bundle (dataset + seed texts) that a test may break. */
function copyBundle(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'room39-bundle-'));
  fs.cpSync(path.join(REPO_ROOT, 'data/dataset'), path.join(root, 'data/dataset'), { recursive: true });
  fs.cpSync(path.join(REPO_ROOT, 'data/sources'), path.join(root, 'data/sources'), { recursive: true });
  return root;
}

describe.each(backends())('evidence graph store on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(backend);
    const report = await loadBundle(t.db, REPO_ROOT);
    expect(report.curated).toBe('loaded');
  });
  afterAll(async () => t?.dispose());

  it('loads the curated dataset once, and a second start changes nothing', async () => {
    const before = await counts(t);
    expect(before.e).toBeGreaterThan(20);
    expect(before.f).toBeGreaterThan(10);
    const again = await loadBundle(t.db, REPO_ROOT);
    expect(again.curated).toBe('current');
    expect(again.testimonies).toMatchObject({ status: 'skipped_no_key', count: expect.any(Number) });
    expect(again.testimonies.count).toBeGreaterThan(0);
    expect(await counts(t)).toEqual(before);
    // A record changed after the load is read, checked and written at the next start.
    const root = copyBundle();
    try {
      const file = path.join(root, 'data/dataset/seed-000.jsonl');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"notes": "Part of the North Korean', '"notes": "Part (a changed note) of the North Korean'));
      expect((await loadBundle(t.db, root)).curated).toBe('loaded');
      expect((await t.db.query<{ value: string }>(`SELECT value FROM statements WHERE entity_id = 'r39-office-39' AND prop = 'notes'`)).map((r) => r.value)).toContainEqual(expect.stringContaining('(a changed note)'));
      await expect(loadBundle(t.db, REPO_ROOT)).resolves.toMatchObject({ curated: 'loaded' });
      expect(await counts(t)).toEqual(before);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds Mansudae by name, ignoring case, hyphens and spacing', async () => {
    for (const q of ['Mansudae', 'mansudae overseas', 'MANSU-DAE']) {
      const hits = await searchEntities(t.db, q);
      expect(hits.map((h) => h.id), q).toContain('r39-mansudae-overseas-project-group');
    }
    const kim = await searchEntities(t.db, 'kim wonhong');
    expect(kim[0]?.id).toBe('r39-kim-won-hong');
    const byOrder = await searchEntities(t.db, 'Won-hong Kim');
    expect(byOrder.map((h) => h.id)).toContain('r39-kim-won-hong');
  });

  it('filters search by schema, including descendant schemas', async () => {
    const orgs = await searchEntities(t.db, 'Mansudae', { schema: 'Organization' });
    expect(orgs.map((h) => h.id)).toContain('r39-mansudae-overseas-project-group');
    const people = await searchEntities(t.db, 'Mansudae', { schema: 'Person' });
    expect(people.map((h) => h.id)).not.toContain('r39-mansudae-overseas-project-group');
  });

  it('shows Kim Won-hong designated under EO 13687, with the quote it rests on', async () => {
    const detail = await getEntity(t.db, 'r39-kim-won-hong');
    expect(detail.entity.schema).toBe('Person');
    expect(detail.entity.topics).toContain('sanction');
    const sanctions = detail.relations.filter((r) => r.schema === 'Sanction');
    expect(sanctions.length).toBeGreaterThan(0);
    const eo = [] as string[];
    for (const s of sanctions) {
      const sanction = await getEntity(t.db, s.id);
      const program = sanction.statements.filter((st) => st.prop === 'program' || st.prop === 'programId');
      for (const p of program) {
        if (/13687/.test(p.value)) {
          expect(p.quote).toBeTruthy();
          eo.push(p.quote!);
        }
      }
    }
    expect(eo.length).toBeGreaterThan(0);
    const seed = fs.readFileSync(path.join(REPO_ROOT, 'data/sources/seeds/004_44246f2efce558ec.txt'), 'utf8');
    for (const q of eo) expect(seed.includes(q) || fs.readdirSync(path.join(REPO_ROOT, 'data/sources/seeds')).some((f) => fs.readFileSync(path.join(REPO_ROOT, 'data/sources/seeds', f), 'utf8').includes(q))).toBe(true);
  });

  it('every statement carries a source, a grade and a quote range that points at the quote', async () => {
    const rows = await t.db.query<{ quote: string; quote_start: number; quote_end: number; body: string }>(
      `SELECT s.quote, s.quote_start, s.quote_end, src.body FROM statements s JOIN sources src ON src.id = s.source_id WHERE src.dataset = 'room39_seeds'`,
    );
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) expect(r.body.slice(r.quote_start, r.quote_end)).toBe(r.quote);
  });

  it('answers an unknown id with a not_found error', async () => {
    await expect(getEntity(t.db, 'r39-no-such-entity')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('rolls a failed transaction back completely', async () => {
    const before = await counts(t);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO sources (id, kind, title, dataset) VALUES ('tx-test', 'document', 'x', 'x')`);
        await tx.query(`INSERT INTO statements (id) VALUES ('broken')`);
      }),
    ).rejects.toThrow();
    expect(await t.db.query(`SELECT id FROM sources WHERE id = 'tx-test'`)).toEqual([]);
    expect(await counts(t)).toEqual(before);
  });
});

describe.each(backends())('bad input on %s', (backend) => {
  it('stops a load at a broken record with file and line, and writes nothing', async () => {
    const t = await freshDb(backend);
    try {
      const root = copyBundle();
      const file = path.join(root, 'data/dataset/seed-000.jsonl');
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.splice(2, 0, '{"type":"figure","id":"broken","metric":"workers"');
      fs.writeFileSync(file, lines.join('\n'));
      await expect(loadBundle(t.db, root)).rejects.toThrow(/data\/dataset\/seed-000\.jsonl:3: not valid JSON/);
      const [row] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM statements');
      expect(row!.n).toBe(0);

      lines[2] = '{"type":"figure","id":"r39-fig-x","metric":"workers","low":5,"high":1,"unit":"persons","qualifier":"range","source":"seed-000","quote":"Room 39","grade":"B2"}';
      fs.writeFileSync(file, lines.join('\n'));
      await expect(loadBundle(t.db, root)).rejects.toThrow(/seed-000\.jsonl:3: .*low \(5\) is above high \(1\)/);

      lines[2] = '{"type":"figure","id":"r39-fig-x","metric":"workers","low":5,"high":10,"unit":"persons","qualifier":"range","source":"seed-000","quote":"words that are not in the seed","grade":"F2"}';
      fs.writeFileSync(file, lines.join('\n'));
      await expect(loadBundle(t.db, root)).rejects.toThrow(/seed-000\.jsonl:3: quote is not an exact substring/);

      // seed-000 is an unsigned blog: the rubric (docs/grading.md) gives it F, and its records carry that letter.
      lines[2] = '{"type":"figure","id":"r39-fig-x","metric":"workers","low":5,"high":10,"unit":"persons","qualifier":"range","source":"seed-000","quote":"Room 39","grade":"B2"}';
      fs.writeFileSync(file, lines.join('\n'));
      await expect(loadBundle(t.db, root)).rejects.toThrow(/seed-000\.jsonl:3: grade B2 does not carry its source's letter F/);
      fs.rmSync(root, { recursive: true, force: true });
    } finally {
      await t.dispose();
    }
  });
});

describe('database that cannot be reached', () => {
  it('names the URL (without its password) that failed', async () => {
    await expect(openDb({ databaseUrl: 'postgres://room39:secret@127.0.0.1:1/room39' })).rejects.toThrow(
      /postgres:\/\/room39:\*\*\*@127\.0\.0\.1:1\/room39: cannot connect/,
    );
  });
});
