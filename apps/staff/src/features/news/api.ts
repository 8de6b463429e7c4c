import {
  type NewsDraft,
  NewsImage,
  NewsPreview,
  StaffNewsArticle,
  StaffNewsPage,
  type StaffNewsQuery,
} from '@ansinh/domain'
import type { Language } from '@ansinh/ui'
import { staffRequest } from '../session/staff-request'

/** "Tin tức": the articles of the offices within the editor's reach, written, previewed and published. */

export type NewsFilters = Partial<Record<keyof StaffNewsQuery, string>>

/**
 * What `POST /staff/news/images` takes, for the file picker and a check before sending; the server
 * decides (HEIC files often come without a type, hence the extensions).
 */
export const newsImageAccept = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif'
export const NEWS_IMAGE_MAX_BYTES = 10 * 1024 * 1024

export function searchNews(filters: NewsFilters, language: Language) {
  return staffRequest('/staff/news', StaffNewsPage, language, { query: filters })
}

export function getNews(id: number, language: Language) {
  return staffRequest(`/staff/news/${id}`, StaffNewsArticle, language)
}

/** A new article, as a draft. */
export function createNews(draft: NewsDraft, csrfToken: string, language: Language) {
  return staffRequest('/staff/news', StaffNewsArticle, language, { method: 'POST', json: draft, csrfToken })
}

/** Replaces what the article says; a published one changes in the app at once. */
export function updateNews(id: number, draft: NewsDraft, csrfToken: string, language: Language) {
  return staffRequest(`/staff/news/${id}`, StaffNewsArticle, language, {
    method: 'PUT',
    json: draft,
    csrfToken,
  })
}

/** The server's own rendering of the Markdown (sanitised HTML), as the app will show it. */
export function previewNews(body: string, csrfToken: string, language: Language) {
  return staffRequest('/staff/news/preview', NewsPreview, language, {
    method: 'POST',
    json: { body },
    csrfToken,
  })
}

export function publishNews(id: number, csrfToken: string, language: Language) {
  return staffRequest(`/staff/news/${id}/publish`, StaffNewsArticle, language, { method: 'POST', csrfToken })
}

/** "Gỡ bài": out of the app and the feed, kept for the record. */
export function withdrawNews(id: number, csrfToken: string, language: Language) {
  return staffRequest(`/staff/news/${id}/withdraw`, StaffNewsArticle, language, { method: 'POST', csrfToken })
}

/** An image for the cover or the body; refusals name `image` in their fields. */
export function uploadNewsImage(file: File, csrfToken: string, language: Language) {
  const body = new FormData()
  body.set('image', file)
  return staffRequest('/staff/news/images', NewsImage, language, { method: 'POST', body, csrfToken })
}
