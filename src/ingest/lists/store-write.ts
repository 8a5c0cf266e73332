/**
 * Bulk writes of list imports. The store's writeStatements keeps a stored
 * statement's source; a list statement instead moves to the newest version
 * that still states it (its first_seen stays), so this upsert is its own.
 */
import type { Statement } from '../../model/index.ts';
import type { Queryable } from '../../store/db.ts';
import { canCopy, copyRows, countRows, withIndexesSetAside, type Column, type ColumnType } from '../../store/bulk.ts';

const CHUNK = 5000;

export async function upsertListStatements(q: Queryable, statements: readonly Statement[]): Promise<void> {
  for (let i = 0; i < statements.length; i += CHUNK) {
    const part = statements.slice(i, i + CHUNK);
    const cols: unknown[][] = Array.from({ length: 17 }, () => []);
    for (const s of part) {
      [s.id, s.entityId, s.schema, s.prop, s.value, s.originalValue, s.dataset, s.sourceId, s.quote, s.quoteStart, s.quoteEnd,
        s.page, s.reliability, s.firstSeen, s.lastSeen, s.recordedBy, s.reviewStatus].forEach((v, k) => cols[k]!.push(v));
    }
    await q.query(
      `INSERT INTO statements (id, entity_id, schema, prop, value, original_value, dataset, source_id, quote,
         quote_start, quote_end, page, reliability, first_seen, last_seen, recorded_by, review_status)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::int[], $11::int[], $12::int[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
       ON CONFLICT (id) DO UPDATE SET source_id = EXCLUDED.source_id, schema = EXCLUDED.schema,
         last_seen = GREATEST(statements.last_seen, EXCLUDED.last_seen),
         first_seen = LEAST(statements.first_seen, EXCLUDED.first_seen)`,
      cols,
    );
  }
}

export interface EntryRow {
  dataset: string;
  entryId: string;
  entityId: string;
  schema: string;
  caption: string;
  hash: string;
  snapshot: unknown;
  dprk: boolean;
  firstSeen: string;
  lastSeen: string;
  sourceId: string;
}

export async function upsertEntryRows(q: Queryable, rows: readonly EntryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await q.query(
      `INSERT INTO list_entries (dataset, entry_id, entity_id, schema, caption, content_hash, snapshot, dprk, first_seen, last_seen, source_id, removed_on)
       SELECT u.d, u.e, u.ent, u.s, u.c, u.h, u.snap::jsonb, u.dp, u.fs, u.ls, u.src, NULL
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bool[], $9::text[], $10::text[], $11::text[])
           AS u(d, e, ent, s, c, h, snap, dp, fs, ls, src)
       ON CONFLICT (dataset, entry_id) DO UPDATE SET entity_id = EXCLUDED.entity_id, schema = EXCLUDED.schema,
         caption = EXCLUDED.caption, content_hash = EXCLUDED.content_hash, snapshot = EXCLUDED.snapshot, dprk = EXCLUDED.dprk,
         last_seen = EXCLUDED.last_seen, source_id = EXCLUDED.source_id, removed_on = NULL`,
      [part.map((r) => r.dataset), part.map((r) => r.entryId), part.map((r) => r.entityId), part.map((r) => r.schema),
        part.map((r) => r.caption), part.map((r) => r.hash), part.map((r) => JSON.stringify(r.snapshot)), part.map((r) => r.dprk),
        part.map((r) => r.firstSeen), part.map((r) => r.lastSeen), part.map((r) => r.sourceId)],
    );
  }
}

export interface ChangeRow {
  id: string;
  dataset: string;
  sourceId: string;
  version: string;
  entryId: string;
  entityId: string;
  schema: string;
  caption: string;
  change: 'added' | 'changed' | 'removed';
  dprk: boolean;
  details: unknown;
}

export async function insertChanges(q: Queryable, rows: readonly ChangeRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await q.query(
      `INSERT INTO list_changes (id, dataset, source_id, version, entry_id, entity_id, schema, caption, change, dprk, details)
       SELECT u.id, u.d, u.src, u.v, u.e, u.ent, u.s, u.c, u.ch, u.dp, u.det::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bool[], $11::text[])
           AS u(id, d, src, v, e, ent, s, c, ch, dp, det)
       ON CONFLICT (id) DO NOTHING`,
      [part.map((r) => r.id), part.map((r) => r.dataset), part.map((r) => r.sourceId), part.map((r) => r.version),
        part.map((r) => r.entryId), part.map((r) => r.entityId), part.map((r) => r.schema), part.map((r) => r.caption),
        part.map((r) => r.change), part.map((r) => r.dprk), part.map((r) => JSON.stringify(r.details))],
    );
  }
}

const STATEMENT_COLUMNS: Column[] = [
  ['id', 'text'], ['entity_id', 'text'], ['schema', 'text'], ['prop', 'text'], ['value', 'text'], ['original_value', 'text'], ['dataset', 'text'],
  ['source_id', 'text'], ['quote', 'text'], ['quote_start', 'int'], ['quote_end', 'int'], ['page', 'int'], ['reliability', 'text'],
  ['first_seen', 'text'], ['last_seen', 'text'], ['recorded_by', 'text'], ['review_status', 'text'],
].map(([name, type]) => ({ name: name!, type: type as ColumnType }));
const ENTRY_COLUMNS: Column[] = ['dataset', 'entry_id', 'entity_id', 'schema', 'caption', 'content_hash', 'snapshot', 'dprk', 'first_seen', 'last_seen', 'source_id']
  .map((name) => ({ name, type: name === 'snapshot' ? 'jsonb' : name === 'dprk' ? 'bool' : 'text' }));
const CHANGE_COLUMNS: Column[] = ['id', 'dataset', 'source_id', 'version', 'entry_id', 'entity_id', 'schema', 'caption', 'change', 'dprk', 'details']
  .map((name) => ({ name, type: name === 'details' ? 'jsonb' : name === 'dprk' ? 'bool' : 'text' }));

/**
 * The first version of a list, written at once: its statements, entries and
 * changes are all new (the caller checked that nothing of the dataset is
 * stored), so they go in by COPY without conflict handling, and when they
 * outnumber half the statements already stored, the statements table's
 * indexes and keys are rebuilt after the load instead of updated row by row.
 * A statement id given twice keeps its last schema, as the batched upsert did.
 */
export async function writeFirstVersion(q: Queryable, statements: readonly Statement[], entries: readonly EntryRow[], changes: readonly ChangeRow[]): Promise<void> {
  const byId = new Map<string, Statement>();
  for (const s of statements) {
    const had = byId.get(s.id);
    byId.set(s.id, had ? { ...had, schema: s.schema } : s);
  }
  const rows = [...byId.values()].map((s) => [s.id, s.entityId, s.schema, s.prop, s.value, s.originalValue, s.dataset, s.sourceId, s.quote,
    s.quoteStart, s.quoteEnd, s.page, s.reliability, s.firstSeen, s.lastSeen, s.recordedBy, s.reviewStatus]);
  const load = () => copyRows(q, 'statements', STATEMENT_COLUMNS, rows);
  if (canCopy(q) && rows.length * 2 >= await countRows(q, 'statements')) {
    await withIndexesSetAside(q, 'statements', load);
    // The table is now mostly these rows: fresh statistics keep the planner from nested loops sized for the table before.
    await q.query('ANALYZE statements');
  } else await load();
  await copyRows(q, 'list_entries', ENTRY_COLUMNS, entries.map((r) => [r.dataset, r.entryId, r.entityId, r.schema, r.caption, r.hash,
    JSON.stringify(r.snapshot), r.dprk, r.firstSeen, r.lastSeen, r.sourceId]));
  await copyRows(q, 'list_changes', CHANGE_COLUMNS, changes.map((r) => [r.id, r.dataset, r.sourceId, r.version, r.entryId, r.entityId,
    r.schema, r.caption, r.change, r.dprk, JSON.stringify(r.details)]));
}
