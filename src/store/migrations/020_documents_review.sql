-- Document ingestion and the review queue (issue 5). A submitted document is a
-- source (sources.body holds its extracted text, so every offset can be shown);
-- what extraction finds in it is stored as draft statements and figures, one
-- review item per claim. Only an analyst's accept (or correct) makes a claim's
-- rows `accepted`, i.e. part of the graph; every decision is kept.

CREATE TABLE documents (
  source_id text PRIMARY KEY REFERENCES sources (id),
  format text NOT NULL,
  filename text,
  media_type text,
  bytes integer NOT NULL,
  page_starts integer[],
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  extraction jsonb NOT NULL,
  CHECK (format IN ('text', 'html', 'pdf'))
);

CREATE TABLE review_items (
  id text PRIMARY KEY,
  source_id text NOT NULL REFERENCES sources (id),
  -- `mention` (person, organization, country, legal_instrument) or `figure` (worker_count, share, money)
  kind text NOT NULL,
  type text NOT NULL,
  -- The words found (`text.slice(start, end)`) and the sentence they stand in.
  text text NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  quote text NOT NULL,
  quote_start integer NOT NULL,
  quote_end integer NOT NULL,
  -- What extraction proposes (the mention or figure as `room39 extract` prints it).
  proposed jsonb NOT NULL,
  statement_ids text[] NOT NULL DEFAULT '{}',
  figure_id text,
  status text NOT NULL DEFAULT 'pending',
  reviewer text,
  reviewed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind IN ('mention', 'figure')),
  CHECK (status IN ('pending', 'accepted', 'rejected')),
  CHECK (start_offset >= 0 AND end_offset >= start_offset AND quote_start <= start_offset AND quote_end >= end_offset)
);
CREATE INDEX review_items_status_idx ON review_items (status, created_at);
CREATE INDEX review_items_source_idx ON review_items (source_id);

CREATE TABLE review_decisions (
  id bigserial PRIMARY KEY,
  item_id text NOT NULL REFERENCES review_items (id),
  decision text NOT NULL,
  reviewer text NOT NULL,
  before jsonb NOT NULL,
  after jsonb NOT NULL,
  note text,
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK (decision IN ('accept', 'correct', 'reject'))
);
CREATE INDEX review_decisions_item_idx ON review_decisions (item_id);
