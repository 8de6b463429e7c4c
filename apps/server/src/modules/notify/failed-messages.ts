import { maskEmail, maskMobilePhone } from '@ansinh/domain'
import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { messages } from '../../db/schema/notify'
import { DomainError } from '../../platform/errors'

/**
 * The operator's view of messages that did not get through (trạng thái lỗi): what failed, why and
 * how often, with the recipient masked — an operator needs to see a pattern (one gateway, one kind),
 * not whom it was for. The back-office screen and its route arrive with staff sign-in; these are the
 * use cases they call.
 */

export type FailedMessageView = {
  id: string
  kind: string
  channel: 'sms' | 'email' | 'inbox'
  recipient: string // masked
  failureKind: string | null
  attempts: number
  provider: string | null
  lastError: string | null
  createdAt: Date
  retryable: boolean
}

/** Failures worth a second try: the gateway gave up or never delivered. A rejected number stays rejected. */
const retryableKinds = ['dead_letter', 'undelivered'] as const

function maskRecipient(channel: string, recipient: string): string {
  if (channel === 'sms') return maskMobilePhone(recipient)
  if (channel === 'email') return maskEmail(recipient)
  return '***'
}

export async function listFailedMessages(
  db: Executor,
  options: { limit: number; before?: Date | undefined; now: Date },
): Promise<FailedMessageView[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(eq(messages.status, 'failed'), options.before ? lt(messages.createdAt, options.before) : undefined),
    )
    .orderBy(desc(messages.createdAt))
    .limit(options.limit)
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    recipient: maskRecipient(row.channel, row.recipient),
    failureKind: row.failureKind,
    attempts: row.attempts,
    provider: row.provider,
    lastError: row.lastError,
    createdAt: row.createdAt,
    retryable: isRetryable(row, options.now),
  }))
}

function isRetryable(row: { failureKind: string | null; expiresAt: Date | null }, now: Date): boolean {
  const kind = row.failureKind as (typeof retryableKinds)[number] | null
  return kind !== null && retryableKinds.includes(kind) && (row.expiresAt === null || row.expiresAt > now)
}

/**
 * Puts a failed message back in the queue with three more tries. The same id goes out again, so a
 * gateway that did deliver the first time dedupes it. An expired message (an OTP) is not resent:
 * the person must ask for a new one.
 */
export async function retryFailedMessage(db: Executor, id: string, now: Date): Promise<void> {
  const updated = await db
    .update(messages)
    .set({
      status: 'queued',
      failureKind: null,
      nextAttemptAt: now,
      sendingSince: null,
      maxAttempts: sql`${messages.attempts} + 3`,
    })
    .where(
      and(
        eq(messages.id, id),
        eq(messages.status, 'failed'),
        inArray(messages.failureKind, [...retryableKinds]),
        or(isNull(messages.expiresAt), gt(messages.expiresAt, now)),
      ),
    )
    .returning({ id: messages.id })
  if (updated.length === 0) {
    throw new DomainError('CONFLICT', 'message is not a retryable failure', {
      userMessage: {
        vi: 'Tin nhắn này không thể gửi lại (không ở trạng thái lỗi, bị từ chối hoặc đã hết hạn).',
        en: 'This message cannot be resent (it has not failed, was rejected, or has expired).',
      },
    })
  }
}
