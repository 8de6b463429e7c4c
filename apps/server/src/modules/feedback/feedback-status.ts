import type { FeedbackStatusQuery, FeedbackStatusView } from '@ansinh/domain'
import type { Deps } from '../../app'
import { notFound } from '../../platform/errors'
import { findFeedbackByCodeAndPhone } from './repo'

/**
 * What the person who wrote sees without an account: the code and the phone it was sent with are
 * the key. A wrong pair and a missing code give the same 404.
 */
export async function feedbackStatus(deps: Deps, query: FeedbackStatusQuery): Promise<FeedbackStatusView> {
  const item = await findFeedbackByCodeAndPhone(deps.database.db, query.code, query.phone)
  if (!item) throw notFound('feedback')
  return {
    code: item.code,
    category: item.category,
    status: item.status,
    submittedAt: item.submittedAt.toISOString(),
    answer: item.answer,
    answeredAt: item.answeredAt?.toISOString() ?? null,
  }
}
