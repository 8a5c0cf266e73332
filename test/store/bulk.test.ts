import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDb, type TestDb } from '../support/db.ts';
import { canCopy, copyRows, withIndexesSetAside } from '../../src/store/bulk.ts';

async function keysOf(t: TestDb) {
  const idx = await t.db.query<{ d: string }>(`SELECT indexdef AS d FROM pg_indexes WHERE tablename = 'statements' ORDER BY indexname`);
  const con = await t.db.query<{ d: string }>(`SELECT conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE conrelid = 'statements'::regclass ORDER BY conname`);
  return [...idx.map((r) => r.d), ...con.map((r) => r.d)];
}

const SOURCE = { id: 'src-bulk', kind: 'document', title: 'bulk test', publisher: 'test', dataset: 'test' };
const COLUMNS = ['id', 'entity_id', 'schema', 'prop', 'value', 'dataset', 'source_id', 'quote_start', 'reliability', 'first_seen', 'last_seen', 'recorded_by']
  .map((name) => ({ name, type: name === 'quote_start' ? 'int' as const : 'text' as const }));
const row = (id: string, value: string, quoteStart: number | null = null) =>
  [id, 'e-bulk', 'Person', 'name', value, 'test', SOURCE.id, quoteStart, 'A1', '2026-01-01', '2026-01-01', 'test'];

describe.each(backends())('bulk loading (%s)', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(backend);
    await t.db.query('INSERT INTO sources (id, kind, title, publisher, dataset) VALUES ($1, $2, $3, $4, $5)', Object.values(SOURCE));
  });
  afterAll(async () => { await t.dispose(); });

  it('copies values with tabs, line breaks, backslashes and nulls unchanged', async () => {
    const odd = ['tab\there', 'line\nbreak\r\nand return', 'back\\slash \\N not null', 'Ünïcode — 김정은', ''];
    await t.db.transaction((tx) => copyRows(tx, 'statements', COLUMNS, odd.map((v, i) => row(`st-bulk-${i}`, v, i === 0 ? null : i))));
    const rows = await t.db.query<{ id: string; value: string; quote_start: number | null }>(`SELECT id, value, quote_start FROM statements WHERE entity_id = 'e-bulk' ORDER BY id`);
    expect(rows.map((r) => r.value)).toEqual(odd);
    expect(rows.map((r) => r.quote_start)).toEqual([null, 1, 2, 3, 4]);
  });

  it('sets indexes and keys aside and builds the same ones again; a duplicate key found then rolls everything back', async () => {
    const before = await keysOf(t);
    expect(before.some((d) => /PRIMARY KEY/.test(d))).toBe(true);
    await t.db.transaction((tx) => withIndexesSetAside(tx, 'statements', () => copyRows(tx, 'statements', COLUMNS, [row('st-bulk-new', 'new')])));
    expect(await keysOf(t)).toEqual(before);
    await expect(t.db.transaction((tx) => withIndexesSetAside(tx, 'statements', () => copyRows(tx, 'statements', COLUMNS, [row('st-bulk-new', 'again')]))))
      .rejects.toThrow(/duplicate|unique/i);
    expect(await keysOf(t)).toEqual(before);
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM statements WHERE id = 'st-bulk-new'`);
    expect(n!.n).toBe(1);
  });

  it('a foreign key the rows break is found when it is built again', async () => {
    const bad = [...row('st-bulk-orphan', 'x')];
    bad[6] = 'no-such-source';
    await expect(t.db.transaction((tx) => withIndexesSetAside(tx, 'statements', () => copyRows(tx, 'statements', COLUMNS, [bad]))))
      .rejects.toThrow(/foreign key/i);
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM statements WHERE id = 'st-bulk-orphan'`);
    expect(n!.n).toBe(0);
  });

  it('uses COPY on PGlite only', async () => {
    await t.db.transaction(async (tx) => { expect(canCopy(tx)).toBe(backend === 'pglite'); });
  });
});
