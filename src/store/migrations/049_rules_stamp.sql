-- What the rule run's stamp reads (store/resolver.ts recordsStamp), made cheap and sound (#13 part 6): the newest
-- entity write by an index (written at clock time, so a writer that waited for an import's lock stamps after it),
-- entity removals as rows of their own (a removal leaves no updated_at behind), and the rule run's buckets stored
-- uncompressed (they are rewritten by each run; compressing a few MB of JSON cost more than writing it).
CREATE INDEX entities_updated_idx ON entities (updated_at);

CREATE TABLE entity_removals (
  removed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  entities integer NOT NULL
);

ALTER TABLE resolver_buckets ALTER COLUMN data SET STORAGE EXTERNAL;
