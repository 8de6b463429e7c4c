import { feedbackCategories, feedbackStatuses } from '@ansinh/domain'
import {
  bigint,
  char,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import { oneOf } from './checks'
import { identityId, writtenAt } from './columns'
import { offices } from './directory'
import { citizenAccounts, staffAccounts } from './identity'

/**
 * Module `feedback`: phản ánh kiến nghị sent without an account (or from one), routed to the
 * province's office (the national office when no province is given), and the office's answer.
 */
export const feedback = pgTable(
  'feedback',
  {
    id: identityId(),
    code: varchar('code', { length: 13 }).notNull(), // mã phản ánh
    category: varchar('category', { length: 16, enum: feedbackCategories }).notNull(),
    status: varchar('status', { length: 12, enum: feedbackStatuses }).notNull(),
    content: text('content').notNull(),
    fullName: text('full_name').notNull(),
    phone: varchar('phone', { length: 10 }).notNull(),
    email: text('email'),
    provinceCode: varchar('province_code', { length: 2 }), // as given; null: nationwide
    officeCode: varchar('office_code', { length: 5 })
      .notNull()
      .references(() => offices.code),
    // Sent while signed in: the answer also goes to the account's inbox.
    citizenAccountId: bigint('citizen_account_id', { mode: 'number' }).references(() => citizenAccounts.id),
    language: varchar('language', { length: 2, enum: ['vi', 'en'] }).notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: bigint('answered_by', { mode: 'number' }).references(() => staffAccounts.id),
    submittedAt: writtenAt('submitted_at'),
  },
  (t) => [
    oneOf('feedback_category_check', t.category, feedbackCategories),
    oneOf('feedback_status_check', t.status, feedbackStatuses),
    uniqueIndex('feedback_code_uq').on(t.code),
    // The staff list: an office's feedback, newest first (keyset on submitted_at, id).
    index('feedback_office_submitted_idx').on(t.officeCode, t.submittedAt, t.id),
  ],
)

export const feedbackAttachments = pgTable(
  'feedback_attachments',
  {
    id: identityId(),
    feedbackId: bigint('feedback_id', { mode: 'number' })
      .notNull()
      .references(() => feedback.id),
    fileId: uuid('file_id').notNull(),
    thumbnailFileId: uuid('thumbnail_file_id').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('feedback_attachments_feedback_idx').on(t.feedbackId)],
)
