import {
  ErrorCode,
  passwordContainsUsername,
  passwordContainsUsernameMessage,
  type StaffPasswordChangeBody,
} from '@ansinh/domain'
import type { Transaction } from '../../db/client'
import { DomainError } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { lockedOut } from './auth-errors'
import { hashPassword, verifyPassword } from './password'
import type { StaffActor } from './staff-actor'
import { notSignedIn, wrongSecondFactor } from './staff-auth-errors'
import { countWrongTry } from './staff-lockout'
import {
  clearFailures,
  countUnusedRecoveryCodes,
  endStaffSessions,
  findStaff,
  type StaffAccountRow,
  saveChosenPassword,
} from './staff-repo'
import { issueRecoveryCodes, useTotp } from './staff-second-factor'
import type { StaffAuthDeps } from './staff-sessions'

/**
 * A staff member's own account, from their signed-in session: changing the password (first of all
 * after an administrator created the account with a one-time password) and renewing the recovery
 * codes. Each asks for what only the owner knows (the current password, a code of the authenticator),
 * so that a session left open on an unattended screen cannot take the account over; wrong answers
 * count toward the sign-in lockout.
 */

type Outcome<T> =
  | { ok: true; value: T; detail: Record<string, unknown> }
  | { ok: false; reason: string; error: DomainError }

/**
 * Replaces the password and ends every other session of the account (whoever knew the old password
 * may be signed in elsewhere). The rule's parts that need no account are the body's schema.
 */
export async function changeOwnPassword(
  deps: StaffAuthDeps,
  actor: StaffActor,
  input: StaffPasswordChangeBody,
): Promise<{ otherSessionsEnded: number }> {
  if (passwordContainsUsername(input.newPassword, actor.username))
    throw new DomainError(ErrorCode.ValidationFailed, 'new staff password contains the username', {
      fields: { newPassword: [passwordContainsUsernameMessage] },
    })
  const before = await findStaff(deps.database.db, actor.id)
  if (!before) throw notSignedIn()
  // Argon2 runs before the transaction: on PGlite a transaction holds the only connection.
  const verified = await verifyPassword(before.passwordHash, input.currentPassword)
  const passwordHash = verified ? await hashPassword(input.newPassword) : null
  const actions = { done: 'staff.password_change', failed: 'staff.password_change_failed' }
  return attempt(deps, actor, actions, async (tx, staff, now) => {
    if (!passwordHash) return { ok: false, reason: 'wrong_password', error: wrongCurrentPassword() }
    // Another request changed it since it was verified (the old password was checked, not this one).
    if (staff.passwordHash !== before.passwordHash) throw passwordChangedMeanwhile()
    await saveChosenPassword(tx, staff.id, passwordHash, now)
    const otherSessionsEnded = await endStaffSessions(tx, staff.id, now, { except: actor.sessionId })
    return {
      ok: true,
      value: { otherSessionsEnded },
      detail: { otherSessionsEnded, forced: staff.mustChangePassword },
    }
  })
}

/** Ten new recovery codes, shown once; every earlier one stops working. */
export async function renewRecoveryCodes(
  deps: StaffAuthDeps,
  actor: StaffActor,
  code: string,
): Promise<string[]> {
  const actions = { done: 'staff.recovery_codes_renewed', failed: 'staff.recovery_codes_refused' }
  return attempt(deps, actor, actions, async (tx, staff, now) => {
    const check = await useTotp(tx, deps, staff, code, now)
    if (!check.ok) return { ok: false, reason: check.reason, error: wrongSecondFactor('code', check.reason) }
    const unusedReplaced = await countUnusedRecoveryCodes(tx, staff.id)
    const recoveryCodes = await issueRecoveryCodes(tx, deps, staff.id)
    return {
      ok: true,
      value: recoveryCodes,
      detail: { recoveryCodes: recoveryCodes.length, unusedReplaced },
    }
  })
}

/**
 * One attempt on the account's row (FOR UPDATE: two attempts take turns), refused unheard while a
 * lockout is in force. A right answer clears the count of wrong tries, a wrong one adds to it (and the
 * try that locks the account ends this session). Refusals are returned, not thrown, so that their
 * count and audit entry are committed; each outcome is audited in the same transaction.
 */
async function attempt<T>(
  deps: StaffAuthDeps,
  actor: StaffActor,
  actions: { done: string; failed: string },
  run: (tx: Transaction, staff: StaffAccountRow, now: Date) => Promise<Outcome<T>>,
): Promise<T> {
  const now = deps.clock()
  const result = await deps.database.db.transaction(async (tx) => {
    const staff = await findStaff(tx, actor.id, { lock: true })
    if (staff?.status !== 'active') throw notSignedIn()
    const audit = (action: string, detail: Record<string, unknown>) =>
      recordAudit(tx, { actor, action, recordType: 'staff_account', recordId: staff.id, detail })
    if (staff.lockedUntil && staff.lockedUntil > now) {
      await audit(actions.failed, { reason: 'locked', lockedUntil: staff.lockedUntil.toISOString() })
      return { ok: false, error: lockedOut(staff.lockedUntil) } as const
    }
    const outcome = await run(tx, staff, now)
    if (outcome.ok) {
      await clearFailures(tx, staff.id, now)
      await audit(actions.done, outcome.detail)
      return outcome
    }
    const lockedUntil = await countWrongTry(tx, deps, { staffId: staff.id, sessionId: actor.sessionId, now })
    await audit(actions.failed, {
      reason: outcome.reason,
      ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}),
    })
    return { ok: false, error: lockedUntil ? lockedOut(lockedUntil) : outcome.error } as const
  })
  if (!result.ok) throw result.error
  return result.value
}

function wrongCurrentPassword(): DomainError {
  const message = { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is not correct.' }
  return new DomainError(ErrorCode.ValidationFailed, 'wrong current staff password', {
    fields: { currentPassword: [message.vi] },
    userMessage: message,
  })
}

function passwordChangedMeanwhile(): DomainError {
  return new DomainError(ErrorCode.Conflict, 'staff password changed by another request', {
    userMessage: {
      vi: 'Mật khẩu vừa được đổi bởi một yêu cầu khác. Vui lòng tải lại trang và thử lại.',
      en: 'The password was just changed by another request. Please reload the page and try again.',
    },
  })
}
