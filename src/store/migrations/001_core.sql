-- Core of the evidence graph: sources, statements (the truth), entity views
-- derived from them, figures, TIP ratings, labour deployments, the name index
-- and the links that merge entities across sources.

CREATE TABLE sources (
  id text PRIMARY KEY,
  kind text NOT NULL,
  title text NOT NULL,
  publisher text,
  author text,
  published text,
  url text,
  dataset text NOT NULL,
  version text,
  sha256 text,
  file text,
  body text,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE entities (
  id text PRIMARY KEY,
  schema text NOT NULL,
  caption text NOT NULL,
  datasets text[] NOT NULL DEFAULT '{}',
  topics text[] NOT NULL DEFAULT '{}',
  first_seen text,
  last_seen text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entities_schema_idx ON entities (schema);

CREATE TABLE statements (
  id text PRIMARY KEY,
  entity_id text NOT NULL,
  schema text NOT NULL,
  prop text NOT NULL,
  value text NOT NULL,
  original_value text,
  dataset text NOT NULL,
  source_id text NOT NULL REFERENCES sources (id),
  quote text,
  quote_start integer,
  quote_end integer,
  page integer,
  reliability text NOT NULL,
  first_seen text NOT NULL,
  last_seen text NOT NULL,
  recorded_by text NOT NULL,
  review_status text NOT NULL DEFAULT 'accepted',
  CHECK (review_status IN ('draft', 'accepted', 'rejected')),
  CHECK (reliability ~ '^[A-F][1-6]$')
);
CREATE INDEX statements_entity_idx ON statements (entity_id);
CREATE INDEX statements_value_idx ON statements (value) WHERE prop IN ('entity', 'member', 'organization', 'employee', 'employer', 'director', 'owner', 'asset', 'subject', 'object', 'person', 'associate', 'relative', 'holder', 'post', 'involved', 'organizer', 'programId');
CREATE INDEX statements_source_idx ON statements (source_id);

CREATE TABLE figures (
  id text PRIMARY KEY,
  metric text NOT NULL,
  country text,
  entity_id text,
  sector text,
  recipient text,
  period_start text,
  period_end text,
  low double precision,
  high double precision,
  of_total double precision,
  unit text NOT NULL,
  per text,
  qualifier text NOT NULL,
  source_id text NOT NULL REFERENCES sources (id),
  quote text NOT NULL,
  quote_start integer,
  quote_end integer,
  reliability text NOT NULL,
  recorded_by text NOT NULL,
  review_status text NOT NULL DEFAULT 'accepted',
  note text,
  CHECK (review_status IN ('draft', 'accepted', 'rejected'))
);
CREATE INDEX figures_country_idx ON figures (country);
CREATE INDEX figures_entity_idx ON figures (entity_id);

CREATE TABLE tip_ratings (
  id text PRIMARY KEY,
  country text NOT NULL,
  report_year integer NOT NULL,
  tier text NOT NULL,
  source_id text NOT NULL REFERENCES sources (id),
  quote text NOT NULL,
  quote_start integer,
  quote_end integer,
  reliability text NOT NULL
);

CREATE TABLE deployments (
  id text PRIMARY KEY,
  country text NOT NULL,
  sender_id text,
  employer_id text,
  sector text,
  period_start text,
  period_end text,
  source_id text NOT NULL REFERENCES sources (id),
  quote text NOT NULL,
  quote_start integer,
  quote_end integer,
  reliability text NOT NULL
);
CREATE INDEX deployments_country_idx ON deployments (country);

-- Names of entities, normalised for search (derived from statements).
CREATE TABLE entity_names (
  entity_id text NOT NULL,
  name text NOT NULL,
  norm text NOT NULL,
  prop text NOT NULL,
  PRIMARY KEY (entity_id, name, prop)
);
CREATE INDEX entity_names_norm_idx ON entity_names (norm);

-- A judgement that two entity records are the same (positive) or not (negative).
CREATE TABLE entity_links (
  id text PRIMARY KEY,
  canonical_id text NOT NULL,
  member_id text NOT NULL,
  judgement text NOT NULL DEFAULT 'positive',
  evidence jsonb NOT NULL DEFAULT '{}',
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  undone_at timestamptz,
  CHECK (judgement IN ('positive', 'negative'))
);
CREATE INDEX entity_links_member_idx ON entity_links (member_id) WHERE undone_at IS NULL;
CREATE INDEX entity_links_canonical_idx ON entity_links (canonical_id) WHERE undone_at IS NULL;
