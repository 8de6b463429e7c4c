import { type CitizenOtpSent, ErrorCode, type MessageKind, maskEmail, maskMobilePhone } from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { DomainError } from '../../platform/errors'
import { queueInboxCopy, queueMessage, queueOptionsFrom } from '../notify/service'
import { noContactForOtp, requestClosed } from './citizen-auth-errors'
import {
  type CitizenAuthRequestRow,
  type CitizenHolder,
  deleteAuthRequest,
  deleteStaleAuthRequests,
  findAuthRequest,
  findCitizenById,
  insertAuthRequest,
  updateAuthRequestChallenge,
} from './citizen-repo'
import type { CitizenAuthDeps } from './citizen-sessions'
import {
  assertResendAllowed,
  checkOtp,
  consumeOtp,
  type IssuedOtp,
  issueDecoyOtp,
  issueOtp,
  type OtpChannel,
} from './otp'

/**
 * The steps of citizen account security that wait for an OTP to the registered phone (or e-mail when
 * there is no phone): a sign-in on a new device, a voluntary password change, a forgotten password.
 * A request holds what the step will do; the OTP proves the person holds the phone.
 */

type Purpose = CitizenAuthRequestRow['purpose']

/** Long enough to resend the code a few times, short for a request nobody finishes. */
const requestLifetimeMs = 30 * 60_000
/** "Send again" a few times; after that the person starts the step again. */
const maxResends = 3

type Target = { channel: OtpChannel; to: string }

/** The registered phone by SMS, else the e-mail; null when the account has neither. */
export function otpTarget(holder: CitizenHolder): Target | null {
  if (holder.phone) return { channel: 'sms', to: holder.phone }
  if (holder.email) return { channel: 'email', to: holder.email }
  return null
}

function masked(target: Target): string {
  return target.channel === 'sms' ? maskMobilePhone(target.to) : maskEmail(target.to)
}

export type NewAuthRequest = {
  purpose: Purpose
  accountId: number
  holder: CitizenHolder
  deviceId?: string
  deviceName?: string | null
  sessionId?: string
  newPasswordHash?: string
}

/** Sends the OTP and records the request; an earlier request of the same step is replaced. */
export async function startAuthRequest(
  deps: CitizenAuthDeps,
  input: NewAuthRequest,
): Promise<CitizenOtpSent> {
  const target = otpTarget(input.holder)
  if (!target) throw noContactForOtp()
  const { holder: _holder, ...values } = input
  const saved = await deps.database.db.transaction(async (tx) => {
    await deleteStaleAuthRequests(tx, { accountId: input.accountId, purpose: input.purpose })
    const otp = await issueOtp(tx, deps, { purpose: input.purpose, ...target, language: 'vi' })
    const id = await insertAuthRequest(tx, { ...values, ...requestTimes(deps, otp) })
    return { id, otp }
  })
  deps.kick()
  return { requestId: saved.id, sentTo: masked(target), resendAfter: saved.otp.resendAfter.toISOString() }
}

/**
 * A request for an unknown username that answers like a real one, resends and wrong codes
 * included; its code goes to no one, so it never confirms.
 */
export async function startDecoyRequest(deps: CitizenAuthDeps, purpose: Purpose): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const otp = await issueDecoyOtp(tx, deps, { purpose, channel: 'sms' })
    return insertAuthRequest(tx, { purpose, accountId: null, ...requestTimes(deps, otp) })
  })
}

function requestTimes(deps: CitizenAuthDeps, otp: IssuedOtp) {
  return { otpChallengeId: otp.challengeId, expiresAt: new Date(deps.clock().getTime() + requestLifetimeMs) }
}

/** The open request of this step (and this account, for steps taken while signed in), or OTP_EXPIRED. */
async function openRequest(
  db: Executor,
  deps: CitizenAuthDeps,
  id: string,
  expected: { purpose: Purpose; accountId?: number },
  options: { lock?: boolean } = {},
): Promise<CitizenAuthRequestRow> {
  const request = await findAuthRequest(db, id, options)
  const fits =
    request !== null &&
    request.purpose === expected.purpose &&
    request.expiresAt > deps.clock() &&
    (expected.accountId === undefined || request.accountId === expected.accountId)
  if (!fits) throw requestClosed()
  return request
}

/** "Gửi lại mã": a new code for the same request, once `resendAfter` has passed, a few times at most. */
export async function resendAuthRequestOtp(
  deps: CitizenAuthDeps,
  id: string,
  expected: { purpose: Purpose; accountId?: number },
): Promise<CitizenOtpSent> {
  const sent = await deps.database.db.transaction(async (tx) => {
    // The row lock makes parallel resends wait for each other: one code per resend window.
    const request = await openRequest(tx, deps, id, expected, { lock: true })
    await assertResendAllowed(tx, deps, request.otpChallengeId)
    if (request.resends >= maxResends) throw tooManyResends()
    const found = request.accountId === null ? null : await findCitizenById(tx, request.accountId)
    const target = found ? otpTarget(found.holder) : null
    const otp = target
      ? await issueOtp(tx, deps, { purpose: request.purpose, ...target, language: 'vi' })
      : await issueDecoyOtp(tx, deps, { purpose: request.purpose, channel: 'sms' })
    await updateAuthRequestChallenge(tx, id, otp.challengeId, request.resends + 1)
    return { otp, sentTo: target ? masked(target) : null }
  })
  deps.kick()
  // Only a reset can be a decoy, and the reset's answers show no destination: nothing to give away.
  return { requestId: id, sentTo: sent.sentTo ?? '', resendAfter: sent.otp.resendAfter.toISOString() }
}

function tooManyResends() {
  return new DomainError(ErrorCode.OtpAttemptsExceeded, 'too many resends', {
    userMessage: {
      vi: 'Bạn đã yêu cầu gửi lại mã quá số lần cho phép. Vui lòng thực hiện lại từ đầu để nhận mã mới.',
      en: 'The code was sent again too many times. Please start again to get a new code.',
    },
  })
}

/**
 * Counts one try of the code (OTP_INVALID with the tries left, OTP_EXPIRED, OTP_ATTEMPTS_EXCEEDED);
 * the request stays open until `spendAuthRequest`, in the transaction of what it authorises.
 */
export async function checkAuthRequestOtp(
  deps: CitizenAuthDeps,
  id: string,
  expected: { purpose: Purpose; accountId?: number },
  otp: string,
): Promise<CitizenAuthRequestRow & { accountId: number }> {
  const db = deps.database.db
  const request = await openRequest(db, deps, id, expected)
  await checkOtp(db, deps, request.otpChallengeId, otp)
  // A decoy's code was sent to no one: whoever typed it guessed one in a million, and gains nothing.
  if (request.accountId === null) throw requestClosed()
  return { ...request, accountId: request.accountId }
}

/** Closes the checked request with its code; OTP_EXPIRED when a parallel confirmation took it first. */
export async function spendAuthRequest(
  tx: Executor,
  deps: CitizenAuthDeps,
  request: CitizenAuthRequestRow,
): Promise<void> {
  const spent =
    (await consumeOtp(tx, deps, request.otpChallengeId)) && (await deleteAuthRequest(tx, request.id))
  if (!spent) throw requestClosed()
}

/**
 * "Mật khẩu đã được đổi", "Tài khoản đã chuyển sang thiết bị mới", "Đã bật đăng nhập bằng vân tay": to
 * the phone (or e-mail), and a copy in the app's inbox.
 */
export async function notifyHolder(
  tx: Executor,
  deps: CitizenAuthDeps,
  holder: CitizenHolder,
  accountId: number,
  message: {
    kind: Extract<MessageKind, 'password_changed' | 'device_changed' | 'passkey_added'>
    deviceName?: string | null
  },
): Promise<void> {
  const changedAt = deps.clock().toISOString()
  const deviceName =
    message.deviceName && deviceNamePattern.test(message.deviceName) ? message.deviceName : null
  const content =
    message.kind === 'password_changed'
      ? { kind: message.kind, variables: { changedAt } }
      : { kind: message.kind, variables: { changedAt, ...(deviceName ? { deviceName } : {}) } }
  const options = queueOptionsFrom(deps, deps.recipientCounters)
  await queueInboxCopy(tx, { ...content, citizenAccountId: accountId, language: 'vi' }, options)
  const target = otpTarget(holder)
  if (target)
    await queueMessage(tx, { ...target, ...content, citizenAccountId: accountId, language: 'vi' }, options)
}

// What the device_changed template accepts of a device's name; any other name is left out of the SMS.
const deviceNamePattern = /^[\p{L}\p{N}][\p{L}\p{N} ()+_-]{0,39}$/u
