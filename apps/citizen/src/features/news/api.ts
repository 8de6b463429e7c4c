/** "Tin tức": the published articles, public (no account, so no CSRF token). */
import { NewsArticleView, NewsListPage } from '@ansinh/domain'
import { type ApiResult, apiBase, apiRequest } from '@ansinh/ui'
import { isNewsSlug, type NewsListView, newsListSearch } from './paths'

type Language = 'vi' | 'en'

/** The RSS 2.0 feed of the latest articles, served by the API (not a page of the app). */
export const newsFeedUrl = `${apiBase}/news/rss.xml`

/** `GET /news?category=&page=`: one page of published articles, newest first. */
export function getNewsList(view: NewsListView, language: Language, signal?: AbortSignal) {
  return apiRequest(`/news${newsListSearch(view)}`, NewsListPage, language, signal ? { signal } : {})
}

/** `GET /news/{slug}`: one published article; 404 when unknown or withdrawn. */
export function getNewsArticle(
  slug: string,
  language: Language,
  signal?: AbortSignal,
): Promise<ApiResult<NewsArticleView>> {
  // A slug the server would refuse names no article: the same answer, without the round trip.
  if (!isNewsSlug(slug)) {
    return Promise.resolve({
      ok: false,
      error: { code: 'NOT_FOUND', message: '', fields: {}, status: 404 },
    })
  }
  return apiRequest(`/news/${encodeURIComponent(slug)}`, NewsArticleView, language, signal ? { signal } : {})
}
