import { createHash } from 'node:crypto'
import type { Executor } from '../../../db/client'
import type { SmsProviderMetrics } from '../../../platform/metrics'
import {
  createProviderHealth,
  type HealthLog,
  type HealthSettings,
  type ProviderHealth,
  type ProviderHealthView,
} from './sms-health'
import { createHttpSmsTransport, type SmsHttpTransport, type TransportLog } from './sms-http'
import type { SmsProvider } from './sms-provider-config'
import type { OutboundSms, SendResult } from './types'

/**
 * Spreads SMS over several gateways by weight and steers around the ones that fail or turn slow.
 *
 * Each message id ranks the providers by weighted rendezvous hashing: the same id always ranks them
 * the same way, so a retry goes back to the provider that had it (which may dedupe on the id) unless
 * that one has been demoted meanwhile; demoting one provider moves only its own share. The message
 * goes to the first healthy provider. Only a clear refusal (`failover`: connection refused, 503, 429,
 * our key refused) moves it at once to the next healthy one. An ambiguous failure (timeout, 502, 504,
 * connection reset) ends the attempt with `retry`: the gateway may have taken the message, and an
 * idempotency key only protects within one gateway, so it must not go to a second one now. The retry
 * goes back to that provider — pinned in this process, and first in the ranking anyway when it was
 * first — unless it has been demoted meanwhile.
 * When every provider is demoted the message still goes out, to the least bad one: a message is never
 * held back because of health.
 */

/** A transport that may mark a retry as a clear refusal (`failover`); without the mark it is ambiguous. */
export type RoutedTransport = SmsHttpTransport

export type RoutedProvider = { transport: RoutedTransport; weight: number }

/** Messages whose last attempt ended ambiguously, and where; bounded, oldest forgotten first. */
const maxPinned = 10_000

export type SmsRouter = RoutedTransport & {
  readonly health: ProviderHealth
  /** The longest one send can take: every provider answering just before its timeout, in turn. */
  readonly maxSendMs?: number
  close(): Promise<void>
}

export function createSmsRouter(options: {
  providers: RoutedProvider[]
  health: ProviderHealth
  metrics?: SmsProviderMetrics
}): SmsRouter {
  const { providers, health, metrics } = options
  const pinned = new Map<string, string>()
  return {
    name: 'http',
    health,
    async close() {},
    async send(sms: OutboundSms): Promise<SendResult> {
      await health.ensureFresh()
      const view = health.view()
      const plan = routePlan(sms.messageId, providers, view)
      const pin = pinned.get(sms.messageId)
      pinned.delete(sms.messageId)
      if (pin !== undefined && view.find((entry) => entry.name === pin)?.healthy !== false) {
        const index = plan.findIndex((provider) => provider.transport.name === pin)
        if (index > 0) plan.unshift(...plan.splice(index, 1))
      }
      const failures: string[] = []
      for (const provider of plan) {
        const name = provider.transport.name
        const result = await provider.transport.send(sms)
        metrics?.attempts.labels(name, result.outcome).inc()
        if (result.outcome === 'retry') {
          health.recordFailure(name)
          failures.push(`${name} ${result.reason}`)
          if (result.failover === true) continue
          // The gateway may have taken it: no second gateway now; the retry comes back here.
          pinned.set(sms.messageId, name)
          if (pinned.size > maxPinned) pinned.delete(pinned.keys().next().value as string)
          return {
            outcome: 'retry',
            provider: name,
            reason: failures.join('; ').slice(0, 180),
          }
        }
        // A rejection is about the message (bad number, blocked content), and the gateway did answer.
        health.recordSuccess(name)
        return result
      }
      return {
        outcome: 'retry',
        provider: plan[0]?.transport.name ?? 'none',
        reason: failures.join('; ').slice(0, 180),
      }
    },
  }
}

/**
 * The providers to try for one message, in order: healthy ones by rendezvous rank; if none is
 * healthy, all of them from least to most bad. Weight 0 providers are last among the healthy: backups.
 */
export function routePlan<P extends RoutedProvider>(
  messageId: string,
  providers: readonly P[],
  view: readonly ProviderHealthView[],
): P[] {
  const health = new Map(view.map((entry) => [entry.name, entry]))
  const ranked = [...providers]
    .map((provider) => ({ provider, score: rendezvousScore(messageId, provider) }))
    .sort((a, b) => b.score - a.score)
  const healthy = ranked.filter((entry) => health.get(entry.provider.transport.name)?.healthy ?? true)
  if (healthy.length > 0) return healthy.map((entry) => entry.provider)
  return ranked
    .map((entry, rank) => ({
      ...entry,
      rank,
      badness: health.get(entry.provider.transport.name)?.badness ?? 1,
    }))
    .sort((a, b) => a.badness - b.badness || a.rank - b.rank)
    .map((entry) => entry.provider)
}

/**
 * Weighted rendezvous (highest random weight) score: with h uniform in (0, 1), w / -ln(h) makes each
 * provider win a share of ids proportional to its weight.
 */
function rendezvousScore(messageId: string, provider: RoutedProvider): number {
  if (provider.weight <= 0) return 0
  const digest = createHash('sha256').update(`${provider.transport.name}\u0000${messageId}`).digest()
  const unit = (digest.readUIntBE(0, 6) + 0.5) / 2 ** 48
  return provider.weight / -Math.log(unit)
}

/** Everything the composition root needs to build the `http` SMS channel from configuration. */
export function createHttpSmsRouter(options: {
  providers: SmsProvider[]
  db: Executor
  health?: Partial<HealthSettings>
  clock?: () => Date
  log?: TransportLog & HealthLog
  metrics?: SmsProviderMetrics
  fetch?: typeof fetch
}): SmsRouter {
  const health = createProviderHealth({
    db: options.db,
    providers: options.providers.map((p) => ({ name: p.name, judgedByDelivery: p.receipts !== undefined })),
    ...(options.health ? { settings: options.health } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  })
  const router = createSmsRouter({
    providers: options.providers.map((provider) => ({
      weight: provider.weight,
      transport: createHttpSmsTransport(provider, {
        ...(options.log ? { log: options.log } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    })),
    health,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  })
  return { ...router, maxSendMs: options.providers.reduce((sum, provider) => sum + provider.timeoutMs, 0) }
}
