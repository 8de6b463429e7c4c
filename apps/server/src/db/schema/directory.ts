import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  varchar,
} from 'drizzle-orm/pg-core'

/**
 * Module `directory`: administrative units, BHXH offices, medical facilities, collection agents.
 * Codes are the keys; names change (the 2025 reform renamed and merged most units).
 */

/** Which official code table an administrative-unit code belongs to. */
export const adminCodeSets = ['2004-2025', '2025-07-01'] as const

// đơn vị hành chính: province / district (pre-2025 only) / commune (xã, phường, thị trấn, đặc khu)
export const adminUnits = pgTable(
  'admin_units',
  {
    codeSet: varchar('code_set', { length: 10, enum: adminCodeSets }).notNull(),
    level: varchar('level', { length: 8, enum: ['province', 'district', 'commune'] }).notNull(),
    code: varchar('code', { length: 5 }).notNull(),
    parentCode: varchar('parent_code', { length: 5 }),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en'),
    foldedName: text('folded_name').notNull(),
    unitType: text('unit_type').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.codeSet, t.level, t.code] }),
    index('admin_units_parent_idx').on(t.codeSet, t.parentCode),
    index('admin_units_folded_idx').on(t.codeSet, t.level, t.foldedName),
  ],
)

// Old commune (before 1 Jul 2025) → new commune; 'partial' when only part of the old unit moved.
export const adminUnitMappings = pgTable(
  'admin_unit_mappings',
  {
    oldCommuneCode: varchar('old_commune_code', { length: 5 }).notNull(),
    newCommuneCode: varchar('new_commune_code', { length: 5 }).notNull(),
    newProvinceCode: varchar('new_province_code', { length: 2 }).notNull(),
    kind: varchar('kind', { length: 8, enum: ['full', 'partial'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.oldCommuneCode, t.newCommuneCode] }),
    index('admin_unit_mappings_new_idx').on(t.newCommuneCode),
  ],
)

// cơ quan BHXH: central (VSS), province office (BHXH tỉnh, code 3 digits), grassroots office (BHXH cơ sở, 5 digits)
export const offices = pgTable(
  'offices',
  {
    code: varchar('code', { length: 5 }).primaryKey(),
    parentCode: varchar('parent_code', { length: 5 }),
    kind: varchar('kind', { length: 10, enum: ['central', 'province', 'grassroots'] }).notNull(),
    name: text('name').notNull(),
    foldedName: text('folded_name').notNull(),
    provinceCode: varchar('province_code', { length: 2 }),
    communeCode: varchar('commune_code', { length: 5 }),
    address: text('address'),
    phone: text('phone'),
    openingHours: text('opening_hours'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [index('offices_parent_idx').on(t.parentCode), index('offices_province_idx').on(t.provinceCode)],
)

// cơ sở KCB: 5-character code = legacy 2-digit province + 3 characters (e.g. 01C54)
export const medicalFacilities = pgTable(
  'medical_facilities',
  {
    code: varchar('code', { length: 5 }).primaryKey(),
    name: text('name').notNull(),
    foldedName: text('folded_name').notNull(),
    level: varchar('level', { length: 10, enum: ['central', 'province', 'district', 'commune'] }).notNull(),
    legacyProvinceCode: varchar('legacy_province_code', { length: 2 }).notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    communeCode: varchar('commune_code', { length: 5 }),
    address: text('address'),
    phone: text('phone'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    hasHealthInsuranceContract: boolean('has_health_insurance_contract').notNull(),
    acceptsPrimaryRegistration: boolean('accepts_primary_registration').notNull(),
    issuesSickLeave: boolean('issues_sick_leave').notNull(), // cấp giấy nghỉ việc hưởng BHXH
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [
    index('medical_facilities_province_idx').on(t.provinceCode, t.level),
    index('medical_facilities_folded_idx').on(t.foldedName),
  ],
)

// điểm thu / đại lý thu: voluntary BHXH and household BHYT are paid here
export const collectionAgents = pgTable(
  'collection_agents',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    kind: varchar('kind', { length: 16, enum: ['collection_point', 'agent'] }).notNull(),
    name: text('name').notNull(),
    foldedName: text('folded_name').notNull(),
    officeCode: varchar('office_code', { length: 5 }).notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    communeCode: varchar('commune_code', { length: 5 }),
    address: text('address').notNull(),
    phone: text('phone'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    synthetic: boolean('synthetic').notNull().default(true),
  },
  (t) => [index('collection_agents_province_idx').on(t.provinceCode, t.communeCode)],
)

// ICD-10 (MoH Decision 4469/QĐ-BYT) names for diagnoses shown in the medical-visit book
export const icd10Codes = pgTable('icd10_codes', {
  code: varchar('code', { length: 7 }).primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en'),
  chapter: integer('chapter'),
})
