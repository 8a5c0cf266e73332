-- Official lists fetched from their publishers (src/ingest/lists/update.ts).
-- A version now also records when the publisher issued it (an ISO date-time
-- when the file says, else the date), where it was fetched from and when.
-- list_fetches keeps, per list, the last conditional-request validators
-- (ETag, Last-Modified) and the outcome of the last check; it holds no list
-- data, so a failed check changes nothing else.

ALTER TABLE list_versions ADD COLUMN published text;
ALTER TABLE list_versions ADD COLUMN source_url text;
ALTER TABLE list_versions ADD COLUMN fetched_at timestamptz;
UPDATE list_versions SET published = version WHERE published IS NULL;

CREATE TABLE list_fetches (
  dataset text PRIMARY KEY,
  url text NOT NULL,
  etag text,
  last_modified text,
  checked_at timestamptz NOT NULL,
  succeeded_at timestamptz,
  fetched_at timestamptz,
  status text NOT NULL,
  message text,
  CHECK (status IN ('fetched', 'not_modified', 'failed'))
);
