COMMENT ON TABLE "dossiers" IS 'E-transaction registration dossiers (hồ sơ đăng ký giao dịch điện tử). Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."bhxh_code" IS 'PII: BHXH code (mã số BHXH)';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."full_name" IS 'PII: full name as declared';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."folded_name" IS 'PII: full name folded for search';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."id_number" IS 'PII: personal ID, CMND or passport number';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."province_code" IS 'PII: contact address (province)';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."commune_code" IS 'PII: contact address (commune)';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."district_code" IS 'PII: contact address (district, old units)';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."street" IS 'PII: contact address (house number, street)';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."phone" IS 'PII: mobile phone for OTP and results';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."email" IS 'PII: e-mail address';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."decision_reason" IS 'PII: the reviewer''s reason, may mention the person';--> statement-breakpoint
COMMENT ON TABLE "dossier_photos" IS 'Portrait and ID photos of a dossier; the bytes are in the encrypted file store under file_id. Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "dossier_photos"."file_id" IS 'PII: encrypted photo (AES-256-GCM) in the file store';--> statement-breakpoint
COMMENT ON COLUMN "dossier_photos"."thumbnail_file_id" IS 'PII: encrypted thumbnail in the file store';--> statement-breakpoint
COMMENT ON TABLE "dossier_events" IS 'Append-only history of each dossier; UPDATE and DELETE are refused by a trigger.';--> statement-breakpoint
COMMENT ON COLUMN "dossier_events"."detail" IS 'Codes, ids and reasons only, no personal data';--> statement-breakpoint
COMMENT ON TABLE "registration_requests" IS 'Submissions waiting for their OTP; deleted with their photos when abandoned.';--> statement-breakpoint
COMMENT ON COLUMN "registration_requests"."form" IS 'PII: the submitted form (name, IDs, address, phone, e-mail) until confirmed';--> statement-breakpoint
COMMENT ON COLUMN "registration_requests"."photos" IS 'PII: ids of the encrypted photos';--> statement-breakpoint
COMMENT ON TABLE "otp_challenges" IS 'One-time codes; only a keyed hash (HMAC-SHA-256) of each code is kept';--> statement-breakpoint
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON "dossier_events"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
COMMENT ON TABLE "file_deletions" IS 'Encrypted files to delete (photos of expired, replaced or abandoned dossiers); drained by a job';
