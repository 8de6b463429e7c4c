import { benefitKinds, participationSchemes } from '@ansinh/domain'
import { sql } from 'drizzle-orm'
import {
  bigint,
  char,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core'
import { oneOf } from './checks'
import { identityId, money, writtenAt } from './columns'
import { adminCodeSets } from './directory'

/**
 * Module `registry`: the national insurance database — people, households, employers,
 * participation periods, benefits, medical visits and BHYT cards.
 * Money is integer đồng; contribution months are `yyyymm` integers; dates of birth keep their precision.
 */

export const genders = ['male', 'female', 'other'] as const

// hộ gia đình: the household registry used for BHXH codes and household BHYT
export const households = pgTable(
  'households',
  {
    id: identityId(),
    householdCode: varchar('household_code', { length: 15 }).notNull(),
    headPersonId: bigint('head_person_id', { mode: 'number' }),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    communeCode: varchar('commune_code', { length: 5 }),
    createdAt: writtenAt('created_at'),
  },
  (t) => [uniqueIndex('households_code_uq').on(t.householdCode)],
)

// người tham gia: one row per insured person
export const people = pgTable(
  'people',
  {
    id: identityId(),
    personalId: char('personal_id', { length: 12 }), // số định danh cá nhân (CCCD)
    bhxhCode: char('bhxh_code', { length: 10 }), // mã số BHXH
    legacyIdNumber: varchar('legacy_id_number', { length: 9 }), // CMND
    passportNumber: varchar('passport_number', { length: 12 }),
    fullName: text('full_name').notNull(),
    foldedName: text('folded_name').notNull(),
    birthYear: smallint('birth_year').notNull(),
    birthMonth: smallint('birth_month'), // null when the record holds only the year
    birthDay: smallint('birth_day'), // null when the record holds only month/year or year
    gender: varchar('gender', { length: 6, enum: genders }).notNull(),
    addressCodeSet: varchar('address_code_set', { length: 10, enum: adminCodeSets }).notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    districtCode: varchar('district_code', { length: 3 }), // only for pre-2025 addresses
    communeCode: varchar('commune_code', { length: 5 }),
    street: text('street'),
    phone: varchar('phone', { length: 10 }),
    email: text('email'),
    householdId: bigint('household_id', { mode: 'number' }).references(() => households.id),
    householdRelation: varchar('household_relation', { length: 12 }), // chủ hộ, vợ, chồng, con, …
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [
    oneOf('people_gender_check', t.gender, genders),
    oneOf('people_address_code_set_check', t.addressCodeSet, adminCodeSets),
    uniqueIndex('people_personal_id_uq').on(t.personalId),
    uniqueIndex('people_bhxh_code_uq').on(t.bhxhCode),
    index('people_lookup_idx').on(t.provinceCode, t.foldedName, t.birthYear),
    index('people_household_idx').on(t.householdId),
    // The back-office finds an account by the holder's phone, and registration checks a phone is not taken.
    index('people_phone_idx').on(t.phone),
  ],
)

// đơn vị tham gia BHXH
export const employers = pgTable(
  'employers',
  {
    id: identityId(),
    unitCode: varchar('unit_code', { length: 10 }).notNull(), // mã đơn vị
    taxCode: varchar('tax_code', { length: 14 }), // mã số thuế
    name: text('name').notNull(),
    foldedName: text('folded_name').notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    communeCode: varchar('commune_code', { length: 5 }),
    address: text('address').notNull(),
    managingOfficeCode: varchar('managing_office_code', { length: 5 }).notNull(),
    status: varchar('status', { length: 10, enum: ['active', 'suspended', 'closed'] })
      .notNull()
      .default('active'),
    createdAt: writtenAt('created_at'),
  },
  (t) => [
    uniqueIndex('employers_unit_code_uq').on(t.unitCode),
    index('employers_tax_code_idx').on(t.taxCode),
    index('employers_folded_idx').on(t.foldedName),
    // Tra cứu đơn vị: a name may be searched by any part ("cang sai gon"), which only trigrams index
    index('employers_folded_trgm_idx').using('gin', t.foldedName.op('gin_trgm_ops')),
  ],
)

export const schemes = participationSchemes

// quá trình tham gia: a run of months under one scheme with the same employer, position and base
export const participationPeriods = pgTable(
  'participation_periods',
  {
    id: identityId(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id),
    scheme: varchar('scheme', { length: 18, enum: schemes }).notNull(),
    fromMonth: integer('from_month').notNull(), // yyyymm
    toMonth: integer('to_month'), // yyyymm; null while the period is open
    employerId: bigint('employer_id', { mode: 'number' }).references(() => employers.id),
    position: text('position'), // nghề nghiệp / chức vụ
    contributionBase: money('contribution_base').notNull(), // mức đóng (đồng per month)
    owedAmount: money('owed_amount').notNull().default(0), // employer arrears for the period (shown in red)
  },
  (t) => [
    oneOf('participation_scheme_check', t.scheme, schemes),
    index('participation_person_idx').on(t.personId, t.scheme, t.fromMonth),
    // An employer's participants today (open compulsory periods), counted for the public look-up
    index('participation_open_compulsory_employer_idx')
      .on(t.employerId)
      .where(sql`${t.scheme} = 'compulsory_social' and ${t.toMonth} is null`),
  ],
)

// thông tin hưởng
export const benefits = pgTable(
  'benefits',
  {
    id: identityId(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id),
    kind: varchar('kind', { length: 16, enum: benefitKinds }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    amount: money('amount').notNull(), // total, or per month for monthly kinds
    paidOn: date('paid_on', { mode: 'string' }),
    officeCode: varchar('office_code', { length: 5 }),
  },
  (t) => [
    oneOf('benefits_kind_check', t.kind, benefitKinds),
    index('benefits_person_idx').on(t.personId, t.fromDate),
  ],
)

// sổ khám chữa bệnh: one insured visit (XML1 summary)
export const medicalVisits = pgTable(
  'medical_visits',
  {
    id: identityId(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id),
    facilityCode: varchar('facility_code', { length: 5 }).notNull(),
    claimKey: varchar('claim_key', { length: 100 }), // MA_LK
    visitType: varchar('visit_type', { length: 2 }).notNull(), // MA_LOAI_KCB
    admittedAt: timestamp('admitted_at', { withTimezone: true }).notNull(),
    dischargedAt: timestamp('discharged_at', { withTimezone: true }),
    diagnosisCode: varchar('diagnosis_code', { length: 7 }).notNull(), // ICD-10
    diagnosisName: text('diagnosis_name').notNull(),
    totalCost: money('total_cost').notNull(),
    fundPaid: money('fund_paid').notNull(),
    patientPaid: money('patient_paid').notNull(),
  },
  (t) => [
    index('medical_visits_person_idx').on(t.personId, t.admittedAt),
    uniqueIndex('medical_visits_claim_uq')
      .on(t.facilityCode, t.claimKey)
      .where(sql`${t.claimKey} is not null`),
  ],
)

// thẻ BHYT: group and level are attributes of a coverage period, not parsed from the printed number
export const healthCards = pgTable(
  'health_cards',
  {
    id: identityId(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id),
    cardNumber: char('card_number', { length: 10 }).notNull(), // = BHXH code on cards since 2021
    legacyCardNumber: char('legacy_card_number', { length: 15 }).notNull(),
    groupCode: char('group_code', { length: 2 }).notNull(), // mã đối tượng
    benefitLevel: smallint('benefit_level').notNull(), // mức hưởng 1–5
    issuingProvinceCode: char('issuing_province_code', { length: 2 }).notNull(),
    primaryFacilityCode: varchar('primary_facility_code', { length: 5 }).notNull(),
    livingArea: varchar('living_area', { length: 2, enum: ['K1', 'K2', 'K3'] }),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    fiveYearsContinuousFrom: date('five_years_continuous_from', { mode: 'string' }),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuingOfficeCode: varchar('issuing_office_code', { length: 5 }).notNull(),
  },
  (t) => [
    index('health_cards_person_idx').on(t.personId, t.validFrom),
    index('health_cards_number_idx').on(t.cardNumber),
  ],
)
