CREATE TABLE "citizen_auth_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" varchar(20) NOT NULL,
	"account_id" bigint,
	"otp_challenge_id" uuid NOT NULL,
	"resends" integer DEFAULT 0 NOT NULL,
	"device_id" varchar(100),
	"device_name" text,
	"session_id" uuid,
	"new_password_hash" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_auth_requests_purpose_check" CHECK ("citizen_auth_requests"."purpose" in ('device_change', 'password_change', 'password_reset'))
);
--> statement-breakpoint
ALTER TABLE "citizen_accounts" ADD COLUMN "failed_sign_ins" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "citizen_accounts" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "citizen_auth_requests" ADD CONSTRAINT "citizen_auth_requests_account_id_citizen_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_auth_requests_expires_idx" ON "citizen_auth_requests" USING btree ("expires_at");