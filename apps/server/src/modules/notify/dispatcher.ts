import type { BaseLogger } from 'pino'
import type { DatabaseHandle } from '../../db/client'
import { messageChannels } from '../../db/schema/notify'
import { errorSummary } from '../../platform/jobs'
import type { Metrics } from '../../platform/metrics'
import type { Channels } from './channels'
import type { SendResult } from './channels/types'
import {
  type ClaimedMessage,
  claimDueMessages,
  countQueuedByChannel,
  type MessageOutcome,
  pruneSentBodies,
  recordAcceptedAfterReceipt,
  recordOutcomes,
  requeueStuckSending,
} from './repo'

/**
 * The outbox dispatcher. Services write messages in the same transaction as the change that causes
 * them (status `queued`); this loop claims due ones (`FOR UPDATE SKIP LOCKED`, marking them `sending`
 * in one short statement), sends each through its channel's transport outside any transaction, then
 * records every outcome of the batch in one statement. A crash between sending and recording leaves
 * messages in `sending`; the sweeper gives them back to the queue and the retry carries the same
 * message id, which is the key gateways dedupe on. It polls (OTPs must not wait for a cron tick) and
 * can be woken at once with `kick()` after a commit.
 */

export type DispatcherDeps = {
  database: DatabaseHandle
  channels: Channels
  log: BaseLogger
  metrics?: Metrics
}

export type DispatcherOptions = {
  /** Messages claimed per batch. */
  batchSize: number
  /** Sends in flight at once within a batch (gateways answer in tens to hundreds of milliseconds). */
  concurrency: number
  /** Idle wait between polls when nothing was due and nobody kicked. */
  pollIntervalMs: number
  /** First retry delay; each further attempt doubles it, up to `retryMaxMs`, with jitter. */
  retryBaseMs: number
  retryMaxMs: number
  /** How often the queue-depth gauge is refreshed. */
  queueDepthSampleMs: number
  /** Random source for the jitter (tests pin it). */
  random: () => number
}

export const defaultDispatcherOptions: DispatcherOptions = {
  batchSize: 100,
  concurrency: 8,
  pollIntervalMs: 500,
  retryBaseMs: 5_000,
  retryMaxMs: 60 * 60_000,
  queueDepthSampleMs: 5_000,
  random: Math.random,
}

/**
 * How long a message may stay in `sending` before the sweeper assumes its dispatcher died. It must
 * exceed the longest a batch can take (batch size / concurrency × the transport's timeout), or a
 * slow send is retried while still in flight (harmless for the gateway, which dedupes, but wasteful).
 */
export const defaultSendingTimeoutMs = 2 * 60_000

/** SMS and e-mail texts are blanked this long after sending (see `pruneSentBodies`). */
export const sentBodyRetentionDays = 30

export type BatchReport = {
  claimed: number
  sent: number
  delivered: number
  retried: number
  failed: number
  expired: number
  /**
   * Outcomes dropped because the message had moved on meanwhile: swept back to the queue (a send
   * that outlived the sending timeout). A delivery receipt that came first does not count here.
   */
  stale: number
}

/**
 * Delay before retry number `attempts` (1 = after the first failure): exponential, capped, with
 * "equal jitter" — half fixed, half random — so a gateway outage does not end in a synchronised storm.
 */
export function retryDelayMs(
  attempts: number,
  options: Pick<DispatcherOptions, 'retryBaseMs' | 'retryMaxMs'>,
  random: () => number,
): number {
  const exponential = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(exponential / 2 + (exponential / 2) * random())
}

/** Claims one batch of due messages, sends them, records the outcomes. */
export async function dispatchBatch(
  deps: DispatcherDeps,
  options: Partial<DispatcherOptions> = {},
): Promise<BatchReport> {
  const settings = { ...defaultDispatcherOptions, ...options }
  const started = performance.now()
  const claimed = await claimDueMessages(deps.database.db, settings.batchSize)
  const report: BatchReport = {
    claimed: claimed.length,
    sent: 0,
    delivered: 0,
    retried: 0,
    failed: 0,
    expired: 0,
    stale: 0,
  }
  if (claimed.length === 0) return report

  const toSend = claimed.filter((message) => message.status === 'sending')
  for (const message of claimed) {
    if (message.status !== 'failed') continue
    report.expired++
    deps.metrics?.messages.labels(message.channel, message.kind, 'none', 'expired').inc()
  }

  const outcomes = await mapConcurrently(toSend, settings.concurrency, (message) =>
    sendOne(deps, settings, message),
  )
  const recorded = new Set(await recordOutcomes(deps.database.db, outcomes))
  const overtaken = new Set(
    await recordAcceptedAfterReceipt(
      deps.database.db,
      outcomes.flatMap((o) =>
        o.status === 'sent' && !recorded.has(o.id) && o.provider
          ? [{ id: o.id, attempts: o.attempts, provider: o.provider, providerMessageId: o.providerMessageId }]
          : [],
      ),
    ),
  )
  const now = Date.now()
  for (const [index, outcome] of outcomes.entries()) {
    const message = toSend[index] as ClaimedMessage
    if (!recorded.has(outcome.id) && !overtaken.has(outcome.id)) {
      report.stale++
      continue
    }
    const provider = outcome.provider ?? 'none'
    const labels = [message.channel, message.kind, provider] as const
    if (outcome.status === 'sent' || outcome.status === 'delivered') {
      report[outcome.status]++
      deps.metrics?.messages.labels(...labels, outcome.status).inc()
      deps.metrics?.messageLatency
        .labels(message.channel, message.kind)
        .observe(Math.max(0, now - message.createdAtMs) / 1000)
    } else if (outcome.status === 'queued') {
      report.retried++
      deps.metrics?.messages.labels(...labels, 'retry').inc()
    } else {
      report.failed++
      deps.metrics?.messages.labels(...labels, outcome.failureKind ?? 'failed').inc()
    }
  }
  deps.metrics?.dispatchBatchDuration.observe((performance.now() - started) / 1000)
  if (report.stale > 0)
    deps.log.warn({ stale: report.stale }, 'outcomes arrived after their messages were swept')
  return report
}

async function sendOne(
  deps: DispatcherDeps,
  settings: DispatcherOptions,
  message: ClaimedMessage,
): Promise<MessageOutcome> {
  const base = { id: message.id, attempts: message.attempts }
  // The inbox is the database itself: queued → delivered, nothing to call.
  if (message.channel === 'inbox') return { ...base, status: 'delivered', provider: 'inbox' }
  let result: SendResult
  const transport = message.channel === 'sms' ? deps.channels.sms : deps.channels.email
  try {
    result =
      message.channel === 'sms'
        ? await deps.channels.sms.send({
            messageId: message.id,
            to: message.recipient,
            text: message.body,
            kind: message.kind,
          })
        : await deps.channels.email.send({
            messageId: message.id,
            to: message.recipient,
            subject: message.subject ?? '',
            text: message.body,
            html: message.html ?? '',
            kind: message.kind,
          })
  } catch (error) {
    // A transport should answer `retry` rather than throw; if it throws anyway, treat it as transient.
    const summary = errorSummary(error)
    deps.log.warn(
      { messageId: message.id, channel: message.channel, error: { type: summary.type, code: summary.code } },
      'transport threw; the message will be retried',
    )
    result = { outcome: 'retry', provider: transport.name, reason: `threw ${summary.code ?? summary.type}` }
  }
  switch (result.outcome) {
    case 'accepted':
      return {
        ...base,
        status: 'sent',
        provider: result.provider,
        providerMessageId: result.providerMessageId,
      }
    case 'rejected':
      return {
        ...base,
        status: 'failed',
        failureKind: 'rejected',
        provider: result.provider,
        lastError: gatewayError(result.provider, result.reason),
      }
    case 'retry':
      if (message.attempts >= message.maxAttempts)
        return {
          ...base,
          status: 'failed',
          failureKind: 'dead_letter',
          provider: result.provider,
          lastError: gatewayError(result.provider, result.reason),
        }
      return {
        ...base,
        status: 'queued',
        provider: result.provider,
        lastError: gatewayError(result.provider, result.reason),
        retryInMs: retryDelayMs(message.attempts, settings, settings.random),
      }
  }
}

/** `last_error` keeps what the gateway said (status, code), bounded; transports never put the text in `reason`. */
function gatewayError(provider: string, reason: string): string {
  return `${provider}: ${reason}`.slice(0, 200)
}

async function mapConcurrently<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const lanes = Array.from({ length: Math.min(Math.max(1, limit), items.length) }, async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T)
    }
  })
  await Promise.all(lanes)
  return results
}

export type Dispatcher = {
  /** Wakes the loop now (call after committing a transaction that queued a message). */
  kick(): void
  /** Finishes the batch in flight, then stops. */
  stop(): Promise<void>
}

/** Runs `dispatchBatch` in a loop until stopped: at once while batches come back full, else every poll interval or on a kick. */
export function startDispatcher(deps: DispatcherDeps, options: Partial<DispatcherOptions> = {}): Dispatcher {
  const settings = { ...defaultDispatcherOptions, ...options }
  let stopped = false
  let kicked = false
  let wake: (() => void) | undefined
  let lastDepthSample = 0

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wake = undefined
        resolve()
      }
      wake = done
    })

  async function sampleQueueDepth() {
    if (!deps.metrics || Date.now() - lastDepthSample < settings.queueDepthSampleMs) return
    lastDepthSample = Date.now()
    const counts = await countQueuedByChannel(deps.database.db)
    for (const channel of messageChannels)
      deps.metrics.outboxQueued.labels(channel).set(counts.get(channel) ?? 0)
  }

  async function loop() {
    let failures = 0
    while (!stopped) {
      kicked = false
      let full = false
      try {
        const report = await dispatchBatch(deps, settings)
        full = report.claimed >= settings.batchSize
        await sampleQueueDepth()
        failures = 0
      } catch (error) {
        // Database unreachable, most likely: keep trying, more slowly, without flooding the log.
        failures++
        if (failures <= 3 || failures % 100 === 0)
          deps.log.error({ error: errorSummary(error), failures }, 'outbox dispatch failed')
      }
      if (stopped || (full && failures === 0) || kicked) continue
      await sleep(
        failures > 0 ? Math.min(30_000, settings.pollIntervalMs * 2 ** failures) : settings.pollIntervalMs,
      )
    }
  }

  const running = loop()
  return {
    kick: () => {
      kicked = true
      wake?.()
    },
    stop: async () => {
      stopped = true
      wake?.()
      await running
    },
  }
}

/** Returns abandoned `sending` messages to the queue; run by the scheduler and once when workers start. */
export async function sweepStuckMessages(
  deps: Pick<DispatcherDeps, 'database' | 'log'>,
  olderThanMs: number = defaultSendingTimeoutMs,
): Promise<{ requeued: number; deadLettered: number }> {
  const result = await requeueStuckSending(deps.database.db, olderThanMs)
  if (result.requeued > 0 || result.deadLettered > 0)
    deps.log.warn(result, 'messages stuck in sending were swept')
  return result
}

/** Blanks old SMS and e-mail texts (scheduled daily). */
export async function pruneOldMessageBodies(
  deps: Pick<DispatcherDeps, 'database' | 'log'>,
  olderThanDays: number = sentBodyRetentionDays,
): Promise<number> {
  const pruned = await pruneSentBodies(deps.database.db, { olderThanDays })
  if (pruned > 0) deps.log.info({ pruned }, 'old message texts blanked')
  return pruned
}
