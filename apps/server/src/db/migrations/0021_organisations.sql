CREATE TABLE "organisation_adoption_daily" (
	"organisation_id" bigint NOT NULL,
	"day" date NOT NULL,
	"role" varchar(8) NOT NULL,
	"members" integer NOT NULL,
	"registered" integer NOT NULL,
	"account_active" integer NOT NULL,
	"signed_in" integer NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_adoption_daily_organisation_id_day_role_pk" PRIMARY KEY("organisation_id","day","role"),
	CONSTRAINT "organisation_adoption_daily_role_check" CHECK ("organisation_adoption_daily"."role" in ('staff', 'pupil'))
);
--> statement-breakpoint
CREATE TABLE "organisation_member_imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisation_member_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" bigint NOT NULL,
	"submitted_by" bigint NOT NULL,
	"file_name" text NOT NULL,
	"rows_read" integer NOT NULL,
	"added" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"refused" integer NOT NULL,
	"errors" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisation_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"role" varchar(8) NOT NULL,
	"unit" text,
	"folded_unit" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_members_role_check" CHECK ("organisation_members"."role" in ('staff', 'pupil'))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" varchar(30) NOT NULL,
	"name" text NOT NULL,
	"folded_name" text NOT NULL,
	"kind" varchar(20) NOT NULL,
	"parent_id" bigint,
	"office_code" varchar(5) NOT NULL,
	"target_percent" numeric(5, 2),
	"target_deadline" date,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kind_check" CHECK ("organisations"."kind" in ('supervising_body', 'school', 'agency', 'company')),
	CONSTRAINT "organisations_target_check" CHECK (("organisations"."target_percent" is null) = ("organisations"."target_deadline" is null) and ("organisations"."target_percent" is null or "organisations"."target_percent" > 0 and "organisations"."target_percent" <= 100))
);
--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD COLUMN "organisation_id" bigint;--> statement-breakpoint
ALTER TABLE "organisation_adoption_daily" ADD CONSTRAINT "organisation_adoption_daily_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_member_imports" ADD CONSTRAINT "organisation_member_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_member_imports_org_idx" ON "organisation_member_imports" USING btree ("organisation_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_members_org_person_uq" ON "organisation_members" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "organisation_members_person_idx" ON "organisation_members" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_code_uq" ON "organisations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisations_office_idx" ON "organisations" USING btree ("office_code");--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD CONSTRAINT "staff_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD CONSTRAINT "staff_accounts_organisation_check" CHECK (("staff_accounts"."role" = 'organisation_admin') = ("staff_accounts"."organisation_id" is not null));--> statement-breakpoint
COMMENT ON TABLE "organisation_members" IS 'Members of an organisation (staff, pupils): people of the registry with their class or department. Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "organisation_members"."person_id" IS 'PII: the person (people.id) who belongs to the organisation';--> statement-breakpoint
COMMENT ON COLUMN "organisation_members"."unit" IS 'PII: class or department (lớp/phòng) as imported, with the person it places';--> statement-breakpoint
COMMENT ON COLUMN "organisation_member_imports"."errors" IS 'Refused rows: row number, column and reason only (no values from the file)';--> statement-breakpoint
COMMENT ON TABLE "organisation_adoption_daily" IS 'One day''s rolled-up adoption counts of an organisation subtree per member role; counts only, no personal data';
