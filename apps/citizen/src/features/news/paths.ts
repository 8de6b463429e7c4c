/**
 * Where "Tin tức" lives, and the list's address: the category and the page are kept in the query
 * (`/news?category=policy&page=2`), so that a filtered page can be shared and "Quay lại" from an
 * article finds the list as it was. Pure: no React, no fetch (tested in paths.test.ts).
 */
import { type NewsCategory, NewsListQuery, NewsSlug, newsCategories } from '@ansinh/domain'

export const newsPath = '/news'

/** The route of one article under `/news/*` (news-routes.tsx). */
export const newsArticleRoute = ':slug'

export function newsArticlePath(slug: string): string {
  return `${newsPath}/${encodeURIComponent(slug)}`
}

/** What the list shows: a category (or all) and a page, from 1. */
export type NewsListView = { category?: NewsCategory; page: number }

/**
 * Reads the list's query. Each part is read on its own, so that a hand-edited address keeps what is
 * valid: an unknown category shows all, a page that is not a number shows the first.
 */
export function newsListViewOf(params: URLSearchParams): NewsListView {
  const category = NewsListQuery.shape.category.safeParse(params.get('category'))
  const page = NewsListQuery.shape.page.safeParse(params.get('page'))
  return {
    ...(category.success && category.data ? { category: category.data } : {}),
    page: page.success ? page.data : 1,
  }
}

/** The query string of a list view, without the defaults (`?category=policy&page=2`, or ''). */
export function newsListSearch(view: NewsListView): string {
  const params = new URLSearchParams()
  if (view.category) params.set('category', view.category)
  if (view.page > 1) params.set('page', String(view.page))
  return params.size > 0 ? `?${params}` : ''
}

/** The app address of a list view. */
export function newsListHref(view: NewsListView): string {
  return `${newsPath}${newsListSearch(view)}`
}

/** Whether a slug can name an article at all (anything else is "not found" without asking). */
export function isNewsSlug(slug: string): boolean {
  return NewsSlug.safeParse(slug).success
}

export const isNewsCategory = (value: string | null): value is NewsCategory =>
  newsCategories.some((category) => category === value)
