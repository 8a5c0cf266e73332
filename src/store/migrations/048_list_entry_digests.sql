-- What a list update compares before it parses anything (#13 part 6): one
-- narrow row per entry still listed, with the hash of the entry's raw record
-- in the file (an OFAC CSV row with its alt/add rows), the hash of the parsed
-- entry, what the version needs of an entry it does not parse (caption, DPRK
-- flag) and the lookup keys of its "Linked To:" names. An update reads these
-- rows instead of list_entries (whose JSON snapshots make every row wide),
-- parses only the records whose raw hash changed, and recomputes links only
-- for entries that name an entry added, changed or delisted. Delisted entries
-- leave this table; list_entries keeps them.

CREATE TABLE list_entry_digests (
  dataset text NOT NULL,
  entry_id text NOT NULL,
  entity_id text NOT NULL,
  schema text NOT NULL,
  caption text NOT NULL,
  dprk boolean NOT NULL,
  content_hash text NOT NULL,
  raw_hash text,
  linked_to text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (dataset, entry_id)
);

-- Entries stored before: no raw hash (their first update parses them all and fills it) and no link keys (none is kept unparsed).
INSERT INTO list_entry_digests (dataset, entry_id, entity_id, schema, caption, dprk, content_hash)
SELECT dataset, entry_id, entity_id, schema, caption, dprk, content_hash FROM list_entries WHERE removed_on IS NULL;

-- The rule run's fingerprint of the records and judgements it last saw (src/resolve/link.ts): when the store still shows it
-- at the next list import, only the records that import changed (and those they can match) need the rules again.
ALTER TABLE resolver_state ADD COLUMN ruled_stamp text;

-- The rule run's buckets per dataset (record ids by name key and identifier, and the records name uniqueness counts),
-- as of its last run: an incremental run reads them instead of every record's statements.
CREATE TABLE resolver_buckets (
  dataset text PRIMARY KEY,
  data text NOT NULL
);
