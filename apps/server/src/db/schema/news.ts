import { newsCategories, newsStatuses } from '@ansinh/domain'
import {
  bigint,
  char,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import { oneOf } from './checks'
import { identityId, writtenAt } from './columns'
import { offices } from './directory'
import { staffAccounts } from './identity'

/**
 * Module `support` (tin tức): images the editors upload. The key is random and public (it is the
 * image's address); the files are the encrypted store's, like every other upload.
 */
export const newsImages = pgTable(
  'news_images',
  {
    id: identityId(),
    key: char('key', { length: 32 }).notNull(),
    fileId: uuid('file_id').notNull(),
    thumbnailFileId: uuid('thumbnail_file_id').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    officeCode: varchar('office_code', { length: 5 })
      .notNull()
      .references(() => offices.code),
    uploadedBy: bigint('uploaded_by', { mode: 'number' })
      .notNull()
      .references(() => staffAccounts.id),
    uploadedAt: writtenAt('uploaded_at'),
  },
  (t) => [uniqueIndex('news_images_key_uq').on(t.key)],
)

/** Articles: written as Markdown, kept with the sanitised HTML rendered from it when saved. */
export const newsArticles = pgTable(
  'news_articles',
  {
    id: identityId(),
    slug: varchar('slug', { length: 90 }).notNull(),
    status: varchar('status', { length: 10, enum: newsStatuses }).notNull(),
    category: varchar('category', { length: 16, enum: newsCategories }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(), // Markdown
    bodyHtml: text('body_html').notNull(),
    coverImageId: bigint('cover_image_id', { mode: 'number' }).references(() => newsImages.id),
    coverAlt: text('cover_alt'),
    // The publisher (đơn vị đăng tin): the office of the editor who created it.
    officeCode: varchar('office_code', { length: 5 })
      .notNull()
      .references(() => offices.code),
    createdBy: bigint('created_by', { mode: 'number' })
      .notNull()
      .references(() => staffAccounts.id),
    updatedBy: bigint('updated_by', { mode: 'number' })
      .notNull()
      .references(() => staffAccounts.id),
    createdAt: writtenAt('created_at'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // First publication; kept through a withdrawal and a new publication, so the date readers saw stays.
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    oneOf('news_articles_status_check', t.status, newsStatuses),
    oneOf('news_articles_category_check', t.category, newsCategories),
    uniqueIndex('news_articles_slug_uq').on(t.slug),
    // The public list and the feed: published, newest first (optionally within a category).
    index('news_articles_published_idx').on(t.status, t.publishedAt, t.id),
    index('news_articles_category_published_idx').on(t.category, t.status, t.publishedAt, t.id),
    // The editors' list: an office's articles, last changed first (keyset on updated_at, id).
    index('news_articles_office_updated_idx').on(t.officeCode, t.updatedAt, t.id),
  ],
)
