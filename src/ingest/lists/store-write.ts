/**
 * Bulk writes of list imports. A list statement stored before keeps its row:
 * the version that first stated the value stays its source, and its last
 * seen is read from the list's newest version (migration 047); only a
 * changed schema or an earlier first_seen is written, so a new version
 * rewrites no row it states as before.
 */
import type { Statement } from '../../model/index.ts';
import type { Queryable } from '../../store/db.ts';
import { copyHeld, copyHeldInBulk, countRows, CopyBuffer, withIndexesSetAside, type Column, type ColumnType, type CopyCapable } from '../../store/bulk.ts';

const CHUNK = 5000;
/**
 * A list statement stored before by a version of the same list (`previous`, the parameter `$n`) keeps its row: its source
 * and dates stay, and it is rewritten only for a changed schema or an earlier first_seen. One stored from elsewhere (another
 * source gave the same value) moves to this version, as its first list version to state it.
 */
const upsert = (n: number) => `ON CONFLICT (id) DO UPDATE SET
  source_id = CASE WHEN statements.source_id = ANY($${n}::text[]) THEN statements.source_id ELSE EXCLUDED.source_id END,
  last_seen = CASE WHEN statements.source_id = ANY($${n}::text[]) THEN statements.last_seen ELSE GREATEST(statements.last_seen, EXCLUDED.last_seen) END,
  schema = EXCLUDED.schema, first_seen = LEAST(statements.first_seen, EXCLUDED.first_seen)
  WHERE NOT (statements.source_id = ANY($${n}::text[])) OR statements.schema IS DISTINCT FROM EXCLUDED.schema OR EXCLUDED.first_seen < statements.first_seen`;

export async function upsertListStatements(q: Queryable, statements: readonly Statement[], previous: readonly string[]): Promise<void> {
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
       ${upsert(18)}`,
      [...cols, previous],
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
  snapshotJson?: string;
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
        part.map((r) => r.caption), part.map((r) => r.hash), part.map((r) => r.snapshotJson ?? JSON.stringify(r.snapshot)), part.map((r) => r.dprk),
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
const DIGEST_COLUMNS: Column[] = ['dataset', 'entry_id', 'entity_id', 'schema', 'caption', 'dprk', 'content_hash', 'raw_hash', 'linked_to']
  .map((name) => ({ name, type: name === 'dprk' ? 'bool' : 'text' }));
const CHANGE_COLUMNS: Column[] = ['id', 'dataset', 'source_id', 'version', 'entry_id', 'entity_id', 'schema', 'caption', 'change', 'dprk', 'details']
  .map((name) => ({ name, type: name === 'details' ? 'jsonb' : name === 'dprk' ? 'bool' : 'text' }));

/**
 * A first version, held until the file has been read whole: its statements,
 * entries and changes as COPY text outside the JS heap (store/bulk.ts
 * CopyBuffer). A statement id given again keeps its first row and its last
 * schema, as the batched upsert did.
 */
export class HeldVersion {
  readonly statements = new CopyBuffer();
  readonly entries = new CopyBuffer();
  readonly changes = new CopyBuffer();
  readonly digests = new CopyBuffer();
  private readonly ids = new Set<string>();
  readonly laterSchema = new Map<string, string>();

  addStatement(s: Statement): void {
    if (this.ids.has(s.id)) { this.laterSchema.set(s.id, s.schema); return; }
    this.ids.add(s.id);
    this.statements.push([s.id, s.entityId, s.schema, s.prop, s.value, s.originalValue, s.dataset, s.sourceId, s.quote,
      s.quoteStart, s.quoteEnd, s.page, s.reliability, s.firstSeen, s.lastSeen, s.recordedBy, s.reviewStatus]);
  }

  addEntry(r: EntryRow): void {
    this.entries.push([r.dataset, r.entryId, r.entityId, r.schema, r.caption, r.hash, r.snapshotJson ?? JSON.stringify(r.snapshot), r.dprk, r.firstSeen, r.lastSeen, r.sourceId]);
  }

  addDigest(r: DigestRow): void {
    this.digests.push(digestValues(r));
  }

  addChange(r: ChangeRow): void {
    this.changes.push([r.id, r.dataset, r.sourceId, r.version, r.entryId, r.entityId, r.schema, r.caption, r.change, r.dprk, JSON.stringify(r.details)]);
  }
}

const STATEMENT_NAMES = STATEMENT_COLUMNS.map((c) => c.name).join(', ');

/**
 * The first version of a list (PGlite), written at once by COPY: its entries
 * and changes are new (the caller checked that nothing of the dataset is
 * stored). Its statements too, unless some entity of it already had
 * statements (`storedBefore`): then they go through a temporary table and
 * the same upsert as the batched path. When they outnumber half the
 * statements already stored, the table's indexes and keys are rebuilt after
 * the load instead of updated row by row.
 */
export async function writeFirstVersion(q: CopyCapable, held: HeldVersion, storedBefore: boolean): Promise<void> {
  if (storedBefore) {
    await q.query('CREATE TEMP TABLE held_statements (LIKE statements) ON COMMIT DROP');
    await copyHeld(q, 'held_statements', STATEMENT_COLUMNS, held.statements);
    await q.query(`INSERT INTO statements (${STATEMENT_NAMES}) SELECT ${STATEMENT_NAMES} FROM held_statements ${upsert(1)}`, [[]]);
    await q.query('DROP TABLE held_statements');
  } else if (held.statements.rows * 2 >= await countRows(q, 'statements')) {
    await withIndexesSetAside(q, 'statements', () => copyHeld(q, 'statements', STATEMENT_COLUMNS, held.statements));
    // The table is now mostly these rows: fresh statistics keep the planner from nested loops sized for the table before.
    await q.query('ANALYZE statements');
  } else {
    await copyHeld(q, 'statements', STATEMENT_COLUMNS, held.statements);
  }
  if (held.laterSchema.size) {
    await q.query('UPDATE statements s SET schema = u.schema FROM unnest($1::text[], $2::text[]) AS u(id, schema) WHERE s.id = u.id',
      [[...held.laterSchema.keys()], [...held.laterSchema.values()]]);
  }
  // A list's first version is most of these tables' rows (in a new store, all of them): their indexes, keys and foreign
  // keys are built after the load, as the statements' are, instead of each row's checked and indexed one at a time.
  await copyHeldInBulk(q, 'list_entries', ENTRY_COLUMNS, held.entries);
  await copyHeldInBulk(q, 'list_changes', CHANGE_COLUMNS, held.changes);
  await copyHeldInBulk(q, 'list_entry_digests', DIGEST_COLUMNS, held.digests);
}

/** An entry's row of list_entry_digests (migration 048): what an update compares and keeps of an entry it does not parse. */
export interface DigestRow {
  dataset: string;
  entryId: string;
  entityId: string;
  schema: string;
  caption: string;
  dprk: boolean;
  contentHash: string;
  /** Hash of the entry's raw record in the file (raw-records.ts); null for formats not split. */
  rawHash: string | null;
  /** Lookup keys of the entry's "Linked To:" names. */
  linkedTo: readonly string[];
}

/** A text[] literal for COPY and for a text parameter cast to text[]. */
const arrayLiteral = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

const digestValues = (r: DigestRow) => [r.dataset, r.entryId, r.entityId, r.schema, r.caption, r.dprk, r.contentHash, r.rawHash, arrayLiteral(r.linkedTo)];

/** Writes entries' digest rows (new, or replacing the stored one). */
export async function upsertDigests(q: Queryable, rows: readonly DigestRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK).map(digestValues);
    await q.query(
      `INSERT INTO list_entry_digests (dataset, entry_id, entity_id, schema, caption, dprk, content_hash, raw_hash, linked_to)
       SELECT u.d, u.e, u.ent, u.s, u.c, u.dp, u.h, u.raw, u.l::text[]
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::text[], $8::text[], $9::text[])
           AS u(d, e, ent, s, c, dp, h, raw, l)
       ON CONFLICT (dataset, entry_id) DO UPDATE SET entity_id = EXCLUDED.entity_id, schema = EXCLUDED.schema, caption = EXCLUDED.caption,
         dprk = EXCLUDED.dprk, content_hash = EXCLUDED.content_hash, raw_hash = EXCLUDED.raw_hash, linked_to = EXCLUDED.linked_to`,
      Array.from({ length: 9 }, (_, k) => part.map((r) => r[k])),
    );
  }
}

/** Delisted entries leave the digests (list_entries keeps them). */
export async function deleteDigests(q: Queryable, dataset: string, entryIds: readonly string[]): Promise<void> {
  if (entryIds.length) await q.query('DELETE FROM list_entry_digests WHERE dataset = $1 AND entry_id = ANY($2::text[])', [dataset, entryIds]);
}
