-- A figure about a group of countries taken together (a worker_share of RU and CN,
-- "Most workers are sent to Russia or China"): their ISO alpha-2 codes. Null for a
-- single-country figure (country) or a global one.
ALTER TABLE figures ADD COLUMN countries text[];
