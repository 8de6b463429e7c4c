import { sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../db/client'

/**
 * The in-app inbox (hộp thư): `messages` rows of channel `inbox` owned by a citizen account. Every
 * query filters on the owner, so one person's messages never answer another's request. The partial
 * index `messages_inbox_idx (citizen_account_id, created_at) where channel = 'inbox'` serves them.
 */

export type InboxRow = {
  id: string
  kind: string
  subject: string | null
  body: string
  createdAt: Date
  readAt: Date | null
  /** `created_at` to the microsecond, as PostgreSQL writes it: the keyset cursor must not lose precision. */
  createdAtExact: string
}

/** One page, newest first; `after` is the (created_at, id) of the last row of the previous page. */
export async function selectInboxPage(
  db: Executor,
  accountId: number,
  options: { limit: number; after?: { createdAt: string; id: string } | undefined },
): Promise<InboxRow[]> {
  const after = options.after
  const rows = await queryRows<InboxRow & { createdAt: Date | string; readAt: Date | string | null }>(
    db,
    sql`
      select id, kind, subject, body, created_at as "createdAt", read_at as "readAt",
        to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAtExact"
      from messages
      where channel = 'inbox' and citizen_account_id = ${accountId}
        ${after ? sql`and (created_at, id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : sql``}
      order by created_at desc, id desc
      limit ${options.limit}`,
  )
  return rows.map((row) => ({
    ...row,
    createdAt: new Date(row.createdAt),
    readAt: row.readAt === null ? null : new Date(row.readAt),
  }))
}

export async function countUnread(db: Executor, accountId: number): Promise<number> {
  const [row] = await queryRows<{ unread: number | string }>(
    db,
    sql`
      select count(*) as unread from messages
      where channel = 'inbox' and citizen_account_id = ${accountId} and read_at is null`,
  )
  return Number(row?.unread ?? 0)
}

/**
 * Marks one of the account's inbox messages read; reading it again keeps the first time. Returns
 * nothing when the message does not exist or is someone else's: the caller answers both the same way.
 */
export async function markInboxMessageRead(
  db: Executor,
  accountId: number,
  messageId: string,
  now: Date,
): Promise<{ id: string; readAt: Date } | undefined> {
  const [row] = await queryRows<{ id: string; readAt: Date | string }>(
    db,
    sql`
      update messages set read_at = coalesce(read_at, ${now.toISOString()}::timestamptz)
      where id = ${messageId}::uuid and channel = 'inbox' and citizen_account_id = ${accountId}
      returning id, read_at as "readAt"`,
  )
  return row ? { id: row.id, readAt: new Date(row.readAt) } : undefined
}
