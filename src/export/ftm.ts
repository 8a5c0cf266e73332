/**
 * `room39 export ftm [--public] --out FILE [--statements FILE]`: the graph as
 * FollowTheMoney entities, one JSON object per line, in the form
 * OpenSanctions' tools read (`id`, `schema`, `properties`, `caption`,
 * `datasets`, `referents`, `first_seen`, `last_seen`, `target`), and
 * optionally its statements as nomenklatura's statement CSV. Linked records
 * are exported once, under their canonical id, with the others as referents.
 * room39's LegalInstrument is exported as FtM Document; a property FtM lacks
 * is left out. `--public` drops every statement isProtected() marks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { defaultModel } from '@alephdata/followthemoney';
import { Room39Error } from '../errors.ts';
import type { Queryable } from '../store/db.ts';
import { reconcileSchemas } from '../store/ftm.ts';
import { allClusters } from '../store/resolver.ts';
import { JOIN_LIST_SEEN, STATEMENT_LAST_SEEN } from '../store/list-seen.ts';
import { isProtected } from './protected.ts';
import { ftmProblems, schemaSpec, type FtmEntityJson } from './validate.ts';

export interface ExportOptions {
  out: string;
  public: boolean;
  /** nomenklatura statement CSV, written alongside. */
  statementsOut?: string | null;
}

export interface ExportReport {
  out: string;
  statements_out: string | null;
  entities: number;
  statements: number;
  protected_left_out: number;
  values_left_out: number;
}

interface Row {
  entity_id: string;
  schema: string;
  prop: string;
  value: string;
  original_value: string | null;
  dataset: string;
  first_seen: string;
  last_seen: string;
  source_kind: string | null;
  id: string;
}

const FTM_TOPICS = defaultModel.types.topic?.values ?? {};

const exportSchema = (schema: string) => (schema === 'LegalInstrument' ? 'Document' : schema);

function propType(schema: string, prop: string): string | null {
  const s = schemaSpec(schema);
  if (!s) return null;
  const seen = new Set<string>();
  const walk = (name: string): string | null => {
    if (seen.has(name)) return null;
    seen.add(name);
    const d = schemaSpec(name);
    if (!d) return null;
    if (Object.hasOwn(d.properties, prop)) return d.properties[prop]!.type;
    for (const p of d.extends) { const t = walk(p); if (t) return t; }
    return null;
  };
  return walk(schema);
}

interface Clusters {
  /** Linked record id → its canonical id. */
  canonicalOf: Map<string, string>;
  /** Canonical id → the records merged into it. */
  members: Map<string, string[]>;
}

/** The canonical entities of the resolver (store/resolver.ts): the records merged into each. */
async function readClusters(q: Queryable): Promise<Clusters> {
  const canonicalOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const [canonical, records] of await allClusters(q)) {
    const others = records.filter((r) => r !== canonical);
    members.set(canonical, others);
    for (const r of others) canonicalOf.set(r, canonical);
  }
  return { canonicalOf, members };
}

const STATEMENT_COLUMNS = ['id', 'entity_id', 'canonical_id', 'prop', 'prop_type', 'schema', 'value', 'dataset', 'lang', 'original_value', 'external', 'first_seen', 'last_seen'];
type StatementCsvRow = Record<(typeof STATEMENT_COLUMNS)[number], string>;

/** Output written to temporary files and renamed at the end: a failed export leaves no partial file. */
class ExportFiles {
  private readonly tmp: string;
  private readonly tmpStatements: string | null;
  private readonly out: fs.WriteStream;
  private readonly csvFile: fs.WriteStream | null;
  private readonly csv: ReturnType<typeof stringify> | null;

  constructor(private readonly opts: ExportOptions) {
    this.tmp = `${opts.out}.part-${process.pid}`;
    this.tmpStatements = opts.statementsOut ? `${opts.statementsOut}.part-${process.pid}` : null;
    this.out = fs.createWriteStream(this.tmp, { encoding: 'utf8' });
    this.csvFile = this.tmpStatements ? fs.createWriteStream(this.tmpStatements, { encoding: 'utf8' }) : null;
    this.csv = this.csvFile ? stringify({ header: true, columns: STATEMENT_COLUMNS }) : null;
    if (this.csv && this.csvFile) this.csv.pipe(this.csvFile);
  }

  async entity(entity: FtmEntityJson): Promise<void> {
    if (!this.out.write(`${JSON.stringify(entity)}\n`)) await once(this.out, 'drain');
  }

  statement(row: StatementCsvRow): void {
    this.csv?.write(row);
  }

  async commit(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
    if (this.csv && this.csvFile) { this.csv.end(); await once(this.csvFile, 'finish'); }
    fs.renameSync(this.tmp, this.opts.out);
    if (this.tmpStatements && this.opts.statementsOut) fs.renameSync(this.tmpStatements, this.opts.statementsOut);
  }

  discard(): void {
    for (const s of [this.out, this.csvFile, this.csv]) { s?.on('error', () => undefined); s?.destroy(); }
    fs.rmSync(this.tmp, { force: true });
    if (this.tmpStatements) fs.rmSync(this.tmpStatements, { force: true });
  }
}

/** One canonical entity from the statements of its records; undefined when nothing of it can be exported. */
function buildEntity(id: string, list: readonly Row[], derivedTopics: ReadonlySet<string>, clusters: Clusters, files: ExportFiles, report: ExportReport): FtmEntityJson | undefined {
  const canon = (x: string) => clusters.canonicalOf.get(x) ?? x;
  const schema = exportSchema(list.map((r) => exportSchema(r.schema)).reduce(reconcileSchemas));
  const properties: Record<string, string[]> = {};
  // Topics the store derives (a Sanction makes its entity `sanction`) come across with the stated ones.
  const topics = new Set<string>([...derivedTopics].filter((t) => Object.hasOwn(FTM_TOPICS, t)));
  const datasets = new Set<string>();
  for (const r of list) {
    datasets.add(r.dataset);
    const type = propType(schema, r.prop);
    let value = r.value;
    if (!type) { report.values_left_out++; continue; }
    if (type === 'entity') value = canon(value);
    if (r.prop === 'topics' && !Object.hasOwn(FTM_TOPICS, value)) { report.values_left_out++; continue; }
    if (r.prop === 'topics') topics.add(value);
    // A value FtM would reject (too long for its type, a malformed date) is left out, not exported broken.
    if (ftmProblems({ id, schema, properties: { [r.prop]: [value] } }).length) { report.values_left_out++; continue; }
    const values = (properties[r.prop] ??= []);
    if (!values.includes(value)) values.push(value);
    report.statements++;
    files.statement({
      id: r.id, entity_id: r.entity_id, canonical_id: id, prop: r.prop, prop_type: type, schema, value,
      dataset: r.dataset, lang: '', original_value: r.original_value ?? '', external: 'false',
      first_seen: r.first_seen, last_seen: r.last_seen,
    });
  }
  if (Object.keys(properties).length === 0) return undefined;
  if (topics.size && propType(schema, 'topics')) properties.topics = [...new Set([...(properties.topics ?? []), ...topics])];
  const entity: FtmEntityJson = {
    id,
    schema,
    properties,
    caption: properties.name?.[0] ?? properties.title?.[0] ?? id,
    datasets: [...datasets].sort(),
    // Every record behind the entity, itself included (as search, screening and /match answer).
    referents: [id, ...(clusters.members.get(id) ?? []).sort()],
    first_seen: list.map((r) => r.first_seen).sort()[0] ?? null,
    last_seen: list.map((r) => r.last_seen).sort().at(-1) ?? null,
    target: topics.has('sanction'),
  };
  const problems = ftmProblems(entity);
  if (problems.length) throw new Room39Error('invalid_data', `entity ${id} does not validate as FtM: ${problems.join('; ')}`);
  return entity;
}

/** One page of canonical entities: their records' accepted statements, grouped under the canonical id. */
async function exportPage(q: Queryable, ids: readonly string[], clusters: Clusters, opts: ExportOptions, files: ExportFiles, report: ExportReport): Promise<void> {
  const cluster = ids.flatMap((id) => [id, ...(clusters.members.get(id) ?? [])]);
  const derivedTopics = new Map((await q.query<{ id: string; topics: string[] }>(
    'SELECT id, topics FROM entities WHERE id = ANY($1::text[])', [cluster])).map((p) => [p.id, p.topics]));
  const rows = await q.query<Row>(
    `SELECT s.id, s.entity_id, s.schema, s.prop, s.value, s.original_value, s.dataset, s.first_seen, ${STATEMENT_LAST_SEEN} AS last_seen,
            src.kind AS source_kind
       FROM statements s LEFT JOIN sources src ON src.id = s.source_id ${JOIN_LIST_SEEN}
      WHERE s.entity_id = ANY($1::text[]) AND s.review_status = 'accepted'
      ORDER BY s.entity_id, s.prop, s.value`, [cluster]);
  const byCanonical = new Map<string, Row[]>();
  for (const r of rows) {
    if (opts.public && isProtected({ schema: r.schema, prop: r.prop, dataset: r.dataset, sourceKind: r.source_kind })) { report.protected_left_out++; continue; }
    const c = clusters.canonicalOf.get(r.entity_id) ?? r.entity_id;
    byCanonical.set(c, [...(byCanonical.get(c) ?? []), r]);
  }
  for (const id of ids) {
    const list = byCanonical.get(id);
    if (!list?.length) continue;
    const topics = new Set([id, ...(clusters.members.get(id) ?? [])].flatMap((m) => derivedTopics.get(m) ?? []));
    const entity = buildEntity(id, list, topics, clusters, files, report);
    if (!entity) continue;
    await files.entity(entity);
    report.entities++;
  }
}

export async function exportFtm(q: Queryable, opts: ExportOptions): Promise<ExportReport> {
  const outDir = path.dirname(path.resolve(opts.out));
  if (!fs.existsSync(outDir)) throw new Room39Error('invalid_input', 'the folder to write into does not exist', outDir);
  // A folder given as the file (--out exports/): said before the export runs, not as a failed rename at its end.
  for (const file of [opts.out, opts.statementsOut]) {
    if (file && (/[\\/]$/.test(file) || (fs.existsSync(file) && fs.statSync(file).isDirectory()))) {
      throw new Room39Error('invalid_input', `is a folder; give the name of a file to write, e.g. ${path.join(file, 'graph.ftm.json')}`, file);
    }
  }
  const files = new ExportFiles(opts);
  const report: ExportReport = { out: opts.out, statements_out: opts.statementsOut ?? null, entities: 0, statements: 0, protected_left_out: 0, values_left_out: 0 };
  try {
    const clusters = await readClusters(q);
    // Each canonical entity once, when the first of its records comes (its canonical record may have left every list).
    const done = new Set<string>();
    let after = '';
    for (;;) {
      const page = await q.query<{ id: string }>(`SELECT id FROM entities WHERE id > $1 ORDER BY id LIMIT 500`, [after]);
      if (!page.length) break;
      after = page.at(-1)!.id;
      const ids = [...new Set(page.map((p) => clusters.canonicalOf.get(p.id) ?? p.id))].filter((id) => !done.has(id));
      for (const id of ids) done.add(id);
      await exportPage(q, ids, clusters, opts, files, report);
    }
    await files.commit();
    return report;
  } catch (e) {
    files.discard();
    throw e;
  }
}
