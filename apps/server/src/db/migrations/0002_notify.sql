CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text,
	"kind" varchar(48) NOT NULL,
	"channel" varchar(8) NOT NULL,
	"language" varchar(2) DEFAULT 'vi' NOT NULL,
	"recipient" text NOT NULL,
	"citizen_account_id" bigint,
	"subject" text,
	"body" text NOT NULL,
	"html" text,
	"sms_encoding" varchar(5),
	"sms_segments" smallint,
	"status" varchar(10) DEFAULT 'queued' NOT NULL,
	"failure_kind" varchar(16),
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sending_since" timestamp with time zone,
	"provider" varchar(40),
	"provider_message_id" text,
	"last_error" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recipient_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "recipient_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "messages_dedupe_uq" ON "messages" USING btree ("dedupe_key") WHERE "messages"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "messages_due_idx" ON "messages" USING btree ("next_attempt_at") WHERE "messages"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "messages_sending_idx" ON "messages" USING btree ("sending_since") WHERE "messages"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "messages_recipient_idx" ON "messages" USING btree ("channel","recipient","created_at");--> statement-breakpoint
CREATE INDEX "messages_inbox_idx" ON "messages" USING btree ("citizen_account_id","created_at") WHERE "messages"."channel" = 'inbox';--> statement-breakpoint
CREATE INDEX "messages_provider_idx" ON "messages" USING btree ("provider","sent_at") WHERE "messages"."provider" is not null;--> statement-breakpoint
CREATE INDEX "messages_failed_idx" ON "messages" USING btree ("created_at") WHERE "messages"."status" = 'failed';--> statement-breakpoint
CREATE INDEX "messages_provider_message_idx" ON "messages" USING btree ("provider","provider_message_id") WHERE "messages"."provider_message_id" is not null;--> statement-breakpoint
CREATE INDEX "messages_sms_kind_created_idx" ON "messages" USING btree ("kind","created_at") WHERE "messages"."channel" = 'sms';--> statement-breakpoint
CREATE INDEX "recipient_counters_window_idx" ON "recipient_counters" USING btree ("window_start");