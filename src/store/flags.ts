/**
 * The risks the graph knows for a canonical entity, computed once over all
 * its records: sanctioned (each designation with its list, programme and
 * date), labour-export company (sends North Korean workers abroad), and
 * employer or host of North Korean workers (the CAATSA §321(b) risk). Each
 * flag names its source and the record it was found on. Screening, search,
 * `/match` and entity pages all read them from here.
 */
import type { RiskFlag } from '../match/types.ts';
import { compareC, nextTurn, queriesOnThisThread, queryInBatches, scanInChunks } from './batches.ts';
import type { Queryable } from './db.ts';

/** `official`: the source is an official list version (sources.kind 'sanctions_list'), not a report or the curated graph. */
interface SanctionRow { target: string; sanction_id: string; source_id: string; title: string; official: boolean }
interface SanctionProp { entity_id: string; prop: string; value: string }
interface DeploymentRow { sender_id: string | null; employer_id: string | null; country: string; source_id: string; title: string }

const DATE_PROPS = ['listingDate', 'startDate', 'date'];

function sanctionedFlag(r: SanctionRow, props: readonly SanctionProp[]): RiskFlag {
  const program = [...new Set(props.filter((p) => p.prop === 'program').map((p) => p.value))].join(', ') || null;
  const date = DATE_PROPS.map((d) => props.find((p) => p.prop === d)?.value).find((v) => !!v) ?? null;
  const detail = [program && `programme ${program}`, date && `listed ${date}`].filter(Boolean).join(', ');
  // A designation a report or the curated graph states is not the list itself: its label says whose word it is.
  return { kind: 'sanctioned', label: `Sanctioned${detail ? ` (${detail})` : ''}${r.official ? ': ' : ', according to: '}${r.title}`, program, date, source: { id: r.source_id, title: r.title }, record: r.target };
}

const SANCTIONS = `SELECT DISTINCT s.value AS target, s.entity_id AS sanction_id, s.source_id, src.title, src.kind = 'sanctions_list' AS official
       FROM statements s JOIN sources src ON src.id = s.source_id
      WHERE s.schema = 'Sanction' AND s.prop = 'entity' AND s.review_status = 'accepted' AND s.dataset <> 'dprk'
        AND ($1::text[] IS NULL OR s.value = ANY($1::text[]))
      ORDER BY s.entity_id`;
const SANCTION_PROPS = `SELECT entity_id, prop, value FROM statements
      WHERE schema = 'Sanction' AND review_status = 'accepted' AND prop = ANY($1::text[])
        AND ($2::text[] IS NULL OR entity_id = ANY($2::text[]))`;

interface Designations { sanctions: SanctionRow[]; propsOf: Map<string, SanctionProp[]> }

function addProps(propsOf: Map<string, SanctionProp[]>, rows: readonly SanctionProp[]): void {
  for (const p of rows) {
    const list = propsOf.get(p.entity_id);
    if (list) list.push(p);
    else propsOf.set(p.entity_id, [p]);
  }
}

/** The designations (of `ids`, or all) and their programmes and dates, as `SANCTIONS` and `SANCTION_PROPS` give them. */
async function designationsAtOnce(q: Queryable, ids: string[] | null, batch: number): Promise<Designations> {
  const sanctions: SanctionRow[] = [];
  await queryInBatches<SanctionRow>(q, SANCTIONS, [ids], batch, (b) => { for (const r of b) sanctions.push(r); });
  const propsOf = new Map<string, SanctionProp[]>();
  await queryInBatches<SanctionProp>(q, SANCTION_PROPS, [['program', ...DATE_PROPS], ids ? sanctions.map((s) => s.sanction_id) : null], batch, (rows) => addProps(propsOf, rows));
  return { sanctions, propsOf };
}

/**
 * Every designation, the same as `designationsAtOnce` gives, on a store whose queries run on this thread: one scan of
 * the Sanction statements a range of pages at a time (store/batches.ts), split here; the designations made distinct
 * and sorted as `SANCTIONS` does (PostgreSQL sorts by all four columns to make them distinct, in PGlite's C collation).
 */
async function designationsInChunks(q: Queryable, batch: number): Promise<Designations> {
  const sources = new Map((await q.query<{ id: string; title: string; official: boolean }>("SELECT id, title, kind = 'sanctions_list' AS official FROM sources")).map((r) => [r.id, r]));
  const distinct = new Map<string, SanctionRow>();
  const propsOf = new Map<string, SanctionProp[]>();
  const props = new Set(['program', ...DATE_PROPS]);
  const sql = (range: string) => `SELECT entity_id, prop, value, source_id, dataset <> 'dprk' AS listed FROM statements
      WHERE ${range} AND schema = 'Sanction' AND review_status = 'accepted' AND prop = ANY($1::text[])`;
  await scanInChunks<SanctionProp & { source_id: string; listed: boolean }>(q, { table: 'statements', sql, params: [['entity', ...props]] }, batch, (rows) => {
    for (const r of rows) {
      if (props.has(r.prop)) addProps(propsOf, [{ entity_id: r.entity_id, prop: r.prop, value: r.value }]);
      const source = sources.get(r.source_id);
      if (r.prop !== 'entity' || !r.listed || source === undefined) continue;
      const row: SanctionRow = { target: r.value, sanction_id: r.entity_id, source_id: r.source_id, title: source.title, official: source.official };
      distinct.set(JSON.stringify([row.sanction_id, row.target, row.source_id, row.title]), row);
    }
  });
  const sanctions = [...distinct.values()];
  sanctions.sort((a, b) => compareC(a.sanction_id, b.sanction_id) || compareC(a.target, b.target) || compareC(a.source_id, b.source_id) || compareC(a.title, b.title));
  return { sanctions, propsOf };
}

/**
 * Flags per canonical entity. `canonicalOf` maps a record to its canonical
 * id; `only` limits the look-up to these records (all records when absent).
 */
export async function flagsOf(q: Queryable, canonicalOf: (id: string) => string, only?: readonly string[]): Promise<Map<string, RiskFlag[]>> {
  const ids = only ? [...new Set(only)] : null;
  const out = new Map<string, RiskFlag[]>();
  const seen = new Set<string>();
  const add = (record: string, key: string, f: RiskFlag) => {
    const id = canonicalOf(record);
    if (seen.has(`${id}|${key}`)) return;
    seen.add(`${id}|${key}`);
    out.set(id, [...(out.get(id) ?? []), f]);
  };
  // Over the whole store these are tens of thousands of rows: read in batches (store/batches.ts); a few records' in one query.
  const BATCH = ids ? Number.MAX_SAFE_INTEGER : 5_000;
  // The whole store's, read on this thread (PGlite in the server): in ranges, and the server's other requests get turns.
  const chunked = !ids && queriesOnThisThread(q);
  const { sanctions, propsOf } = chunked ? await designationsInChunks(q, BATCH) : await designationsAtOnce(q, ids, BATCH);
  for (let i = 0; i < sanctions.length; i++) {
    const r = sanctions[i]!;
    add(r.target, r.sanction_id, sanctionedFlag(r, propsOf.get(r.sanction_id) ?? []));
    // The server's other requests get a turn now and then (tens of thousands of designations over the whole store).
    if (chunked && i % 2_000 === 1_999) await nextTurn();
  }
  const deployments = await q.query<DeploymentRow>(
    `SELECT d.sender_id, d.employer_id, d.country, d.source_id, src.title FROM deployments d JOIN sources src ON src.id = d.source_id
      WHERE $1::text[] IS NULL OR d.sender_id = ANY($1::text[]) OR d.employer_id = ANY($1::text[])
      ORDER BY d.source_id, d.country`, [ids]);
  for (const r of deployments) {
    const source = { id: r.source_id, title: r.title };
    if (r.sender_id) add(r.sender_id, `export|${r.source_id}|${r.country}`, { kind: 'labour_export', label: `Sends North Korean workers abroad (${r.country})`, program: null, source, record: r.sender_id });
    if (r.employer_id) add(r.employer_id, `host|${r.source_id}|${r.country}`, { kind: 'labour_host', label: `Employer or host of North Korean workers (${r.country}): CAATSA §321(b) risk`, program: null, source, record: r.employer_id });
  }
  return out;
}
