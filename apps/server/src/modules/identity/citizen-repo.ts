import { and, desc, eq, isNull, lt, ne, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { citizenAccounts, citizenAuthRequests, citizenSessions, people } from '../../db/schema'
import { activeLock, countWrongTrySet, type LockoutPolicy } from './lockout'

/** SQL of citizen sign-in, sessions and the OTP steps of account security; executor first, no rules. */

export type CitizenAccountRow = typeof citizenAccounts.$inferSelect
export type CitizenSessionRow = typeof citizenSessions.$inferSelect
export type CitizenSessionEndReason = NonNullable<CitizenSessionRow['endReason']>
export type CitizenAuthRequestRow = typeof citizenAuthRequests.$inferSelect

/** What sign-in and the password rule need of the holder: the name, identifiers, phone, birth date. */
export type CitizenHolder = {
  fullName: string
  bhxhCode: string | null
  personalId: string | null
  phone: string | null
  email: string | null
  birthYear: number
  birthMonth: number | null
  birthDay: number | null
}
export type CitizenWithHolder = { account: CitizenAccountRow; holder: CitizenHolder }

const holderColumns = {
  fullName: people.fullName,
  bhxhCode: people.bhxhCode,
  personalId: people.personalId,
  phone: people.phone,
  email: people.email,
  birthYear: people.birthYear,
  birthMonth: people.birthMonth,
  birthDay: people.birthDay,
}

/** By the BHXH code (the account's username) or the holder's 12-digit personal ID. */
export async function findCitizenByUsername(
  db: Executor,
  username: string,
): Promise<CitizenWithHolder | null> {
  const [row] = await db
    .select({ account: citizenAccounts, holder: holderColumns })
    .from(citizenAccounts)
    .innerJoin(people, eq(people.id, citizenAccounts.personId))
    .where(username.length === 12 ? eq(people.personalId, username) : eq(citizenAccounts.username, username))
    .limit(1)
  return row ?? null
}

export async function findCitizenById(
  db: Executor,
  id: number,
  options: { lock?: boolean } = {},
): Promise<CitizenWithHolder | null> {
  const query = db
    .select({ account: citizenAccounts, holder: holderColumns })
    .from(citizenAccounts)
    .innerJoin(people, eq(people.id, citizenAccounts.personId))
    .where(eq(citizenAccounts.id, id))
    .limit(1)
  const [row] = options.lock ? await query.for('update', { of: citizenAccounts }) : await query
  return row ?? null
}

/** Counts one wrong password (see `countWrongTrySet`); the lock's end when this try locked the account. */
export async function countCitizenFailure(
  tx: Executor,
  id: number,
  policy: LockoutPolicy,
): Promise<Date | null> {
  const [row] = await tx
    .update(citizenAccounts)
    .set({ ...countWrongTrySet(citizenAccounts, policy), updatedAt: policy.now })
    .where(eq(citizenAccounts.id, id))
    .returning({ lockedUntil: citizenAccounts.lockedUntil })
  return activeLock(row?.lockedUntil, policy.now)
}

/** After a right password: the count starts again; a rehash, when given, replaces the stored hash. */
export async function recordCitizenSignIn(
  tx: Executor,
  id: number,
  values: { now: Date; rehashed: string | null },
): Promise<void> {
  await tx
    .update(citizenAccounts)
    .set({
      failedSignIns: 0,
      lockedUntil: null,
      ...(values.rehashed ? { passwordHash: values.rehashed } : {}),
      updatedAt: values.now,
    })
    .where(eq(citizenAccounts.id, id))
}

/** A password the person chose: the one-time password's duty and the lockout end with it. */
export async function saveCitizenPassword(tx: Executor, id: number, passwordHash: string, now: Date) {
  await tx
    .update(citizenAccounts)
    .set({
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: now,
      failedSignIns: 0,
      lockedUntil: null,
      updatedAt: now,
    })
    .where(eq(citizenAccounts.id, id))
}

export async function insertCitizenSession(
  tx: Executor,
  values: {
    tokenHash: string
    accountId: number
    deviceId: string
    deviceName: string | null
    ip: string
    now: Date
    expiresAt: Date
  },
): Promise<string> {
  const [row] = await tx
    .insert(citizenSessions)
    .values({ ...values, createdAt: values.now, lastSeenAt: values.now })
    .returning({ id: citizenSessions.id })
  if (!row) throw new Error('citizen session insert returned no row')
  return row.id
}

/** The session of a cookie, ended or not: an ended one tells why (signed in elsewhere). */
export async function findCitizenSessionByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<{ session: CitizenSessionRow; account: CitizenAccountRow } | null> {
  const [row] = await db
    .select({ session: citizenSessions, account: citizenAccounts })
    .from(citizenSessions)
    .innerJoin(citizenAccounts, eq(citizenAccounts.id, citizenSessions.accountId))
    .where(eq(citizenSessions.tokenHash, tokenHash))
    .limit(1)
  return row ?? null
}

/** The account's open, unexpired sessions on devices other than `deviceId`. */
export async function countSessionsOnOtherDevices(
  db: Executor,
  accountId: number,
  deviceId: string,
  now: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(citizenSessions)
    .where(
      and(
        eq(citizenSessions.accountId, accountId),
        isNull(citizenSessions.endedAt),
        ne(citizenSessions.deviceId, deviceId),
        sql`${citizenSessions.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
  return row?.n ?? 0
}

/**
 * Ends the account's open sessions: all of them, or all but `except` (the one that changed the
 * password goes on). Answers how many ended.
 */
export async function endCitizenSessionsBut(
  tx: Executor,
  accountId: number,
  reason: CitizenSessionEndReason,
  now: Date,
  except?: string,
): Promise<number> {
  const rows = await tx
    .update(citizenSessions)
    .set({ endedAt: now, endReason: reason })
    .where(
      and(
        eq(citizenSessions.accountId, accountId),
        isNull(citizenSessions.endedAt),
        except === undefined ? undefined : ne(citizenSessions.id, except),
      ),
    )
    .returning({ id: citizenSessions.id })
  return rows.length
}

/** Ends one session of the account; false when it is not the account's or already ended. */
export async function endCitizenSession(
  tx: Executor,
  where: { id: string; accountId: number },
  reason: CitizenSessionEndReason,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(citizenSessions)
    .set({ endedAt: now, endReason: reason })
    .where(
      and(
        eq(citizenSessions.id, where.id),
        eq(citizenSessions.accountId, where.accountId),
        isNull(citizenSessions.endedAt),
      ),
    )
    .returning({ id: citizenSessions.id })
  return rows.length === 1
}

export async function touchCitizenSession(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(citizenSessions).set({ lastSeenAt: now }).where(eq(citizenSessions.id, id))
}

/** The account's signed-in devices, latest sign-in first. */
export async function listCitizenSessions(
  db: Executor,
  accountId: number,
  now: Date,
): Promise<CitizenSessionRow[]> {
  return db
    .select()
    .from(citizenSessions)
    .where(
      and(
        eq(citizenSessions.accountId, accountId),
        isNull(citizenSessions.endedAt),
        sql`${citizenSessions.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(citizenSessions.createdAt))
}

export async function insertAuthRequest(
  tx: Executor,
  values: Omit<typeof citizenAuthRequests.$inferInsert, 'id' | 'createdAt' | 'resends'>,
): Promise<string> {
  const [row] = await tx.insert(citizenAuthRequests).values(values).returning({ id: citizenAuthRequests.id })
  if (!row) throw new Error('citizen auth request insert returned no row')
  return row.id
}

/** `lock`: FOR UPDATE, so that parallel resends and confirmations of one request take turns. */
export async function findAuthRequest(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CitizenAuthRequestRow | null> {
  const query = db.select().from(citizenAuthRequests).where(eq(citizenAuthRequests.id, id)).limit(1)
  const [row] = options.lock ? await query.for('update') : await query
  return row ?? null
}

export async function updateAuthRequestChallenge(
  tx: Executor,
  id: string,
  otpChallengeId: string,
  resends: number,
) {
  await tx.update(citizenAuthRequests).set({ otpChallengeId, resends }).where(eq(citizenAuthRequests.id, id))
}

/** A confirmed request is spent; false when another confirmation took it first. */
export async function deleteAuthRequest(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .delete(citizenAuthRequests)
    .where(eq(citizenAuthRequests.id, id))
    .returning({ id: citizenAuthRequests.id })
  return rows.length === 1
}

/**
 * Requests past their time (their new password hashes included) and the account's earlier requests
 * of the same purpose: a newer request replaces them.
 */
export async function deleteStaleAuthRequests(
  tx: Executor,
  filter: { before: Date } | { accountId: number; purpose: CitizenAuthRequestRow['purpose'] },
): Promise<number> {
  const rows = await tx
    .delete(citizenAuthRequests)
    .where(
      'before' in filter
        ? lt(citizenAuthRequests.expiresAt, filter.before)
        : and(
            eq(citizenAuthRequests.accountId, filter.accountId),
            eq(citizenAuthRequests.purpose, filter.purpose),
          ),
    )
    .returning({ id: citizenAuthRequests.id })
  return rows.length
}
