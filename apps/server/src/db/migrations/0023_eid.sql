CREATE TABLE "citizen_eid_links" (
	"account_id" bigint PRIMARY KEY NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"status" varchar(10) NOT NULL,
	"level" smallint NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_eid_links_status_check" CHECK ("citizen_eid_links"."status" in ('linked', 'unlinked'))
);
--> statement-breakpoint
CREATE TABLE "eid_flows" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"mode" varchar(10) NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"account_id" bigint,
	"device_id" varchar(100),
	"device_name" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eid_flows_mode_check" CHECK ("eid_flows"."mode" in ('sign_in', 'link'))
);
--> statement-breakpoint
ALTER TABLE "citizen_eid_links" ADD CONSTRAINT "citizen_eid_links_account_id_citizen_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eid_flows" ADD CONSTRAINT "eid_flows_account_id_citizen_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_eid_links_subject_uq" ON "citizen_eid_links" USING btree ("issuer","subject");--> statement-breakpoint
CREATE INDEX "eid_flows_expires_idx" ON "eid_flows" USING btree ("expires_at");--> statement-breakpoint
COMMENT ON COLUMN "citizen_eid_links"."subject" IS 'PII: the e-ID provider''s identifier of the person (a national provider may use the personal ID number)';
