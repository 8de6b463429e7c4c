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
  pruneSecretBodies,
  pruneSentBodies,
  recordAcceptedAfterReceipt,
  recordOutcomes,
  requeueStuckSending,
} from './repo'

/**
 * The outbox dispatcher. Services write messages in the same transaction as the change that causes
 * them (status `queued`); this loop claims due ones (`FOR UPDATE SKIP LOCKED`, marking them `sending`
 * in one short statement), sends each through its channel's transport outside any transaction, and
 * records each outcome as soon as it arrives (outcomes arriving together share one statement).
 *
 * It claims no more messages than it has free lanes (`concurrency`), and claims again as soon as a
 * lane frees up: a message is `sending` only for the time of its own send, never while it waits
 * behind others, so the sweeper's timeout only has to exceed one send's worst case (checked at start),
 * and a new message never waits for a whole batch to finish. Urgent messages (OTPs, anything with an
 * expiry) are claimed first.
 *
 * A crash between sending and recording leaves messages in `sending`; the sweeper gives them back to
 * the queue and the retry carries the same message id, which is the key gateways dedupe on. It polls
 * (OTPs must not wait for a cron tick) and can be woken at once with `kick()` after a commit.
 */

export type DispatcherDeps = {
  database: DatabaseHandle
  channels: Channels
  log: BaseLogger
  metrics?: Metrics
}

export type DispatcherOptions = {
  /** Most messages one claim takes; a claim never takes more than the free lanes either. */
  batchSize: number
  /** Sends in flight at once (gateways answer in tens to hundreds of milliseconds). */
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
  /** The sweeper's timeout (see `defaultSendingTimeoutMs`): must be the value the sweeper uses. */
  sendingTimeoutMs: number
  /**
   * The longest one send can take: for a transport that fails over between gateways, the sum of
   * their timeouts. Unset: taken from the transports' `maxSendMs` when they declare it.
   */
  maxSendMs: number | undefined
}

export const defaultDispatcherOptions: DispatcherOptions = {
  batchSize: 100,
  concurrency: 8,
  pollIntervalMs: 500,
  retryBaseMs: 5_000,
  retryMaxMs: 60 * 60_000,
  queueDepthSampleMs: 5_000,
  random: Math.random,
  sendingTimeoutMs: 2 * 60_000,
  maxSendMs: undefined,
}

/**
 * How long a message may stay in `sending` before the sweeper assumes its dispatcher died. A message
 * is claimed just before its own send and its outcome recorded as soon as it arrives, so this must
 * comfortably exceed one send's worst case (`sendingTimeoutSafetyFactor` × `maxSendMs`), or a slow
 * send is swept while still in flight and sent again.
 */
export const defaultSendingTimeoutMs = defaultDispatcherOptions.sendingTimeoutMs
export const sendingTimeoutSafetyFactor = 2

/** SMS and e-mail texts are blanked this long after sending (see `pruneSentBodies`). */
export const sentBodyRetentionDays = 30

/** A transport may say how long one send can take at worst (all its gateways timing out in turn). */
type WithMaxSend = { readonly maxSendMs?: number }

/**
 * Throws when the sending timeout does not comfortably exceed the worst case of one send; returns
 * that worst case, or undefined when neither the options nor the transports say what it is.
 */
export function checkSendingTimeout(
  channels: Channels,
  options: Pick<DispatcherOptions, 'sendingTimeoutMs' | 'maxSendMs'>,
): number | undefined {
  const declared = [channels.sms, channels.email]
    .map((transport) => (transport as WithMaxSend).maxSendMs)
    .filter((ms): ms is number => typeof ms === 'number')
  const maxSendMs = options.maxSendMs ?? (declared.length > 0 ? Math.max(...declared) : undefined)
  if (maxSendMs !== undefined && options.sendingTimeoutMs < sendingTimeoutSafetyFactor * maxSendMs)
    throw new Error(
      `outbox misconfigured: the sending timeout (${options.sendingTimeoutMs} ms) must be at least ` +
        `${sendingTimeoutSafetyFactor} × the longest a send can take (${maxSendMs} ms, every gateway ` +
        'timing out in turn), or slow sends are swept while in flight and sent twice',
    )
  return maxSendMs
}

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

const emptyReport = (): BatchReport => ({
  claimed: 0,
  sent: 0,
  delivered: 0,
  retried: 0,
  failed: 0,
  expired: 0,
  stale: 0,
})

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

/**
 * Sends claimed messages in lanes and records each outcome as it arrives. Outcomes that arrive while
 * a record statement runs are recorded together by the next one.
 */
function createLanes(deps: DispatcherDeps, settings: DispatcherOptions, report: BatchReport) {
  let inFlight = 0
  const tasks = new Set<Promise<void>>()
  const pending: { message: ClaimedMessage; outcome: MessageOutcome }[] = []
  let recording: Promise<void> | undefined
  let onLaneFree: (() => void) | undefined

  async function drainPending() {
    while (pending.length > 0) {
      const group = pending.splice(0)
      try {
        await recordGroup(deps, group, report)
      } catch (error) {
        // The messages stay in `sending`: the sweeper gives them back and they are sent again (same id).
        deps.log.error({ err: error, messages: group.length }, 'outbox outcomes could not be recorded')
      }
    }
  }

  function record(message: ClaimedMessage, outcome: MessageOutcome): Promise<void> {
    pending.push({ message, outcome })
    if (!recording)
      recording = drainPending().finally(() => {
        recording = undefined
      })
    return recording
  }

  /** Claims up to `limit` due messages and starts sending them; resolves once claimed. */
  async function claim(limit: number): Promise<number> {
    const started = performance.now()
    const claimed = await claimDueMessages(deps.database.db, limit)
    report.claimed += claimed.length
    const sends: Promise<void>[] = []
    for (const message of claimed) {
      if (message.status === 'failed') {
        report.expired++
        deps.metrics?.messages.labels(message.channel, message.kind, 'none', 'expired').inc()
        continue
      }
      inFlight++
      const task: Promise<void> = sendOne(deps, settings, message)
        .then((outcome) => record(message, outcome))
        .finally(() => {
          inFlight--
          tasks.delete(task)
          onLaneFree?.()
        })
      tasks.add(task)
      sends.push(task)
    }
    if (sends.length > 0 && deps.metrics) {
      const observe = () => deps.metrics?.dispatchBatchDuration.observe((performance.now() - started) / 1000)
      void Promise.all(sends).then(observe, observe)
    }
    return claimed.length
  }

  return {
    claim,
    inFlight: () => inFlight,
    onLaneFree: (callback: () => void) => {
      onLaneFree = callback
    },
    /** Resolves once every send started has been answered and recorded. */
    settled: async () => {
      while (tasks.size > 0) await Promise.allSettled([...tasks])
    },
  }
}

async function recordGroup(
  deps: DispatcherDeps,
  group: { message: ClaimedMessage; outcome: MessageOutcome }[],
  report: BatchReport,
): Promise<void> {
  const outcomes = group.map((entry) => entry.outcome)
  const recorded = new Map(
    (await recordOutcomes(deps.database.db, outcomes)).map((row) => [row.id, row.latencyMs]),
  )
  const overtaken = new Map(
    (
      await recordAcceptedAfterReceipt(
        deps.database.db,
        outcomes.flatMap((o) =>
          o.status === 'sent' && !recorded.has(o.id) && o.provider
            ? [
                {
                  id: o.id,
                  attempts: o.attempts,
                  provider: o.provider,
                  providerMessageId: o.providerMessageId,
                },
              ]
            : [],
        ),
      )
    ).map((row) => [row.id, row.latencyMs]),
  )
  let stale = 0
  for (const { message, outcome } of group) {
    if (!recorded.has(outcome.id) && !overtaken.has(outcome.id)) {
      stale++
      continue
    }
    const provider = outcome.provider ?? 'none'
    const labels = [message.channel, message.kind, provider] as const
    if (outcome.status === 'sent' || outcome.status === 'delivered') {
      report[outcome.status]++
      deps.metrics?.messages.labels(...labels, outcome.status).inc()
      // Queued → sent, both ends on the database clock.
      const latencyMs = recorded.get(outcome.id) ?? overtaken.get(outcome.id)
      if (latencyMs !== null && latencyMs !== undefined)
        deps.metrics?.messageLatency
          .labels(message.channel, message.kind)
          .observe(Math.max(0, latencyMs) / 1000)
    } else if (outcome.status === 'queued') {
      report.retried++
      deps.metrics?.messages.labels(...labels, 'retry').inc()
    } else {
      report.failed++
      deps.metrics?.messages.labels(...labels, outcome.failureKind ?? 'failed').inc()
    }
  }
  report.stale += stale
  if (stale > 0) deps.log.warn({ stale }, 'outcomes arrived after their messages were swept')
}

/**
 * Dispatches up to `batchSize` due messages through `concurrency` lanes (claiming one message per
 * free lane, again as lanes free up), records each outcome as it arrives, and resolves when all are
 * recorded or nothing more is due.
 */
export async function dispatchBatch(
  deps: DispatcherDeps,
  options: Partial<DispatcherOptions> = {},
): Promise<BatchReport> {
  const settings = { ...defaultDispatcherOptions, ...options }
  const report = emptyReport()
  const lanes = createLanes(deps, settings, report)
  let laneFree: () => void = () => {}
  lanes.onLaneFree(() => laneFree())
  const concurrency = Math.max(1, settings.concurrency)
  while (report.claimed < settings.batchSize) {
    const free = concurrency - lanes.inFlight()
    if (free <= 0) {
      await new Promise<void>((resolve) => {
        laneFree = resolve
      })
      continue
    }
    const limit = Math.min(free, settings.batchSize - report.claimed)
    if ((await lanes.claim(limit)) < limit) break
  }
  await lanes.settled()
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

export type Dispatcher = {
  /** Wakes the loop now (call after committing a transaction that queued a message). */
  kick(): void
  /** Stops claiming, waits for the sends in flight and records them, then resolves. */
  stop(): Promise<void>
}

/**
 * Keeps up to `concurrency` sends in flight: claims as many due messages as it has free lanes, again
 * as soon as a lane frees up while the queue has more, else every poll interval or on a kick. Throws
 * at once when the sending timeout is too short for the transports (see `checkSendingTimeout`).
 */
export function startDispatcher(deps: DispatcherDeps, options: Partial<DispatcherOptions> = {}): Dispatcher {
  const settings = { ...defaultDispatcherOptions, ...options }
  const maxSendMs = checkSendingTimeout(deps.channels, settings)
  if (maxSendMs === undefined)
    deps.log.info(
      { sendingTimeoutMs: settings.sendingTimeoutMs },
      'outbox transports declare no worst-case send time: the sending timeout cannot be checked',
    )
  let stopped = false
  let kicked = false
  let wake: (() => void) | undefined
  let wakeOnLaneFree = false
  let lastDepthSample = 0
  const lanes = createLanes(deps, settings, emptyReport())
  lanes.onLaneFree(() => {
    if (wakeOnLaneFree) wake?.()
  })

  const sleep = (ms: number, untilLaneFree: boolean) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wake = undefined
        wakeOnLaneFree = false
        resolve()
      }
      wake = done
      wakeOnLaneFree = untilLaneFree
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
      let moreDue = false
      const free = settings.concurrency - lanes.inFlight()
      if (free > 0) {
        try {
          const limit = Math.min(free, settings.batchSize)
          moreDue = (await lanes.claim(limit)) >= limit
          await sampleQueueDepth()
          failures = 0
        } catch (error) {
          // Database unreachable, most likely: keep trying, more slowly, without flooding the log.
          failures++
          if (failures <= 3 || failures % 100 === 0)
            deps.log.error({ err: error, failures }, 'outbox dispatch failed')
        }
      } else moreDue = true
      if (stopped || kicked) continue
      if (failures > 0) await sleep(Math.min(30_000, settings.pollIntervalMs * 2 ** failures), false)
      else if (moreDue && lanes.inFlight() < settings.concurrency) continue
      // Full: claim again when a lane frees up. Nothing more due: when kicked or at the next poll.
      else await sleep(settings.pollIntervalMs, moreDue)
    }
    await lanes.settled()
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
  deps: Pick<DispatcherDeps, 'database' | 'log' | 'metrics'>,
  olderThanMs: number = defaultSendingTimeoutMs,
): Promise<{ requeued: number; deadLettered: number }> {
  const swept = await requeueStuckSending(deps.database.db, olderThanMs)
  for (const message of swept.deadLettered)
    deps.metrics?.messages.labels(message.channel, message.kind, 'none', 'dead_letter').inc()
  const result = { requeued: swept.requeued, deadLettered: swept.deadLettered.length }
  if (result.requeued > 0 || result.deadLettered > 0)
    deps.log.warn(result, 'messages stuck in sending were swept')
  return result
}

/** Blanks the texts of finished OTP and password messages created lately (scheduled every few minutes). */
export async function pruneRecentSecretBodies(
  deps: Pick<DispatcherDeps, 'database' | 'log'>,
  createdWithinHours = 48,
): Promise<number> {
  const pruned = await pruneSecretBodies(deps.database.db, { createdWithinHours })
  if (pruned > 0) deps.log.info({ pruned }, 'one-time codes and passwords blanked')
  return pruned
}

/** Blanks secret texts once done and other SMS and e-mail texts once old (scheduled daily). */
export async function pruneOldMessageBodies(
  deps: Pick<DispatcherDeps, 'database' | 'log'>,
  olderThanDays: number = sentBodyRetentionDays,
): Promise<number> {
  const pruned = await pruneSentBodies(deps.database.db, { olderThanDays })
  if (pruned > 0) deps.log.info({ pruned }, 'old message texts blanked')
  return pruned
}
