import {
  type CitizenOtpSent,
  type CitizenPasswordChangeBody,
  type CitizenPasswordResetStarted,
  type CitizenSignedIn,
  checkCitizenPassword,
  citizenPasswordResetMessage,
} from '@ansinh/domain'
import { lockedOut } from './auth-errors'
import { citizenNotSignedIn, requestClosed, weakPassword, wrongCurrentPassword } from './citizen-auth-errors'
import {
  checkAuthRequestOtp,
  notifyHolder,
  otpTarget,
  spendAuthRequest,
  startAuthRequest,
  startDecoyRequest,
} from './citizen-otp-requests'
import {
  type CitizenWithHolder,
  countCitizenFailure,
  endCitizenSession,
  endCitizenSessionsBut,
  findCitizenById,
  findCitizenByUsername,
  saveCitizenPassword,
} from './citizen-repo'
import { type CitizenAuthDeps, type CitizenSessionRef, passwordDuty, signedInView } from './citizen-sessions'
import { isCommonPassword } from './common-passwords'
import { hashPassword, verifyPassword } from './password'

/**
 * A citizen's password: the change (at once when it is due: the one-time password, or one older than
 * CITIZEN_PASSWORD_MAX_AGE_DAYS; otherwise after an OTP to the registered phone), and the reset of a
 * forgotten one by OTP. Each ends the account's other sessions and tells the phone.
 */

export type PasswordChangeOutcome =
  | { applied: true; view: CitizenSignedIn }
  | { applied: false; sent: CitizenOtpSent }

export async function changeCitizenPassword(
  deps: CitizenAuthDeps,
  current: CitizenSessionRef,
  body: CitizenPasswordChangeBody,
): Promise<PasswordChangeOutcome> {
  const found = await accountOf(deps, current)
  await checkCurrentPassword(deps, current, found, body.currentPassword)
  assertPasswordRule(found, body.newPassword)
  const passwordHash = await hashPassword(body.newPassword)
  const duty = passwordDuty(deps, found.account, deps.clock())
  if (duty.mustChangePassword || duty.passwordExpired) {
    // The person just signed in with the password that must go: nothing more to prove.
    await applyPassword(deps, found, passwordHash, current.sessionId)
    return { applied: true, view: await currentView(deps, current) }
  }
  const sent = await startAuthRequest(deps, {
    purpose: 'password_change',
    accountId: found.account.id,
    holder: found.holder,
    sessionId: current.sessionId,
    newPasswordHash: passwordHash,
  })
  return { applied: false, sent }
}

export async function confirmCitizenPasswordChange(
  deps: CitizenAuthDeps,
  current: CitizenSessionRef,
  requestId: string,
  otp: string,
): Promise<CitizenSignedIn> {
  const expected = { purpose: 'password_change', accountId: current.accountId } as const
  const request = await checkAuthRequestOtp(deps, requestId, expected, otp)
  if (!request.newPasswordHash) throw requestClosed()
  const found = await accountOf(deps, current)
  await applyPassword(deps, found, request.newPasswordHash, current.sessionId, request)
  return currentView(deps, current)
}

/**
 * "Quên mật khẩu": the same answer whether the username exists or not; only a real account's phone
 * (or e-mail) gets a code. An account with neither gets a decoy too: the app explains the in-person
 * path (a change-of-information dossier at an office) beside the OTP form for everyone.
 */
export async function startPasswordReset(
  deps: CitizenAuthDeps,
  username: string,
): Promise<CitizenPasswordResetStarted> {
  const found = await findCitizenByUsername(deps.database.db, username)
  const reachable = found !== null && found.account.status === 'active' && otpTarget(found.holder) !== null
  const requestId = reachable
    ? (
        await startAuthRequest(deps, {
          purpose: 'password_reset',
          accountId: found.account.id,
          holder: found.holder,
        })
      ).requestId
    : await startDecoyRequest(deps, 'password_reset')
  return { requestId, message: citizenPasswordResetMessage }
}

/**
 * The code first, then the rule: until the code is right, a decoy and a real request answer alike
 * (the rule's "not your BHXH code" would tell them apart). Every session of the account ends.
 */
export async function confirmPasswordReset(
  deps: CitizenAuthDeps,
  requestId: string,
  body: { otp: string; newPassword: string },
): Promise<void> {
  const request = await checkAuthRequestOtp(deps, requestId, { purpose: 'password_reset' }, body.otp)
  const found = await findCitizenById(deps.database.db, request.accountId)
  if (!found) throw citizenNotSignedIn()
  assertPasswordRule(found, body.newPassword)
  await applyPassword(deps, found, await hashPassword(body.newPassword), undefined, request)
}

async function accountOf(deps: CitizenAuthDeps, current: CitizenSessionRef): Promise<CitizenWithHolder> {
  const found = await findCitizenById(deps.database.db, current.accountId)
  if (!found) throw citizenNotSignedIn()
  return found
}

/**
 * A wrong current password counts toward the sign-in lockout, like a wrong sign-in: an unattended
 * phone is no way around it. The try that locks the account also signs this device out.
 */
async function checkCurrentPassword(
  deps: CitizenAuthDeps,
  current: CitizenSessionRef,
  found: CitizenWithHolder,
  password: string,
): Promise<void> {
  if (await verifyPassword(found.account.passwordHash, password)) return
  const now = deps.clock()
  const { maxFailures, lockoutMs } = deps.config.citizenSignIn
  const until = await deps.database.db.transaction(async (tx) => {
    const lockedUntil = await countCitizenFailure(tx, found.account.id, { now, maxFailures, lockoutMs })
    if (lockedUntil)
      await endCitizenSession(tx, { id: current.sessionId, accountId: current.accountId }, 'signed_out', now)
    return lockedUntil
  })
  throw until ? lockedOut(until) : wrongCurrentPassword()
}

/** 8–20 characters of four kinds, nothing of the person's own, not among the 10,000 most common. */
function assertPasswordRule({ account, holder }: CitizenWithHolder, password: string): void {
  const birth = {
    year: holder.birthYear,
    ...(holder.birthMonth === null ? {} : { month: holder.birthMonth }),
    ...(holder.birthDay === null ? {} : { day: holder.birthDay }),
  }
  const context = { bhxhCode: account.username, personalId: holder.personalId, phone: holder.phone, birth }
  const checked = checkCitizenPassword(password, context, isCommonPassword)
  if (!checked.ok) throw weakPassword(checked.problems)
}

async function applyPassword(
  deps: CitizenAuthDeps,
  { account, holder }: CitizenWithHolder,
  passwordHash: string,
  keepSessionId: string | undefined,
  request?: Parameters<typeof spendAuthRequest>[2],
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    if (request) await spendAuthRequest(tx, deps, request)
    const now = deps.clock()
    await saveCitizenPassword(tx, account.id, passwordHash, now)
    await endCitizenSessionsBut(tx, account.id, 'password_changed', now, keepSessionId)
    await notifyHolder(tx, deps, holder, account.id, { kind: 'password_changed' })
  })
  deps.kick()
}

async function currentView(deps: CitizenAuthDeps, current: CitizenSessionRef): Promise<CitizenSignedIn> {
  const found = await accountOf(deps, current)
  return signedInView(deps, {
    account: found.account,
    fullName: found.holder.fullName,
    token: current.token,
    expiresAt: current.expiresAt,
    now: deps.clock(),
  })
}
