-- Which version (fingerprint) of each bundled part (curated dataset, list snapshots) the store holds.
CREATE TABLE bundle_state (
  name text PRIMARY KEY,
  fingerprint text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
