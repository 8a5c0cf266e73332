-- Entity resolution (issue 14), in the nomenklatura sense: judgements on pairs
-- of records (positive: one real entity; negative: two; unsure: cannot say),
-- each with the rule or person that made it, when, and its evidence, and an
-- undo that keeps the row. Connected positive judgements make a canonical
-- entity; canonical_ids is derived from the standing judgements (rebuilt by
-- src/store/resolver.ts after every change) and lists every record of a
-- cluster of two or more with its canonical id. xref_candidates holds the
-- pairs the cross-reference job proposes for review.

CREATE TABLE judgements (
  id text PRIMARY KEY,
  left_id text NOT NULL,
  right_id text NOT NULL,
  judgement text NOT NULL,
  rule text,
  made_by text NOT NULL,
  evidence jsonb NOT NULL DEFAULT '{}',
  score real,
  created_at timestamptz NOT NULL DEFAULT now(),
  undone_at timestamptz,
  undone_by text,
  undo_reason text,
  CHECK (judgement IN ('positive', 'negative', 'unsure')),
  CHECK (left_id < right_id)
);
CREATE UNIQUE INDEX judgements_standing_idx ON judgements (left_id, right_id) WHERE undone_at IS NULL;
CREATE INDEX judgements_left_idx ON judgements (left_id);
CREATE INDEX judgements_right_idx ON judgements (right_id);

CREATE TABLE canonical_ids (
  record_id text PRIMARY KEY,
  canonical_id text NOT NULL
);
CREATE INDEX canonical_ids_canonical_idx ON canonical_ids (canonical_id);

CREATE TABLE resolver_state (
  id integer PRIMARY KEY,
  version bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (id = 1)
);
INSERT INTO resolver_state (id, version) VALUES (1, 1);

CREATE TABLE xref_candidates (
  left_id text NOT NULL,
  right_id text NOT NULL,
  score real NOT NULL,
  proposed boolean NOT NULL,
  explanation jsonb NOT NULL DEFAULT '[]',
  found_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (left_id, right_id),
  CHECK (left_id < right_id)
);
CREATE INDEX xref_candidates_score_idx ON xref_candidates (score DESC);

-- The links of earlier versions become judgements (each link was a positive or negative judgement on a pair).
INSERT INTO judgements (id, left_id, right_id, judgement, rule, made_by, evidence, created_at, undone_at)
SELECT l.id, least(l.canonical_id, l.member_id), greatest(l.canonical_id, l.member_id), l.judgement,
       l.evidence->>'rule', l.created_by, l.evidence, l.created_at, l.undone_at
  FROM entity_links l
 WHERE l.canonical_id <> l.member_id
   AND (l.undone_at IS NOT NULL OR NOT EXISTS (
     SELECT 1 FROM entity_links o WHERE o.undone_at IS NULL AND o.id < l.id
        AND least(o.canonical_id, o.member_id) = least(l.canonical_id, l.member_id)
        AND greatest(o.canonical_id, o.member_id) = greatest(l.canonical_id, l.member_id)));

INSERT INTO canonical_ids (record_id, canonical_id)
SELECT DISTINCT member_id, canonical_id FROM entity_links WHERE judgement = 'positive' AND undone_at IS NULL
ON CONFLICT (record_id) DO NOTHING;

INSERT INTO canonical_ids (record_id, canonical_id)
SELECT DISTINCT canonical_id, canonical_id FROM entity_links WHERE judgement = 'positive' AND undone_at IS NULL
ON CONFLICT (record_id) DO NOTHING;

DROP TABLE entity_links;

-- Read-only view for code written against the links of earlier versions: every record merged into a canonical entity.
CREATE VIEW entity_links AS
SELECT 'canon-' || record_id AS id, canonical_id, record_id AS member_id, 'positive'::text AS judgement, '{}'::jsonb AS evidence,
       'room39-resolver'::text AS created_by, NULL::timestamptz AS created_at, NULL::timestamptz AS undone_at
  FROM canonical_ids WHERE record_id <> canonical_id;
