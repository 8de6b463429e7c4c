import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { citizenAccounts, staffAccounts, type staffRoles } from '../../db/schema'
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
  const [row] = await db
    .insert(citizenAccounts)
    .values({
      personId: account.personId,
      username: account.username,
      passwordHash,
      mustChangePassword: account.mustChangePassword,
      passwordChangedAt: account.mustChangePassword ? null : new Date(),
      guardianAccountId: account.guardianAccountId ?? null,
    })
    .returning({ id: citizenAccounts.id })
  if (!row) throw new Error('citizen account insert returned no row')
  return row
}

export type NewStaffAccount = {
  username: string
  fullName: string
  email?: string | null
  officeCode: string // cơ quan BHXH the staff member belongs to
  role: (typeof staffRoles)[number]
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
