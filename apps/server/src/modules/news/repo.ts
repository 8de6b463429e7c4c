import { NEWS_FEED_SIZE, type NewsCategory, NewsStatus, type StaffNewsQuery } from '@ansinh/domain'
import { and, count, desc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { newsArticles, newsImages, staffAccounts } from '../../db/schema'
import { afterKeyset, type Keyset, withinReach } from '../../db/staff-lists'
import { containsFoldedText } from '../../db/text-search'

export type NewsArticle = typeof newsArticles.$inferSelect
export type NewNewsArticle = typeof newsArticles.$inferInsert
export type NewsImageRow = typeof newsImages.$inferSelect

export async function insertArticle(db: Executor, row: NewNewsArticle): Promise<NewsArticle> {
  const [inserted] = await db.insert(newsArticles).values(row).returning()
  if (!inserted) throw new Error('news insert returned nothing')
  return inserted
}

export async function updateArticle(
  db: Executor,
  id: number,
  change: Partial<Omit<NewNewsArticle, 'id' | 'slug' | 'officeCode' | 'createdBy' | 'createdAt'>>,
): Promise<NewsArticle> {
  const [row] = await db.update(newsArticles).set(change).where(eq(newsArticles.id, id)).returning()
  if (!row) throw new Error('news update returned nothing')
  return row
}

/** Until the transaction ends, nobody else picks a variant of this slug (two articles of one title). */
export async function lockSlug(db: Executor, slug: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`news-slug:${slug}`}))`)
}

/** Slugs taken by `slug` itself and its numbered variants (`slug-2`, `slug-3`…). */
export async function takenSlugs(db: Executor, slug: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: newsArticles.slug })
    .from(newsArticles)
    .where(or(eq(newsArticles.slug, slug), like(newsArticles.slug, `${slug}-%`)))
  return new Set(rows.map((row) => row.slug))
}

// ---------------------------------------------------------------------------------------------
// Published: what anyone reads

const published = eq(newsArticles.status, NewsStatus.Published)

export async function listPublished(
  db: Executor,
  filter: { category?: NewsCategory | undefined; limit: number; offset: number },
): Promise<{ rows: NewsArticle[]; total: number }> {
  const where = and(published, filter.category ? eq(newsArticles.category, filter.category) : undefined)
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(newsArticles)
      .where(where)
      .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ total: count() }).from(newsArticles).where(where),
  ])
  return { rows, total: totals?.total ?? 0 }
}

export async function latestPublished(db: Executor): Promise<NewsArticle[]> {
  return db
    .select()
    .from(newsArticles)
    .where(published)
    .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
    .limit(NEWS_FEED_SIZE)
}

export async function findPublishedBySlug(db: Executor, slug: string): Promise<NewsArticle | null> {
  const [row] = await db
    .select()
    .from(newsArticles)
    .where(and(eq(newsArticles.slug, slug), published))
  return row ?? null
}

// ---------------------------------------------------------------------------------------------
// The editors' list

// The list is ordered by last change; the keyset helpers name that column `submittedAt`.
const byLastChange = { submittedAt: newsArticles.updatedAt, id: newsArticles.id }

function editorFilter(query: StaffNewsQuery, reach: string[]): SQL | undefined {
  return and(
    withinReach(newsArticles.officeCode, reach),
    query.status ? eq(newsArticles.status, query.status) : undefined,
    query.text
      ? or(containsFoldedText(newsArticles.title, query.text), eq(newsArticles.slug, query.text))
      : undefined,
  )
}

export async function searchArticles(
  db: Executor,
  query: StaffNewsQuery,
  reach: string[],
  keyset: Keyset | null,
): Promise<NewsArticle[]> {
  return db
    .select()
    .from(newsArticles)
    .where(and(editorFilter(query, reach), afterKeyset(byLastChange, keyset, true)))
    .orderBy(desc(newsArticles.updatedAt), desc(newsArticles.id))
    .limit(query.limit + 1)
}

export async function countArticles(db: Executor, query: StaffNewsQuery, reach: string[]): Promise<number> {
  const [row] = await db.select({ total: count() }).from(newsArticles).where(editorFilter(query, reach))
  return row?.total ?? 0
}

/** The article if its office is within reach; "missing" and "not yours" are the same null. */
export async function findArticleInReach(
  db: Executor,
  id: number,
  reach: string[],
  options: { lock?: boolean } = {},
): Promise<NewsArticle | null> {
  const query = db
    .select()
    .from(newsArticles)
    .where(and(eq(newsArticles.id, id), withinReach(newsArticles.officeCode, reach)))
  const [row] = options.lock ? await query.for('update') : await query
  return row ?? null
}

export async function staffNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: staffAccounts.id, fullName: staffAccounts.fullName })
    .from(staffAccounts)
    .where(inArray(staffAccounts.id, ids))
  return new Map(rows.map((row) => [row.id, row.fullName]))
}

// ---------------------------------------------------------------------------------------------
// Images

export async function insertImage(db: Executor, row: typeof newsImages.$inferInsert): Promise<NewsImageRow> {
  const [inserted] = await db.insert(newsImages).values(row).returning()
  if (!inserted) throw new Error('news image insert returned nothing')
  return inserted
}

export async function imagesByKey(db: Executor, keys: string[]): Promise<Map<string, NewsImageRow>> {
  if (keys.length === 0) return new Map()
  const rows = await db.select().from(newsImages).where(inArray(newsImages.key, keys))
  return new Map(rows.map((row) => [row.key, row]))
}

export async function imagesById(db: Executor, ids: number[]): Promise<Map<number, NewsImageRow>> {
  if (ids.length === 0) return new Map()
  const rows = await db.select().from(newsImages).where(inArray(newsImages.id, ids))
  return new Map(rows.map((row) => [row.id, row]))
}
