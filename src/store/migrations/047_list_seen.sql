-- A list version writes only what it adds or changes (#13 part 6): a list
-- statement keeps citing the version that first stated its value, and a
-- list entry still listed is not rewritten by each new version. What is
-- still stored of a list is on its newest version, so "last seen" of a
-- statement or entry still listed is read from here: the date of its
-- dataset's newest version. Removed entries keep their own last_seen (the
-- date of the last version they were in); removed values leave statements.

-- The newest version of each list dataset, and its date.
CREATE VIEW list_latest AS
SELECT DISTINCT ON (dataset) dataset, source_id, version, left(coalesce(published, version), 10) AS seen
  FROM list_versions
 ORDER BY dataset, coalesce(published, version) DESC, version DESC;

-- For every list version (a source statements cite): its dataset's newest version and date.
CREATE VIEW list_seen AS
SELECT v.source_id, v.dataset, l.source_id AS latest_source_id, l.seen
  FROM list_versions v JOIN list_latest l ON l.dataset = v.dataset;

