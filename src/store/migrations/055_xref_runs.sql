-- The cross-reference job's last run (src/resolve/xref.ts). Its candidates
-- fill the review queue; the lists' imports do not run it (it is a job of its
-- own, as nomenklatura's xref and Aleph's cross-referencing are), so a queue
-- could stand empty after a fresh import with nothing saying why. Now the
-- queue knows whether the job ever ran, when, and which list versions it has
-- not seen (`lists_seen`: the list versions stored when it ran), and says
-- what to run.

CREATE TABLE xref_runs (
  id integer PRIMARY KEY,
  ran_at timestamptz NOT NULL DEFAULT now(),
  screened integer,
  candidates integer NOT NULL,
  proposed integer NOT NULL,
  settled integer,
  lists_seen text[] NOT NULL DEFAULT '{}',
  CHECK (id = 1)
);

-- A store whose job ran before this migration: the run its stored candidates tell of (what it screened is not known).
INSERT INTO xref_runs (id, ran_at, screened, candidates, proposed, settled, lists_seen)
SELECT 1, c.at, NULL, c.n, c.p, NULL, ARRAY(SELECT v.source_id FROM list_versions v WHERE v.imported_at <= c.at)
  FROM (SELECT max(found_at) AS at, count(*)::int AS n, (count(*) FILTER (WHERE proposed))::int AS p FROM xref_candidates) c
 WHERE c.n > 0;
