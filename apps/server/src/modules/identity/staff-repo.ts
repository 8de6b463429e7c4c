import { and, asc, count, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { offices, organisations, staffAccounts, staffRecoveryCodes, staffSessions } from '../../db/schema'
import { activeLock, countWrongTrySet, type LockoutPolicy } from './lockout'

/** SQL of staff sign-in, sessions and account management; executor first, no rules. */

export type StaffAccountRow = typeof staffAccounts.$inferSelect
export type StaffSessionRow = typeof staffSessions.$inferSelect
export type StaffSessionStage = StaffSessionRow['stage']
export type SessionWithStaff = { session: StaffSessionRow; staff: StaffAccountRow; officeName: string }

export async function findStaffByUsername(db: Executor, username: string): Promise<StaffAccountRow | null> {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.username, username)).limit(1)
  return row ?? null
}

/** `lock`: FOR UPDATE, so that two requests of one account (two codes, two admins) take turns. */
export async function findStaff(
  db: Executor,
  id: number,
  options: { lock?: boolean } = {},
): Promise<StaffAccountRow | null> {
  const query = db.select().from(staffAccounts).where(eq(staffAccounts.id, id)).limit(1)
  const [row] = options.lock ? await query.for('update') : await query
  return row ?? null
}

/** What the profile shows that may change during a session: the office's name, the password duty. */
export async function findStaffStanding(
  db: Executor,
  id: number,
): Promise<{ officeName: string; mustChangePassword: boolean } | null> {
  const [row] = await db
    .select({ officeName: offices.name, mustChangePassword: staffAccounts.mustChangePassword })
    .from(staffAccounts)
    .innerJoin(offices, eq(offices.code, staffAccounts.officeCode))
    .where(eq(staffAccounts.id, id))
  return row ?? null
}

/**
 * Counts one wrong password or code (see `countWrongTrySet`). Returns the new lock's end, or null when
 * the account is not locked by this try.
 */
export async function countFailure(tx: Executor, id: number, policy: LockoutPolicy): Promise<Date | null> {
  const [row] = await tx
    .update(staffAccounts)
    .set({ ...countWrongTrySet(staffAccounts, policy), updatedAt: policy.now })
    .where(eq(staffAccounts.id, id))
    .returning({ lockedUntil: staffAccounts.lockedUntil })
  return activeLock(row?.lockedUntil, policy.now)
}

/** After a complete sign-in: the count of wrong tries starts again. */
export async function clearFailures(tx: Executor, id: number, now: Date): Promise<void> {
  await tx
    .update(staffAccounts)
    .set({ failedSignIns: 0, lockedUntil: null, updatedAt: now })
    .where(eq(staffAccounts.id, id))
}

export async function saveTotpState(
  tx: Executor,
  id: number,
  values: { sealed: string | null; enabledAt?: Date | null; now: Date },
): Promise<void> {
  await tx
    .update(staffAccounts)
    .set({
      totpSecret: values.sealed,
      ...(values.enabledAt === undefined ? {} : { totpEnabledAt: values.enabledAt }),
      updatedAt: values.now,
    })
    .where(eq(staffAccounts.id, id))
}

export async function updatePasswordHash(tx: Executor, id: number, passwordHash: string, now: Date) {
  await tx.update(staffAccounts).set({ passwordHash, updatedAt: now }).where(eq(staffAccounts.id, id))
}

/** A password the staff member chose: it replaces any one-time password, whose duty ends with it. */
export async function saveChosenPassword(tx: Executor, id: number, passwordHash: string, now: Date) {
  await tx
    .update(staffAccounts)
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now })
    .where(eq(staffAccounts.id, id))
}

/** The account's password was set by someone else (an administrator): it must be replaced first. */
export async function requirePasswordChange(tx: Executor, id: number): Promise<void> {
  await tx.update(staffAccounts).set({ mustChangePassword: true }).where(eq(staffAccounts.id, id))
}

export async function setStaffStatus(
  tx: Executor,
  id: number,
  status: StaffAccountRow['status'],
  now: Date,
): Promise<void> {
  // Unlocking also lifts a lock left by wrong passwords: the administrator vouches for the person.
  const lift = status === 'active' ? { failedSignIns: 0, lockedUntil: null } : {}
  await tx
    .update(staffAccounts)
    .set({ status, ...lift, updatedAt: now })
    .where(eq(staffAccounts.id, id))
}

export async function insertSession(
  tx: Executor,
  values: {
    tokenHash: string
    staffId: number
    stage: StaffSessionStage
    ip: string
    userAgent: string | null
    now: Date
    expiresAt: Date
  },
): Promise<string> {
  const [row] = await tx
    .insert(staffSessions)
    .values({
      tokenHash: values.tokenHash,
      staffId: values.staffId,
      stage: values.stage,
      ip: values.ip,
      userAgent: values.userAgent,
      createdAt: values.now,
      lastSeenAt: values.now,
      expiresAt: values.expiresAt,
    })
    .returning({ id: staffSessions.id })
  if (!row) throw new Error('staff session insert returned no row')
  return row.id
}

/** The session of a cookie with its staff member and office; ended sessions are not returned. */
export async function findSessionByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<SessionWithStaff | null> {
  const [row] = await db
    .select({ session: staffSessions, staff: staffAccounts, officeName: offices.name })
    .from(staffSessions)
    .innerJoin(staffAccounts, eq(staffAccounts.id, staffSessions.staffId))
    .innerJoin(offices, eq(offices.code, staffAccounts.officeCode))
    .where(and(eq(staffSessions.tokenHash, tokenHash), isNull(staffSessions.endedAt)))
    .limit(1)
  return row ?? null
}

/**
 * A pending session becomes active under a new token (the one the browser held before the second
 * factor is worth nothing after it). False when another request activated or ended it first.
 */
export async function activateSession(
  tx: Executor,
  id: string,
  values: { tokenHash: string; now: Date; expiresAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(staffSessions)
    .set({
      stage: 'active',
      tokenHash: values.tokenHash,
      lastSeenAt: values.now,
      expiresAt: values.expiresAt,
    })
    .where(and(eq(staffSessions.id, id), ne(staffSessions.stage, 'active'), isNull(staffSessions.endedAt)))
    .returning({ id: staffSessions.id })
  return rows.length === 1
}

export async function touchSession(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, id))
}

export async function endSession(tx: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(staffSessions)
    .set({ endedAt: now })
    .where(and(eq(staffSessions.id, id), isNull(staffSessions.endedAt)))
    .returning({ id: staffSessions.id })
  return rows.length === 1
}

/**
 * Ends every open session of a staff member (locked, second factor reset), or every one but `except`
 * (their own password change); returns how many.
 */
export async function endStaffSessions(
  tx: Executor,
  staffId: number,
  now: Date,
  options: { except?: string } = {},
): Promise<number> {
  const rows = await tx
    .update(staffSessions)
    .set({ endedAt: now })
    .where(
      and(
        eq(staffSessions.staffId, staffId),
        isNull(staffSessions.endedAt),
        gt(staffSessions.expiresAt, now),
        options.except === undefined ? undefined : ne(staffSessions.id, options.except),
      ),
    )
    .returning({ id: staffSessions.id })
  return rows.length
}

/**
 * Deletes up to `limit` sessions that stopped (ended, or expired) before `before`; returns how many.
 * A bounded batch per statement: no long transaction, few row locks at a time.
 */
export async function deleteStoppedSessions(db: Executor, before: Date, limit: number): Promise<number> {
  const stopped = db
    .select({ id: staffSessions.id })
    .from(staffSessions)
    .where(
      sql`least(${staffSessions.endedAt}, ${staffSessions.expiresAt}) < ${before.toISOString()}::timestamptz`,
    )
    .limit(limit)
  const rows = await db
    .delete(staffSessions)
    .where(inArray(staffSessions.id, stopped))
    .returning({ id: staffSessions.id })
  return rows.length
}

export async function replaceRecoveryCodes(tx: Executor, staffId: number, hashes: string[]): Promise<void> {
  await deleteRecoveryCodes(tx, staffId)
  if (hashes.length > 0)
    await tx.insert(staffRecoveryCodes).values(hashes.map((codeHash) => ({ staffId, codeHash })))
}

export async function deleteRecoveryCodes(tx: Executor, staffId: number): Promise<void> {
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId))
}

export async function unusedRecoveryCodes(
  tx: Executor,
  staffId: number,
): Promise<Array<{ id: number; codeHash: string }>> {
  return tx
    .select({ id: staffRecoveryCodes.id, codeHash: staffRecoveryCodes.codeHash })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffId, staffId), isNull(staffRecoveryCodes.usedAt)))
}

/** False when another request spent the code first. */
export async function spendRecoveryCode(tx: Executor, id: number, now: Date): Promise<boolean> {
  const rows = await tx
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(staffRecoveryCodes.id, id), isNull(staffRecoveryCodes.usedAt)))
    .returning({ id: staffRecoveryCodes.id })
  return rows.length === 1
}

export async function countUnusedRecoveryCodes(db: Executor, staffId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffId, staffId), isNull(staffRecoveryCodes.usedAt)))
  return row?.n ?? 0
}

export type StaffListRow = Pick<
  StaffAccountRow,
  | 'id'
  | 'username'
  | 'fullName'
  | 'email'
  | 'officeCode'
  | 'role'
  | 'organisationId'
  | 'status'
  | 'lockedUntil'
  | 'totpEnabledAt'
  | 'createdAt'
> & { officeName: string; organisationName: string | null }

const listColumns = {
  id: staffAccounts.id,
  username: staffAccounts.username,
  fullName: staffAccounts.fullName,
  email: staffAccounts.email,
  officeCode: staffAccounts.officeCode,
  role: staffAccounts.role,
  organisationId: staffAccounts.organisationId,
  organisationName: organisations.name,
  status: staffAccounts.status,
  lockedUntil: staffAccounts.lockedUntil,
  totpEnabledAt: staffAccounts.totpEnabledAt,
  createdAt: staffAccounts.createdAt,
  officeName: offices.name,
}

/** Staff of the given offices in id order, after `afterId` (keyset: the office index narrows it). */
export async function listStaffOfOffices(
  db: Executor,
  filter: { officeCodes: string[]; afterId: number; limit: number },
): Promise<StaffListRow[]> {
  if (filter.officeCodes.length === 0) return []
  return db
    .select(listColumns)
    .from(staffAccounts)
    .innerJoin(offices, eq(offices.code, staffAccounts.officeCode))
    .leftJoin(organisations, eq(organisations.id, staffAccounts.organisationId))
    .where(and(inArray(staffAccounts.officeCode, filter.officeCodes), gt(staffAccounts.id, filter.afterId)))
    .orderBy(asc(staffAccounts.id))
    .limit(filter.limit)
}

export async function findStaffListRow(db: Executor, id: number): Promise<StaffListRow | null> {
  const [row] = await db
    .select(listColumns)
    .from(staffAccounts)
    .innerJoin(offices, eq(offices.code, staffAccounts.officeCode))
    .leftJoin(organisations, eq(organisations.id, staffAccounts.organisationId))
    .where(eq(staffAccounts.id, id))
  return row ?? null
}
