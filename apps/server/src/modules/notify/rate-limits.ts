import { createHash } from 'node:crypto'
import { ErrorCode, type MessageChannel } from '@ansinh/domain'
import { Redis } from 'ioredis'
import type { Executor } from '../../db/client'
import { DomainError } from '../../platform/errors'
import { incrementCounter } from './counters-repo'

/**
 * Per-recipient send limits: fixed one-hour windows (the clock hour), counted where every process
 * sees the same number — the database (`recipient_counters`), or Redis when `REDIS_URL` is set.
 * The limits protect people from SMS bombing through our OTP form and the agency from paying for it.
 */

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

export type MessageLimits = {
  /** OTP SMS to one phone number per hour (the issue: "at most 5 OTP SMS per phone per hour"). */
  otpSmsPerHour: number
  /** Any SMS or e-mail to one recipient per hour. */
  perRecipientPerHour: number
}

/** The defaults of `OTP_SMS_PER_HOUR` and `MESSAGES_PER_RECIPIENT_PER_HOUR` (config.ts). */
export const defaultMessageLimits: MessageLimits = { otpSmsPerHour: 5, perRecipientPerHour: 20 }

export type RecipientCounters = {
  readonly kind: 'database' | 'redis'
  /** Counts one more for `key` in the window that starts at `windowStart`; returns the new count. */
  increment(tx: Executor, key: string, windowStart: Date, windowMs: number): Promise<number>
  close(): Promise<void>
}

/**
 * Counters in the caller's transaction: a message that is rolled back (or refused by a limit) is
 * not counted either.
 */
export function databaseCounters(): RecipientCounters {
  return {
    kind: 'database',
    increment: (tx, key, windowStart) => incrementCounter(tx, key, windowStart),
    close: async () => {},
  }
}

/**
 * Counters in Redis: INCR, and an expiry of two windows so that keys clean themselves up. Redis is
 * outside the database transaction, so a refused or rolled-back message still counts — an attempt
 * is an attempt, and the window ends within the hour anyway.
 */
export function redisCounters(
  redis: Pick<Redis, 'multi' | 'quit' | 'disconnect'>,
  options: { prefix?: string; ownsConnection?: boolean } = {},
): RecipientCounters {
  const prefix = options.prefix ?? 'ansinh:recipient:'
  return {
    kind: 'redis',
    increment: async (_tx, key, windowStart, windowMs) => {
      const redisKey = `${prefix}${key}:${windowStart.getTime()}`
      const replies = await redis
        .multi()
        .incr(redisKey)
        .pexpire(redisKey, windowMs * 2)
        .exec()
      const [error, count] = replies?.[0] ?? [new Error('redis transaction discarded'), null]
      if (error) throw error
      return Number(count)
    },
    close: async () => {
      // QUIT needs a live connection; a Redis that is down is simply dropped.
      if (options.ownsConnection) await redis.quit().catch(() => redis.disconnect())
    },
  }
}

/** Redis when the platform has `REDIS_URL`, else the database. Build once per process and close on stop. */
export function createRecipientCounters(config: { redisUrl?: string | undefined }): RecipientCounters {
  if (!config.redisUrl) return databaseCounters()
  // Counting runs inside the use case's transaction: a hung Redis must fail fast, not hold the
  // transaction (on PGlite, the whole database) open. A failure refuses the message (fail closed:
  // an attacker must not get unlimited OTP SMS by taking Redis down); the use case answers 5xx.
  const redis = new Redis(config.redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
  })
  redis.on('error', () => {
    // Reported by the failing increment; without a listener ioredis prints to stderr on every retry.
  })
  return redisCounters(redis, { ownsConnection: true })
}

type LimitRule = { scope: 'otp' | 'recipient'; key: string; limit: number }

// A digest rather than the number or address: the counter table and Redis keys are operational data
// that dashboards and `MONITOR` show, and they must not become a list of people's phone numbers.
function recipientDigest(recipient: string): string {
  return createHash('sha256').update(recipient).digest('base64url').slice(0, 22)
}

/** The limits that apply to one message; the inbox has none (it costs nothing and reaches only its owner). */
export function limitRules(
  message: { kind: string; channel: MessageChannel; recipient: string },
  limits: MessageLimits,
): LimitRule[] {
  if (message.channel === 'inbox') return []
  const digest = recipientDigest(message.recipient)
  const rules: LimitRule[] = []
  if (message.kind === 'otp' && message.channel === 'sms') {
    rules.push({ scope: 'otp', key: `otp:sms:${digest}`, limit: limits.otpSmsPerHour })
  }
  rules.push({
    scope: 'recipient',
    key: `all:${message.channel}:${digest}`,
    limit: limits.perRecipientPerHour,
  })
  return rules
}

/**
 * Counts the message against each rule and throws `RATE_LIMITED` (HTTP 429, with a Vietnamese
 * explanation) when one is over its limit. Every rule is counted before deciding, so that the
 * caller's savepoint rolls all of them back together.
 */
export async function enforceRecipientLimits(
  tx: Executor,
  counters: RecipientCounters,
  message: { kind: string; channel: MessageChannel; recipient: string },
  limits: MessageLimits,
  now: Date,
): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS)
  const rules = limitRules(message, limits)
  const counts: number[] = []
  for (const rule of rules) counts.push(await counters.increment(tx, rule.key, windowStart, HOUR_MS))
  const broken = rules.find((rule, index) => (counts[index] ?? 0) > rule.limit)
  if (!broken) return
  const minutes = Math.max(1, Math.ceil((windowStart.getTime() + HOUR_MS - now.getTime()) / 60_000))
  throw new DomainError(
    ErrorCode.RateLimited,
    `recipient limit reached: ${broken.scope} ${message.channel} ${message.kind}`,
    { userMessage: rateLimitedMessage(broken.scope, message.channel, minutes) },
  )
}

function rateLimitedMessage(scope: LimitRule['scope'], channel: MessageChannel, minutes: number) {
  if (scope === 'otp') {
    return {
      vi: `Bạn đã yêu cầu quá nhiều mã OTP cho số điện thoại này. Vui lòng thử lại sau ${minutes} phút.`,
      en: `Too many OTP codes were requested for this phone number. Please try again in ${minutes} minutes.`,
    }
  }
  const where =
    channel === 'sms'
      ? { vi: 'số điện thoại', en: 'phone number' }
      : { vi: 'địa chỉ email', en: 'e-mail address' }
  return {
    vi: `Hệ thống đã gửi quá nhiều tin đến ${where.vi} này. Vui lòng thử lại sau ${minutes} phút.`,
    en: `Too many messages were sent to this ${where.en}. Please try again in ${minutes} minutes.`,
  }
}
