CREATE TABLE "applied_declaration_rows" (
	"row_key" char(64) PRIMARY KEY NOT NULL,
	"import_id" bigint NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integration_imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "integration_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" varchar(24) NOT NULL,
	"status" varchar(10) NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" char(64) NOT NULL,
	"file_id" uuid NOT NULL,
	"file_bytes" integer NOT NULL,
	"submitted_by" bigint,
	"partner_key_id" bigint,
	"facility_code" varchar(5),
	"employer_unit_code" varchar(10),
	"office_code" varchar(5),
	"rows_total" integer,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_applied" integer DEFAULT 0 NOT NULL,
	"rows_unchanged" integer DEFAULT 0 NOT NULL,
	"rows_refused" integer DEFAULT 0 NOT NULL,
	"failure" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "integration_imports_kind_check" CHECK ("integration_imports"."kind" in ('employer_declarations', 'hospital_claims')),
	CONSTRAINT "integration_imports_status_check" CHECK ("integration_imports"."status" in ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "integration_row_errors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "integration_row_errors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"import_id" bigint NOT NULL,
	"row_number" integer NOT NULL,
	"column" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_api_keys" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partner_api_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"facility_code" varchar(5),
	"employer_unit_code" varchar(10),
	"label" text NOT NULL,
	"prefix" char(8) NOT NULL,
	"key_hash" char(64) NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"per_minute" smallint,
	CONSTRAINT "partner_api_keys_one_partner_check" CHECK (("partner_api_keys"."facility_code" is null) <> ("partner_api_keys"."employer_unit_code" is null))
);
--> statement-breakpoint
ALTER TABLE "applied_declaration_rows" ADD CONSTRAINT "applied_declaration_rows_import_id_integration_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."integration_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_imports" ADD CONSTRAINT "integration_imports_submitted_by_staff_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_imports" ADD CONSTRAINT "integration_imports_partner_key_id_partner_api_keys_id_fk" FOREIGN KEY ("partner_key_id") REFERENCES "public"."partner_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_row_errors" ADD CONSTRAINT "integration_row_errors_import_id_integration_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."integration_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_api_keys" ADD CONSTRAINT "partner_api_keys_facility_code_medical_facilities_code_fk" FOREIGN KEY ("facility_code") REFERENCES "public"."medical_facilities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_api_keys" ADD CONSTRAINT "partner_api_keys_employer_unit_code_employers_unit_code_fk" FOREIGN KEY ("employer_unit_code") REFERENCES "public"."employers"("unit_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_api_keys" ADD CONSTRAINT "partner_api_keys_created_by_staff_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applied_declaration_rows_import_idx" ON "applied_declaration_rows" USING btree ("import_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_imports_file_uq" ON "integration_imports" USING btree ("kind","file_sha256");--> statement-breakpoint
CREATE INDEX "integration_imports_status_idx" ON "integration_imports" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "integration_imports_office_idx" ON "integration_imports" USING btree ("office_code","submitted_at","id");--> statement-breakpoint
CREATE INDEX "integration_row_errors_import_idx" ON "integration_row_errors" USING btree ("import_id","row_number");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_api_keys_prefix_uq" ON "partner_api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "partner_api_keys_facility_idx" ON "partner_api_keys" USING btree ("facility_code");--> statement-breakpoint
CREATE INDEX "partner_api_keys_employer_idx" ON "partner_api_keys" USING btree ("employer_unit_code");