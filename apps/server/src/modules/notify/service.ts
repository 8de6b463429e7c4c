import {
  ErrorCode,
  type MessageKind,
  type MessageLanguage,
  type MessageVariables,
  messageTemplateInfo,
  normalizeEmail,
  normalizeMobilePhone,
  renderMessage,
} from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { DomainError, notFound } from '../../platform/errors'
import { isUuid } from '../../platform/ids'
import { countUnread, markInboxMessageRead, selectInboxPage } from './inbox-repo'
import {
  findMessageByDedupeKey,
  insertMessage,
  listRecipientMessages,
  type QueuedRow,
  type RecipientMessage,
} from './outbox-repo'
import {
  databaseCounters,
  defaultMessageLimits,
  enforceRecipientLimits,
  type MessageLimits,
  type RecipientCounters,
} from './rate-limits'

// ---------------------------------------------------------------------------------------------------
// Queueing (the transactional outbox)
// ---------------------------------------------------------------------------------------------------

type QueueMessageCommon<K extends MessageKind> = {
  kind: K
  /** Vietnamese unless the person chose English. */
  language?: MessageLanguage
  variables: MessageVariables[K]
  /** A use-case key (e.g. `dossier-received:<dossier id>`): the same key is queued at most once. */
  dedupeKey?: string
  /** After this the message is useless and is never sent (an OTP defaults to its validity). */
  expiresAt?: Date
}

export type QueueMessageInput<K extends MessageKind = MessageKind> = QueueMessageCommon<K> &
  (
    | { channel: 'sms' | 'email'; to: string; citizenAccountId?: number }
    | { channel: 'inbox'; citizenAccountId: number; to?: undefined }
  )

export type QueueOptions = {
  limits?: MessageLimits
  /** Where per-recipient counts live; the database (in the caller's transaction) by default. */
  counters?: RecipientCounters
  clock?: () => Date
}

/** What queueing answers; `deduplicated` when the dedupe key had already been queued (nothing new written). */
export type QueuedMessage = QueuedRow & { deduplicated: boolean }

/** The options a use case passes, from the composition root's config, clock and counters. */
export function queueOptionsFrom(
  deps: { config: { messageLimits: MessageLimits }; clock: () => Date },
  counters?: RecipientCounters,
): QueueOptions {
  return { limits: deps.config.messageLimits, clock: deps.clock, ...(counters ? { counters } : {}) }
}

// Thrown inside the savepoint when another transaction committed the same dedupe key first: rolls
// back this call's counting, then the existing message is returned.
class DedupeKeyTaken extends Error {}

/**
 * Renders a message and writes it to the outbox in the caller's transaction, so it is sent if and
 * only if the caller commits. Normalises the recipient (mobile `0xxxxxxxxx`, e-mail in lower case),
 * honours `dedupeKey`, and enforces the per-recipient limits: over a limit it throws `RATE_LIMITED`
 * and writes nothing (its own savepoint is rolled back, whatever the caller then does).
 */
export async function queueMessage<K extends MessageKind>(
  tx: Executor,
  input: QueueMessageInput<K>,
  options: QueueOptions = {},
): Promise<QueuedMessage> {
  const now = (options.clock ?? (() => new Date()))()
  const limits = options.limits ?? defaultMessageLimits
  const counters = options.counters ?? databaseCounters()
  const language = input.language ?? 'vi'
  const recipient = recipientOf(input)
  const rendered = renderMessage(input.kind, input.channel, language, input.variables)
  const expiresAt = input.expiresAt ?? defaultExpiry(input, now)

  if (input.dedupeKey) {
    const existing = await findMessageByDedupeKey(tx, input.dedupeKey)
    if (existing) return { ...existing, deduplicated: true }
  }
  try {
    // A savepoint (or a transaction, when called with the database itself).
    const row = await tx.transaction(async (savepoint) => {
      await enforceRecipientLimits(
        savepoint,
        counters,
        { kind: input.kind, channel: input.channel, recipient },
        limits,
        now,
      )
      const inserted = await insertMessage(savepoint, {
        kind: input.kind,
        channel: input.channel,
        language,
        recipient,
        citizenAccountId: input.citizenAccountId ?? null,
        subject: rendered.subject ?? null,
        body: rendered.text,
        html: rendered.html ?? null,
        smsEncoding: rendered.sms?.encoding ?? null,
        smsSegments: rendered.sms?.segments ?? null,
        dedupeKey: input.dedupeKey ?? null,
        expiresAt: expiresAt ?? null,
      })
      if (!inserted) throw new DedupeKeyTaken()
      return inserted
    })
    return { ...row, deduplicated: false }
  } catch (error) {
    if (!(error instanceof DedupeKeyTaken) || !input.dedupeKey) throw error
    const existing = await findMessageByDedupeKey(tx, input.dedupeKey)
    if (!existing) throw error
    return { ...existing, deduplicated: true }
  }
}

/**
 * The copy of a message to an account holder in their in-app inbox ("Thông báo"), in the caller's
 * transaction: the app keeps what the SMS said. Nothing for a kind without an inbox form (the
 * one-time password of a new account never stays in an inbox). The dedupe key, when given, is the
 * SMS's with `:inbox`, so a retried use case leaves one copy.
 */
export async function queueInboxCopy<K extends MessageKind>(
  tx: Executor,
  input: QueueMessageCommon<K> & { citizenAccountId: number },
  options: QueueOptions = {},
): Promise<void> {
  if (!messageTemplateInfo(input.kind).channels.includes('inbox')) return
  const { dedupeKey, ...message } = input
  await queueMessage(
    tx,
    { ...message, channel: 'inbox', ...(dedupeKey ? { dedupeKey: `${dedupeKey}:inbox` } : {}) },
    options,
  )
}

function recipientOf(input: QueueMessageInput<MessageKind>): string {
  if (input.channel === 'inbox') {
    if (!Number.isSafeInteger(input.citizenAccountId) || input.citizenAccountId <= 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'inbox message without a citizen account', {
        fields: { citizenAccountId: ['Tài khoản nhận không hợp lệ.'] },
      })
    }
    return String(input.citizenAccountId)
  }
  return normalizeRecipient(input.channel, input.to)
}

/** `+84 912 345 678` → `0912345678`; `An.Nguyen@Example.VN` → `an.nguyen@example.vn`. */
export function normalizeRecipient(channel: 'sms' | 'email', to: string): string {
  const parsed = channel === 'sms' ? normalizeMobilePhone(to) : normalizeEmail(to)
  if (!parsed.ok) {
    throw new DomainError(ErrorCode.ValidationFailed, `invalid ${channel} recipient`, {
      fields: { to: [parsed.error.message] },
    })
  }
  // Mailboxes are case-insensitive in practice; one form makes the dev outbox and the limits match.
  return channel === 'email' ? parsed.value.toLowerCase() : parsed.value
}

function defaultExpiry(input: QueueMessageInput<MessageKind>, now: Date): Date | undefined {
  if (input.kind !== 'otp') return undefined
  const minutes = (input.variables as { validMinutes?: number }).validMinutes ?? 5
  return new Date(now.getTime() + minutes * 60_000)
}

// ---------------------------------------------------------------------------------------------------
// In-app inbox (hộp thư). `inbox-routes.ts` serves them; these take the signed-in account id.
// ---------------------------------------------------------------------------------------------------

export type InboxItem = {
  id: string
  kind: string
  title: string
  text: string
  createdAt: Date
  readAt: Date | null
}

export type InboxPage = { items: InboxItem[]; nextCursor: string | null }

const CURSOR_PATTERN =
  /^\["(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)","([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"\]$/

function encodeCursor(createdAtExact: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAtExact, id])).toString('base64url')
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const match = CURSOR_PATTERN.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!match?.[1] || !match[2]) {
    throw new DomainError(ErrorCode.ValidationFailed, 'invalid inbox cursor', {
      fields: { cursor: ['Con trỏ trang không hợp lệ.'] },
    })
  }
  return { createdAt: match[1], id: match[2] }
}

/** The account's inbox, newest first, `limit` per page (1–100, default 20); keyset pagination. */
export async function listInbox(
  db: Executor,
  accountId: number,
  page: { cursor?: string | undefined; limit?: number | undefined } = {},
): Promise<InboxPage> {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? 20), 1), 100)
  const after = page.cursor ? decodeCursor(page.cursor) : undefined
  const rows = await selectInboxPage(db, accountId, { limit: limit + 1, after })
  const pageRows = rows.slice(0, limit)
  const last = pageRows[pageRows.length - 1]
  return {
    items: pageRows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.subject ?? '',
      text: row.body,
      createdAt: row.createdAt,
      readAt: row.readAt,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAtExact, last.id) : null,
  }
}

export function unreadCount(db: Executor, accountId: number): Promise<number> {
  return countUnread(db, accountId)
}

/** Marks one message read. Someone else's message and a missing one both answer NOT_FOUND. */
export async function markRead(
  db: Executor,
  accountId: number,
  messageId: string,
  now: Date = new Date(),
): Promise<{ id: string; readAt: Date }> {
  const marked = isUuid(messageId) ? await markInboxMessageRead(db, accountId, messageId, now) : undefined
  if (!marked) throw notFound('inbox message')
  return marked
}

// ---------------------------------------------------------------------------------------------------
// Development outbox
// ---------------------------------------------------------------------------------------------------

/**
 * The latest SMS or e-mails to one recipient, with their text: how the demo and the end-to-end tests
 * read an OTP. Only reachable when `DEV_OUTBOX` is on (never in production).
 */
export async function listDevOutbox(
  db: Executor,
  query: { to: string; limit: number },
): Promise<RecipientMessage[]> {
  const channel = query.to.includes('@') ? 'email' : 'sms'
  return listRecipientMessages(db, {
    channel,
    recipient: normalizeRecipient(channel, query.to),
    limit: query.limit,
  })
}
