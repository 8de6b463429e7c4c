import { sql } from 'drizzle-orm'
import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import { oneOf } from './checks'
import { writtenAt } from './columns'

/**
 * Module `notify`: the transactional outbox of every message the platform sends (SMS, e-mail, in-app
 * inbox), its delivery status, and per-recipient send counters shared by all processes.
 */

export const messageChannels = ['sms', 'email', 'inbox'] as const
export const messageStatuses = ['queued', 'sending', 'sent', 'delivered', 'failed'] as const
export const messageFailureKinds = [
  'rejected',
  'dead_letter',
  'expired',
  'undelivered',
  'rate_limited',
] as const

// One row per message. Written in the same transaction as the data change that causes it; the
// dispatcher sends it later. `id` is the idempotency key every gateway receives.
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key'), // optional use-case key: the same key is queued at most once
    kind: varchar('kind', { length: 48 }).notNull(), // template kind, e.g. 'otp', 'dossier_received'
    channel: varchar('channel', { length: 8, enum: messageChannels }).notNull(),
    language: varchar('language', { length: 2, enum: ['vi', 'en'] })
      .notNull()
      .default('vi'),
    recipient: text('recipient').notNull(), // phone 0xxxxxxxxx, e-mail, or citizen account id (inbox)
    citizenAccountId: bigint('citizen_account_id', { mode: 'number' }), // inbox owner
    subject: text('subject'),
    body: text('body').notNull(),
    html: text('html'),
    smsEncoding: varchar('sms_encoding', { length: 5, enum: ['gsm7', 'ucs2'] }),
    smsSegments: smallint('sms_segments'),
    status: varchar('status', { length: 10, enum: messageStatuses }).notNull().default('queued'),
    failureKind: varchar('failure_kind', { length: 16, enum: messageFailureKinds }),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    sendingSince: timestamp('sending_since', { withTimezone: true }), // set while a worker holds it
    provider: varchar('provider', { length: 40 }),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'), // no personal data: gateway status and code only
    expiresAt: timestamp('expires_at', { withTimezone: true }), // e.g. an OTP: useless after this
    createdAt: writtenAt('created_at'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }), // inbox only
  },
  (t) => [
    oneOf('messages_channel_check', t.channel, messageChannels),
    oneOf('messages_status_check', t.status, messageStatuses),
    oneOf('messages_failure_kind_check', t.failureKind, messageFailureKinds),
    oneOf('messages_language_check', t.language, ['vi', 'en']),
    uniqueIndex('messages_dedupe_uq').on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    index('messages_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
    // The dispatcher claims time-critical messages (OTPs, anything that expires) before bulk ones.
    index('messages_urgent_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'queued' and (${t.expiresAt} is not null or ${t.kind} = 'otp')`),
    index('messages_sending_idx').on(t.sendingSince).where(sql`${t.status} = 'sending'`),
    index('messages_recipient_idx').on(t.channel, t.recipient, t.createdAt),
    index('messages_inbox_idx').on(t.citizenAccountId, t.createdAt).where(sql`${t.channel} = 'inbox'`),
    index('messages_provider_idx').on(t.provider, t.sentAt).where(sql`${t.provider} is not null`),
    index('messages_failed_idx').on(t.createdAt).where(sql`${t.status} = 'failed'`),
    // Delivery receipts that name the gateway's own message id.
    index('messages_provider_message_idx')
      .on(t.provider, t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
    // OTP delivery figures for administrators and the metrics gauge.
    index('messages_sms_kind_created_idx').on(t.kind, t.createdAt).where(sql`${t.channel} = 'sms'`),
  ],
)

// Fixed-window counters: e.g. key 'sms:otp:0912345678', window 2026-11-23T10:00Z → 3 sent this hour.
export const recipientCounters = pgTable(
  'recipient_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('recipient_counters_window_idx').on(t.windowStart),
  ],
)
