import { ErrorCode } from '@ansinh/domain'
import type { Transaction } from '../../db/client'
import { DomainError } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { lockedOut } from './auth-errors'
import { csrfTokenFor, hashSessionToken, newSessionToken, sameText } from './session-tokens'
import { notSignedIn, wrongSecondFactor } from './staff-auth-errors'
import { countWrongTry } from './staff-lockout'
import {
  activateSession,
  clearFailures,
  countUnusedRecoveryCodes,
  findStaff,
  replaceRecoveryCodes,
  type SessionWithStaff,
  type StaffAccountRow,
  type StaffSessionStage,
  saveTotpState,
  spendRecoveryCode,
  unusedRecoveryCodes,
} from './staff-repo'
import {
  loadLiveSession,
  profileOf,
  type StaffAuthDeps,
  type StaffClient,
  type StaffProfile,
  signingInActor,
} from './staff-sessions'
import { hashRecoveryCode, newRecoveryCodes } from './staff-tokens'
import { checkTotp, sealTotp, type TotpCheck, unsealTotp } from './staff-totp'

/**
 * Step 2 of staff sign-in: a TOTP code or a recovery code (or, the first time, the code that confirms
 * a newly enrolled authenticator). Wrong codes count toward the same lockout as wrong passwords: the
 * password alone must not allow unlimited guessing of six digits. Each attempt runs in one
 * transaction holding the account's row, so two requests with the same code cannot both pass.
 */

export type SecondFactorInput = { code: string } | { recoveryCode: string }
export type SignedIn = { token: string; csrfToken: string; profile: StaffProfile }
export type Enrolled = SignedIn & { recoveryCodes: string[] }

type Refused = { ok: false; error: DomainError }
type Attempt<T = SignedIn> = { ok: true; signedIn: T } | Refused
type Pending = { found: SessionWithStaff; now: Date }

export async function completeSecondFactor(
  deps: StaffAuthDeps,
  token: string,
  input: SecondFactorInput,
  client: StaffClient,
): Promise<SignedIn> {
  const pending = await pendingSession(deps, token, 'second_factor', client)
  const method = 'code' in input ? 'totp' : 'recovery_code'
  const attempt = await deps.database.db.transaction(async (tx) => {
    const staff = await lockedAccount(tx, pending)
    if (staff.lockedUntil && staff.lockedUntil > pending.now)
      return refusedLocked(tx, pending, client, method, staff.lockedUntil)
    const check =
      'code' in input
        ? await useTotp(tx, deps, staff, input.code, pending.now)
        : await useRecoveryCode(tx, deps, staff, input.recoveryCode, pending.now)
    if (!check.ok) return failed(tx, deps, pending, client, { method, reason: check.reason })
    const recoveryCodesLeft =
      method === 'recovery_code' ? await countUnusedRecoveryCodes(tx, staff.id) : undefined
    const signedIn = await activate(tx, deps, pending)
    await audit(tx, pending, client, 'staff.second_factor', { method, recoveryCodesLeft })
    return { ok: true, signedIn } satisfies Attempt
  })
  if (!attempt.ok) throw attempt.error
  return attempt.signedIn
}

/** Confirms the authenticator enrolled at sign-in and issues the recovery codes, shown this once. */
export async function confirmEnrolment(
  deps: StaffAuthDeps,
  token: string,
  code: string,
  client: StaffClient,
): Promise<Enrolled> {
  const pending = await pendingSession(deps, token, 'enrolment', client)
  const key = deps.secrets.fileEncryptionKey
  const attempt = await deps.database.db.transaction(async (tx): Promise<Attempt<Enrolled>> => {
    const staff = await lockedAccount(tx, pending)
    if (staff.lockedUntil && staff.lockedUntil > pending.now)
      return refusedLocked(tx, pending, client, 'enrolment', staff.lockedUntil)
    // Another session confirmed an authenticator (or an administrator reset it) since this sign-in.
    if (staff.totpEnabledAt !== null || staff.totpSecret === null) throw enrolmentGone()
    const state = unsealTotp(key, staff.id, staff.totpSecret)
    const check = checkTotp(state, code, pending.now)
    if (!check.ok) return failed(tx, deps, pending, client, { method: 'enrolment', reason: check.reason })
    const sealed = sealTotp(key, staff.id, { secret: state.secret, lastStep: check.step })
    await saveTotpState(tx, staff.id, { sealed, enabledAt: pending.now, now: pending.now })
    const recoveryCodes = await issueRecoveryCodes(tx, deps, staff.id)
    const signedIn = await activate(tx, deps, pending)
    await audit(tx, pending, client, 'staff.enrolled', { recoveryCodes: recoveryCodes.length })
    return { ok: true, signedIn: { ...signedIn, recoveryCodes } }
  })
  if (!attempt.ok) throw attempt.error
  return attempt.signedIn
}

/** New recovery codes in place of every earlier one (used or not); answers them, to be shown once. */
export async function issueRecoveryCodes(
  tx: Transaction,
  deps: StaffAuthDeps,
  staffId: number,
): Promise<string[]> {
  const recoveryCodes = newRecoveryCodes()
  const hashes = recoveryCodes.map((value) => hashRecoveryCode(deps.secrets.sessionSecret, staffId, value))
  await replaceRecoveryCodes(tx, staffId, hashes)
  return recoveryCodes
}

async function pendingSession(
  deps: StaffAuthDeps,
  token: string,
  stage: StaffSessionStage,
  client: StaffClient,
): Promise<Pending> {
  const now = deps.clock()
  const found = await loadLiveSession(deps, token, now, client.ip)
  if (!found || found.session.stage !== stage) throw notSignedIn()
  return { found, now }
}

/** The account's row, locked (FOR UPDATE) for this attempt. */
async function lockedAccount(tx: Transaction, pending: Pending): Promise<StaffAccountRow> {
  const staff = await findStaff(tx, pending.found.staff.id, { lock: true })
  if (staff?.status !== 'active') throw notSignedIn()
  return staff
}

/** A lockout in force (wrong passwords elsewhere, or codes) refuses the attempt unheard. */
async function refusedLocked(
  tx: Transaction,
  pending: Pending,
  client: StaffClient,
  method: 'totp' | 'recovery_code' | 'enrolment',
  lockedUntil: Date,
): Promise<Refused> {
  await audit(tx, pending, client, 'staff.second_factor_failed', {
    method,
    reason: 'locked',
    lockedUntil: lockedUntil.toISOString(),
  })
  return { ok: false, error: lockedOut(lockedUntil) }
}

/** Checks a code of the enrolled authenticator and, when right, remembers its step (used once). */
export async function useTotp(
  tx: Transaction,
  deps: StaffAuthDeps,
  staff: StaffAccountRow,
  code: string,
  now: Date,
): Promise<TotpCheck> {
  if (!staff.totpSecret || !staff.totpEnabledAt) return { ok: false, reason: 'wrong_code' }
  const key = deps.secrets.fileEncryptionKey
  const state = unsealTotp(key, staff.id, staff.totpSecret)
  const check = checkTotp(state, code, now)
  if (check.ok)
    await saveTotpState(tx, staff.id, {
      sealed: sealTotp(key, staff.id, { ...state, lastStep: check.step }),
      now,
    })
  return check
}

async function useRecoveryCode(
  tx: Transaction,
  deps: StaffAuthDeps,
  staff: StaffAccountRow,
  code: string,
  now: Date,
): Promise<{ ok: true } | { ok: false; reason: 'wrong_code' }> {
  const wanted = hashRecoveryCode(deps.secrets.sessionSecret, staff.id, code)
  const match = (await unusedRecoveryCodes(tx, staff.id)).find((row) => sameText(row.codeHash, wanted))
  if (!match || !(await spendRecoveryCode(tx, match.id, now))) return { ok: false, reason: 'wrong_code' }
  return { ok: true }
}

/** Counts the wrong code; the try that locks the account also ends this session. */
async function failed(
  tx: Transaction,
  deps: StaffAuthDeps,
  pending: Pending,
  client: StaffClient,
  detail: { method: 'totp' | 'recovery_code' | 'enrolment'; reason: 'wrong_code' | 'replayed' },
): Promise<Refused> {
  const lockedUntil = await countWrongTry(tx, deps, {
    staffId: pending.found.staff.id,
    sessionId: pending.found.session.id,
    now: pending.now,
  })
  await audit(tx, pending, client, 'staff.second_factor_failed', {
    ...detail,
    ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}),
  })
  if (lockedUntil) return { ok: false, error: lockedOut(lockedUntil) }
  return {
    ok: false,
    error: wrongSecondFactor(detail.method === 'recovery_code' ? 'recoveryCode' : 'code', detail.reason),
  }
}

/** The session becomes active under a new token, for the rest of its absolute lifetime. */
async function activate(tx: Transaction, deps: StaffAuthDeps, pending: Pending): Promise<SignedIn> {
  const { session, staff } = pending.found
  const token = newSessionToken()
  const expiresAt = new Date(session.createdAt.getTime() + deps.config.staffSignIn.maxAgeMs)
  const activated = await activateSession(tx, session.id, {
    tokenHash: hashSessionToken(token),
    now: pending.now,
    expiresAt,
  })
  if (!activated) throw notSignedIn()
  await clearFailures(tx, staff.id, pending.now)
  return {
    token,
    csrfToken: csrfTokenFor(deps.secrets.sessionSecret, token),
    profile: profileOf(pending.found),
  }
}

async function audit(
  tx: Transaction,
  pending: Pending,
  client: StaffClient,
  action: string,
  detail: Record<string, unknown>,
) {
  const { session, staff } = pending.found
  await recordAudit(tx, {
    actor: signingInActor(staff, session.id, client.ip),
    action,
    recordType: 'staff_account',
    recordId: staff.id,
    detail: Object.fromEntries(Object.entries(detail).filter(([, value]) => value !== undefined)),
  })
}

function enrolmentGone(): DomainError {
  return new DomainError(ErrorCode.Conflict, 'enrolment no longer pending', {
    userMessage: {
      vi: 'Phiên đăng ký xác thực hai lớp không còn hiệu lực. Vui lòng đăng nhập lại.',
      en: 'This two-factor enrolment is no longer valid. Please sign in again.',
    },
  })
}
