import type { AccountLookup } from '@ansinh/domain'
import { and, asc, count, desc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { citizenAccounts, citizenSessions, dossiers, people } from '../../db/schema'

export type CitizenAccount = typeof citizenAccounts.$inferSelect

// What the back-office shows of the account holder, and what its reach is worked out from.
const holderColumns = {
  id: people.id,
  personalId: people.personalId,
  fullName: people.fullName,
  birthYear: people.birthYear,
  birthMonth: people.birthMonth,
  birthDay: people.birthDay,
  phone: people.phone,
  email: people.email,
  addressCodeSet: people.addressCodeSet,
  provinceCode: people.provinceCode,
  districtCode: people.districtCode,
  communeCode: people.communeCode,
  street: people.street,
}

export type AccountRow = Awaited<ReturnType<typeof selectAccounts>>[number]
export type AccountHolder = AccountRow['holder']

function selectAccounts(db: Executor, where: SQL | undefined) {
  return db
    .select({ account: citizenAccounts, holder: holderColumns })
    .from(citizenAccounts)
    .innerJoin(people, eq(people.id, citizenAccounts.personId))
    .where(where)
}

/**
 * The accounts of the people with exactly this BHXH code, personal ID or phone, oldest first. A phone
 * may be shared (a family's), so several accounts can answer. Not bounded here: the search bounds
 * what is within the staff member's reach, which a bound before the reach check could hide.
 */
export async function findAccountsByLookup(db: Executor, lookup: AccountLookup): Promise<AccountRow[]> {
  const matches = [
    lookup.bhxhCode === null ? undefined : eq(citizenAccounts.username, lookup.bhxhCode),
    lookup.personalId === null ? undefined : eq(people.personalId, lookup.personalId),
    lookup.phone === null ? undefined : eq(people.phone, lookup.phone),
  ].filter((match) => match !== undefined)
  if (matches.length === 0) return []
  return selectAccounts(db, or(...matches)).orderBy(asc(citizenAccounts.id))
}

/** One account and its holder; `lock` holds the account row until the transaction ends. */
export async function findAccount(
  db: Executor,
  id: number,
  options: { lock?: boolean } = {},
): Promise<AccountRow | null> {
  const query = selectAccounts(db, eq(citizenAccounts.id, id))
  const [row] = options.lock ? await query.for('update', { of: citizenAccounts }) : await query
  return row ?? null
}

/**
 * The dossier that issued the account: the latest valid registration ('new', or 'child' for a
 * child's account) for its BHXH code. None for accounts seeded or migrated without one.
 */
export async function findIssuingDossier(db: Executor, bhxhCode: string) {
  const [row] = await db
    .select({ id: dossiers.id, officeCode: dossiers.officeCode, language: dossiers.language })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.bhxhCode, bhxhCode),
        eq(dossiers.status, 'valid'),
        inArray(dossiers.kind, ['new', 'child']),
      ),
    )
    .orderBy(sql`${dossiers.decidedAt} desc nulls last`, desc(dossiers.id))
    .limit(1)
  return row ?? null
}

export type IssuingDossier = NonNullable<Awaited<ReturnType<typeof findIssuingDossier>>>

// A session counts as a signed-in device until it is ended or runs out.
const activeSession = (now: Date) => and(isNull(citizenSessions.endedAt), gt(citizenSessions.expiresAt, now))

/** How many devices each account is signed in on now. */
export async function countActiveSessions(
  db: Executor,
  accountIds: number[],
  now: Date,
): Promise<Map<number, number>> {
  if (accountIds.length === 0) return new Map()
  const rows = await db
    .select({ accountId: citizenSessions.accountId, devices: count() })
    .from(citizenSessions)
    .where(and(inArray(citizenSessions.accountId, accountIds), activeSession(now)))
    .groupBy(citizenSessions.accountId)
  return new Map(rows.map((row) => [row.accountId, row.devices]))
}

export async function listActiveSessions(db: Executor, accountId: number, now: Date) {
  return db
    .select({
      id: citizenSessions.id,
      deviceName: citizenSessions.deviceName,
      ip: citizenSessions.ip,
      createdAt: citizenSessions.createdAt,
      lastSeenAt: citizenSessions.lastSeenAt,
    })
    .from(citizenSessions)
    .where(and(eq(citizenSessions.accountId, accountId), activeSession(now)))
    .orderBy(desc(citizenSessions.lastSeenAt))
}

/** The latest dossiers about the account's BHXH code (registration, changes, stop), newest first. */
export async function listRecentDossiers(db: Executor, bhxhCode: string, limit = 10) {
  return db
    .select({
      id: dossiers.id,
      dossierNumber: dossiers.dossierNumber,
      kind: dossiers.kind,
      status: dossiers.status,
      officeCode: dossiers.officeCode,
      submittedAt: dossiers.submittedAt,
    })
    .from(dossiers)
    .where(eq(dossiers.bhxhCode, bhxhCode))
    .orderBy(desc(dossiers.submittedAt), desc(dossiers.id))
    .limit(limit)
}

/** A one-time password set by the office: the person must replace it at the next sign-in. */
export async function setTemporaryPassword(
  db: Executor,
  id: number,
  passwordHash: string,
  at: Date,
): Promise<void> {
  await db
    .update(citizenAccounts)
    .set({ passwordHash, mustChangePassword: true, passwordChangedAt: null, updatedAt: at })
    .where(eq(citizenAccounts.id, id))
}
