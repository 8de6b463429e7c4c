CREATE SEQUENCE "public"."dossier_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 20;--> statement-breakpoint
CREATE TABLE "file_deletions" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"due_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "otp_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" varchar(20) NOT NULL,
	"channel" varchar(5) NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"resend_after" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "otp_challenges_purpose_check" CHECK ("otp_challenges"."purpose" in ('registration', 'password_change', 'device_change', 'password_reset', 'child_registration')),
	CONSTRAINT "otp_challenges_channel_check" CHECK ("otp_challenges"."channel" in ('sms', 'email'))
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossier_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dossier_id" bigint NOT NULL,
	"kind" varchar(16) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" varchar(8) NOT NULL,
	"actor_id" bigint,
	"detail" jsonb,
	CONSTRAINT "dossier_events_kind_check" CHECK ("dossier_events"."kind" in ('submitted', 'replaced', 'received', 'photo_replaced', 'assigned', 'released', 'decided', 'expired', 'account_created', 'message_sent')),
	CONSTRAINT "dossier_events_actor_kind_check" CHECK ("dossier_events"."actor_kind" in ('citizen', 'staff', 'system'))
);
--> statement-breakpoint
CREATE TABLE "dossier_photos" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossier_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dossier_id" bigint NOT NULL,
	"kind" varchar(8) NOT NULL,
	"file_id" uuid NOT NULL,
	"thumbnail_file_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_photos_kind_check" CHECK ("dossier_photos"."kind" in ('portrait', 'idFront', 'idBack'))
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossiers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dossier_number" varchar(30) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"status" varchar(10) NOT NULL,
	"condition" varchar(16) NOT NULL,
	"bhxh_code" char(10) NOT NULL,
	"full_name" text NOT NULL,
	"folded_name" text NOT NULL,
	"id_kind" varchar(12) NOT NULL,
	"id_number" varchar(12) NOT NULL,
	"address_code_set" varchar(10) NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"district_code" varchar(3),
	"commune_code" varchar(5) NOT NULL,
	"street" text NOT NULL,
	"phone" varchar(10) NOT NULL,
	"email" text,
	"contact_channel" varchar(5) NOT NULL,
	"language" varchar(2) NOT NULL,
	"office_code" varchar(5) NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"paper_deadline" date NOT NULL,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_kind_check" CHECK ("dossiers"."kind" in ('new', 'child', 'change', 'stop')),
	CONSTRAINT "dossiers_status_check" CHECK ("dossiers"."status" in ('pending', 'valid', 'invalid', 'cancelled', 'expired')),
	CONSTRAINT "dossiers_condition_check" CHECK ("dossiers"."condition" in ('awaiting_paper', 'received')),
	CONSTRAINT "dossiers_id_kind_check" CHECK ("dossiers"."id_kind" in ('personal_id', 'legacy_id', 'passport')),
	CONSTRAINT "dossiers_contact_channel_check" CHECK ("dossiers"."contact_channel" in ('sms', 'email'))
);
--> statement-breakpoint
CREATE TABLE "registration_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"otp_challenge_id" uuid NOT NULL,
	"form" jsonb,
	"photos" jsonb NOT NULL,
	"resends" smallint DEFAULT 0 NOT NULL,
	"dossier_id" bigint,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_photos" ADD CONSTRAINT "dossier_photos_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "otp_challenges_expires_idx" ON "otp_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_photos_dossier_kind_uq" ON "dossier_photos" USING btree ("dossier_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_number_uq" ON "dossiers" USING btree ("dossier_number");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_pending_bhxh_code_uq" ON "dossiers" USING btree ("bhxh_code") WHERE "dossiers"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_pending_phone_uq" ON "dossiers" USING btree ("phone") WHERE "dossiers"."status" = 'pending' and "dossiers"."contact_channel" = 'sms';--> statement-breakpoint
CREATE INDEX "dossiers_office_submitted_idx" ON "dossiers" USING btree ("office_code","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_bhxh_code_idx" ON "dossiers" USING btree ("bhxh_code");--> statement-breakpoint
CREATE INDEX "dossiers_awaiting_paper_idx" ON "dossiers" USING btree ("paper_deadline") WHERE "dossiers"."status" = 'pending' and "dossiers"."condition" = 'awaiting_paper';--> statement-breakpoint
CREATE INDEX "registration_requests_expires_idx" ON "registration_requests" USING btree ("expires_at");