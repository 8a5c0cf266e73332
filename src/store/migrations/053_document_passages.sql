-- The library's search index, stored (issue 17). A tsvector keeps word
-- positions only up to 16,383 (PostgreSQL sets every later one to 16,383), so
-- a phrase ("Rite Mix"; a hyphenated name such as Kim Won-hong is one too)
-- was never found past about the 16,000th word of a document, and nothing
-- past the first 300,000 characters was found at all. And the index of
-- migration 021 was an expression index the planner passed over on small
-- tables: each search parsed every document's text again.
--
-- Now the text is also kept in passages of 20,000 characters (at most 10,000
-- words: positions stay exact) that overlap by 1,000, so any phrase shorter
-- than that lies whole in one of them; and each document keeps the vector of
-- its title and first 300,000 characters (what migration 021 indexed). Both
-- vectors are stored, so no search parses text. library.ts writes them for
-- each new document (the same cut as below) and searches them.

CREATE TABLE document_passages (
  source_id text NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  n integer NOT NULL,
  body text NOT NULL,
  tsv tsvector NOT NULL,
  PRIMARY KEY (source_id, n)
);

CREATE INDEX document_passages_tsv_idx ON document_passages USING gin (tsv);

INSERT INTO document_passages (source_id, n, body, tsv)
  SELECT x.id, x.n, x.body, to_tsvector('english', x.body) FROM (
    SELECT s.id, g.n, substr(s.body, g.n * 19000 + 1, 20000) AS body
      FROM documents d JOIN sources s ON s.id = d.source_id
     CROSS JOIN LATERAL generate_series(0, greatest(0, ceil((length(coalesce(s.body, '')) - 20000) / 19000.0)::int)) AS g(n)) x;

ALTER TABLE documents ADD COLUMN tsv tsvector;

UPDATE documents d SET tsv = to_tsvector('english', coalesce(s.title, '') || ' ' || left(coalesce(s.body, ''), 300000))
  FROM sources s WHERE s.id = d.source_id;

CREATE INDEX documents_tsv_idx ON documents USING gin (tsv);

DROP INDEX sources_document_fts_idx;
