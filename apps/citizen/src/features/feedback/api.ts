/**
 * Phản ánh kiến nghị: sent without an account (the session's CSRF token goes along when signed in, so
 * that the answer also reaches the account's "Thông báo"), and its status by tracking code and phone.
 */
import { FeedbackReceipt, type FeedbackStatusQuery, FeedbackStatusView } from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'
import type { DraftPhoto } from '../registration/draft'

export type { ApiFailure, ApiResult } from '@ansinh/ui'

type Language = 'vi' | 'en'

/** `POST /feedback`: the text fields, then each photo under `attachments`. */
export function sendFeedback(
  /** The text fields as typed (checked with `FeedbackSubmission` first); empty ones are left out. */
  fields: Record<string, string>,
  attachments: DraftPhoto[],
  csrfToken: string | undefined,
  language: Language,
) {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) if (value !== '') body.append(name, value)
  for (const photo of attachments) body.append('attachments', photo.blob, photo.name)
  return apiRequest('/feedback', FeedbackReceipt, language, {
    method: 'POST',
    body,
    ...(csrfToken ? { headers: { 'x-ansinh-csrf': csrfToken } } : {}),
  })
}

export function getFeedbackStatus(query: FeedbackStatusQuery, language: Language) {
  return apiRequest(`/feedback/status?${new URLSearchParams(query)}`, FeedbackStatusView, language)
}
