-- A version whose file carries no date (OFAC's CSV) and was given none (--date) is dated by the file's modification
-- time: a guess, marked here, so `lists status`, /healthz, the banner and reports never call such a list current
-- (src/ingest/lists/status.ts), and `room39 import … --date` on the same file can set its real date.
ALTER TABLE list_versions ADD COLUMN published_assumed boolean NOT NULL DEFAULT false;
