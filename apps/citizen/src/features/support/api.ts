/** "Hỗ trợ": the FAQ and the chatbot, public (no sign-in, so no CSRF token). */
import { ChatReply, type FaqCategory, FaqList, FaqView } from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'

type Language = 'vi' | 'en'

export const supportPath = '/support'
export const chatPath = `${supportPath}/chat`

export function faqEntryPath(id: string): string {
  return `${supportPath}/faq/${encodeURIComponent(id)}`
}

export function getFaq(
  query: { q?: string; category?: FaqCategory },
  language: Language,
  signal?: AbortSignal,
) {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.category) params.set('category', query.category)
  const search = params.size > 0 ? `?${params}` : ''
  return apiRequest(`/support/faq${search}`, FaqList, language, signal ? { signal } : {})
}

export function getFaqEntry(id: string, language: Language, signal?: AbortSignal) {
  return apiRequest(`/support/faq/${encodeURIComponent(id)}`, FaqView, language, signal ? { signal } : {})
}

export function askChatbot(message: string, language: Language) {
  return apiRequest('/support/chat', ChatReply, language, { method: 'POST', json: { message } })
}
