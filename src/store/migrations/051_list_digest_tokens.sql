-- A random token written with every version's digests (list_entry_digests, #13 part 6): the process that wrote them
-- remembers them under it (src/ingest/lists/version-links.ts), so a server's next scheduled update of that list does not
-- read ~15,000 rows back while the store still shows that token. A write rolled back leaves the old token.
CREATE TABLE list_digest_tokens (
  dataset text PRIMARY KEY,
  token text NOT NULL
);
