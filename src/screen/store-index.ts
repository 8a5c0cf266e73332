/**
 * The screening index built from the store: every matchable entity view with
 * its names, birth dates, countries, identifiers, and the risks the graph
 * knows for it (sanctioned, labour-export company, employer or host of North
 * Korean workers), each risk with the source that says so.
 */
import type { Queryable } from '../store/db.ts';
import { fromEntityView } from '../match/entity.ts';
import { isMatchableSchema } from '../match/score-schema.ts';
import type { MatchableEntity, RiskFlag } from '../match/types.ts';
import type { EntityView } from '../model/index.ts';

const PROPS = [
  'name', 'alias', 'weakAlias', 'previousName', 'firstName', 'lastName', 'birthDate', 'nationality', 'citizenship', 'country',
  'jurisdiction', 'mainCountry', 'flag', 'idNumber', 'passportNumber', 'registrationNumber', 'imoNumber', 'taxNumber', 'innCode',
  'ogrnCode', 'swiftBic', 'leiCode', 'program', 'topics',
];

interface EntityRow { id: string; schema: string; caption: string; datasets: string[] | null; topics: string[] | null }
interface PropRow { entity_id: string; prop: string; value: string }
interface SanctionRow { entity_id: string; sanction_id: string; source_id: string; title: string }
interface ProgramRow { entity_id: string; value: string }
interface DeploymentRow { sender_id: string | null; employer_id: string | null; country: string; source_id: string; title: string }

/** All matchable entities of the store, with their risk flags. */
export async function loadMatchableFromStore(q: Queryable): Promise<MatchableEntity[]> {
  const rows = (await q.query<EntityRow>('SELECT id, schema, caption, datasets, topics FROM entities')).filter((r) => isMatchableSchema(r.schema));
  const wanted = new Set(rows.map((r) => r.id));
  const props = new Map<string, Record<string, string[]>>();
  for (const r of await q.query<PropRow>(
    `SELECT entity_id, prop, value FROM statements WHERE review_status = 'accepted' AND prop = ANY($1::text[])`, [PROPS],
  )) {
    if (!wanted.has(r.entity_id)) continue;
    const p = props.get(r.entity_id) ?? {};
    const list = p[r.prop] ?? (p[r.prop] = []);
    if (!list.includes(r.value)) list.push(r.value);
    props.set(r.entity_id, p);
  }
  const flags = new Map<string, RiskFlag[]>();
  const addFlag = (id: string, f: RiskFlag) => {
    const list = flags.get(id) ?? [];
    if (!list.some((x) => x.kind === f.kind && x.source.id === f.source.id && x.program === f.program)) list.push(f);
    flags.set(id, list);
  };
  const programs = new Map<string, string[]>();
  for (const r of await q.query<ProgramRow>(
    `SELECT entity_id, value FROM statements WHERE schema = 'Sanction' AND prop = 'program' AND review_status = 'accepted'`,
  )) programs.set(r.entity_id, [...(programs.get(r.entity_id) ?? []), r.value]);
  for (const r of await q.query<SanctionRow>(
    `SELECT s.value AS entity_id, s.entity_id AS sanction_id, s.source_id, src.title
       FROM statements s JOIN sources src ON src.id = s.source_id
      WHERE s.schema = 'Sanction' AND s.prop = 'entity' AND s.review_status = 'accepted'`,
  )) {
    const program = (programs.get(r.sanction_id) ?? []).join(', ') || null;
    addFlag(r.entity_id, { kind: 'sanctioned', label: `Sanctioned${program ? ` (programme ${program})` : ''}: ${r.title}`, program, source: { id: r.source_id, title: r.title } });
  }
  for (const r of await q.query<DeploymentRow>(
    `SELECT d.sender_id, d.employer_id, d.country, d.source_id, src.title FROM deployments d JOIN sources src ON src.id = d.source_id`,
  )) {
    if (r.sender_id) addFlag(r.sender_id, { kind: 'labour_export', label: `Sends North Korean workers abroad (${r.country})`, program: null, source: { id: r.source_id, title: r.title } });
    if (r.employer_id) addFlag(r.employer_id, { kind: 'labour_host', label: `Employer or host of North Korean workers (${r.country}): CAATSA §321(b) risk`, program: null, source: { id: r.source_id, title: r.title } });
  }
  const out: MatchableEntity[] = [];
  for (const r of rows) {
    const properties = props.get(r.id) ?? {};
    const view: EntityView = {
      id: r.id, schema: r.schema, caption: r.caption, properties, datasets: r.datasets ?? [], topics: r.topics ?? [], firstSeen: null, lastSeen: null,
    };
    const e = fromEntityView(view, flags.get(r.id) ?? []);
    if (e.names.length > 0) out.push(e);
  }
  return out;
}
