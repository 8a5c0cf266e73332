/**
 * Data extension (Reconciliation API 0.2, OpenRefine's "Add columns from
 * reconciled values"): for reconciled entity ids, the values of the
 * properties a journalist asks for, and the properties proposed for a type.
 * room39's own columns: country, sanctions programme, designation date,
 * sanctioning authority, topics, datasets and the room39 entity page; any
 * FollowTheMoney property of the entity (birthDate, alias, idNumber, …) too.
 * A merged entity answers with the values of every record merged into it.
 */
import { invalidInput } from '../errors.ts';
import { countryName } from '../model/countries.ts';
import type { Queryable } from '../store/db.ts';
import { getEntity, getEntityRows, type EntityDetail } from '../store/entities.ts';
import { ftmModel, ftmSchema, isEntityReference } from '../store/ftm.ts';

export interface ExtensionProperty { id: string; name: string; description: string }

/** The columns room39 adds beside FtM's own properties. */
export const ROOM39_COLUMNS: readonly ExtensionProperty[] = [
  { id: 'country', name: 'Country', description: 'Countries of the entity: nationality, citizenship, jurisdiction, country' },
  { id: 'program', name: 'Sanctions programme', description: 'Programmes or regimes the entity is designated under (OFAC DPRK3, UN DPRK, …)' },
  { id: 'designationDate', name: 'Designation date', description: 'The earliest listing date the sanctions lists give for the entity' },
  { id: 'authority', name: 'Sanctioning authority', description: 'Who designated the entity (OFAC, UN Security Council, …)' },
  { id: 'topics', name: 'Topics', description: 'Risks the graph knows: sanctioned, labour export company, employer or host of North Korean workers' },
  { id: 'datasets', name: 'Datasets', description: 'The lists and curated datasets the entity is in' },
  { id: 'url', name: 'room39 page', description: 'The address of the entity\u2019s page in this room39, with every fact\u2019s source' },
];

const COUNTRY_PROPS = ['nationality', 'citizenship', 'jurisdiction', 'country', 'mainCountry', 'flag'];
const TOPIC_LABELS: Record<string, string> = { 'labour.export': 'Labour export company', 'labour.host': 'Employer or host of North Korean workers' };
/** FtM properties proposed for a type beside its featured ones. */
const USEFUL_PROPS = ['alias', 'birthDate', 'nationality', 'jurisdiction', 'idNumber', 'registrationNumber', 'imoNumber', 'position', 'address', 'notes'];
/** Most ids in one extension request (OpenRefine sends them in batches). */
export const MAX_EXTEND_IDS = 500;

export type Cell = { str: string } | { date: string } | { id: string; name: string };
export interface ExtensionResponse {
  meta: { id: string; name: string; type?: { id: string; name: string } }[];
  rows: Record<string, Record<string, Cell[]>>;
}

function ftmProperty(id: string) {
  for (const s of ftmModel.getSchemata()) if (s.hasProperty(id)) return s.getProperty(id);
  return null;
}

/** Checks a property id: one of room39's columns or a FollowTheMoney property. */
export function extensionProperty(id: string): ExtensionProperty {
  const own = ROOM39_COLUMNS.find((p) => p.id === id);
  if (own) return own;
  const p = ftmProperty(id);
  if (!p) throw invalidInput(`unknown property "${id.slice(0, 40)}"; ask /reconcile/extend/propose for the properties room39 has`, 'extend.properties');
  return { id, name: p.label, description: p.description ?? p.label };
}

/** Properties to propose for a type (an FtM schema; any when unknown or absent). */
export function proposeProperties(type: string | null, limit: number): ExtensionProperty[] {
  const schema = type ? ftmSchema(type) : null;
  const featured = schema ? [...schema.featured, ...USEFUL_PROPS].filter((p) => schema.hasProperty(p)) : USEFUL_PROPS;
  const ftm = [...new Set(featured)].filter((p) => p !== 'name' && !ROOM39_COLUMNS.some((c) => c.id === p)).map((p) => extensionProperty(p));
  return [...ROOM39_COLUMNS, ...ftm].slice(0, limit);
}

const toDate = (d: string): Cell => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? { date: `${d}T00:00:00Z` } : { str: d });

interface SanctionFacts { program: string[]; authority: string[]; dates: string[] }

/** What the Sanction entities pointing at these records say. */
async function sanctionFacts(q: Queryable, ids: readonly string[]): Promise<SanctionFacts> {
  const rows = await q.query<{ prop: string; value: string }>(
    `SELECT DISTINCT d.prop, d.value FROM statements s JOIN statements d ON d.entity_id = s.entity_id AND d.review_status = 'accepted'
      WHERE s.schema = 'Sanction' AND s.prop = 'entity' AND s.review_status = 'accepted' AND s.value = ANY($1::text[])
        AND d.prop = ANY(ARRAY['program', 'authority', 'listingDate', 'startDate'])
      ORDER BY d.value`,
    [ids],
  );
  const of = (...props: string[]) => [...new Set(rows.filter((r) => props.includes(r.prop)).map((r) => r.value))];
  return { program: of('program'), authority: of('authority'), dates: of('listingDate', 'startDate').sort() };
}

async function entityCells(q: Queryable, detail: EntityDetail, props: readonly string[], base: string): Promise<Record<string, Cell[]>> {
  const e = detail.entity;
  const own = (p: string) => e.properties[p] ?? [];
  const facts = await sanctionFacts(q, [e.id, ...e.referents]);
  const refs = props.filter((p) => isEntityReference(e.schema, p)).flatMap(own);
  const captions = await getEntityRows(q, refs);
  const str = (values: readonly string[]): Cell[] => [...new Set(values)].map((v) => ({ str: v }));
  const out: Record<string, Cell[]> = {};
  for (const p of props) {
    switch (p) {
      case 'country': out[p] = str(COUNTRY_PROPS.flatMap(own).map(countryName)); break;
      case 'program': out[p] = str([...facts.program, ...own('program')]); break;
      case 'designationDate': out[p] = [...facts.dates, ...own('createdAt')].sort().slice(0, 1).map(toDate); break;
      case 'authority': out[p] = str(facts.authority); break;
      case 'topics': out[p] = str(e.topics.map((t) => TOPIC_LABELS[t] ?? ftmModel.getType('topic').values.get(t) ?? t)); break;
      case 'datasets': out[p] = str(e.datasets); break;
      case 'url': out[p] = [{ str: `${base}/entity/${encodeURIComponent(e.id)}` }]; break;
      default:
        out[p] = isEntityReference(e.schema, p)
          ? own(p).map((id) => ({ id, name: captions.get(id)?.caption ?? id }))
          : ftmProperty(p)?.type.name === 'date' ? own(p).map(toDate) : str(own(p));
    }
  }
  return out;
}

/** The extension of reconciled ids by properties; `base` is the server's address for the `url` column. */
export async function extendEntities(q: Queryable, ids: readonly string[], propertyIds: readonly string[], base: string): Promise<ExtensionResponse> {
  if (ids.length > MAX_EXTEND_IDS) throw invalidInput(`at most ${MAX_EXTEND_IDS} ids in one extension request (got ${ids.length})`, 'extend.ids');
  const meta = propertyIds.map((id) => {
    const p = extensionProperty(id);
    const range = ftmProperty(id);
    if (!range?.hasRange || ROOM39_COLUMNS.some((c) => c.id === id)) return { id, name: p.name };
    const target = range.getRange();
    return { id, name: p.name, type: { id: target.name, name: target.label } };
  });
  const rows: ExtensionResponse['rows'] = {};
  for (const id of ids) {
    let detail: EntityDetail | null = null;
    try {
      detail = await getEntity(q, id);
    } catch {
      detail = null; // an id room39 does not know has no values
    }
    rows[id] = detail ? await entityCells(q, detail, propertyIds, base) : Object.fromEntries(propertyIds.map((p) => [p, []]));
  }
  return { meta, rows };
}
