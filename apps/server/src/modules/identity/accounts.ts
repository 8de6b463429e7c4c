import { type AccountRef, ErrorCode, type StaffRole } from '@ansinh/domain'
import { and, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { citizenAccounts, citizenSessions, people, staffAccounts } from '../../db/schema'
import { DomainError } from '../../platform/errors'
import { hashPassword } from './password'
import { sealTotp } from './staff-totp'

/** Creating accounts, shared by the demo seed, the registration review and the back-office. */

export type NewCitizenAccount = {
  personId: number
  /** The BHXH code (mã số BHXH) of the person. */
  username: string
  password: string
  /** True for accounts created with a one-time password. */
  mustChangePassword: boolean
  guardianAccountId?: number | null
}

export async function createCitizenAccount(
  db: Executor,
  account: NewCitizenAccount,
): Promise<{ id: number }> {
  const passwordHash = await hashPassword(account.password)
  const values = {
    username: account.username,
    passwordHash,
    mustChangePassword: account.mustChangePassword,
    passwordChangedAt: account.mustChangePassword ? null : new Date(),
    guardianAccountId: account.guardianAccountId ?? null,
  }
  // Someone whose account was stopped (ngừng sử dụng) may register again: the same row reopens, so
  // the person keeps one account id and its history. An active or locked account is never replaced.
  const [row] = await db
    .insert(citizenAccounts)
    .values({ personId: account.personId, ...values })
    .onConflictDoUpdate({
      target: citizenAccounts.personId,
      set: {
        ...values,
        status: 'active',
        statusReason: null,
        statusChangedAt: new Date(),
        updatedAt: new Date(),
      },
      setWhere: sql`${citizenAccounts.status} = 'stopped'`,
    })
    .returning({ id: citizenAccounts.id })
  if (!row)
    throw new DomainError(ErrorCode.Conflict, 'citizen account already open', {
      userMessage: {
        vi: 'Người này đã có tài khoản giao dịch điện tử.',
        en: 'This person already has an e-transaction account.',
      },
    })
  return row
}

export type NewStaffAccount = {
  username: string
  fullName: string
  email?: string | null
  officeCode: string // cơ quan BHXH the staff member belongs to
  role: StaffRole
  /** quản trị tổ chức: the organisation it manages (required for that role, refused for others by a CHECK). */
  organisationId?: number | null
  password: string
  /**
   * An authenticator already enrolled (the demo's published secrets, tests); without it the person
   * enrols one at the first sign-in. `key` is FILE_ENCRYPTION_KEY, which encrypts the secret.
   */
  secondFactor?: { totpSecret: string; key: Buffer; enabledAt: Date }
}

export async function createStaffAccount(db: Executor, account: NewStaffAccount): Promise<{ id: number }> {
  const passwordHash = await hashPassword(account.password)
  const [row] = await db
    .insert(staffAccounts)
    .values({
      username: account.username,
      fullName: account.fullName,
      email: account.email ?? null,
      officeCode: account.officeCode,
      role: account.role,
      organisationId: account.organisationId ?? null,
      passwordHash,
    })
    .returning({ id: staffAccounts.id })
  if (!row) throw new Error('staff account insert returned no row')
  if (account.secondFactor) await enrolSecondFactor(db, row.id, account.secondFactor)
  return row
}

// The secret is encrypted with the account's id as associated data, so it is written once the id exists.
async function enrolSecondFactor(
  db: Executor,
  id: number,
  factor: NonNullable<NewStaffAccount['secondFactor']>,
) {
  await db
    .update(staffAccounts)
    .set({
      totpSecret: sealTotp(factor.key, id, { secret: factor.totpSecret, lastStep: null }),
      totpEnabledAt: factor.enabledAt,
    })
    .where(eq(staffAccounts.id, id))
}

export type CitizenAccount = typeof citizenAccounts.$inferSelect

/** The account row, locked until the end of the transaction (a dossier filed or decided on it). */
export async function lockCitizenAccount(db: Executor, id: number): Promise<CitizenAccount | null> {
  const [row] = await db.select().from(citizenAccounts).where(eq(citizenAccounts.id, id)).for('update')
  return row ?? null
}

export async function findCitizenAccount(db: Executor, id: number): Promise<CitizenAccount | null> {
  const [row] = await db.select().from(citizenAccounts).where(eq(citizenAccounts.id, id))
  return row ?? null
}

/** Locks, unlocks or closes an account, with why (`status_reason`, shown to staff) and when. */
export async function setCitizenAccountStatus(
  db: Executor,
  id: number,
  change: { status: CitizenAccount['status']; reason: string | null },
  at: Date,
): Promise<void> {
  await db
    .update(citizenAccounts)
    .set({ status: change.status, statusReason: change.reason, statusChangedAt: at, updatedAt: at })
    .where(eq(citizenAccounts.id, id))
}

/** Ends every signed-in device of the account at once; answers how many were ended. */
export async function endCitizenSessions(
  db: Executor,
  accountId: number,
  reason: NonNullable<(typeof citizenSessions.$inferSelect)['endReason']>,
  at: Date,
): Promise<number> {
  const ended = await db
    .update(citizenSessions)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(citizenSessions.accountId, accountId), isNull(citizenSessions.endedAt)))
    .returning({ id: citizenSessions.id })
  return ended.length
}

/** The account as the back-office names it beside a dossier: its username and the holder's name. */
export async function findAccountRef(db: Executor, id: number): Promise<AccountRef | null> {
  const [row] = await db
    .select({
      id: citizenAccounts.id,
      bhxhCode: citizenAccounts.username,
      fullName: people.fullName,
      status: citizenAccounts.status,
    })
    .from(citizenAccounts)
    .innerJoin(people, eq(people.id, citizenAccounts.personId))
    .where(eq(citizenAccounts.id, id))
  return row ?? null
}

/**
 * Closes the accounts of the children a guardian's account opened: they are used only through it
 * (seed 004), so they cannot outlive it. Answers their ids.
 */
export async function stopChildAccounts(
  db: Executor,
  guardianAccountId: number,
  reason: string,
  at: Date,
): Promise<number[]> {
  const stopped = await db
    .update(citizenAccounts)
    .set({ status: 'stopped', statusReason: reason, statusChangedAt: at, updatedAt: at })
    .where(
      and(eq(citizenAccounts.guardianAccountId, guardianAccountId), ne(citizenAccounts.status, 'stopped')),
    )
    .returning({ id: citizenAccounts.id })
  return stopped.map((row) => row.id)
}
