import {
  NEWS_PAGE_SIZE,
  type NewsArticleView,
  type NewsCategory,
  type NewsListPage,
  type NewsListQuery,
} from '@ansinh/domain'
import { Feed } from 'feed'
import type { Deps } from '../../app'
import { notFound } from '../../platform/errors'
import { findPublishedBySlug, imagesByKey, latestPublished, listPublished } from './repo'
import { articleViewOf, lookupsFor, summaryOf } from './views'

/** "Tin tức" for everyone: published articles only; a draft or a withdrawn one does not exist here. */

export async function listNews(deps: Deps, query: NewsListQuery): Promise<NewsListPage> {
  const db = deps.database.db
  const { rows, total } = await listPublished(db, {
    category: query.category,
    limit: NEWS_PAGE_SIZE,
    offset: (query.page - 1) * NEWS_PAGE_SIZE,
  })
  const lookups = await lookupsFor(db, rows)
  return {
    items: rows.map((row) => summaryOf(row, lookups)),
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / NEWS_PAGE_SIZE)),
    total,
  }
}

export async function readNews(deps: Deps, slug: string): Promise<NewsArticleView> {
  const db = deps.database.db
  const row = await findPublishedBySlug(db, slug)
  if (!row) throw notFound('news article')
  return articleViewOf(row, await lookupsFor(db, [row]))
}

/** An uploaded image's JPEG (or its thumbnail); its random key is its only name. */
export async function newsImage(deps: Deps, key: string, size: 'full' | 'thumbnail'): Promise<Buffer> {
  const image = (await imagesByKey(deps.database.db, [key])).get(key)
  if (!image) throw notFound('news image')
  return deps.files.get(size === 'thumbnail' ? image.thumbnailFileId : image.fileId)
}

const categoryNames: Record<NewsCategory, string> = {
  announcement: 'Thông báo',
  policy: 'Chính sách mới',
  guidance: 'Hướng dẫn',
  activity: 'Hoạt động ngành',
}

/**
 * RSS 2.0 of the latest articles, with absolute links into the citizen app (`siteUrl`: PUBLIC_URL, or
 * the address the request came to). Items carry the summary, not the body: readers open the article.
 */
export async function newsFeed(deps: Deps, siteUrl: string): Promise<string> {
  const db = deps.database.db
  const rows = await latestPublished(db)
  const lookups = await lookupsFor(db, rows)
  const site = siteUrl.replace(/\/$/, '')
  const feed = new Feed({
    title: 'Bảo hiểm xã hội — Tin tức',
    description: 'Tin tức, thông báo và hướng dẫn của cơ quan Bảo hiểm xã hội',
    id: `${site}/news`,
    link: `${site}/news`,
    language: 'vi',
    copyright: 'Bảo hiểm xã hội Việt Nam',
    feedLinks: { rss: `${site}/api/v1/news/rss.xml` },
    ...(rows[0]?.publishedAt ? { updated: rows[0].publishedAt } : {}),
  })
  for (const row of rows) {
    const summary = summaryOf(row, lookups)
    const link = `${site}/news/${row.slug}`
    feed.addItem({
      title: row.title,
      id: link,
      link,
      date: new Date(summary.publishedAt),
      description: row.summary,
      category: [{ name: categoryNames[row.category] }],
      author: [{ name: summary.publisher.name }],
      ...(summary.cover ? { image: { url: `${site}${summary.cover.url}`, type: 'image/jpeg' } } : {}),
    })
  }
  return feed.rss2()
}
