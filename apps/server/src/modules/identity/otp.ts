import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import { ErrorCode, type MessageLanguage, type OtpPurpose } from '@ansinh/domain'
import { and, eq, isNull, lt, sql } from 'drizzle-orm'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { otpChallenges } from '../../db/schema'
import { DomainError } from '../../platform/errors'
import { queueMessage, queueOptionsFrom } from '../notify/service'

/**
 * One-time codes (mã OTP): 6 random digits sent by SMS or e-mail. Only an HMAC of the code, keyed with
 * the session secret, is stored, so a copy of the table cannot be brute-forced without the key.
 * Every try is counted in its own committed statement before the code is compared, so a use case
 * that rolls back after a wrong code cannot hand out extra tries.
 */

export type OtpChannel = 'sms' | 'email'
export type OtpDeps = Pick<Deps, 'config' | 'secrets' | 'clock' | 'recipientCounters'>

export type IssuedOtp = { challengeId: string; expiresAt: Date; resendAfter: Date }

function hashCode(secret: string, challengeId: string, code: string): string {
  return createHmac('sha256', secret).update(`otp:${challengeId}:${code}`).digest('base64url')
}

function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/** Creates a challenge and queues its message, both in the caller's transaction. */
export async function issueOtp(
  tx: Executor,
  deps: OtpDeps,
  input: { purpose: OtpPurpose; channel: OtpChannel; to: string; language: MessageLanguage },
): Promise<IssuedOtp> {
  const { code, validMinutes, ...issued } = await insertChallenge(tx, deps, input)
  await queueMessage(
    tx,
    {
      kind: 'otp',
      channel: input.channel,
      to: input.to,
      language: input.language,
      variables: { code, purpose: input.purpose, validMinutes },
      expiresAt: issued.expiresAt,
    },
    queueOptionsFrom(deps, deps.recipientCounters),
  )
  return issued
}

/**
 * A challenge like any other whose code is sent to no one: it stands behind a request that must
 * answer exactly like a real one (a password reset for an unknown username), tries counted and all.
 */
export async function issueDecoyOtp(
  tx: Executor,
  deps: OtpDeps,
  input: { purpose: OtpPurpose; channel: OtpChannel },
): Promise<IssuedOtp> {
  const { code: _unsent, validMinutes: _unused, ...issued } = await insertChallenge(tx, deps, input)
  return issued
}

async function insertChallenge(
  tx: Executor,
  deps: OtpDeps,
  input: { purpose: OtpPurpose; channel: OtpChannel },
): Promise<IssuedOtp & { code: string; validMinutes: number }> {
  const now = deps.clock()
  const validMinutes = deps.config.otp.validMinutes[input.channel]
  const expiresAt = new Date(now.getTime() + validMinutes * 60_000)
  const resendAfter = new Date(now.getTime() + deps.config.otp.resendAfterMs)
  const challengeId = randomUUID()
  const code = newCode()
  await tx.insert(otpChallenges).values({
    id: challengeId,
    purpose: input.purpose,
    channel: input.channel,
    // The hash binds the code to this challenge: the same code of another challenge does not match.
    codeHash: hashCode(deps.secrets.sessionSecret, challengeId, code),
    maxAttempts: deps.config.otp.maxAttempts,
    expiresAt,
    resendAfter,
  })
  return { challengeId, expiresAt, resendAfter, code, validMinutes }
}

/**
 * Refuses a resend before the challenge's `resendAfter` (429 with the seconds to wait), and once its
 * tries are used up: five wrong codes end the request, a new code needs a new submission.
 */
export async function assertResendAllowed(db: Executor, deps: Pick<Deps, 'clock'>, challengeId: string) {
  const [challenge] = await db.select().from(otpChallenges).where(eq(otpChallenges.id, challengeId))
  if (challenge && challenge.attempts >= challenge.maxAttempts) throw attemptsExceeded()
  const now = deps.clock()
  if (challenge && challenge.resendAfter > now) {
    const seconds = Math.ceil((challenge.resendAfter.getTime() - now.getTime()) / 1000)
    throw new DomainError(ErrorCode.RateLimited, 'otp resend too early', {
      userMessage: {
        vi: `Vui lòng chờ ${seconds} giây trước khi gửi lại mã OTP.`,
        en: `Please wait ${seconds} seconds before asking for a new OTP.`,
      },
    })
  }
}

/**
 * Counts one try and checks the code. Throws OTP_EXPIRED, OTP_ATTEMPTS_EXCEEDED or OTP_INVALID (with
 * the tries left); on success the challenge is still open: `consumeOtp` closes it in the use case's
 * transaction, so the code and the effect it authorises commit together.
 */
export async function checkOtp(
  db: Executor,
  deps: OtpDeps,
  challengeId: string,
  code: string,
): Promise<void> {
  const now = deps.clock()
  const [counted] = await db
    .update(otpChallenges)
    .set({ attempts: sql`${otpChallenges.attempts} + 1` })
    .where(
      and(
        eq(otpChallenges.id, challengeId),
        isNull(otpChallenges.consumedAt),
        lt(otpChallenges.attempts, otpChallenges.maxAttempts),
        sql`${otpChallenges.expiresAt} > ${now.toISOString()}`,
      ),
    )
    .returning()
  if (!counted) throw await whyClosed(db, challengeId)
  const expected = Buffer.from(counted.codeHash)
  const actual = Buffer.from(hashCode(deps.secrets.sessionSecret, challengeId, code))
  if (expected.length === actual.length && timingSafeEqual(expected, actual)) return
  const left = counted.maxAttempts - counted.attempts
  if (left <= 0) throw attemptsExceeded()
  throw new DomainError(ErrorCode.OtpInvalid, 'wrong otp', {
    fields: { otp: [`Mã OTP không đúng. Bạn còn ${left} lần thử.`] },
    userMessage: {
      vi: `Mã OTP không đúng. Bạn còn ${left} lần thử.`,
      en: `The OTP is not correct. ${left} ${left === 1 ? 'try' : 'tries'} left.`,
    },
  })
}

/** Closes a checked challenge; false when another request consumed it first. */
export async function consumeOtp(
  tx: Executor,
  deps: Pick<Deps, 'clock'>,
  challengeId: string,
): Promise<boolean> {
  const rows = await tx
    .update(otpChallenges)
    .set({ consumedAt: deps.clock() })
    .where(and(eq(otpChallenges.id, challengeId), isNull(otpChallenges.consumedAt)))
    .returning({ id: otpChallenges.id })
  return rows.length === 1
}

function attemptsExceeded() {
  return new DomainError(ErrorCode.OtpAttemptsExceeded, 'otp attempts exhausted', {
    fields: { otp: ['Bạn đã nhập sai mã OTP quá số lần cho phép.'] },
  })
}

async function whyClosed(db: Executor, challengeId: string): Promise<DomainError> {
  const [challenge] = await db.select().from(otpChallenges).where(eq(otpChallenges.id, challengeId))
  if (challenge && challenge.consumedAt === null && challenge.attempts >= challenge.maxAttempts)
    return attemptsExceeded()
  return new DomainError(ErrorCode.OtpExpired, 'otp expired or used', {
    fields: { otp: ['Mã OTP đã hết hiệu lực.'] },
  })
}

/** Challenges past their validity are of no use to anyone: deleted by the cleanup job. */
export async function deleteExpiredOtps(db: Executor, before: Date): Promise<number> {
  const rows = await db
    .delete(otpChallenges)
    .where(sql`${otpChallenges.expiresAt} < ${before.toISOString()}`)
    .returning({ id: otpChallenges.id })
  return rows.length
}
