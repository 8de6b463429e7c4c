import { MessageKind } from '@ansinh/domain'
import { sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../db/client'
import { isUuid } from '../../platform/ids'

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

export type ReceiptInput = {
  messageId?: string | undefined
  providerMessageId?: string | undefined
  status: 'delivered' | 'undelivered' | 'other'
}

/** Per receipt, in order: the message it names (null when none) and what the batch did to it. */
export type ReceiptEffect = {
  id: string
  kind: string
  /** Status before the batch. */
  before: string
  /** Status after the batch, when the batch changed the message; null when it did not. */
  after: 'delivered' | 'failed' | null
  sentAt: Date | null
} | null

/**
 * Applies one request's receipts in a single statement (so a batch of 1000 is one round trip, not
 * 2000). A receipt names its SMS by our id (which we sent as `{{id}}`) or by the id the gateway gave
 * back. Only messages of that provider match — a gateway can never touch another gateway's messages —
 * except one still `sending` (the receipt may beat the dispatcher recording who accepted it) or one
 * `queued` for a retry after an attempt whose outcome was unclear (a timeout: the gateway took it after
 * all); those match by our id only, which a gateway knows only because we sent it the message.
 *
 * Moves, forward only, guarded in the WHERE clause so that a repeated or racing receipt changes nothing:
 * - delivered: `queued | sending | sent | failed(undelivered)` → `delivered` (a queued retry is thereby
 *   cancelled);
 * - undelivered: `sent` → `failed(undelivered)`. Not a `sending` or `queued` message: that receipt may be
 *   about an earlier attempt, and must not fail the one in flight or the retry to come.
 * When one batch holds both for a message, delivered wins.
 */
export async function applySmsReceipts(
  db: Executor,
  provider: string,
  receipts: ReceiptInput[],
  at: Date,
): Promise<ReceiptEffect[]> {
  if (receipts.length === 0) return []
  const payload = JSON.stringify(
    receipts.map((receipt, idx) => {
      const messageId = receipt.messageId && isUuid(receipt.messageId) ? receipt.messageId : null
      return {
        idx,
        message_id: messageId,
        // Our id, when valid, names the message; the gateway's id is only used without it.
        provider_message_id: messageId ? null : (receipt.providerMessageId ?? null),
        status: receipt.status,
      }
    }),
  )
  const now = sql`${at.toISOString()}::timestamptz`
  const rows = await queryRows<{
    idx: number
    id: string
    kind: string
    before: string
    after: 'delivered' | 'failed' | null
    sent_at: string | Date | null
  }>(
    db,
    sql`
      with r as (
        select * from jsonb_to_recordset(${payload}::jsonb)
          as r(idx integer, message_id uuid, provider_message_id text, status text)
      ),
      matched as (
        select r.idx, r.status as receipt, m.id, m.kind, m.status as before
        from r join messages m on m.id = r.message_id
        where m.channel = 'sms'
          and (m.provider = ${provider} or m.status = 'sending' or (m.status = 'queued' and m.attempts > 0))
        union all
        (select distinct on (r.idx) r.idx, r.status, m.id, m.kind, m.status
         from r join messages m on m.provider = ${provider} and m.provider_message_id = r.provider_message_id
         where r.message_id is null and m.channel = 'sms'
         order by r.idx, m.created_at desc)
      ),
      decided as (
        select id, bool_or(receipt = 'delivered') as delivered, bool_or(receipt = 'undelivered') as undelivered
        from matched group by id
      ),
      updated as (
        update messages m set
          status = case when d.delivered then 'delivered' else 'failed' end,
          failure_kind = case when d.delivered then null else 'undelivered' end,
          delivered_at = case when d.delivered then ${now} else m.delivered_at end,
          provider = ${provider},
          sent_at = coalesce(m.sent_at, ${now}),
          sending_since = null
        from decided d
        where m.id = d.id and (
          (d.delivered and (m.status in ('queued', 'sending', 'sent')
                            or (m.status = 'failed' and m.failure_kind = 'undelivered')))
          or (not d.delivered and d.undelivered and m.status = 'sent'))
        returning m.id, m.status, m.sent_at
      )
      select mt.idx, mt.id, mt.kind, mt.before, u.status as after, u.sent_at
      from matched mt left join updated u on u.id = mt.id
      order by mt.idx`,
  )
  const effects: ReceiptEffect[] = receipts.map(() => null)
  for (const row of rows) {
    effects[Number(row.idx)] = {
      id: row.id,
      kind: row.kind,
      before: row.before,
      after: row.after,
      sentAt: row.sent_at === null ? null : new Date(row.sent_at),
    }
  }
  return effects
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
