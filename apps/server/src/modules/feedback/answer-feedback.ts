import { type FeedbackAnswer, type FeedbackDetail, FeedbackStatus } from '@ansinh/domain'
import type { Deps } from '../../app'
import { notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import { findFeedbackInReach, updateFeedback } from './repo'
import { tellPerson } from './tell-person'
import { presentFeedback } from './view-feedback'

/**
 * "Trả lời": the officer's answer is saved, the feedback becomes answered, and the person is told by
 * SMS (and e-mail, and their inbox when they wrote signed in), in one transaction. Answering again
 * replaces the answer and tells them again: a correction reaches them too.
 */
export async function answerFeedback(
  deps: Deps,
  staff: StaffActor,
  id: number,
  { answer }: FeedbackAnswer,
): Promise<FeedbackDetail> {
  const detail = await deps.database.db.transaction(async (tx) => {
    const item = await findFeedbackInReach(tx, id, staff.reach, { lock: true })
    if (!item) throw notFound('feedback')
    const answeredAt = deps.clock()
    const answered = await updateFeedback(tx, id, {
      status: FeedbackStatus.Answered,
      answer,
      answeredAt,
      answeredBy: staff.id,
    })
    // A new answer is a new message: the dedupe key carries its time.
    await tellPerson(
      tx,
      deps,
      answered,
      'feedback_answered',
      { feedbackCode: answered.code, answer },
      answeredAt,
    )
    await recordAudit(tx, {
      actor: staff,
      action: 'feedback.answer',
      recordType: 'feedback',
      recordId: id,
      detail: { again: item.status === FeedbackStatus.Answered, length: Array.from(answer).length },
    })
    return presentFeedback(tx, answered)
  })
  deps.kick()
  return detail
}
