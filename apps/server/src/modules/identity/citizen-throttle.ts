import { createHmac } from 'node:crypto'
import { ErrorCode, startOfVietnamDay, todayInVietnam } from '@ansinh/domain'
import { DomainError } from '../../platform/errors'
import { DAY_MS, HOUR_MS } from '../notify/rate-limits'
import type { CitizenAuthDeps } from './citizen-sessions'

/** A fixed window: the clock hour, or the calendar day in Vietnam (a daily cap resets at local midnight). */
type KeyedBudget = { perHour: number } | { perDay: number }

function windowOf(budget: KeyedBudget, now: Date): { start: Date; ms: number; max: number } {
  if ('perHour' in budget) {
    return {
      start: new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS),
      ms: HOUR_MS,
      max: budget.perHour,
    }
  }
  return { start: startOfVietnamDay(todayInVietnam(now)), ms: DAY_MS, max: budget.perDay }
}

/**
 * A limit per value (a username, a phone, a client address) whatever else the request carries, for
 * the clock hour or the Vietnam day, counted where every process sees it (the recipient counters: the
 * database, or Redis). A route's per-minute limit is the rate-limit plugin's own; the plugin runs only
 * one limiter per request, so this one is counted here. The value is stored as a keyed hash: the
 * counters table holds no identifiers.
 */
export async function countKeyedTry(
  deps: CitizenAuthDeps,
  limit: {
    scope: string
    value: string
    tooMany: (minutes: number) => { vi: string; en: string }
  } & KeyedBudget,
): Promise<void> {
  const now = deps.clock()
  const window = windowOf(limit, now)
  const digest = createHmac('sha256', deps.secrets.sessionSecret)
    .update(`${limit.scope}:${limit.value}`)
    .digest('base64url')
  const key = `${limit.scope}:${digest.slice(0, 22)}`
  const count = await deps.recipientCounters.increment(deps.database.db, key, window.start, window.ms)
  if (count <= window.max) return
  const minutes = Math.max(1, Math.ceil((window.start.getTime() + window.ms - now.getTime()) / 60_000))
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
