import { randomBytes } from 'node:crypto'
import {
  ErrorCode,
  type FeedbackReceipt,
  FeedbackStatus,
  type FeedbackSubmission,
  feedbackCodeOf,
  MAX_FEEDBACK_ATTACHMENTS,
  todayInVietnam,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { NATIONAL_OFFICE } from '../../db/staff-lists'
import { DomainError, type FieldErrors } from '../../platform/errors'
import { keepFiles } from '../../platform/file-deletions'
import { findProvinceOffice, officeWithParent } from '../directory/service'
import {
  checkPhoto,
  discardStagedPhotos,
  photoFileIds,
  type StoredPhoto,
  type SubmittedPhoto,
  stagePhoto,
} from '../registration/stored-photos'
import { type Feedback, insertAttachments, insertFeedback } from './repo'
import { tellPerson } from './tell-person'

/**
 * Phản ánh kiến nghị, sent without an account: the photos are checked, re-encoded and stored
 * encrypted like the registration's; the feedback goes to the province's office (the national
 * office when no province is given); the person gets the tracking code back and by SMS (and e-mail),
 * all in one transaction with the outbox. Sent while signed in, it is linked to the account.
 */
export async function submitFeedback(
  deps: Deps,
  submission: FeedbackSubmission,
  attachments: SubmittedPhoto[],
  citizenAccountId: number | null,
): Promise<FeedbackReceipt> {
  const db = deps.database.db
  const officeCode = await routeTo(db, submission.provinceCode, todayInVietnam(deps.clock()))
  const stored = await storeAttachments(deps, attachments)
  const item = await db
    .transaction(async (tx) => {
      const inserted = await insertWithFreshCode(tx, {
        category: submission.category,
        status: FeedbackStatus.Received,
        content: submission.content,
        fullName: submission.fullName,
        phone: submission.phone,
        email: submission.email ?? null,
        provinceCode: submission.provinceCode ?? null,
        officeCode,
        citizenAccountId,
        language: submission.language,
        submittedAt: deps.clock(),
      })
      await insertAttachments(tx, inserted.id, stored)
      await keepFiles(tx, photoFileIds(stored))
      const office = await officeWithParent(tx, officeCode)
      await tellPerson(tx, deps, inserted, 'feedback_received', {
        feedbackCode: inserted.code,
        officeName: office?.name ?? 'BHXH Việt Nam',
      })
      return { inserted, officeName: office?.name ?? '' }
    })
    .catch(async (error: unknown) => {
      await discardStagedPhotos(deps, stored)
      throw error
    })
  deps.kick()
  return {
    code: item.inserted.code,
    status: item.inserted.status,
    submittedAt: item.inserted.submittedAt.toISOString(),
    office: { code: officeCode, name: item.officeName },
    attachments: stored.length,
  }
}

/** The province's office as open today; the national office for feedback about no province. */
async function routeTo(db: Executor, provinceCode: string | undefined, today: string): Promise<string> {
  if (!provinceCode) return NATIONAL_OFFICE
  const office = await findProvinceOffice(db, provinceCode, today)
  if (!office)
    throw new DomainError(ErrorCode.ValidationFailed, 'no office for the province', {
      fields: { provinceCode: ['Tỉnh/thành phố không hợp lệ.'] },
    })
  return office.code
}

/**
 * Every photo checked first, all refusals reported at once under `attachments.<n>`; then each is
 * re-encoded and staged. Nothing stays in the store on a refusal.
 */
async function storeAttachments(deps: Deps, attachments: SubmittedPhoto[]): Promise<StoredPhoto[]> {
  if (attachments.length > MAX_FEEDBACK_ATTACHMENTS)
    throw new DomainError(ErrorCode.ValidationFailed, 'too many attachments', {
      fields: { attachments: [`Chỉ được đính kèm tối đa ${MAX_FEEDBACK_ATTACHMENTS} ảnh.`] },
    })
  const fields: FieldErrors = {}
  const checked = await Promise.all(attachments.map((bytes) => checkPhoto(bytes)))
  checked.forEach((result, index) => {
    if (!result.ok) fields[`attachments.${index}`] = [result.message]
  })
  if (Object.keys(fields).length > 0)
    throw new DomainError(ErrorCode.ValidationFailed, 'attachments refused', { fields })
  const stored: StoredPhoto[] = []
  try {
    for (const result of checked) if (result.ok) stored.push(await stagePhoto(deps, result.photo))
  } catch (error) {
    await discardStagedPhotos(deps, stored)
    throw error
  }
  return stored
}

/** A fresh random code; a collision (one in 2^50 per pair) is simply drawn again. */
async function insertWithFreshCode(
  tx: Executor,
  row: Omit<Parameters<typeof insertFeedback>[1], 'code'>,
): Promise<Feedback> {
  for (let attempt = 0; ; attempt++) {
    const code = feedbackCodeOf(randomBytes(10))
    const inserted = await tx
      .transaction((savepoint) => insertFeedback(savepoint, { ...row, code }))
      .catch((error: unknown) => {
        if (attempt < 2 && isUniqueViolation(error)) return null
        throw error
      })
    if (inserted) return inserted
  }
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string }; code?: string }) ?? {}
  return cause.code === '23505' || cause.cause?.code === '23505'
}
