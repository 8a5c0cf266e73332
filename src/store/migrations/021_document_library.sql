-- The document library (issue 17): full-text search over submitted documents
-- (their title and the first 300,000 characters of their text, so one
-- document's index entry stays within PostgreSQL's tsvector size), and the
-- moderation queue of documents suggested by anyone (ROOM39_PUBLIC_SUGGEST):
-- kept as received, nothing extracted or made a source until an analyst accepts.

CREATE INDEX sources_document_fts_idx ON sources
  USING gin (to_tsvector('english', coalesce(title, '') || ' ' || left(coalesce(body, ''), 300000)))
  WHERE kind = 'document';

CREATE TABLE document_suggestions (
  id text PRIMARY KEY,
  sha256 text NOT NULL,
  filename text,
  media_type text,
  content bytea NOT NULL,
  size integer NOT NULL,
  note text,
  suggested_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending',
  decided_by text,
  decided_at timestamptz,
  source_id text REFERENCES sources (id),
  CHECK (status IN ('pending', 'accepted', 'rejected'))
);

CREATE INDEX document_suggestions_status_idx ON document_suggestions (status, suggested_at);
