import { type SQL, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'

/**
 * Counting wrong passwords toward a lockout, for staff and citizen accounts alike (both tables have
 * `failed_sign_ins` and `locked_until`). One statement per try, so concurrent tries cannot both read 4
 * and write 5: the try that reaches `maxFailures` locks the account and restarts the count.
 */

export type LockoutPolicy = { now: Date; maxFailures: number; lockoutMs: number }

/** The `set` of the UPDATE that counts one wrong try on an account row. */
export function countWrongTrySet(
  columns: { failedSignIns: PgColumn; lockedUntil: PgColumn },
  policy: LockoutPolicy,
): { failedSignIns: SQL; lockedUntil: SQL } {
  const next = sql`${columns.failedSignIns} + 1`
  const lockedUntil = new Date(policy.now.getTime() + policy.lockoutMs)
  return {
    failedSignIns: sql`case when ${next} >= ${policy.maxFailures} then 0 else ${next} end`,
    lockedUntil: sql`case when ${next} >= ${policy.maxFailures} then ${lockedUntil.toISOString()}::timestamptz else ${columns.lockedUntil} end`,
  }
}

/** The lock's end as the UPDATE returned it, or null when the account is not locked (any more). */
export function activeLock(lockedUntil: Date | null | undefined, now: Date): Date | null {
  return lockedUntil && lockedUntil > now ? lockedUntil : null
}
