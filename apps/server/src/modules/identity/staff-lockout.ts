import type { Executor } from '../../db/client'
import { countFailure, endSession } from './staff-repo'
import type { StaffAuthDeps } from './staff-sessions'

/**
 * Wrong passwords and codes count toward one lockout per account (STAFF_SIGN_IN_MAX_FAILURES in a row
 * lock it for STAFF_LOCKOUT_MINUTES), wherever they are typed: at sign-in, or in a session that must
 * show it is still its owner's (the current password, a code of the authenticator). The try that locks
 * the account also ends the session it came from. Returns the lock's end, or null.
 */
export async function countWrongTry(
  tx: Executor,
  deps: StaffAuthDeps,
  attempt: { staffId: number; sessionId: string | null; now: Date },
): Promise<Date | null> {
  const { maxFailures, lockoutMs } = deps.config.staffSignIn
  const lockedUntil = await countFailure(tx, attempt.staffId, { now: attempt.now, maxFailures, lockoutMs })
  if (lockedUntil && attempt.sessionId) await endSession(tx, attempt.sessionId, attempt.now)
  return lockedUntil
}
