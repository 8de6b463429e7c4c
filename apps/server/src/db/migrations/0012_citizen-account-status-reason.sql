ALTER TABLE "citizen_accounts" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "citizen_accounts" ADD COLUMN "status_changed_at" timestamp with time zone;
--> statement-breakpoint
COMMENT ON COLUMN "citizen_accounts"."status_reason" IS 'PII: free text typed by staff when locking or unlocking';
