CREATE TABLE "citizen_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"account_id" bigint NOT NULL,
	"device_id" varchar(100) NOT NULL,
	"device_name" text,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" varchar(20),
	CONSTRAINT "citizen_sessions_end_reason_check" CHECK ("citizen_sessions"."end_reason" in ('signed_out', 'signed_in_elsewhere', 'password_changed', 'staff', 'expired'))
);
--> statement-breakpoint
ALTER TABLE "dossier_events" DROP CONSTRAINT "dossier_events_kind_check";--> statement-breakpoint
ALTER TABLE "dossier_photos" DROP CONSTRAINT "dossier_photos_kind_check";--> statement-breakpoint
ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_condition_check";--> statement-breakpoint
DROP INDEX "dossier_photos_dossier_kind_uq";--> statement-breakpoint
DROP INDEX "dossiers_pending_phone_uq";--> statement-breakpoint
ALTER TABLE "dossier_photos" ALTER COLUMN "kind" SET DATA TYPE varchar(16);--> statement-breakpoint
ALTER TABLE "dossiers" ALTER COLUMN "id_kind" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ALTER COLUMN "id_number" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ALTER COLUMN "paper_deadline" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossier_photos" ADD COLUMN "added_by" bigint;--> statement-breakpoint
ALTER TABLE "dossier_photos" ADD COLUMN "replaced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "filed_by_account_id" bigint;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "previous_contact" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "request_note" text;--> statement-breakpoint
ALTER TABLE "citizen_sessions" ADD CONSTRAINT "citizen_sessions_account_id_citizen_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_sessions_token_uq" ON "citizen_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "citizen_sessions_account_idx" ON "citizen_sessions" USING btree ("account_id") WHERE "citizen_sessions"."ended_at" is null;--> statement-breakpoint
ALTER TABLE "dossier_photos" ADD CONSTRAINT "dossier_photos_added_by_staff_accounts_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_filed_by_account_id_citizen_accounts_id_fk" FOREIGN KEY ("filed_by_account_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_photos_current_kind_uq" ON "dossier_photos" USING btree ("dossier_id","kind") WHERE "dossier_photos"."replaced_at" is null and "dossier_photos"."kind" <> 'scan';--> statement-breakpoint
CREATE INDEX "dossier_photos_dossier_idx" ON "dossier_photos" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_pending_phone_uq" ON "dossiers" USING btree ("phone") WHERE "dossiers"."status" = 'pending' and "dossiers"."contact_channel" = 'sms' and "dossiers"."kind" = 'new';--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_kind_check" CHECK ("dossier_events"."kind" in ('submitted', 'replaced', 'received', 'photo_replaced', 'file_attached', 'assigned', 'released', 'decided', 'expired', 'account_created', 'account_updated', 'account_stopped', 'message_sent'));--> statement-breakpoint
ALTER TABLE "dossier_photos" ADD CONSTRAINT "dossier_photos_kind_check" CHECK ("dossier_photos"."kind" in ('portrait', 'idFront', 'idBack', 'birthCertificate', 'scan'));--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_condition_check" CHECK ("dossiers"."condition" in ('awaiting_paper', 'received', 'online'));--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_id_document_check" CHECK ("dossiers"."kind" = 'child' or ("dossiers"."id_kind" is not null and "dossiers"."id_number" is not null));--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_paper_deadline_check" CHECK (("dossiers"."condition" = 'online') = ("dossiers"."paper_deadline" is null));--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."previous_contact" IS 'PII: phone, e-mail and address before a change of information';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."request_note" IS 'PII: the person''s reason or note, free text';--> statement-breakpoint
COMMENT ON TABLE "citizen_sessions" IS 'Signed-in devices of citizen accounts; only the SHA-256 of each token is kept.';--> statement-breakpoint
COMMENT ON COLUMN "citizen_sessions"."ip" IS 'PII: IP address of the sign-in';--> statement-breakpoint
COMMENT ON COLUMN "citizen_sessions"."device_name" IS 'PII: device description from the user agent';
