import type { FeedbackSearchQuery } from '@ansinh/domain'
import { and, asc, count, desc, eq, or, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { feedback, feedbackAttachments, staffAccounts } from '../../db/schema'
import { afterKeyset, type Keyset, withinReach } from '../../db/staff-lists'
import { containsFoldedText } from '../../db/text-search'
import type { StoredPhoto } from '../registration/stored-photos'

export type Feedback = typeof feedback.$inferSelect
export type NewFeedback = typeof feedback.$inferInsert

export async function insertFeedback(db: Executor, row: NewFeedback): Promise<Feedback> {
  const [inserted] = await db.insert(feedback).values(row).returning()
  if (!inserted) throw new Error('feedback insert returned nothing')
  return inserted
}

export async function insertAttachments(db: Executor, feedbackId: number, photos: StoredPhoto[]) {
  if (photos.length === 0) return
  await db.insert(feedbackAttachments).values(photos.map((photo) => ({ feedbackId, ...photo })))
}

/** The public look-up: the code and the phone it was sent with are the key; a wrong pair is null. */
export async function findFeedbackByCodeAndPhone(
  db: Executor,
  code: string,
  phone: string,
): Promise<Feedback | null> {
  const [row] = await db
    .select()
    .from(feedback)
    .where(and(eq(feedback.code, code), eq(feedback.phone, phone)))
  return row ?? null
}

/** Words are matched in the content and the name, diacritics or not; a code matches exactly. */
function textFilter(text: string | undefined): SQL | undefined {
  if (!text) return undefined
  return or(
    eq(feedback.code, text.toUpperCase()),
    containsFoldedText(feedback.content, text),
    containsFoldedText(feedback.fullName, text),
  )
}

function searchFilter(query: FeedbackSearchQuery, reach: string[]): SQL | undefined {
  return and(
    withinReach(feedback.officeCode, reach),
    query.status ? eq(feedback.status, query.status) : undefined,
    query.category ? eq(feedback.category, query.category) : undefined,
    textFilter(query.text),
  )
}

export async function searchFeedback(
  db: Executor,
  query: FeedbackSearchQuery,
  reach: string[],
  keyset: Keyset | null,
): Promise<Feedback[]> {
  return db
    .select()
    .from(feedback)
    .where(and(searchFilter(query, reach), afterKeyset(feedback, keyset, true)))
    .orderBy(desc(feedback.submittedAt), desc(feedback.id))
    .limit(query.limit + 1)
}

export async function countFeedback(
  db: Executor,
  query: FeedbackSearchQuery,
  reach: string[],
): Promise<number> {
  const [row] = await db.select({ total: count() }).from(feedback).where(searchFilter(query, reach))
  return row?.total ?? 0
}

/** The feedback if it is within reach; "missing" and "not yours" are the same null. */
export async function findFeedbackInReach(
  db: Executor,
  id: number,
  reach: string[],
  options: { lock?: boolean } = {},
): Promise<Feedback | null> {
  const query = db
    .select()
    .from(feedback)
    .where(and(eq(feedback.id, id), withinReach(feedback.officeCode, reach)))
  const [row] = options.lock ? await query.for('update') : await query
  return row ?? null
}

export async function updateFeedback(
  db: Executor,
  id: number,
  change: Partial<Pick<Feedback, 'status' | 'answer' | 'answeredAt' | 'answeredBy'>>,
): Promise<Feedback> {
  const [row] = await db.update(feedback).set(change).where(eq(feedback.id, id)).returning()
  if (!row) throw new Error('feedback update returned nothing')
  return row
}

export async function listAttachments(db: Executor, feedbackId: number) {
  return db
    .select()
    .from(feedbackAttachments)
    .where(eq(feedbackAttachments.feedbackId, feedbackId))
    .orderBy(asc(feedbackAttachments.id))
}

export async function findAttachment(db: Executor, feedbackId: number, attachmentId: number) {
  const [row] = await db
    .select()
    .from(feedbackAttachments)
    .where(and(eq(feedbackAttachments.feedbackId, feedbackId), eq(feedbackAttachments.id, attachmentId)))
  return row ?? null
}

export async function findStaffFullName(db: Executor, id: number | null): Promise<string | null> {
  if (id === null) return null
  const [row] = await db
    .select({ fullName: staffAccounts.fullName })
    .from(staffAccounts)
    .where(eq(staffAccounts.id, id))
  return row?.fullName ?? null
}
