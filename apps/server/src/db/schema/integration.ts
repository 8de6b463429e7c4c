import { importKinds, importStatuses } from '@ansinh/domain'
import { sql } from 'drizzle-orm'
import {
  bigint,
  char,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import { oneOf } from './checks'
import { identityId, writtenAt } from './columns'
import { medicalFacilities } from './directory'
import { staffAccounts } from './identity'
import { employers } from './registry'

/**
 * Module `integration`: files that feed the registry (employer declarations D02-LT, hospital claims
 * XML 130), each read by a worker row by row; the rows it refused, for the error report; and the
 * partners' API keys (hospitals: card check, claim files; employers: declaration lists).
 */
export const integrationImports = pgTable(
  'integration_imports',
  {
    id: identityId(),
    kind: varchar('kind', { length: 24, enum: importKinds }).notNull(),
    status: varchar('status', { length: 10, enum: importStatuses }).notNull(),
    fileName: text('file_name').notNull(),
    // The same bytes sent again answer the import they made: nothing is read twice.
    fileSha256: char('file_sha256', { length: 64 }).notNull(),
    fileId: uuid('file_id').notNull(), // the file as sent, in the encrypted store
    fileBytes: integer('file_bytes').notNull(),
    // Who sent it: a staff member (upload) or a partner's API key (API: a facility or an employer).
    submittedBy: bigint('submitted_by', { mode: 'number' }).references(() => staffAccounts.id),
    partnerKeyId: bigint('partner_key_id', { mode: 'number' }).references(() => partnerApiKeys.id),
    // The facility whose key sent a claim file: its rows must be its own claims.
    facilityCode: varchar('facility_code', { length: 5 }),
    // The employer whose key sent a declaration list: its rows must be its own employees'.
    employerUnitCode: varchar('employer_unit_code', { length: 10 }),
    officeCode: varchar('office_code', { length: 5 }), // the submitting staff member's office: who may see it
    rowsTotal: integer('rows_total'), // known once the file is read to the end
    rowsRead: integer('rows_read').notNull().default(0),
    rowsApplied: integer('rows_applied').notNull().default(0),
    rowsUnchanged: integer('rows_unchanged').notNull().default(0), // already applied by an earlier file
    rowsRefused: integer('rows_refused').notNull().default(0),
    failure: text('failure'), // the file could not be read at all (not a row's fault)
    submittedAt: writtenAt('submitted_at'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    // A worker renews this while reading; a stale one means the worker died and another takes over.
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    oneOf('integration_imports_kind_check', t.kind, importKinds),
    oneOf('integration_imports_status_check', t.status, importStatuses),
    uniqueIndex('integration_imports_file_uq').on(t.kind, t.fileSha256),
    index('integration_imports_status_idx').on(t.status, t.submittedAt),
    index('integration_imports_office_idx').on(t.officeCode, t.submittedAt, t.id),
  ],
)

/** A refused row: where (row number, column) and why, in Vietnamese, for the error report. */
export const integrationRowErrors = pgTable(
  'integration_row_errors',
  {
    id: identityId(),
    importId: bigint('import_id', { mode: 'number' })
      .notNull()
      .references(() => integrationImports.id),
    rowNumber: integer('row_number').notNull(),
    column: text('column').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('integration_row_errors_import_idx').on(t.importId, t.rowNumber)],
)

/**
 * A declaration row once applied (employer + month + person + change): the same row in another file
 * changes nothing. Claims need no such table: a visit is unique by facility and MA_LK.
 */
export const appliedDeclarationRows = pgTable(
  'applied_declaration_rows',
  {
    rowKey: char('row_key', { length: 64 }).primaryKey(), // SHA-256 of the row's identifying fields
    importId: bigint('import_id', { mode: 'number' })
      .notNull()
      .references(() => integrationImports.id),
    appliedAt: writtenAt('applied_at'),
  },
  (t) => [index('applied_declaration_rows_import_idx').on(t.importId)],
)

/**
 * A partner's key for the integration API: a medical facility's (card check, claim files) or an
 * employer's (declaration lists), exactly one of the two codes set. Only a SHA-256 of the key is kept
 * (the key is 256 random bits: no slow hash needed); `prefix` finds the row without scanning.
 */
export const partnerApiKeys = pgTable(
  'partner_api_keys',
  {
    id: identityId(),
    facilityCode: varchar('facility_code', { length: 5 }).references(() => medicalFacilities.code),
    employerUnitCode: varchar('employer_unit_code', { length: 10 }).references(() => employers.unitCode),
    label: text('label').notNull(),
    prefix: char('prefix', { length: 8 }).notNull(),
    keyHash: char('key_hash', { length: 64 }).notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffAccounts.id),
    createdAt: writtenAt('created_at'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    // Requests a minute this key may make (rate limit); the deployment's default when null.
    perMinute: smallint('per_minute'),
  },
  (t) => [
    check(
      'partner_api_keys_one_partner_check',
      sql`(${t.facilityCode} is null) <> (${t.employerUnitCode} is null)`,
    ),
    uniqueIndex('partner_api_keys_prefix_uq').on(t.prefix),
    index('partner_api_keys_facility_idx').on(t.facilityCode),
    index('partner_api_keys_employer_idx').on(t.employerUnitCode),
  ],
)
