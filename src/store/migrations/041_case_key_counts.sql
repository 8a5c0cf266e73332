-- How many rows of a case carry each name key (src/cases/keys.ts): a list
-- change looks rows up by the rarest keys of a changed entry's names only, so
-- a common word ("trading", a frequent surname) does not pull in half the case.
CREATE TABLE case_key_counts (
  case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  key text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (case_id, key)
);
