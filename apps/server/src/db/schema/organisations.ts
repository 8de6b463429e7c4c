import { memberRoles, organisationKinds } from '@ansinh/domain'
import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core'
import { oneOf } from './checks'
import { identityId, writtenAt } from './columns'
import { offices } from './directory'
import { people } from './registry'

/**
 * Module `organisations` (tổ chức): schools, agencies and companies in a tree under an office of the
 * agency; their members, people of the registry; each day's adoption figures; the member imports and
 * the rows they refused. Staff accounts with the role `organisation_admin` name their organisation
 * (`staff_accounts.organisation_id`, in identity.ts).
 */
export const organisations = pgTable(
  'organisations',
  {
    id: identityId(),
    code: varchar('code', { length: 30 }).notNull(), // mã tổ chức
    name: text('name').notNull(),
    foldedName: text('folded_name').notNull(),
    kind: varchar('kind', { length: 20, enum: organisationKinds }).notNull(),
    // Null for a root, which hangs under `office_code`; a child has its root's office, so that an
    // office's reach over organisations is one comparison.
    parentId: bigint('parent_id', { mode: 'number' }).references((): AnyPgColumn => organisations.id),
    officeCode: varchar('office_code', { length: 5 })
      .notNull()
      .references(() => offices.code),
    // Mục tiêu: a registered share (0–100) to reach by a deadline (Vietnam date); both or neither.
    targetPercent: numeric('target_percent', { precision: 5, scale: 2, mode: 'number' }),
    targetDeadline: date('target_deadline', { mode: 'string' }),
    demo: boolean('demo').notNull().default(false), // written by the demo seed
    createdAt: writtenAt('created_at'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('organisations_kind_check', t.kind, organisationKinds),
    check(
      'organisations_target_check',
      sql`(${t.targetPercent} is null) = (${t.targetDeadline} is null) and (${t.targetPercent} is null or ${t.targetPercent} > 0 and ${t.targetPercent} <= 100)`,
    ),
    uniqueIndex('organisations_code_uq').on(t.code),
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_office_idx').on(t.officeCode),
  ],
)

// thành viên: a person of the registry in one organisation, as staff or pupil, in a class or department
export const organisationMembers = pgTable(
  'organisation_members',
  {
    id: identityId(),
    organisationId: bigint('organisation_id', { mode: 'number' })
      .notNull()
      .references(() => organisations.id),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id),
    role: varchar('role', { length: 8, enum: memberRoles }).notNull(),
    unit: text('unit'), // lớp / phòng, as written
    foldedUnit: text('folded_unit'), // for the exact, accent-insensitive filter
    createdAt: writtenAt('created_at'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('organisation_members_role_check', t.role, memberRoles),
    uniqueIndex('organisation_members_org_person_uq').on(t.organisationId, t.personId),
    index('organisation_members_person_idx').on(t.personId),
  ],
)

// One day's rolled-up figures of an organisation's subtree, per member role: the progress chart.
export const organisationAdoptionDaily = pgTable(
  'organisation_adoption_daily',
  {
    organisationId: bigint('organisation_id', { mode: 'number' })
      .notNull()
      .references(() => organisations.id),
    day: date('day', { mode: 'string' }).notNull(), // Vietnam date
    role: varchar('role', { length: 8, enum: memberRoles }).notNull(),
    members: integer('members').notNull(),
    registered: integer('registered').notNull(),
    accountActive: integer('account_active').notNull(),
    signedIn: integer('signed_in').notNull(),
    demo: boolean('demo').notNull().default(false), // invented by the demo seed, not measured
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('organisation_adoption_daily_role_check', t.role, memberRoles),
    primaryKey({ columns: [t.organisationId, t.day, t.role] }),
  ],
)

// One member import (CSV/XLSX uploaded by staff): its counts and the rows it refused, for the error
// report. The file itself is not kept: the members it made are the record.
export const organisationMemberImports = pgTable(
  'organisation_member_imports',
  {
    id: identityId(),
    organisationId: bigint('organisation_id', { mode: 'number' })
      .notNull()
      .references(() => organisations.id),
    submittedBy: bigint('submitted_by', { mode: 'number' }).notNull(), // staff_accounts.id
    fileName: text('file_name').notNull(),
    rowsRead: integer('rows_read').notNull(),
    added: integer('added').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    refused: integer('refused').notNull(),
    // [{ rowNumber, column, reason }]: reasons name columns, never the people in them.
    errors: jsonb('errors').$type<{ rowNumber: number; column: string; reason: string }[]>().notNull(),
    submittedAt: writtenAt('submitted_at'),
  },
  (t) => [index('organisation_member_imports_org_idx').on(t.organisationId, t.submittedAt)],
)
