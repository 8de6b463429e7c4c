CREATE TABLE "admin_unit_mappings" (
	"old_commune_code" varchar(5) NOT NULL,
	"new_commune_code" varchar(5) NOT NULL,
	"new_province_code" varchar(2) NOT NULL,
	"kind" varchar(8) NOT NULL,
	CONSTRAINT "admin_unit_mappings_old_commune_code_new_commune_code_pk" PRIMARY KEY("old_commune_code","new_commune_code")
);
--> statement-breakpoint
CREATE TABLE "admin_units" (
	"code_set" varchar(10) NOT NULL,
	"level" varchar(8) NOT NULL,
	"code" varchar(5) NOT NULL,
	"parent_code" varchar(5),
	"province_code" varchar(2) NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"name_en" text,
	"folded_name" text NOT NULL,
	"unit_type" text NOT NULL,
	CONSTRAINT "admin_units_code_set_level_code_pk" PRIMARY KEY("code_set","level","code")
);
--> statement-breakpoint
CREATE TABLE "collection_agents" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"kind" varchar(16) NOT NULL,
	"name" text NOT NULL,
	"folded_name" text NOT NULL,
	"office_code" varchar(5) NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"commune_code" varchar(5),
	"address" text NOT NULL,
	"phone" text,
	"latitude" double precision,
	"longitude" double precision,
	"synthetic" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "icd10_codes" (
	"code" varchar(7) PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"chapter" integer
);
--> statement-breakpoint
CREATE TABLE "medical_facilities" (
	"code" varchar(5) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"folded_name" text NOT NULL,
	"level" varchar(10) NOT NULL,
	"legacy_province_code" varchar(2) NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"commune_code" varchar(5),
	"address" text,
	"phone" text,
	"latitude" double precision,
	"longitude" double precision,
	"has_health_insurance_contract" boolean NOT NULL,
	"accepts_primary_registration" boolean NOT NULL,
	"issues_sick_leave" boolean NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"synthetic" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"code" varchar(5) PRIMARY KEY NOT NULL,
	"parent_code" varchar(5),
	"kind" varchar(10) NOT NULL,
	"name" text NOT NULL,
	"folded_name" text NOT NULL,
	"province_code" varchar(2),
	"commune_code" varchar(5),
	"address" text,
	"phone" text,
	"opening_hours" text,
	"latitude" double precision,
	"longitude" double precision,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"synthetic" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "citizen_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"username" char(10) NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"password_changed_at" timestamp with time zone,
	"guardian_account_id" bigint,
	"status" varchar(10) DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"username" varchar(64) NOT NULL,
	"full_name" text NOT NULL,
	"email" text,
	"office_code" varchar(5) NOT NULL,
	"role" varchar(20) NOT NULL,
	"password_hash" text NOT NULL,
	"totp_secret" text,
	"status" varchar(10) DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "benefits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"kind" varchar(16) NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"amount" bigint NOT NULL,
	"paid_on" date,
	"office_code" varchar(5)
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "employers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_code" varchar(10) NOT NULL,
	"tax_code" varchar(14),
	"name" text NOT NULL,
	"folded_name" text NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"commune_code" varchar(5),
	"address" text NOT NULL,
	"managing_office_code" varchar(5) NOT NULL,
	"status" varchar(10) DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_cards" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "health_cards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"card_number" char(10) NOT NULL,
	"legacy_card_number" char(15) NOT NULL,
	"group_code" char(2) NOT NULL,
	"benefit_level" smallint NOT NULL,
	"issuing_province_code" char(2) NOT NULL,
	"primary_facility_code" varchar(5) NOT NULL,
	"living_area" varchar(2),
	"valid_from" date NOT NULL,
	"valid_to" date,
	"five_years_continuous_from" date,
	"issued_on" date NOT NULL,
	"issuing_office_code" varchar(5) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "households_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"household_code" varchar(15) NOT NULL,
	"head_person_id" bigint,
	"province_code" varchar(2) NOT NULL,
	"commune_code" varchar(5),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "medical_visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "medical_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"facility_code" varchar(5) NOT NULL,
	"claim_key" varchar(100),
	"visit_type" varchar(2) NOT NULL,
	"admitted_at" timestamp with time zone NOT NULL,
	"discharged_at" timestamp with time zone,
	"diagnosis_code" varchar(7) NOT NULL,
	"diagnosis_name" text NOT NULL,
	"total_cost" bigint NOT NULL,
	"fund_paid" bigint NOT NULL,
	"patient_paid" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_periods" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "participation_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"scheme" varchar(18) NOT NULL,
	"from_month" integer NOT NULL,
	"to_month" integer,
	"employer_id" bigint,
	"position" text,
	"contribution_base" bigint NOT NULL,
	"owed_amount" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"personal_id" char(12),
	"bhxh_code" char(10),
	"legacy_id_number" varchar(9),
	"passport_number" varchar(12),
	"full_name" text NOT NULL,
	"folded_name" text NOT NULL,
	"birth_year" smallint NOT NULL,
	"birth_month" smallint,
	"birth_day" smallint,
	"gender" varchar(6) NOT NULL,
	"address_code_set" varchar(10) NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"district_code" varchar(3),
	"commune_code" varchar(5),
	"street" text,
	"phone" varchar(10),
	"email" text,
	"household_id" bigint,
	"household_relation" varchar(12),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citizen_accounts" ADD CONSTRAINT "citizen_accounts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD CONSTRAINT "staff_accounts_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_cards" ADD CONSTRAINT "health_cards_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medical_visits" ADD CONSTRAINT "medical_visits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_periods" ADD CONSTRAINT "participation_periods_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_periods" ADD CONSTRAINT "participation_periods_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_unit_mappings_new_idx" ON "admin_unit_mappings" USING btree ("new_commune_code");--> statement-breakpoint
CREATE INDEX "admin_units_parent_idx" ON "admin_units" USING btree ("code_set","parent_code");--> statement-breakpoint
CREATE INDEX "admin_units_folded_idx" ON "admin_units" USING btree ("code_set","level","folded_name");--> statement-breakpoint
CREATE INDEX "collection_agents_province_idx" ON "collection_agents" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE INDEX "medical_facilities_province_idx" ON "medical_facilities" USING btree ("province_code","level");--> statement-breakpoint
CREATE INDEX "medical_facilities_folded_idx" ON "medical_facilities" USING btree ("folded_name");--> statement-breakpoint
CREATE INDEX "offices_parent_idx" ON "offices" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "offices_province_idx" ON "offices" USING btree ("province_code");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_accounts_person_uq" ON "citizen_accounts" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_accounts_username_uq" ON "citizen_accounts" USING btree ("username");--> statement-breakpoint
CREATE INDEX "citizen_accounts_guardian_idx" ON "citizen_accounts" USING btree ("guardian_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_accounts_username_uq" ON "staff_accounts" USING btree ("username");--> statement-breakpoint
CREATE INDEX "staff_accounts_office_idx" ON "staff_accounts" USING btree ("office_code");--> statement-breakpoint
CREATE INDEX "benefits_person_idx" ON "benefits" USING btree ("person_id","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_unit_code_uq" ON "employers" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "employers_tax_code_idx" ON "employers" USING btree ("tax_code");--> statement-breakpoint
CREATE INDEX "employers_folded_idx" ON "employers" USING btree ("folded_name");--> statement-breakpoint
CREATE INDEX "health_cards_person_idx" ON "health_cards" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "health_cards_number_idx" ON "health_cards" USING btree ("card_number");--> statement-breakpoint
CREATE UNIQUE INDEX "households_code_uq" ON "households" USING btree ("household_code");--> statement-breakpoint
CREATE INDEX "medical_visits_person_idx" ON "medical_visits" USING btree ("person_id","admitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "medical_visits_claim_uq" ON "medical_visits" USING btree ("facility_code","claim_key") WHERE "medical_visits"."claim_key" is not null;--> statement-breakpoint
CREATE INDEX "participation_person_idx" ON "participation_periods" USING btree ("person_id","scheme","from_month");--> statement-breakpoint
CREATE UNIQUE INDEX "people_personal_id_uq" ON "people" USING btree ("personal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_bhxh_code_uq" ON "people" USING btree ("bhxh_code");--> statement-breakpoint
CREATE INDEX "people_lookup_idx" ON "people" USING btree ("province_code","folded_name","birth_year");--> statement-breakpoint
CREATE INDEX "people_household_idx" ON "people" USING btree ("household_id");