import { FeedbackDetail, FeedbackListPage, type FeedbackSearchQuery } from '@ansinh/domain'
import { apiBase, type Language } from '@ansinh/ui'
import { staffRequest } from '../session/staff-request'

/** "Phản ánh": feedback routed to the offices within reach, its photos, and the answer. */

export type FeedbackFilters = Partial<Record<keyof FeedbackSearchQuery, string>>

export function searchFeedback(filters: FeedbackFilters, language: Language) {
  return staffRequest('/staff/feedback', FeedbackListPage, language, { query: filters })
}

export function getFeedback(id: number, language: Language) {
  return staffRequest(`/staff/feedback/${id}`, FeedbackDetail, language)
}

/** A photo attached to the feedback, for an `<img>`: the session cookie goes along. */
export function feedbackAttachmentUrl(id: number, attachmentId: number, size: 'full' | 'thumbnail'): string {
  return `${apiBase}/staff/feedback/${id}/attachments/${attachmentId}?size=${size}`
}

export function answerFeedback(id: number, answer: string, csrfToken: string, language: Language) {
  return staffRequest(`/staff/feedback/${id}/answer`, FeedbackDetail, language, {
    method: 'POST',
    json: { answer },
    csrfToken,
  })
}
