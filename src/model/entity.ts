/**
 * Entity views. An entity is assembled from its statements: schema, caption
 * and the values of each property. Schemas are FollowTheMoney's, plus
 * room39's `LegalInstrument` (a law, executive order or resolution), which FtM
 * lacks; it is exported to FtM as a `Document`.
 */
export const ROOM39_SCHEMATA = ['LegalInstrument'] as const;
export type Room39Schema = (typeof ROOM39_SCHEMATA)[number];

export type EntityProperties = Record<string, string[]>;

export interface EntityView {
  id: string;
  schema: string;
  caption: string;
  properties: EntityProperties;
  datasets: string[];
  /** Risk topics in OpenSanctions' vocabulary (`sanction`, `role.pep`, …) plus room39's `labour.export`, `labour.host`. */
  topics: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}

/** Properties whose values name the entity; search and matching read these. */
export const NAME_PROPS = ['name', 'alias', 'weakAlias', 'previousName', 'firstName', 'lastName'] as const;

/** Properties whose values are ids of other entities (edges of the graph). */
export const ENTITY_REF_PROPS = [
  'entity', 'member', 'organization', 'employee', 'employer', 'director', 'owner', 'asset',
  'subject', 'object', 'person', 'associate', 'relative', 'holder', 'post', 'involved',
  'organizer', 'parent', 'authorityEntity',
] as const;
