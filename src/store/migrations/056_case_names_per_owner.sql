-- A case's name is unique per owner, not across every account (040 had
-- `name UNIQUE`): refusing a name another analyst had used told them that
-- analyst's case existed, and what it was called. The owner is the account a
-- case's `created_by` names, lower-cased, as `user:ACCOUNT` (a session's
-- `user:NAME` and an API token's `token:NAME/TOKEN` alike), else `created_by`
-- as it stands (`cli:OS-USER` on the command line): src/cases/access.ts
-- `caseOwnerKey` says the same in TypeScript. Existing cases keep their rows;
-- two of them could not share a name before, so none collide now.

ALTER TABLE cases ADD COLUMN owner text GENERATED ALWAYS AS (
  CASE WHEN created_by ~ '^(user|token):[^/:]+(/.*)?$'
    THEN 'user:' || lower(substring(created_by FROM '^(?:user|token):([^/:]+)'))
    ELSE created_by END
) STORED;

ALTER TABLE cases DROP CONSTRAINT cases_name_key;

ALTER TABLE cases ADD CONSTRAINT cases_owner_name_key UNIQUE (owner, name);

-- A name is looked up across owners (src/cases/store.ts casesNamed), then narrowed to the cases the asker may see.
CREATE INDEX cases_name_idx ON cases (name);
