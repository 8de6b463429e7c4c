import type { Executor } from '../../db/client'
import { type OtpDeliveryRow, otpDeliveryRows } from './sms-delivery-repo'

/** An OTP that arrives after this is, for the citizen, an OTP that did not arrive. */
export const OTP_DELIVERY_TARGET_SECONDS = 10

export type OtpDeliveryFigures = {
  total: number
  delivered: number
  deliveredWithin10s: number
  failed: number
  pending: number
  /** deliveredWithin10s / total; null when no OTP was sent. */
  shareWithin10s: number | null
  p50Seconds: number | null
  p90Seconds: number | null
}

export type OtpDeliveryStats = OtpDeliveryFigures & {
  since: Date
  until: Date
  /** Per gateway; `provider: null` holds OTPs no gateway accepted (queued, rejected, dead-lettered). */
  byProvider: Array<OtpDeliveryFigures & { provider: string | null }>
}

/**
 * How fast OTP SMS reached phones since `since`, for administrators and the metrics gauge. OTPs created
 * in the last 10 seconds are left out: they can still make it in time, and counting them would
 * understate the share whenever traffic is steady.
 */
export async function otpDeliveryStats(
  db: Executor,
  since: Date,
  now: Date = new Date(),
): Promise<OtpDeliveryStats> {
  const until = new Date(now.getTime() - OTP_DELIVERY_TARGET_SECONDS * 1000)
  const rows = until > since ? await otpDeliveryRows(db, since, until) : null
  return {
    since,
    until,
    ...figures(rows?.overall ?? null),
    byProvider: (rows?.byProvider ?? []).map((row) => ({ provider: row.provider, ...figures(row) })),
  }
}

function figures(row: OtpDeliveryRow | null): OtpDeliveryFigures {
  if (!row)
    return {
      total: 0,
      delivered: 0,
      deliveredWithin10s: 0,
      failed: 0,
      pending: 0,
      shareWithin10s: null,
      p50Seconds: null,
      p90Seconds: null,
    }
  return {
    total: row.total,
    delivered: row.delivered,
    deliveredWithin10s: row.deliveredWithin10s,
    failed: row.failed,
    pending: row.pending,
    shareWithin10s: row.total === 0 ? null : row.deliveredWithin10s / row.total,
    p50Seconds: row.p50Seconds,
    p90Seconds: row.p90Seconds,
  }
}

/**
 * The gauge's source: the share over the last hour, read at most every `refreshMs` however often
 * /metrics is scraped, and never throwing (a failed read keeps the last figure).
 */
export function otpDeliveryShareSource(
  db: Executor,
  clock: () => Date,
  options: { windowMs?: number; refreshMs?: number; onError?: (error: unknown) => void } = {},
): () => Promise<number | null> {
  const windowMs = options.windowMs ?? 60 * 60 * 1000
  const refreshMs = options.refreshMs ?? 30_000
  let last: { at: number; value: number | null } | null = null
  let pending: Promise<number | null> | null = null
  return async () => {
    const now = clock()
    if (last && now.getTime() - last.at < refreshMs) return last.value
    pending ??= otpDeliveryStats(db, new Date(now.getTime() - windowMs), now)
      .then((stats) => {
        last = { at: now.getTime(), value: stats.shareWithin10s }
        return stats.shareWithin10s
      })
      .catch((error: unknown) => {
        options.onError?.(error)
        last = { at: now.getTime(), value: last?.value ?? null }
        return last.value
      })
      .finally(() => {
        pending = null
      })
    return pending
  }
}
