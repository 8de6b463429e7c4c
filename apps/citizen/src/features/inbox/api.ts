/** "Thông báo" (issue 7): the signed-in person's in-app inbox. Marking read carries the CSRF token. */
import { InboxMessageRead, InboxPage, InboxUnreadCount } from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'

type Language = 'vi' | 'en'

export const inboxPath = '/inbox'

export function getInbox(cursor: string | null, language: Language, signal?: AbortSignal) {
  const query = cursor ? `?${new URLSearchParams({ cursor })}` : ''
  return apiRequest(`/me/inbox${query}`, InboxPage, language, signal ? { signal } : {})
}

export function getUnreadCount(language: Language, signal?: AbortSignal) {
  return apiRequest('/me/inbox/unread-count', InboxUnreadCount, language, signal ? { signal } : {})
}

export function markRead(id: string, csrfToken: string, language: Language) {
  return apiRequest(`/me/inbox/${encodeURIComponent(id)}/read`, InboxMessageRead, language, {
    method: 'POST',
    headers: { 'x-ansinh-csrf': csrfToken },
  })
}
