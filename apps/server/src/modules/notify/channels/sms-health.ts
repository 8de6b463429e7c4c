import type { Executor } from '../../../db/client'
import type { SmsProviderMetrics } from '../../../platform/metrics'
import { providerDeliveryCounts } from '../sms-delivery-repo'

/**
 * Whether each SMS provider deserves its share of traffic. Two signals:
 * - fast, in this process: N consecutive retryable failures (5xx, timeouts, refused connections);
 * - shared by every process, from the `messages` table: the share of its messages not delivered
 *   within the deadline over the recent window (only for providers that send delivery receipts).
 * A demoted provider gets no traffic for the cool-down, then is judged afresh — only on messages sent
 * after it came back, so its old late messages do not demote it again at once.
 */

export type HealthSettings = {
  /** How far back delivery is judged. */
  windowMs: number
  /** A message not delivered this long after the gateway accepted it counts as late. */
  deliveryDeadlineMs: number
  /** Late share (0–1) at or above which a provider is demoted. */
  maxLateShare: number
  /** Judged messages needed before the late share means anything. */
  minSamples: number
  maxConsecutiveErrors: number
  cooldownMs: number
  /** How often the shared figures are read from the database. */
  refreshMs: number
}

export const defaultHealthSettings: HealthSettings = {
  windowMs: 15 * 60_000,
  deliveryDeadlineMs: 5 * 60_000,
  maxLateShare: 0.15,
  minSamples: 20,
  maxConsecutiveErrors: 5,
  cooldownMs: 5 * 60_000,
  refreshMs: 15_000,
}

export type DemotionReason = 'errors' | 'slow'

export type ProviderHealthView = {
  name: string
  healthy: boolean
  reason: DemotionReason | null
  demotedUntil: Date | null
  consecutiveErrors: number
  /** Late share over the judged window; null until there are enough samples or without receipts. */
  lateShare: number | null
  samples: number
  /** 0 = fine … 1 = hopeless: orders demoted providers when all of them are. */
  badness: number
}

type State = {
  name: string
  judgedByDelivery: boolean
  demotedUntil: number | null
  reason: DemotionReason | null
  consecutiveErrors: number
  lateShare: number | null
  samples: number
  judgeSince: number
}

export type HealthLog = {
  warn: (object: Record<string, unknown>, message: string) => void
  info: (object: Record<string, unknown>, message: string) => void
}

export type ProviderHealth = {
  /** Re-reads the shared figures when they are older than `refreshMs`, and ends expired demotions. */
  ensureFresh(): Promise<void>
  /** Reads the shared figures now. */
  refresh(): Promise<void>
  view(): ProviderHealthView[]
  recordSuccess(provider: string): void
  recordFailure(provider: string): void
}

export function createProviderHealth(options: {
  db: Executor
  /** `judgedByDelivery`: the provider sends delivery receipts, so lateness can be measured. */
  providers: Array<{ name: string; judgedByDelivery: boolean }>
  settings?: Partial<HealthSettings>
  clock?: () => Date
  log?: HealthLog
  metrics?: SmsProviderMetrics
}): ProviderHealth {
  const settings = { ...defaultHealthSettings, ...options.settings }
  const clock = options.clock ?? (() => new Date())
  const started = clock().getTime()
  const states = new Map<string, State>(
    options.providers.map((p) => [
      p.name,
      {
        name: p.name,
        judgedByDelivery: p.judgedByDelivery,
        demotedUntil: null,
        reason: null,
        consecutiveErrors: 0,
        lateShare: null,
        samples: 0,
        judgeSince: started - settings.windowMs,
      },
    ]),
  )
  for (const state of states.values()) options.metrics?.healthy.labels(state.name).set(1)
  let lastRefresh = Number.NEGATIVE_INFINITY
  let refreshing: Promise<void> | null = null

  function demote(state: State, reason: DemotionReason, now: number) {
    state.demotedUntil = now + settings.cooldownMs
    state.reason = reason
    options.metrics?.demotions.labels(state.name, reason).inc()
    options.metrics?.healthy.labels(state.name).set(0)
    options.log?.warn(
      {
        provider: state.name,
        reason,
        consecutiveErrors: state.consecutiveErrors,
        lateShare: state.lateShare,
        samples: state.samples,
        cooldownSeconds: settings.cooldownMs / 1000,
      },
      'sms provider demoted; traffic moves to the others',
    )
  }

  function expireDemotions(now: number) {
    for (const state of states.values()) {
      if (state.demotedUntil === null || now < state.demotedUntil) continue
      // Judged afresh from now on: the window no longer holds what got it demoted.
      state.judgeSince = state.demotedUntil
      state.demotedUntil = null
      state.reason = null
      state.consecutiveErrors = 0
      state.lateShare = null
      state.samples = 0
      options.metrics?.healthy.labels(state.name).set(1)
      options.log?.info({ provider: state.name }, 'sms provider back in rotation after its cool-down')
    }
  }

  async function refresh() {
    const now = clock().getTime()
    lastRefresh = now
    expireDemotions(now)
    const judged = [...states.values()].filter((state) => state.judgedByDelivery)
    const counts = await providerDeliveryCounts(
      options.db,
      judged.map((state) => ({
        name: state.name,
        since: new Date(Math.max(state.judgeSince, now - settings.windowMs)),
      })),
      new Date(now),
      settings.deliveryDeadlineMs,
    )
    const byName = new Map(counts.map((row) => [row.provider, row]))
    for (const state of judged) {
      const row = byName.get(state.name)
      const samples = row ? row.onTime + row.late : 0
      state.samples = samples
      state.lateShare = row && samples >= settings.minSamples ? row.late / samples : null
      if (state.demotedUntil === null && state.lateShare !== null && state.lateShare >= settings.maxLateShare)
        demote(state, 'slow', now)
    }
  }

  return {
    refresh,
    async ensureFresh() {
      const now = clock().getTime()
      expireDemotions(now)
      if (now - lastRefresh < settings.refreshMs) return
      refreshing ??= refresh()
        .catch((error: unknown) => {
          // Keep routing on what we knew; the database being away is not the gateways' fault.
          options.log?.warn(
            { error: error instanceof Error ? error.name : 'unknown' },
            'could not read sms provider health; keeping the last known state',
          )
        })
        .finally(() => {
          refreshing = null
        })
      await refreshing
    },
    view() {
      return [...states.values()].map((state) => ({
        name: state.name,
        healthy: state.demotedUntil === null,
        reason: state.reason,
        demotedUntil: state.demotedUntil === null ? null : new Date(state.demotedUntil),
        consecutiveErrors: state.consecutiveErrors,
        lateShare: state.lateShare,
        samples: state.samples,
        badness: Math.max(
          state.lateShare ?? 0,
          Math.min(1, state.consecutiveErrors / settings.maxConsecutiveErrors),
        ),
      }))
    },
    recordSuccess(provider) {
      const state = states.get(provider)
      if (state) state.consecutiveErrors = 0
    },
    recordFailure(provider) {
      const state = states.get(provider)
      if (!state) return
      state.consecutiveErrors++
      if (state.demotedUntil === null && state.consecutiveErrors >= settings.maxConsecutiveErrors)
        demote(state, 'errors', clock().getTime())
    },
  }
}
