-- Hand-written: what each table is, and which columns hold personal data (PII), so that an auditor
-- reading the catalogue (\d+) sees what must be protected. Keep in step with src/db/schema/*.ts.
COMMENT ON TABLE "people" IS 'Insured people (người tham gia): the national registry. Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "people"."personal_id" IS 'PII: 12-digit personal ID (số định danh cá nhân / CCCD), the identifier since 1 Aug 2025';--> statement-breakpoint
COMMENT ON COLUMN "people"."bhxh_code" IS 'PII: 10-digit BHXH code (mã số BHXH), issued once for life';--> statement-breakpoint
COMMENT ON COLUMN "people"."legacy_id_number" IS 'PII: legacy 9-digit CMND number';--> statement-breakpoint
COMMENT ON COLUMN "people"."passport_number" IS 'PII: passport number';--> statement-breakpoint
COMMENT ON COLUMN "people"."full_name" IS 'PII: full name in NFC with diacritics, family name first';--> statement-breakpoint
COMMENT ON COLUMN "people"."folded_name" IS 'PII: full name folded for search (lower case, no diacritics, đ→d)';--> statement-breakpoint
COMMENT ON COLUMN "people"."birth_year" IS 'PII: year of birth';--> statement-breakpoint
COMMENT ON COLUMN "people"."birth_month" IS 'PII: month of birth; null when the record holds only the year';--> statement-breakpoint
COMMENT ON COLUMN "people"."birth_day" IS 'PII: day of birth; null when the record holds only month/year or year';--> statement-breakpoint
COMMENT ON COLUMN "people"."gender" IS 'PII: gender (male, female, other)';--> statement-breakpoint
COMMENT ON COLUMN "people"."address_code_set" IS 'Which administrative code table the address codes belong to (2004-2025 or 2025-07-01)';--> statement-breakpoint
COMMENT ON COLUMN "people"."street" IS 'PII: house number and street';--> statement-breakpoint
COMMENT ON COLUMN "people"."commune_code" IS 'PII: commune of residence (with province and street, an address)';--> statement-breakpoint
COMMENT ON COLUMN "people"."phone" IS 'PII: mobile phone, normalised 0xxxxxxxxx';--> statement-breakpoint
COMMENT ON COLUMN "people"."email" IS 'PII: e-mail address';--> statement-breakpoint
COMMENT ON TABLE "households" IS 'Households (hộ gia đình) of the household registry. Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "households"."household_code" IS 'PII: household code';--> statement-breakpoint
COMMENT ON TABLE "employers" IS 'Employer units (đơn vị tham gia BHXH)';--> statement-breakpoint
COMMENT ON TABLE "participation_periods" IS 'Participation history (quá trình tham gia): one row per scheme and run of months. Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "participation_periods"."contribution_base" IS 'PII: monthly contribution base (salary) in đồng';--> statement-breakpoint
COMMENT ON COLUMN "participation_periods"."owed_amount" IS 'Employer arrears for the period in đồng (shown in red to the person)';--> statement-breakpoint
COMMENT ON TABLE "benefits" IS 'Benefits received (thông tin hưởng). Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "benefits"."amount" IS 'PII: amount in đồng (per month for monthly kinds)';--> statement-breakpoint
COMMENT ON TABLE "medical_visits" IS 'Medical-visit book (sổ khám chữa bệnh): XML1 summaries. Health data: special category of personal data (Decree 13/2023).';--> statement-breakpoint
COMMENT ON COLUMN "medical_visits"."diagnosis_code" IS 'PII (health): principal ICD-10 diagnosis';--> statement-breakpoint
COMMENT ON COLUMN "medical_visits"."diagnosis_name" IS 'PII (health): diagnosis name';--> statement-breakpoint
COMMENT ON TABLE "health_cards" IS 'BHYT cards. Personal data.';--> statement-breakpoint
COMMENT ON COLUMN "health_cards"."card_number" IS 'PII: card number (equals the BHXH code on cards since 1 Apr 2021)';--> statement-breakpoint
COMMENT ON COLUMN "health_cards"."legacy_card_number" IS 'PII: legacy 15-character card number (group, level, province, BHXH code)';--> statement-breakpoint
COMMENT ON TABLE "citizen_accounts" IS 'Citizen e-transaction accounts (tài khoản giao dịch điện tử)';--> statement-breakpoint
COMMENT ON COLUMN "citizen_accounts"."username" IS 'PII: the BHXH code';--> statement-breakpoint
COMMENT ON COLUMN "citizen_accounts"."password_hash" IS 'Secret: argon2id hash';--> statement-breakpoint
COMMENT ON TABLE "staff_accounts" IS 'Staff accounts of BHXH offices; reach = own office and its subtree';--> statement-breakpoint
COMMENT ON COLUMN "staff_accounts"."full_name" IS 'PII: staff member name';--> statement-breakpoint
COMMENT ON COLUMN "staff_accounts"."email" IS 'PII: staff e-mail';--> statement-breakpoint
COMMENT ON COLUMN "staff_accounts"."password_hash" IS 'Secret: argon2id hash';--> statement-breakpoint
COMMENT ON COLUMN "staff_accounts"."totp_secret" IS 'Secret: TOTP seed of the second factor';--> statement-breakpoint
COMMENT ON COLUMN "people"."province_code" IS 'PII: province of residence (with commune and street, an address)';--> statement-breakpoint
COMMENT ON COLUMN "people"."district_code" IS 'PII: district of residence (pre-2025 addresses only)';--> statement-breakpoint
COMMENT ON COLUMN "people"."household_id" IS 'PII: the household the person belongs to';--> statement-breakpoint
COMMENT ON COLUMN "people"."household_relation" IS 'PII: relation to the head of household';--> statement-breakpoint
COMMENT ON COLUMN "households"."head_person_id" IS 'PII: head of household';--> statement-breakpoint
COMMENT ON COLUMN "participation_periods"."position" IS 'PII: occupation or position at the employer';--> statement-breakpoint
COMMENT ON COLUMN "participation_periods"."employer_id" IS 'PII: employer of the person for the period';--> statement-breakpoint
COMMENT ON COLUMN "benefits"."kind" IS 'PII (may be health): sickness, maternity, pension…';--> statement-breakpoint
COMMENT ON COLUMN "medical_visits"."facility_code" IS 'PII (health): where the person was treated';--> statement-breakpoint
COMMENT ON COLUMN "medical_visits"."admitted_at" IS 'PII (health): admission time';--> statement-breakpoint
COMMENT ON COLUMN "medical_visits"."discharged_at" IS 'PII (health): discharge time';--> statement-breakpoint
COMMENT ON COLUMN "medical_visits"."visit_type" IS 'PII (health): outpatient, inpatient… (MA_LOAI_KCB)';--> statement-breakpoint
COMMENT ON COLUMN "medical_visits"."total_cost" IS 'PII (health): total cost in đồng';--> statement-breakpoint
COMMENT ON COLUMN "medical_visits"."fund_paid" IS 'PII (health): paid by the BHYT fund in đồng';--> statement-breakpoint
COMMENT ON COLUMN "medical_visits"."patient_paid" IS 'PII (health): paid by the patient in đồng';--> statement-breakpoint
COMMENT ON COLUMN "health_cards"."group_code" IS 'PII: beneficiary group; reveals e.g. poor-household, veteran or pensioner status';--> statement-breakpoint
COMMENT ON COLUMN "health_cards"."benefit_level" IS 'PII: benefit level 1–5, derived from the group';--> statement-breakpoint
COMMENT ON COLUMN "health_cards"."primary_facility_code" IS 'PII: registered primary-care facility (hints at residence)';--> statement-breakpoint
COMMENT ON TABLE "admin_units" IS 'Administrative units of both code sets (before and after 1 Jul 2025). Reference data, GSO codes.';--> statement-breakpoint
COMMENT ON TABLE "admin_unit_mappings" IS 'Old commune → new commune (1 Jul 2025 reform); partial = only part of the old unit';--> statement-breakpoint
COMMENT ON TABLE "offices" IS 'BHXH offices tree (central → province → grassroots) with validity dates';--> statement-breakpoint
COMMENT ON TABLE "medical_facilities" IS 'Medical facilities (cơ sở KCB) with BHYT contract and sick-leave flags';--> statement-breakpoint
COMMENT ON TABLE "collection_agents" IS 'Collection points and agents for voluntary BHXH and household BHYT';--> statement-breakpoint
COMMENT ON TABLE "icd10_codes" IS 'ICD-10 codes with Vietnamese names (QĐ 4469/QĐ-BYT)';
