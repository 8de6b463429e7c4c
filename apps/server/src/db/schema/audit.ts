import { bigint, index, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core'
import { oneOf } from './checks'
import { identityId } from './columns'

/**
 * Module `audit`: an append-only record of every staff action and access to personal data (who,
 * their office, when, what, which record, from where). Written in the same transaction as the
 * action; a trigger refuses UPDATE and DELETE, and on PostgreSQL the application role is granted
 * SELECT and INSERT only.
 */

export const auditActorKinds = ['staff', 'citizen', 'system'] as const

export const auditLog = pgTable(
  'audit_log',
  {
    id: identityId(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorKind: varchar('actor_kind', { length: 8, enum: auditActorKinds }).notNull(),
    staffId: bigint('staff_id', { mode: 'number' }), // the staff member, when one acted
    officeCode: varchar('office_code', { length: 5 }), // their office at the time
    action: varchar('action', { length: 48 }).notNull(), // e.g. 'staff.sign_in', 'dossier.view', 'dossier.decide'
    recordType: varchar('record_type', { length: 24 }), // e.g. 'dossier', 'citizen_account'
    recordId: text('record_id'),
    ip: text('ip'),
    detail: jsonb('detail').$type<Record<string, unknown>>(), // codes and outcomes, never personal data
  },
  (t) => [
    oneOf('audit_log_actor_kind_check', t.actorKind, auditActorKinds),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_staff_idx').on(t.staffId, t.at),
    index('audit_log_record_idx').on(t.recordType, t.recordId),
  ],
)
