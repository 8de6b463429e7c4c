import { MessageKind } from '@ansinh/domain'
import { sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../db/client'

/**
 * SQL behind delivery receipts, provider health and OTP delivery figures. Everything is read from
 * the `messages` outbox, which every process shares, so that all processes judge providers alike.
 */

export type ProviderDeliveryCounts = { provider: string; onTime: number; late: number }

/**
 * Per provider, the SMS it accepted since `since[provider]`: delivered within the deadline (on time)
 * or not (late: delivered after it, reported undelivered, or still without a receipt once the deadline
 * has passed). Messages still inside their deadline are not counted either way.
 */
export async function providerDeliveryCounts(
  db: Executor,
  providers: Array<{ name: string; since: Date }>,
  now: Date,
  deadlineMs: number,
): Promise<ProviderDeliveryCounts[]> {
  if (providers.length === 0) return []
  const deadline = sql`make_interval(secs => ${deadlineMs / 1000})`
  const windows = sql.join(
    providers.map((p) => sql`(${p.name}::text, ${p.since.toISOString()}::timestamptz)`),
    sql`, `,
  )
  const rows = await queryRows<{ provider: string; on_time: string | number; late: string | number }>(
    db,
    sql`
      select w.provider,
             count(*) filter (where m.delivered_at is not null and m.delivered_at - m.sent_at <= ${deadline}) as on_time,
             count(*) filter (where (m.delivered_at is not null and m.delivered_at - m.sent_at > ${deadline})
                                 or (m.delivered_at is null and m.status = 'failed')
                                 or (m.delivered_at is null and m.sent_at < ${now.toISOString()}::timestamptz - ${deadline})) as late
      from (values ${windows}) as w(provider, since)
      join messages m on m.provider = w.provider and m.sent_at >= w.since
      where m.channel = 'sms' and m.sent_at <= ${now.toISOString()}::timestamptz
      group by w.provider`,
  )
  return rows.map((row) => ({ provider: row.provider, onTime: Number(row.on_time), late: Number(row.late) }))
}

export type ReceiptTarget = {
  id: string
  status: string
  failureKind: string | null
  kind: string
  sentAt: Date | null
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The SMS a receipt speaks about: by our id (which we sent as `{{id}}`) or by the id the gateway gave
 * back. Only messages of that provider match — a gateway can never touch another gateway's messages —
 * except one still `sending`: the receipt may beat the dispatcher recording who accepted it (and a
 * `sending` row may still name the provider of an earlier, failed attempt).
 */
export async function findSmsForReceipt(
  db: Executor,
  provider: string,
  ids: { messageId?: string; providerMessageId?: string },
): Promise<ReceiptTarget | null> {
  const byId = ids.messageId && uuidPattern.test(ids.messageId) ? ids.messageId : undefined
  if (!byId && !ids.providerMessageId) return null
  const identity = byId
    ? sql`m.id = ${byId}::uuid`
    : sql`m.provider = ${provider} and m.provider_message_id = ${ids.providerMessageId}`
  const rows = await queryRows<{
    id: string
    status: string
    failure_kind: string | null
    kind: string
    sent_at: string | Date | null
  }>(
    db,
    sql`
      select m.id, m.status, m.failure_kind, m.kind, m.sent_at
      from messages m
      where ${identity} and m.channel = 'sms'
        and (m.provider = ${provider} or m.status = 'sending')
      limit 1`,
  )
  const row = rows[0]
  if (!row) return null
  return {
    id: row.id,
    status: row.status,
    failureKind: row.failure_kind,
    kind: row.kind,
    sentAt: row.sent_at === null ? null : new Date(row.sent_at),
  }
}

/**
 * `sending | sent | failed(undelivered)` → `delivered`. The guard in the WHERE clause makes it
 * idempotent and forward-only: a second receipt, or one racing the first, updates nothing.
 */
export async function markSmsDelivered(
  db: Executor,
  id: string,
  provider: string,
  at: Date,
): Promise<{ sentAt: Date | null } | null> {
  const rows = await queryRows<{ sent_at: string | Date | null }>(
    db,
    sql`
      update messages
      set status = 'delivered', failure_kind = null, delivered_at = ${at.toISOString()}::timestamptz,
          provider = ${provider}, sent_at = coalesce(sent_at, ${at.toISOString()}::timestamptz), sending_since = null
      where id = ${id}::uuid and (provider = ${provider} or status = 'sending')
        and (status in ('sending', 'sent') or (status = 'failed' and failure_kind = 'undelivered'))
      returning sent_at`,
  )
  const row = rows[0]
  if (!row) return null
  return { sentAt: row.sent_at === null ? null : new Date(row.sent_at) }
}

/** `sending | sent` → `failed` (undelivered); a delivered or otherwise failed message stays as it is. */
export async function markSmsUndelivered(
  db: Executor,
  id: string,
  provider: string,
  at: Date,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
      update messages
      set status = 'failed', failure_kind = 'undelivered',
          provider = ${provider}, sent_at = coalesce(sent_at, ${at.toISOString()}::timestamptz), sending_since = null
      where id = ${id}::uuid and (provider = ${provider} or status = 'sending') and status in ('sending', 'sent')
      returning id`,
  )
  return rows.length > 0
}

export type OtpDeliveryRow = {
  provider: string | null
  total: number
  delivered: number
  deliveredWithin10s: number
  failed: number
  pending: number
  p50Seconds: number | null
  p90Seconds: number | null
}

/**
 * OTP SMS created in `[since, until)`, overall and by provider (a `null` provider holds those no
 * gateway accepted). Latency runs from creation — when the citizen asked for the code — to the
 * delivery receipt, so queueing in our outbox counts too. Messages refused by our own per-recipient
 * limits never were meant to go out and are left out.
 */
export async function otpDeliveryRows(
  db: Executor,
  since: Date,
  until: Date,
): Promise<{ overall: OtpDeliveryRow; byProvider: OtpDeliveryRow[] }> {
  const rows = await queryRows<{
    overall: boolean
    provider: string | null
    total: string | number
    delivered: string | number
    within: string | number
    failed: string | number
    p50: string | number | null
    p90: string | number | null
  }>(
    db,
    sql`
      select grouping(m.provider) = 1 as overall, m.provider,
             count(*) as total,
             count(*) filter (where m.delivered_at is not null) as delivered,
             count(*) filter (where m.delivered_at is not null and m.delivered_at - m.created_at <= interval '10 seconds') as within,
             count(*) filter (where m.status = 'failed') as failed,
             percentile_cont(0.5) within group (order by extract(epoch from m.delivered_at - m.created_at))
               filter (where m.delivered_at is not null) as p50,
             percentile_cont(0.9) within group (order by extract(epoch from m.delivered_at - m.created_at))
               filter (where m.delivered_at is not null) as p90
      from messages m
      where m.channel = 'sms' and m.kind = ${MessageKind.Otp}
        and m.created_at >= ${since.toISOString()}::timestamptz and m.created_at < ${until.toISOString()}::timestamptz
        and m.failure_kind is distinct from 'rate_limited'
      group by grouping sets ((m.provider), ())
      order by m.provider nulls last`,
  )
  const toRow = (row: (typeof rows)[number]): OtpDeliveryRow => {
    const total = Number(row.total)
    const delivered = Number(row.delivered)
    const failed = Number(row.failed)
    return {
      provider: row.provider,
      total,
      delivered,
      deliveredWithin10s: Number(row.within),
      failed,
      pending: total - delivered - failed,
      p50Seconds: row.p50 === null ? null : Number(row.p50),
      p90Seconds: row.p90 === null ? null : Number(row.p90),
    }
  }
  const overall = rows.find((row) => row.overall)
  return {
    overall: overall
      ? toRow(overall)
      : {
          provider: null,
          total: 0,
          delivered: 0,
          deliveredWithin10s: 0,
          failed: 0,
          pending: 0,
          p50Seconds: null,
          p90Seconds: null,
        },
    byProvider: rows.filter((row) => !row.overall).map(toRow),
  }
}
