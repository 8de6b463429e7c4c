import { randomBytes } from 'node:crypto'
import {
  ErrorCode,
  type NewsDraft,
  type NewsImage,
  NewsStatus,
  newsImageUrl,
  newsSlugOf,
  type StaffNewsArticle,
  type StaffNewsPage,
  type StaffNewsQuery,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { decodeCursor, pageOf } from '../../db/staff-lists'
import { DomainError, notFound } from '../../platform/errors'
import { keepFiles } from '../../platform/file-deletions'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import {
  discardStagedPhotos,
  photoFileIds,
  type StoredPhoto,
  type SubmittedPhoto,
  storePhoto,
} from '../registration/stored-photos'
import { renderArticle } from './render-article'
import {
  countArticles,
  findArticleInReach,
  imagesByKey,
  insertArticle,
  insertImage,
  lockSlug,
  type NewsArticle,
  type NewsImageRow,
  searchArticles,
  takenSlugs,
  updateArticle,
} from './repo'
import { lookupsFor, staffArticleOf, staffItemOf } from './views'

/**
 * "Tin tức" in the back-office: news editors (role `news_editor`) write articles for their office
 * and those below it, preview them with the very rendering readers get, publish and withdraw them.
 * Every change is written to the audit log.
 */

export async function searchNews(
  deps: Deps,
  staff: StaffActor,
  query: StaffNewsQuery,
): Promise<StaffNewsPage> {
  const db = deps.database.db
  const rows = await searchArticles(db, query, staff.reach, decodeCursor(query.cursor))
  const { page, nextCursor } = pageOf(rows, query.limit, (row) => ({
    submittedAt: row.updatedAt,
    id: row.id,
  }))
  const [total, lookups] = await Promise.all([countArticles(db, query, staff.reach), lookupsFor(db, page)])
  return { items: page.map((row) => staffItemOf(row, lookups)), nextCursor, total }
}

export async function viewNews(deps: Deps, staff: StaffActor, id: number): Promise<StaffNewsArticle> {
  const row = await findArticleInReach(deps.database.db, id, staff.reach)
  if (!row) throw notFound('news article')
  return answer(deps.database.db, row)
}

export async function createNews(deps: Deps, staff: StaffActor, draft: NewsDraft): Promise<StaffNewsArticle> {
  const { html, coverImageId } = await checkedContent(deps.database.db, draft)
  return deps.database.db.transaction(async (tx) => {
    const row = await insertArticle(tx, {
      ...contentOf(draft, html, coverImageId),
      slug: await freshSlug(tx, newsSlugOf(draft.title)),
      status: NewsStatus.Draft,
      officeCode: staff.officeCode,
      createdBy: staff.id,
      updatedBy: staff.id,
    })
    await audit(tx, staff, 'news.create', row)
    return answer(tx, row)
  })
}

/** Saves the draft's content; a published article changes where people read it, at once. */
export async function editNews(
  deps: Deps,
  staff: StaffActor,
  id: number,
  draft: NewsDraft,
): Promise<StaffNewsArticle> {
  const { html, coverImageId } = await checkedContent(deps.database.db, draft)
  return changeArticle(deps, staff, id, 'news.update', () => contentOf(draft, html, coverImageId))
}

/** Publishes (again); the first publication's date stays the one readers see. */
export async function publishNews(deps: Deps, staff: StaffActor, id: number): Promise<StaffNewsArticle> {
  return changeArticle(deps, staff, id, 'news.publish', (row, now) =>
    row.status === NewsStatus.Published
      ? null
      : { status: NewsStatus.Published, publishedAt: row.publishedAt ?? now },
  )
}

/** "Gỡ bài": out of the app and the feed at once; kept, and may be published again. */
export async function withdrawNews(deps: Deps, staff: StaffActor, id: number): Promise<StaffNewsArticle> {
  return changeArticle(deps, staff, id, 'news.withdraw', (row) => {
    if (row.status === NewsStatus.Withdrawn) return null
    if (row.status === NewsStatus.Draft)
      throw new DomainError(ErrorCode.Conflict, 'withdrawing a draft', {
        userMessage: {
          vi: 'Bài viết chưa được đăng nên không cần gỡ.',
          en: 'The article has not been published, so there is nothing to withdraw.',
        },
      })
    return { status: NewsStatus.Withdrawn }
  })
}

/** An image for an article: checked and re-encoded like every upload, stored under a random key. */
export async function uploadNewsImage(
  deps: Deps,
  staff: StaffActor,
  bytes: SubmittedPhoto | undefined,
): Promise<NewsImage> {
  const stored = await storePhoto(deps, bytes, 'image')
  const row = await deps.database.db
    .transaction(async (tx) => {
      const image = await keepNewsImage(tx, stored, { officeCode: staff.officeCode, uploadedBy: staff.id })
      await recordAudit(tx, {
        actor: staff,
        action: 'news.image_upload',
        recordType: 'news_image',
        recordId: image.id,
      })
      return image
    })
    .catch(async (error: unknown) => {
      await discardStagedPhotos(deps, [stored])
      throw error
    })
  return { key: row.key, url: newsImageUrl(row.key), width: row.width, height: row.height }
}

/** A staged photo becomes an article image under a fresh random key; its files stay. */
export async function keepNewsImage(
  tx: Executor,
  stored: StoredPhoto,
  owner: { officeCode: string; uploadedBy: number },
): Promise<NewsImageRow> {
  const image = await insertImage(tx, { ...stored, ...owner, key: randomBytes(16).toString('hex') })
  await keepFiles(tx, photoFileIds([stored]))
  return image
}

// ---------------------------------------------------------------------------------------------

type ArticleChange = Parameters<typeof updateArticle>[2]

/**
 * One change to an article within reach, under its row lock, with the audit entry; `change` answers
 * null when there is nothing to do (publishing a published article), which is not an error.
 */
async function changeArticle(
  deps: Deps,
  staff: StaffActor,
  id: number,
  action: string,
  change: (row: NewsArticle, now: Date) => ArticleChange | null,
): Promise<StaffNewsArticle> {
  return deps.database.db.transaction(async (tx) => {
    const row = await findArticleInReach(tx, id, staff.reach, { lock: true })
    if (!row) throw notFound('news article')
    const now = deps.clock()
    const wanted = change(row, now)
    if (!wanted) return answer(tx, row)
    const changed = await updateArticle(tx, id, { ...wanted, updatedBy: staff.id, updatedAt: now })
    await audit(tx, staff, action, changed)
    return answer(tx, changed)
  })
}

async function answer(db: Executor, row: NewsArticle): Promise<StaffNewsArticle> {
  return staffArticleOf(row, await lookupsFor(db, [row], { editors: true }))
}

function audit(tx: Executor, staff: StaffActor, action: string, row: NewsArticle) {
  return recordAudit(tx, {
    actor: staff,
    action,
    recordType: 'news_article',
    recordId: row.id,
    detail: { status: row.status, slug: row.slug },
  })
}

function contentOf(draft: NewsDraft, html: string, coverImageId: number | null) {
  return {
    title: draft.title,
    category: draft.category,
    summary: draft.summary,
    body: draft.body,
    bodyHtml: html,
    coverImageId,
    coverAlt: coverImageId === null ? null : (draft.coverAlt ?? null),
  }
}

/** The rendered body, and the cover's row; every image named must be an upload (400 otherwise). */
async function checkedContent(
  db: Executor,
  draft: NewsDraft,
): Promise<{ html: string; coverImageId: number | null }> {
  const rendered = renderArticle(draft.body)
  const cover = draft.coverImageKey ?? null
  const images = await imagesByKey(db, cover ? [...rendered.imageKeys, cover] : rendered.imageKeys)
  const fields: Record<string, string[]> = {}
  if (rendered.imageKeys.some((key) => !images.has(key)))
    fields.body = ['Có ảnh không còn trên hệ thống: hãy tải ảnh lên lại bằng nút "Chèn ảnh".']
  if (cover && !images.has(cover))
    fields.coverImageKey = ['Ảnh đại diện không còn trên hệ thống: hãy tải lên lại.']
  if (Object.keys(fields).length > 0)
    throw new DomainError(ErrorCode.ValidationFailed, 'unknown news image', { fields })
  return { html: rendered.html, coverImageId: cover ? (images.get(cover)?.id ?? null) : null }
}

/** The title's slug, or the first of `slug-2`, `slug-3`… not taken. */
async function freshSlug(tx: Executor, slug: string): Promise<string> {
  await lockSlug(tx, slug)
  const taken = await takenSlugs(tx, slug)
  if (!taken.has(slug)) return slug
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`
}
