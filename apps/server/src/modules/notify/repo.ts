import { type SQL, sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../db/client'
import type { messageChannels, messageFailureKinds } from '../../db/schema/notify'

export type MessageChannel = (typeof messageChannels)[number]
export type MessageFailureKind = (typeof messageFailureKinds)[number]

// ---------------------------------------------------------------------------------------------------
// Outbox dispatch: claim due messages, record what the gateway answered, sweep abandoned claims.
// ---------------------------------------------------------------------------------------------------

/** A message the dispatcher holds: status `sending` (to send now) or `failed` (expired while queued). */
export type ClaimedMessage = {
  id: string
  channel: MessageChannel
  kind: string
  recipient: string
  subject: string | null
  body: string
  html: string | null
  /** Attempts including this one; also the fencing token when the outcome is recorded. */
  attempts: number
  maxAttempts: number
  status: 'sending' | 'failed'
  createdAtMs: number
}

/**
 * Messages that are useless late (an OTP, anything with `expires_at`) are claimed before the rest, so
 * a burst of bulk e-mail never holds an OTP back. The same predicate must appear in both claims.
 */
const urgentMessage = sql`(expires_at is not null or kind = 'otp')`

/**
 * Claims up to `limit` due messages in one statement (its own short transaction): rows another
 * dispatcher has locked are skipped, so concurrent dispatchers never claim the same message. Urgent
 * messages (see `urgentMessage`) come first, each group in `next_attempt_at` order; the two groups
 * are disjoint, and the second only takes what the first left of `limit`. Claimed rows become
 * `sending` with their attempt counted; rows whose `expires_at` has passed become `failed`/`expired`
 * instead and are never sent.
 */
export async function claimDueMessages(db: Executor, limit: number): Promise<ClaimedMessage[]> {
  const rows = await queryRows<ClaimedMessage & { createdAtMs: number | string }>(
    db,
    sql`
      with urgent as (
        select id from messages
        where status = 'queued' and next_attempt_at <= now() and ${urgentMessage}
        order by next_attempt_at
        limit ${limit}
        for update skip locked
      ), bulk as (
        select id from messages
        where status = 'queued' and next_attempt_at <= now() and not ${urgentMessage}
        order by next_attempt_at
        limit greatest(0, ${limit}::int - (select count(*) from urgent))
        for update skip locked
      ), due as (
        select id from urgent union all select id from bulk
      )
      update messages m set
        status = case when m.expires_at <= now() then 'failed' else 'sending' end,
        failure_kind = case when m.expires_at <= now() then 'expired' end,
        sending_since = case when m.expires_at <= now() then null else now() end,
        attempts = case when m.expires_at <= now() then m.attempts else m.attempts + 1 end
      from due
      where m.id = due.id
      returning m.id, m.channel, m.kind, m.recipient, m.subject, m.body, m.html, m.attempts,
        m.max_attempts as "maxAttempts", m.status,
        (extract(epoch from m.created_at) * 1000)::float8 as "createdAtMs"`,
  )
  return rows.map((row) => ({ ...row, createdAtMs: Number(row.createdAtMs) }))
}

/** What became of one claimed message. `queued` is a retry `retryInMs` from now. */
export type MessageOutcome = {
  id: string
  attempts: number
  status: 'sent' | 'delivered' | 'queued' | 'failed'
  failureKind?: MessageFailureKind | undefined
  provider?: string | undefined
  providerMessageId?: string | undefined
  /** Gateway status or code only: never the message text or the recipient. */
  lastError?: string | undefined
  retryInMs?: number | undefined
}

/**
 * Records outcomes in one statement. A row is only updated while it is still `sending` with the same
 * attempt number: if the sweeper gave the message back to the queue meanwhile (and maybe another
 * dispatcher claimed it), this late answer is dropped rather than overwriting the newer attempt.
 * Returns the messages that were recorded, with the time from queueing to sending (`sent_at - created_at`,
 * both on the database clock) for those now sent or delivered.
 */
export async function recordOutcomes(db: Executor, outcomes: MessageOutcome[]): Promise<RecordedOutcome[]> {
  if (outcomes.length === 0) return []
  const payload = JSON.stringify(
    outcomes.map((o) => ({
      id: o.id,
      attempts: o.attempts,
      status: o.status,
      failure_kind: o.failureKind ?? null,
      provider: o.provider ?? null,
      provider_message_id: o.providerMessageId ?? null,
      last_error: o.lastError ?? null,
      retry_in_ms: o.retryInMs ?? 0,
    })),
  )
  const rows = await queryRows<RecordedRow>(
    db,
    sql`
      update messages m set
        status = o.status,
        failure_kind = o.failure_kind,
        provider = coalesce(o.provider, m.provider),
        provider_message_id = coalesce(o.provider_message_id, m.provider_message_id),
        last_error = coalesce(o.last_error, m.last_error),
        sending_since = null,
        sent_at = case when o.status in ('sent', 'delivered') then now() else m.sent_at end,
        delivered_at = case when o.status = 'delivered' then now() else m.delivered_at end,
        next_attempt_at = case
          when o.status = 'queued' then now() + o.retry_in_ms * interval '1 millisecond'
          else m.next_attempt_at end
      from jsonb_to_recordset(${payload}::jsonb) as o(
        id uuid, attempts integer, status text, failure_kind text, provider text,
        provider_message_id text, last_error text, retry_in_ms bigint)
      where m.id = o.id and m.status = 'sending' and m.attempts = o.attempts
      returning m.id, ${latencyMs} as "latencyMs"`,
  )
  return rows.map(asRecorded)
}

/** A recorded outcome; `latencyMs` is queued → sent, when the message was sent. */
export type RecordedOutcome = { id: string; latencyMs: number | null }

const latencyMs = sql`(extract(epoch from (m.sent_at - m.created_at)) * 1000)::float8`

type RecordedRow = { id: string; latencyMs: number | string | null }

function asRecorded(row: RecordedRow): RecordedOutcome {
  return { id: row.id, latencyMs: row.latencyMs === null ? null : Number(row.latencyMs) }
}

/**
 * For sends whose outcome `recordOutcomes` dropped: a delivery receipt can beat the dispatcher and
 * move the message from `sending` straight to `delivered` (or `undelivered`). Its status stands; only
 * the gateway's message id is filled in. Returns the messages that were such a case (their latency
 * runs to the receipt when no send time was recorded).
 */
export async function recordAcceptedAfterReceipt(
  db: Executor,
  accepted: { id: string; attempts: number; provider: string; providerMessageId?: string | undefined }[],
): Promise<RecordedOutcome[]> {
  if (accepted.length === 0) return []
  const payload = JSON.stringify(
    accepted.map((a) => ({
      id: a.id,
      attempts: a.attempts,
      provider: a.provider,
      provider_message_id: a.providerMessageId ?? null,
    })),
  )
  const rows = await queryRows<RecordedRow>(
    db,
    sql`
      update messages m set provider_message_id = coalesce(m.provider_message_id, o.provider_message_id)
      from jsonb_to_recordset(${payload}::jsonb) as o(
        id uuid, attempts integer, provider text, provider_message_id text)
      where m.id = o.id and m.attempts = o.attempts and m.provider = o.provider
        and (m.status = 'delivered' or (m.status = 'failed' and m.failure_kind = 'undelivered'))
      returning m.id,
        (extract(epoch from (coalesce(m.sent_at, m.delivered_at, now()) - m.created_at)) * 1000)::float8
          as "latencyMs"`,
  )
  return rows.map(asRecorded)
}

/**
 * Gives messages held in `sending` for longer than `olderThanMs` back to the queue: their dispatcher
 * died between claiming and recording. The retry carries the same message id, which gateways dedupe
 * on. A message that has already used all its attempts this way is dead-lettered instead, so a
 * message that crashes every worker that sends it cannot loop forever.
 */
export async function requeueStuckSending(
  db: Executor,
  olderThanMs: number,
): Promise<{ requeued: number; deadLettered: { channel: MessageChannel; kind: string }[] }> {
  const rows = await queryRows<{ status: string; channel: MessageChannel; kind: string }>(
    db,
    sql`
      update messages set
        status = case when attempts >= max_attempts then 'failed' else 'queued' end,
        failure_kind = case when attempts >= max_attempts then 'dead_letter' end,
        last_error = 'no outcome recorded: sending abandoned',
        sending_since = null,
        next_attempt_at = now()
      where status = 'sending'
        and sending_since < now() - ${olderThanMs} * interval '1 millisecond'
      returning status, channel, kind`,
  )
  const deadLettered = rows
    .filter((row) => row.status === 'failed')
    .map((row) => ({ channel: row.channel, kind: row.kind }))
  return { requeued: rows.length - deadLettered.length, deadLettered }
}

/** Queued messages per channel, for the queue-depth gauge (the partial index `messages_due_idx` covers it). */
export async function countQueuedByChannel(db: Executor): Promise<Map<MessageChannel, number>> {
  const rows = await queryRows<{ channel: MessageChannel; count: number | string }>(
    db,
    sql`select channel, count(*) as count from messages where status = 'queued' group by channel`,
  )
  return new Map(rows.map((row) => [row.channel, Number(row.count)]))
}

/** Kinds whose text is a secret (a one-time code, a temporary password): blanked as soon as they are done. */
export const secretMessageKinds = ['otp', 'account_created', 'password_reset_by_office'] as const

/**
 * Blanks the texts (body, html, subject) of secret-bearing SMS and e-mails (`secretMessageKinds`) once
 * they are final (sent, delivered, failed) or have expired while queued, without waiting for the
 * general retention. `createdWithinHours` bounds the scan for the frequent run (the SMS part then uses
 * `messages_sms_kind_created_idx`); the daily run passes nothing and catches up on everything.
 * Works in batches of `batchSize`, yielding to the event loop between them (PGlite runs in-process).
 */
export async function pruneSecretBodies(
  db: Executor,
  options: { batchSize?: number; createdWithinHours?: number } = {},
): Promise<number> {
  const recent =
    options.createdWithinHours === undefined
      ? sql``
      : sql`and created_at > now() - ${options.createdWithinHours} * interval '1 hour'`
  return inBatches(
    db,
    options.batchSize ?? 1000,
    (limit) => sql`
      update messages set body = '', html = null, subject = null
      where id in (
        select id from messages
        where channel in ('sms', 'email')
          and kind in (${sql.join(
            secretMessageKinds.map((kind) => sql`${kind}`),
            sql`, `,
          )})
          and (status in ('sent', 'delivered', 'failed') or (status = 'queued' and expires_at <= now()))
          and (body <> '' or html is not null or subject is not null)
          ${recent}
        limit ${limit}
      )
      returning id`,
  )
}

/**
 * Blanks the texts of SMS and e-mails: secret-bearing kinds at once (`pruneSecretBodies`), the rest
 * once sent more than `olderThanDays` ago (a case detail has no business staying in the database
 * either). Status, kind, provider and timings stay for reports; inbox messages are the citizen's to
 * keep and are not touched. Batches of `batchSize` rows, so no statement holds many row locks and
 * PGlite's event loop is never blocked for long. Returns the number of messages blanked.
 */
export async function pruneSentBodies(
  db: Executor,
  options: { olderThanDays: number; batchSize?: number },
): Promise<number> {
  const batchSize = options.batchSize ?? 1000
  const secrets = await pruneSecretBodies(db, { batchSize })
  const old = await inBatches(
    db,
    batchSize,
    (limit) => sql`
      update messages set body = '', html = null
      where id in (
        select id from messages
        where channel in ('sms', 'email') and status in ('sent', 'delivered') and body <> ''
          and sent_at < now() - ${options.olderThanDays} * interval '1 day'
        limit ${limit}
      )
      returning id`,
  )
  return secrets + old
}

/** Runs `statement(limit)` until it touches fewer than `limit` rows, yielding to the event loop in between. */
async function inBatches(db: Executor, limit: number, statement: (limit: number) => SQL): Promise<number> {
  let total = 0
  for (;;) {
    const rows = await queryRows<{ id: string }>(db, statement(limit))
    total += rows.length
    if (rows.length < limit) return total
    await new Promise(setImmediate)
  }
}
