-- An incremental rule run's change to one list's buckets (#13 part 6), kept beside the buckets the last full write left
-- (resolver_buckets) instead of rewriting a few MB for a few hundred records: the records it took out, with the buckets
-- they were in, and the records it put in, with theirs. Read in order after the buckets (store/resolver-buckets.ts storedBuckets);
-- folded into them when they pile up (src/resolve/link.ts), and cleared by every full write. Each write of them leaves a
-- new random token, so a process that remembers what it wrote (a running server) need not read them back while it holds.
CREATE TABLE resolver_bucket_changes (
  dataset text NOT NULL,
  seq integer NOT NULL,
  data text NOT NULL,
  PRIMARY KEY (dataset, seq)
);

ALTER TABLE resolver_state ADD COLUMN buckets_token text;
