/**
 * The derived rows (entities, entity_names) of many new entities at once, by
 * COPY (PGlite): a list's first version creates ~36,000 entities, whose rows
 * `writeEntitySummaries` would upsert in batches of parameter arrays. The
 * rows are the same (entities.ts `derivedRows`); every row gets one write
 * time (the clock when the rows go in), where the upsert stamps each row's.
 * When a table holds little beside them, its indexes are built after the load.
 */
import { copyHeldInBulk, CopyBuffer, type Column, type CopyCapable } from './bulk.ts';
import { derivedRows, writeEntitySummaries, type EntitySummary } from './entities.ts';

const ENTITY_COLUMNS: Column[] = ['id', 'schema', 'caption', 'datasets', 'topics', 'first_seen', 'last_seen', 'updated_at']
  .map((name) => ({ name, type: 'text' }));
const NAME_COLUMNS: Column[] = ['entity_id', 'name', 'norm', 'prop'].map((name) => ({ name, type: 'text' }));

/** A text[] value in COPY's text format (before COPY's own escaping). */
const arrayText = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/**
 * Writes the derived rows of entities that have none yet (new in this transaction, every accepted statement of
 * each summarised). Should any of them have a row already, the upsert path writes them instead.
 */
export async function copyNewEntities(q: CopyCapable, summaries: ReadonlyMap<string, EntitySummary>): Promise<void> {
  const ids = [...summaries.keys()];
  const [held] = await q.query<{ n: number }>(
    'SELECT (SELECT count(*) FROM entities WHERE id = ANY($1::text[])) + (SELECT count(*) FROM entity_names WHERE entity_id = ANY($1::text[]))::int AS n', [ids]);
  if (!ids.length || Number(held?.n) > 0) return writeEntitySummaries(q, summaries);
  const { cols, names } = await derivedRows(q, summaries, ids);
  const [clock] = await q.query<{ now: string }>('SELECT clock_timestamp()::text AS now');
  const entities = new CopyBuffer();
  for (let i = 0; i < cols[0].length; i++) {
    entities.push([cols[0][i], cols[1][i], cols[2][i], arrayText(cols[3][i]!), arrayText(cols[4][i]!), cols[5][i], cols[6][i], clock!.now]);
  }
  const nameRows = new CopyBuffer();
  for (const n of names) nameRows.push(n);
  await copyHeldInBulk(q, 'entities', ENTITY_COLUMNS, entities);
  await copyHeldInBulk(q, 'entity_names', NAME_COLUMNS, nameRows);
}
