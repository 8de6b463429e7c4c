COMMENT ON TABLE "audit_log" IS 'Append-only record of staff actions and personal-data access; UPDATE and DELETE are refused by a trigger and not granted to ansinh_app';--> statement-breakpoint
COMMENT ON COLUMN "audit_log"."ip" IS 'PII: client address of the request';--> statement-breakpoint
COMMENT ON COLUMN "audit_log"."record_id" IS 'Id of the record acted on (dossier id, account id), never a name or personal ID';--> statement-breakpoint
COMMENT ON COLUMN "staff_accounts"."totp_secret" IS 'Second-factor secret, encrypted (AES-256-GCM)';--> statement-breakpoint
COMMENT ON COLUMN "staff_sessions"."token_hash" IS 'SHA-256 of the session cookie; the token itself is never stored';--> statement-breakpoint
COMMENT ON COLUMN "staff_sessions"."ip" IS 'PII: client address at sign-in';--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON "dossier_events"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();--> statement-breakpoint
-- The role the application serves as (a LOGIN role that is a member of it): reads and writes the
-- application's tables, but may only add to the audit log and the dossier history.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ansinh_app') THEN CREATE ROLE ansinh_app NOLOGIN; END IF;
END $$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ansinh_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ansinh_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ansinh_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ansinh_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ansinh_app;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log", "dossier_events" FROM ansinh_app;
