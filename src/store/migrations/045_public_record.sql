-- The public record (issue 18): sources cited, not bundled. A curated source
-- carries its Admiralty letter by the rubric of docs/grading.md and the reason;
-- a fact from a cited source has no quote, but says where in the source it
-- stands (locator) and, for a figure, the figure in room39's words (statement)
-- and what a count counts (counts: workers present, permits, entries …);
-- coverage 'part' marks a figure about one region, city, sector or site only.
ALTER TABLE sources ADD COLUMN grade text;
ALTER TABLE sources ADD COLUMN grade_reason text;
ALTER TABLE sources ADD COLUMN source_class text;
ALTER TABLE statements ADD COLUMN locator text;
ALTER TABLE figures ALTER COLUMN quote DROP NOT NULL;
ALTER TABLE figures ADD COLUMN locator text;
ALTER TABLE figures ADD COLUMN statement text;
ALTER TABLE figures ADD COLUMN counts text;
ALTER TABLE figures ADD COLUMN coverage text;
ALTER TABLE tip_ratings ALTER COLUMN quote DROP NOT NULL;
ALTER TABLE tip_ratings ADD COLUMN locator text;
ALTER TABLE deployments ALTER COLUMN quote DROP NOT NULL;
ALTER TABLE deployments ADD COLUMN locator text;
