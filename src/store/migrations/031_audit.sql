-- The audit trail (src/audit): every write, and every read of protected
-- material, one row each, hash-chained (each row's hash covers its content
-- and the previous row's hash). Rows are never updated or deleted: triggers
-- refuse it, and `room39 audit verify` detects any row edited, deleted or
-- reordered behind their back. audit_head keeps the count and last hash, so
-- cutting rows off the end is detected too.

CREATE TABLE audit_log (
  n bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  target text,
  before jsonb,
  after jsonb,
  meta jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_target_idx ON audit_log (target);

CREATE TABLE audit_head (
  id integer PRIMARY KEY,
  n bigint NOT NULL,
  hash text NOT NULL,
  CHECK (id = 1)
);

CREATE FUNCTION room39_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION room39_audit_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION room39_audit_append_only();

-- The chain starts from a fixed genesis hash: sha256("room39 audit log").
INSERT INTO audit_head (id, n, hash) VALUES (1, 0, '3bea072650b8176520e4263934426f031b923701059316ab7c7d1f13e6fa6638')
