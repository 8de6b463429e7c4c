import {
  type NewsArticleView,
  type NewsSummary,
  newsImageUrl,
  type StaffNewsArticle,
  type StaffNewsItem,
} from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { officeNames } from '../directory/service'
import { imagesById, type NewsArticle, type NewsImageRow, staffNames } from './repo'

/** What an article's answer needs beside its row: the publishers' names, the covers, the editors. */
export type ArticleLookups = {
  offices: Map<string, string>
  covers: Map<number, NewsImageRow>
  staff: Map<number, string>
}

export async function lookupsFor(
  db: Executor,
  rows: NewsArticle[],
  options: { editors: boolean } = { editors: false },
): Promise<ArticleLookups> {
  const [offices, covers, staff] = await Promise.all([
    officeNames(db, [...new Set(rows.map((row) => row.officeCode))]),
    imagesById(
      db,
      rows.flatMap((row) => (row.coverImageId === null ? [] : [row.coverImageId])),
    ),
    options.editors
      ? staffNames(db, [...new Set(rows.map((row) => row.updatedBy))])
      : new Map<number, string>(),
  ])
  return { offices, covers, staff }
}

function coverOf(row: NewsArticle, lookups: ArticleLookups) {
  const image = row.coverImageId === null ? undefined : lookups.covers.get(row.coverImageId)
  if (!image) return null
  const url = newsImageUrl(image.key)
  return { url, thumbnailUrl: `${url}?size=thumbnail`, alt: row.coverAlt ?? '' }
}

const publisherOf = (row: NewsArticle, lookups: ArticleLookups) => ({
  code: row.officeCode,
  name: lookups.offices.get(row.officeCode) ?? row.officeCode,
})

export function summaryOf(row: NewsArticle, lookups: ArticleLookups): NewsSummary {
  return {
    slug: row.slug,
    title: row.title,
    category: row.category,
    summary: row.summary,
    cover: coverOf(row, lookups),
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    publisher: publisherOf(row, lookups),
  }
}

export function articleViewOf(row: NewsArticle, lookups: ArticleLookups): NewsArticleView {
  const corrected = row.publishedAt !== null && row.updatedAt.getTime() > row.publishedAt.getTime()
  return {
    ...summaryOf(row, lookups),
    bodyHtml: row.bodyHtml,
    updatedAt: corrected ? row.updatedAt.toISOString() : null,
  }
}

export function staffItemOf(row: NewsArticle, lookups: ArticleLookups): StaffNewsItem {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    category: row.category,
    status: row.status,
    publisher: publisherOf(row, lookups),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  }
}

export function staffArticleOf(row: NewsArticle, lookups: ArticleLookups): StaffNewsArticle {
  const cover = coverOf(row, lookups)
  return {
    ...staffItemOf(row, lookups),
    summary: row.summary,
    body: row.body,
    bodyHtml: row.bodyHtml,
    cover,
    coverImageKey: row.coverImageId === null ? null : (lookups.covers.get(row.coverImageId)?.key ?? null),
    updatedBy: lookups.staff.get(row.updatedBy) ?? '',
  }
}
