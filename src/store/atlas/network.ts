/**
 * The graph around one entity, hop by hop: relation entities with two ends
 * (Directorship, Membership, UnknownLink, …) become one edge; others (a
 * Sanction, an Event, a Project) become a node linked to each entity they
 * name. Nodes are canonical entities (store/resolver.ts): the relations of
 * every record merged into one (the seed graph's, each list's) meet on it.
 * Cut at a number of nodes, and says so.
 */
import type { Queryable } from '../db.ts';
import { Room39Error } from '../../errors.ts';
import { ftmSchema, schemaLabel } from '../ftm.ts';
import { REFERENCE_PROPS, REFERENCE_VALUE_INDEXED } from '../entities.ts';
import { canonicalRows } from '../canonical.ts';
import { allClusters, canonicalId } from '../resolver.ts';

export interface NetworkNode {
  id: string;
  schema: string;
  caption: string;
  topics: string[];
  /** Hops from the entity the network was asked for. */
  depth: number;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  /** The relation type: the edge entity's schema (Directorship, Sanction, UnknownLink, …). */
  type: string;
  /** What the edge says, in words ("directs", "linked to", "sanctions"). */
  label: string;
  directed: boolean;
}

export interface Network {
  root: string;
  depth: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** True when the network was cut at `maxNodes`. */
  truncated: boolean;
  types: string[];
}

const EDGE_REFS = REFERENCE_PROPS as readonly string[];
const ROLE_LABEL: Record<string, string> = { entity: 'sanctions', programId: 'under', involved: 'involved', organizer: 'organised by', holder: 'held by', post: 'post' };

interface Reference {
  schema: string;
  prop: string;
  value: string;
}

/** The network as it grows: each reached entity with its hop count, the edges, whether a node was refused. */
class Growth {
  readonly level = new Map<string, number>();
  readonly edges = new Map<string, NetworkEdge>();
  truncated = false;

  constructor(root: string, private readonly maxNodes: number) {
    this.level.set(root, 0);
  }

  has(id: string): boolean {
    return this.level.has(id);
  }

  /** Reaches `id` at hop `d` (adding it to `next` when new); false when the network is full. */
  reach(id: string, d: number, next: string[]): boolean {
    if (this.level.has(id)) return true;
    if (this.level.size >= this.maxNodes) {
      this.truncated = true;
      return false;
    }
    this.level.set(id, d);
    next.push(id);
    return true;
  }
}

/** Records ↔ canonical entities, for the whole walk. */
interface Clusters { canon(id: string): string; records(canonical: string): string[] }

async function loadClusters(q: Queryable): Promise<Clusters> {
  const clusters = await allClusters(q);
  const canonicalOf = new Map<string, string>();
  for (const [c, records] of clusters) for (const r of records) canonicalOf.set(r, c);
  return { canon: (id) => canonicalOf.get(id) ?? id, records: (c) => clusters.get(c) ?? [c] };
}

/** Relation entities that name a frontier entity (any of its records), and the frontier's own outgoing references, grouped by relation; ends are canonical ids. */
async function referencesAround(q: Queryable, frontierEntities: readonly string[], cl: Clusters): Promise<Map<string, Reference[]>> {
  const frontier = frontierEntities.flatMap((c) => cl.records(c));
  const incoming = await q.query<{ entity_id: string }>(
    `SELECT DISTINCT entity_id FROM statements WHERE value = ANY($1::text[]) AND ${REFERENCE_VALUE_INDEXED} AND prop = ANY($2::text[]) AND review_status = 'accepted'`,
    [frontier, EDGE_REFS],
  );
  const relIds = [...new Set([...incoming.map((r) => r.entity_id), ...frontier])];
  const refs = await q.query<{ entity_id: string } & Reference>(
    `SELECT DISTINCT entity_id, schema, prop, value FROM statements
      WHERE entity_id = ANY($1::text[]) AND prop = ANY($2::text[]) AND review_status = 'accepted'`,
    [relIds, EDGE_REFS],
  );
  const byRel = new Map<string, Reference[]>();
  for (const r of refs) {
    const list = byRel.get(r.entity_id) ?? [];
    const value = cl.canon(r.value);
    if (!list.some((x) => x.prop === r.prop && x.value === value)) list.push({ schema: r.schema, prop: r.prop, value });
    byRel.set(r.entity_id, list);
  }
  return byRel;
}

/** One relation entity at hop `d`: an edge per (source, target) pair of a two-ended relation, else a node linked to what it names. */
function addRelation(g: Growth, relId: string, list: readonly Reference[], d: number, next: string[]): void {
  const schema = list[0]!.schema;
  const edge = ftmSchema(schema)?.edge;
  const sources = edge ? list.filter((r) => r.prop === edge.source).map((r) => r.value) : [];
  const targets = edge ? list.filter((r) => r.prop === edge.target).map((r) => r.value) : [];
  if (edge && sources.length && targets.length && !g.has(relId)) {
    // A two-ended relation: one edge per (source, target) pair touching the network.
    for (const s of sources) for (const t of targets) {
      if (!g.has(s) && !g.has(t)) continue;
      if (!g.reach(s, d, next) || !g.reach(t, d, next)) continue;
      g.edges.set(`${relId}:${s}:${t}`, { id: `${relId}:${s}:${t}`, source: s, target: t, type: schema, label: edge.label ?? schemaLabel(schema), directed: !!edge.directed });
    }
    return;
  }
  // A relation entity as a node of its own, linked to each entity it names.
  const touches = list.some((r) => g.has(r.value)) || g.has(relId);
  if (!touches || !g.reach(relId, d, next)) return;
  for (const r of list) {
    if (!g.reach(r.value, d, next)) continue;
    const id = `${relId}:${r.prop}:${r.value}`;
    g.edges.set(id, { id, source: relId, target: r.value, type: schema, label: ROLE_LABEL[r.prop] ?? r.prop, directed: true });
  }
}

/** The reached entities as nodes; references to ids with no entity row (dangling) are dropped with their edges. */
async function assemble(q: Queryable, root: string, depth: number, g: Growth): Promise<Network> {
  const ids = [...g.level.keys()];
  const byId = await canonicalRows(q, ids);
  const nodes: NetworkNode[] = ids.filter((id) => byId.has(id)).map((id) => {
    const r = byId.get(id)!;
    return { id, schema: r.schema, caption: r.caption, topics: r.topics, depth: g.level.get(id) ?? 0 };
  });
  const present = new Set(nodes.map((n) => n.id));
  const edgeList = [...g.edges.values()].filter((e) => present.has(e.source) && present.has(e.target) && e.source !== e.target);
  return { root, depth, nodes, edges: edgeList, truncated: g.truncated, types: [...new Set(edgeList.map((e) => e.type))].sort() };
}

/** The graph around one entity, `depth` hops out, at most `maxNodes` nodes. */
export async function network(q: Queryable, requestedId: string, depth = 1, maxNodes = 250): Promise<Network> {
  const root = await canonicalId(q, requestedId);
  if (!(await canonicalRows(q, [root])).has(root)) throw new Room39Error('not_found', `no entity with id "${requestedId}"`);
  const cl = await loadClusters(q);
  const g = new Growth(root, maxNodes);
  let frontier = [root];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: string[] = [];
    for (const [relId, list] of await referencesAround(q, frontier, cl)) addRelation(g, cl.canon(relId), list, d, next);
    frontier = next;
  }
  return assemble(q, root, depth, g);
}
