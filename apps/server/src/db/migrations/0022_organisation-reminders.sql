CREATE TABLE "organisation_reminders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisation_reminders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"channel" varchar(5) NOT NULL,
	"message_id" uuid NOT NULL,
	"sent_by" bigint NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_reminders_channel_check" CHECK ("organisation_reminders"."channel" in ('sms', 'email'))
);
--> statement-breakpoint
CREATE TABLE "reminder_opt_outs" (
	"person_id" bigint PRIMARY KEY NOT NULL,
	"opted_out_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_reminders" ADD CONSTRAINT "organisation_reminders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_reminders" ADD CONSTRAINT "organisation_reminders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_reminders" ADD CONSTRAINT "organisation_reminders_sent_by_staff_accounts_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_opt_outs" ADD CONSTRAINT "reminder_opt_outs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_reminders_person_idx" ON "organisation_reminders" USING btree ("person_id","queued_at");--> statement-breakpoint
CREATE INDEX "organisation_reminders_organisation_idx" ON "organisation_reminders" USING btree ("organisation_id","queued_at");--> statement-breakpoint
COMMENT ON TABLE "organisation_reminders" IS 'Reminders to register that an organisation queued for its members; the message is in messages (message_id). Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "organisation_reminders"."person_id" IS 'PII: the person (people.id) who was reminded';--> statement-breakpoint
COMMENT ON TABLE "reminder_opt_outs" IS 'People who asked, through the link in a reminder, not to be reminded again by any organisation. Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "reminder_opt_outs"."person_id" IS 'PII: the person (people.id) who opted out';
