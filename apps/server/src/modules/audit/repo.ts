import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { auditLog, staffAccounts } from '../../db/schema'

export type AuditFilter = {
  action?: string | undefined
  staffId?: number | undefined
  username?: string | undefined
  recordType?: string | undefined
  recordId?: string | undefined
  from?: Date | undefined
  /** Exclusive. */
  to?: Date | undefined
}

/**
 * Entries newest first, by id (the order they were written), after `beforeId`. `offices` limits them
 * to staff of those offices; null for the national office, which sees everything.
 */
export async function searchAudit(
  db: Executor,
  filter: AuditFilter,
  offices: string[] | null,
  beforeId: number | null,
  limit: number,
) {
  const conditions: Array<SQL | undefined> = [
    offices ? inArray(auditLog.officeCode, offices) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.staffId ? eq(auditLog.staffId, filter.staffId) : undefined,
    filter.username ? eq(staffAccounts.username, filter.username) : undefined,
    filter.recordType ? eq(auditLog.recordType, filter.recordType) : undefined,
    filter.recordId ? eq(auditLog.recordId, filter.recordId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
    beforeId ? lt(auditLog.id, beforeId) : undefined,
  ]
  return db
    .select({ entry: auditLog, username: staffAccounts.username })
    .from(auditLog)
    .leftJoin(staffAccounts, eq(staffAccounts.id, auditLog.staffId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1)
}
