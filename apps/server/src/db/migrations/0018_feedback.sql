CREATE TABLE "feedback" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" varchar(13) NOT NULL,
	"category" varchar(16) NOT NULL,
	"status" varchar(12) NOT NULL,
	"content" text NOT NULL,
	"full_name" text NOT NULL,
	"phone" varchar(10) NOT NULL,
	"email" text,
	"province_code" varchar(2),
	"office_code" varchar(5) NOT NULL,
	"citizen_account_id" bigint,
	"language" varchar(2) NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" bigint,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_category_check" CHECK ("feedback"."category" in ('health_card', 'participation', 'benefits', 'account', 'service_attitude', 'other')),
	CONSTRAINT "feedback_status_check" CHECK ("feedback"."status" in ('received', 'in_progress', 'answered'))
);
--> statement-breakpoint
CREATE TABLE "feedback_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"feedback_id" bigint NOT NULL,
	"file_id" uuid NOT NULL,
	"thumbnail_file_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_citizen_account_id_citizen_accounts_id_fk" FOREIGN KEY ("citizen_account_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_answered_by_staff_accounts_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_attachments" ADD CONSTRAINT "feedback_attachments_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_code_uq" ON "feedback" USING btree ("code");--> statement-breakpoint
CREATE INDEX "feedback_office_submitted_idx" ON "feedback" USING btree ("office_code","submitted_at","id");--> statement-breakpoint
CREATE INDEX "feedback_attachments_feedback_idx" ON "feedback_attachments" USING btree ("feedback_id");--> statement-breakpoint
COMMENT ON TABLE "feedback" IS 'Feedback and petitions (phản ánh kiến nghị) sent to an office, and its answer. Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "feedback"."code" IS 'Tracking code (mã phản ánh): PA- and 10 random characters; with the phone, the key of the public look-up';--> statement-breakpoint
COMMENT ON COLUMN "feedback"."content" IS 'PII: what the person wrote, may describe their records, health or benefits';--> statement-breakpoint
COMMENT ON COLUMN "feedback"."full_name" IS 'PII: full name as given';--> statement-breakpoint
COMMENT ON COLUMN "feedback"."phone" IS 'PII: mobile phone for the receipt and the answer, normalised 0xxxxxxxxx';--> statement-breakpoint
COMMENT ON COLUMN "feedback"."email" IS 'PII: e-mail address for the receipt and the answer';--> statement-breakpoint
COMMENT ON COLUMN "feedback"."province_code" IS 'PII: province the person gave for routing (2025 code)';--> statement-breakpoint
COMMENT ON COLUMN "feedback"."citizen_account_id" IS 'PII: the account signed in when it was sent (its inbox gets the answer)';--> statement-breakpoint
COMMENT ON COLUMN "feedback"."answer" IS 'PII: the office''s answer, may mention the person';--> statement-breakpoint
COMMENT ON TABLE "feedback_attachments" IS 'Photos attached to feedback; the bytes are in the encrypted file store under file_id. Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "feedback_attachments"."file_id" IS 'PII: encrypted photo (AES-256-GCM) in the file store';--> statement-breakpoint
COMMENT ON COLUMN "feedback_attachments"."thumbnail_file_id" IS 'PII: encrypted thumbnail in the file store';
