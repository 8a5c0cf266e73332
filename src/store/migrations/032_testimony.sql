-- Witness testimony (src/testimony). The pseudonym, place of interview,
-- narrative and note are encrypted (AES-256-GCM, key outside the database):
-- the *_enc columns hold "v1:<key id>:<iv>:<ciphertext>:<tag>", never plain
-- text. Testimony never becomes statements, so it cannot reach search,
-- entity pages or exports by any path but src/testimony.

CREATE TABLE testimonies (
  id text PRIMARY KEY,
  pseudonym_enc text NOT NULL,
  interview_date text,
  interview_place_enc text,
  narrative_enc text NOT NULL,
  note_enc text,
  linked_entity_ids text[] NOT NULL DEFAULT '{}',
  linked_figure_ids text[] NOT NULL DEFAULT '{}',
  consent text NOT NULL,
  sharing_terms text,
  source_id text,
  reliability text,
  key_id text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (consent IN ('public_source', 'restricted', 'withdrawn')),
  CHECK (pseudonym_enc LIKE 'v1:%' AND narrative_enc LIKE 'v1:%')
);
CREATE INDEX testimonies_key_idx ON testimonies (key_id)
