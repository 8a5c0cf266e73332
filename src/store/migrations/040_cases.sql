-- Screening cases (src/cases): a named, saved screening with its rows, the
-- results of each row, the list versions it was last screened against, every
-- run (full or against a list change), the decisions taken on its results,
-- and the alerts a list change raised. The re-screening jobs live in the
-- pg-boss schema (pgboss.*), which pg-boss creates and migrates itself.

CREATE TABLE cases (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  input_info jsonb NOT NULL DEFAULT '{}',
  threshold double precision NOT NULL,
  cutoff double precision NOT NULL,
  result_limit integer NOT NULL,
  dataset text NOT NULL,
  algorithm text NOT NULL,
  webhook_url text,
  row_count integer NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'screening',
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- keys: the row's name keys (words, joins of neighbouring words, one-letter
-- deletions of long words, identifiers), so a list change finds the rows it
-- can concern without screening the others.
CREATE TABLE case_rows (
  case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  row_no integer NOT NULL,
  input jsonb NOT NULL,
  keys text[] NOT NULL DEFAULT '{}',
  error text,
  PRIMARY KEY (case_id, row_no)
);
CREATE INDEX case_rows_keys_idx ON case_rows USING gin (keys);

-- state: what the lists said of the entity when it was screened (designations,
-- programmes, names), to tell what a later list version changed.
CREATE TABLE case_results (
  case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  row_no integer NOT NULL,
  entity_id text NOT NULL,
  caption text NOT NULL,
  schema text NOT NULL,
  score double precision NOT NULL,
  match boolean NOT NULL,
  datasets text[] NOT NULL DEFAULT '{}',
  explanation jsonb NOT NULL DEFAULT '[]',
  flags jsonb NOT NULL DEFAULT '[]',
  state jsonb,
  screened_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, row_no, entity_id)
);
CREATE INDEX case_results_entity_idx ON case_results (entity_id);

CREATE TABLE case_lists (
  case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  dataset text NOT NULL,
  source_id text NOT NULL,
  version text NOT NULL,
  synced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, dataset)
);

CREATE TABLE case_runs (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind text NOT NULL,
  actor text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  threshold double precision NOT NULL,
  algorithm text NOT NULL,
  list_versions jsonb NOT NULL DEFAULT '[]',
  trigger jsonb NOT NULL DEFAULT '{}',
  rows_screened integer NOT NULL,
  rows_with_match integer NOT NULL,
  alerts integer NOT NULL DEFAULT 0,
  CHECK (kind IN ('screen', 'rescreen'))
);
CREATE INDEX case_runs_case_idx ON case_runs (case_id, started_at);

CREATE TABLE case_decisions (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  row_no integer NOT NULL,
  entity_id text NOT NULL,
  decision text NOT NULL,
  reason text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  state jsonb,
  CHECK (decision IN ('confirmed', 'false_positive', 'needs_review'))
);
CREATE INDEX case_decisions_key_idx ON case_decisions (case_id, row_no, entity_id, at);

CREATE TABLE case_alerts (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  run_id text NOT NULL,
  row_no integer NOT NULL,
  entity_id text NOT NULL,
  caption text NOT NULL,
  change text NOT NULL,
  list text NOT NULL,
  version text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  since_decision boolean NOT NULL DEFAULT false,
  details jsonb NOT NULL DEFAULT '{}',
  delivered_at timestamptz,
  delivery_error text,
  CHECK (change IN ('new_match', 'delisted', 'changed'))
);
CREATE INDEX case_alerts_case_idx ON case_alerts (case_id, at);
