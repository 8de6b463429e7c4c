import { createHmac } from 'node:crypto'
import { ErrorCode } from '@ansinh/domain'
import { DomainError } from '../../platform/errors'
import { HOUR_MS } from '../notify/rate-limits'
import type { CitizenAuthDeps } from './citizen-sessions'

/**
 * The per-username limit of the steps that name an account (sign-in, device change, reset): the
 * clock hour's tries per username, whatever the client address, counted where every process sees
 * them (the recipient counters: the database, or Redis). The per-address limit is the route's own;
 * the rate-limit plugin runs only one limiter per request, so this one is counted here. It stops
 * spraying one username from many addresses, an unknown username included (no lockout there).
 */
export async function countUsernameTry(deps: CitizenAuthDeps, username: string): Promise<void> {
  const now = deps.clock()
  const windowStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS)
  // Keyed hash: the counters table holds no BHXH codes or personal IDs.
  const digest = createHmac('sha256', deps.secrets.sessionSecret)
    .update(`sign-in:${username}`)
    .digest('base64url')
  const count = await deps.recipientCounters.increment(
    deps.database.db,
    `citizen-sign-in:${digest.slice(0, 22)}`,
    windowStart,
    HOUR_MS,
  )
  if (count <= usernameTriesPerHour(deps)) return
  const minutes = Math.max(1, Math.ceil((windowStart.getTime() + HOUR_MS - now.getTime()) / 60_000))
  throw new DomainError(ErrorCode.RateLimited, 'citizen username tried too often', {
    userMessage: {
      vi: `Tài khoản này được thử đăng nhập quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
      en: `There were too many attempts for this account. Please try again in ${minutes} minutes.`,
    },
  })
}

/** Three times the per-address minute budget, per hour: above what a person and the lockout allow. */
export function usernameTriesPerHour(deps: Pick<CitizenAuthDeps, 'config'>): number {
  return 3 * deps.config.guessableRateLimitPerMinute
}
