-- Official list versions and what changed between them (src/ingest/lists).
-- Each imported version of a list is a source (sources.kind = 'sanctions_list');
-- list_versions says which file and date it was, list_entries holds the last
-- known state of every entry, and list_changes the history: added, changed,
-- removed (delisted), with the version date.

CREATE TABLE list_versions (
  source_id text PRIMARY KEY REFERENCES sources (id),
  dataset text NOT NULL,
  version text NOT NULL,
  format text NOT NULL,
  sha256 text NOT NULL,
  file text,
  entries integer NOT NULL,
  dprk_entries integer NOT NULL,
  added integer NOT NULL,
  changed integer NOT NULL,
  removed integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX list_versions_dataset_version_idx ON list_versions (dataset, version);
CREATE INDEX list_versions_sha_idx ON list_versions (dataset, sha256);

CREATE TABLE list_entries (
  dataset text NOT NULL,
  entry_id text NOT NULL,
  entity_id text NOT NULL,
  schema text NOT NULL,
  caption text NOT NULL,
  content_hash text NOT NULL,
  snapshot jsonb NOT NULL,
  dprk boolean NOT NULL,
  first_seen text NOT NULL,
  last_seen text NOT NULL,
  source_id text NOT NULL REFERENCES sources (id),
  removed_on text,
  PRIMARY KEY (dataset, entry_id)
);
CREATE INDEX list_entries_entity_idx ON list_entries (entity_id);

CREATE TABLE list_changes (
  id text PRIMARY KEY,
  dataset text NOT NULL,
  source_id text NOT NULL REFERENCES sources (id),
  version text NOT NULL,
  entry_id text NOT NULL,
  entity_id text NOT NULL,
  schema text NOT NULL,
  caption text NOT NULL,
  change text NOT NULL,
  dprk boolean NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (change IN ('added', 'changed', 'removed'))
);
CREATE INDEX list_changes_version_idx ON list_changes (version);
CREATE INDEX list_changes_entity_idx ON list_changes (entity_id);
