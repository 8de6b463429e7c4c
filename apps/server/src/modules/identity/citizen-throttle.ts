import { createHmac } from 'node:crypto'
import { ErrorCode } from '@ansinh/domain'
import { DomainError } from '../../platform/errors'
import { HOUR_MS } from '../notify/rate-limits'
import type { CitizenAuthDeps } from './citizen-sessions'

/**
 * A limit per value (a username, a phone) whatever the client address, for the clock hour, counted
 * where every process sees it (the recipient counters: the database, or Redis). The per-address limit
 * is the route's own; the rate-limit plugin runs only one limiter per request, so this one is counted
 * here. The value is stored as a keyed hash: the counters table holds no identifiers.
 */
export async function countKeyedTry(
  deps: CitizenAuthDeps,
  limit: {
    scope: string
    value: string
    perHour: number
    tooMany: (minutes: number) => { vi: string; en: string }
  },
): Promise<void> {
  const now = deps.clock()
  const windowStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS)
  const digest = createHmac('sha256', deps.secrets.sessionSecret)
    .update(`${limit.scope}:${limit.value}`)
    .digest('base64url')
  const key = `${limit.scope}:${digest.slice(0, 22)}`
  const count = await deps.recipientCounters.increment(deps.database.db, key, windowStart, HOUR_MS)
  if (count <= limit.perHour) return
  const minutes = Math.max(1, Math.ceil((windowStart.getTime() + HOUR_MS - now.getTime()) / 60_000))
  throw new DomainError(ErrorCode.RateLimited, `${limit.scope} tried too often`, {
    userMessage: limit.tooMany(minutes),
  })
}

/**
 * The per-username limit of the steps that name an account (sign-in, device change, reset). It stops
 * spraying one username from many addresses, an unknown username included (no lockout there).
 */
export function countUsernameTry(deps: CitizenAuthDeps, username: string): Promise<void> {
  return countKeyedTry(deps, {
    scope: 'citizen-sign-in',
    value: username,
    perHour: usernameTriesPerHour(deps),
    tooMany: (minutes) => ({
      vi: `Tài khoản này được thử đăng nhập quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
      en: `There were too many attempts for this account. Please try again in ${minutes} minutes.`,
    }),
  })
}

/** Three times the per-address minute budget, per hour: above what a person and the lockout allow. */
export function usernameTriesPerHour(deps: Pick<CitizenAuthDeps, 'config'>): number {
  return 3 * deps.config.guessableRateLimitPerMinute
}
