import {
  type FeedbackDetail,
  type FeedbackListItem,
  type FeedbackListPage,
  type FeedbackSearchQuery,
  FeedbackStatus,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { decodeCursor, pageOf } from '../../db/staff-lists'
import { notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { officeWithParent } from '../directory/service'
import type { StaffActor } from '../identity/staff-actor'
import {
  countFeedback,
  type Feedback,
  findAttachment,
  findFeedbackInReach,
  findStaffFullName,
  listAttachments,
  searchFeedback,
  updateFeedback,
} from './repo'

/**
 * "Phản ánh" in the back-office: feedback routed to an office within the staff member's reach (their
 * office and every one below it; the national office sees all). Outside reach it does not exist:
 * 404. Every search, view and photo is written to the audit log.
 */

export async function searchFeedbackList(
  deps: Deps,
  staff: StaffActor,
  query: FeedbackSearchQuery,
): Promise<FeedbackListPage> {
  const db = deps.database.db
  const rows = await searchFeedback(db, query, staff.reach, decodeCursor(query.cursor))
  const { page, nextCursor } = pageOf(rows, query.limit, (row) => row)
  const total = await countFeedback(db, query, staff.reach)
  // The words searched for may name a person: the audit keeps whether there were any, not them.
  const { text, cursor: _cursor, limit: _limit, ...filters } = query
  await recordAudit(db, {
    actor: staff,
    action: 'feedback.search',
    detail: { filters: { ...filters, ...(text ? { text: true } : {}) }, returned: page.length, total },
  })
  return { items: page.map(listItem), nextCursor, total }
}

/** One feedback in full; the first opening by an officer moves it to "in progress" (đang xử lý). */
export async function viewFeedback(deps: Deps, staff: StaffActor, id: number): Promise<FeedbackDetail> {
  return deps.database.db.transaction(async (tx) => {
    const item = await findFeedbackInReach(tx, id, staff.reach, { lock: true })
    if (!item) throw notFound('feedback')
    const opened =
      item.status === FeedbackStatus.Received
        ? await updateFeedback(tx, id, { status: FeedbackStatus.InProgress })
        : item
    await recordAudit(tx, { actor: staff, action: 'feedback.view', recordType: 'feedback', recordId: id })
    return presentFeedback(tx, opened)
  })
}

/** The JPEG (or its thumbnail) of one attached photo, decrypted for an officer who may see the feedback. */
export async function viewFeedbackAttachment(
  deps: Deps,
  staff: StaffActor,
  id: number,
  attachmentId: number,
  size: 'full' | 'thumbnail',
): Promise<Buffer> {
  const db = deps.database.db
  const item = await findFeedbackInReach(db, id, staff.reach)
  const attachment = item ? await findAttachment(db, id, attachmentId) : null
  if (!attachment) throw notFound('attachment')
  await recordAudit(db, {
    actor: staff,
    action: 'feedback.attachment_view',
    recordType: 'feedback',
    recordId: id,
    detail: { attachmentId, size },
  })
  return deps.files.get(size === 'full' ? attachment.fileId : attachment.thumbnailFileId)
}

// One query after another: `db` is often a transaction (one connection, one query at a time).
export async function presentFeedback(db: Executor, item: Feedback): Promise<FeedbackDetail> {
  const office = await officeWithParent(db, item.officeCode)
  const attachments = await listAttachments(db, item.id)
  return {
    ...listItem(item),
    content: item.content,
    phone: item.phone,
    email: item.email,
    provinceCode: item.provinceCode,
    office: { code: item.officeCode, name: office?.name ?? item.officeCode },
    linkedToAccount: item.citizenAccountId !== null,
    attachments: attachments.map(({ id, width, height }) => ({ id, width, height })),
    answer: item.answer,
    answeredAt: item.answeredAt?.toISOString() ?? null,
    answeredBy: await findStaffFullName(db, item.answeredBy),
  }
}

const EXCERPT_LENGTH = 140

function listItem(item: Feedback): FeedbackListItem {
  const chars = Array.from(item.content.replace(/\s+/g, ' '))
  return {
    id: item.id,
    code: item.code,
    category: item.category,
    status: item.status,
    fullName: item.fullName,
    officeCode: item.officeCode,
    submittedAt: item.submittedAt.toISOString(),
    excerpt: chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : chars.join(''),
  }
}
