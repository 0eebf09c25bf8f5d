-- The audit log is append-only and hash-chained (ADR 0006).
-- 1. No UPDATE, DELETE or TRUNCATE on audit.
-- 2. An insert must extend the chain: seq = head.seq + 1 and prev_hash = head.hash;
--    the trigger then moves the head (so removing the newest rows is detectable).
INSERT INTO "audit_head" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_extend_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT "seq", "hash" INTO head_seq, head_hash FROM "audit_head" WHERE "id" = 1 FOR UPDATE;
  IF NEW."seq" <> head_seq + 1 OR NEW."prev_hash" <> head_hash THEN
    RAISE EXCEPTION 'audit chain: row % does not extend head % ', NEW."seq", head_seq USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  UPDATE "audit_head" SET "seq" = NEW."seq", "hash" = NEW."hash" WHERE "id" = 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW."seq" <> OLD."seq" + 1 THEN
    RAISE EXCEPTION 'audit_head moves only forward, one row at a time' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON "audit" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "audit" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain BEFORE INSERT ON "audit" FOR EACH ROW EXECUTE FUNCTION audit_extend_chain();
--> statement-breakpoint
CREATE TRIGGER audit_head_guard BEFORE UPDATE OR DELETE ON "audit_head" FOR EACH ROW EXECUTE FUNCTION audit_head_guard();
--> statement-breakpoint
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON "audit_head" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
