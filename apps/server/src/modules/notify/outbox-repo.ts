import { and, desc, eq, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { messages } from '../../db/schema/notify'

/** Writing messages into the outbox and reading them back by recipient. The dispatcher's SQL is in repo.ts. */

export type NewMessage = typeof messages.$inferInsert

const queuedColumns = {
  id: messages.id,
  kind: messages.kind,
  channel: messages.channel,
  recipient: messages.recipient,
  status: messages.status,
  smsEncoding: messages.smsEncoding,
  smsSegments: messages.smsSegments,
  createdAt: messages.createdAt,
}

export type QueuedRow = {
  id: string
  kind: string
  channel: 'sms' | 'email' | 'inbox'
  recipient: string
  status: 'queued' | 'sending' | 'sent' | 'delivered' | 'failed'
  smsEncoding: 'gsm7' | 'ucs2' | null
  smsSegments: number | null
  createdAt: Date
}

/**
 * Inserts one message. With a `dedupeKey` already taken (by a transaction that committed meanwhile)
 * nothing is inserted and `undefined` comes back: the caller then reads the existing message.
 */
export async function insertMessage(tx: Executor, message: NewMessage): Promise<QueuedRow | undefined> {
  const [row] = await tx
    .insert(messages)
    .values(message)
    .onConflictDoNothing({ target: messages.dedupeKey, where: sql`${messages.dedupeKey} is not null` })
    .returning(queuedColumns)
  return row
}

export async function findMessageByDedupeKey(
  db: Executor,
  dedupeKey: string,
): Promise<QueuedRow | undefined> {
  const [row] = await db
    .select(queuedColumns)
    .from(messages)
    .where(eq(messages.dedupeKey, dedupeKey))
    .limit(1)
  return row
}

export type RecipientMessage = QueuedRow & {
  language: 'vi' | 'en'
  subject: string | null
  body: string
  sentAt: Date | null
  deliveredAt: Date | null
  failureKind: string | null
}

/** The latest messages to one recipient on one channel, newest first (index `messages_recipient_idx`). */
export async function listRecipientMessages(
  db: Executor,
  query: { channel: 'sms' | 'email' | 'inbox'; recipient: string; limit: number },
): Promise<RecipientMessage[]> {
  return db
    .select({
      ...queuedColumns,
      language: messages.language,
      subject: messages.subject,
      body: messages.body,
      sentAt: messages.sentAt,
      deliveredAt: messages.deliveredAt,
      failureKind: messages.failureKind,
    })
    .from(messages)
    .where(and(eq(messages.channel, query.channel), eq(messages.recipient, query.recipient)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(query.limit)
}
