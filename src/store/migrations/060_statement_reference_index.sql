-- "What points at this entity": an entity's page, the network around it and
-- its timeline read statements by value among the props that hold entity ids.
-- The partial index of 001 left out `document` (a Documentation's document),
-- which an entity's page asks for too, and the timeline asked by value with no
-- prop at all: each such read scanned every statement (0.35 s on a store with
-- the official lists). The queries now spell their list out
-- (REFERENCE_VALUE_INDEXED in src/store/entities.ts), within this index's, so
-- the planner can use it for a parameter list too.

DROP INDEX IF EXISTS statements_value_idx;
CREATE INDEX statements_reference_value_idx ON statements (value) WHERE prop IN (
  'entity', 'member', 'organization', 'employee', 'employer', 'director', 'owner', 'asset', 'subject', 'object',
  'person', 'associate', 'relative', 'holder', 'post', 'involved', 'organizer', 'programId', 'document'
);
