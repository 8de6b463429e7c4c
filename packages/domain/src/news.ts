/**
 * Tin tức (seed 002): articles the agency's editors write, preview and publish in the back-office, and
 * that anyone reads in the app and by RSS. One definition for the API, the staff editor, the citizen
 * screens and the tests. The body is written in Markdown (as GOV.UK's publishers write Govspeak) and
 * the server turns it into sanitised HTML: nobody pastes markup.
 */
import { z } from 'zod'
import { enumValues } from './enums'
import { requiredText } from './schemas'
import { foldVietnamese } from './text'

export const NewsCategory = {
  Announcement: 'announcement', // thông báo
  Policy: 'policy', // chính sách mới
  Guidance: 'guidance', // hướng dẫn
  Activity: 'activity', // hoạt động ngành
} as const
export type NewsCategory = (typeof NewsCategory)[keyof typeof NewsCategory]
export const newsCategories = enumValues(NewsCategory)

/** Bản nháp → đã đăng → đã gỡ (withdrawn: out of the app and the feed, kept for the record). */
export const NewsStatus = {
  Draft: 'draft',
  Published: 'published',
  Withdrawn: 'withdrawn',
} as const
export type NewsStatus = (typeof NewsStatus)[keyof typeof NewsStatus]
export const newsStatuses = enumValues(NewsStatus)

export const NEWS_TITLE_MIN = 10
export const NEWS_TITLE_MAX = 200
export const NEWS_SUMMARY_MIN = 20
export const NEWS_SUMMARY_MAX = 500
export const NEWS_BODY_MAX = 50_000
export const NEWS_PAGE_SIZE = 10
export const NEWS_FEED_SIZE = 20

/** The path an uploaded image is served at; the only image source an article may use. */
export const NEWS_IMAGE_PATH = '/api/v1/news/images/'
export const NEWS_IMAGE_KEY_PATTERN = /^[0-9a-f]{32}$/
export const newsImageUrl = (key: string) => `${NEWS_IMAGE_PATH}${key}`

/**
 * The address of an article (đường dẫn): the folded title, words joined by dashes, at most 80
 * characters cut at a word. Fixed at creation, so links keep working when a title is corrected.
 */
export function newsSlugOf(title: string): string {
  const words = foldVietnamese(title)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > 80) break
    slug = next
  }
  return slug || 'tin-tuc'
}

export const NewsSlug = z
  .string()
  .max(90, { error: 'Đường dẫn bài viết không hợp lệ.' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Đường dẫn bài viết không hợp lệ.' })

const emptyToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value

/** One line: NFC, spaces collapsed, trimmed, within the bounds. */
function line(label: string, min: number, max: number) {
  return requiredText(label)
    .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(min, { error: `${capitalised(label)} phải có ít nhất ${min} ký tự.` })
        .max(max, { error: `${capitalised(label)} không được quá ${max} ký tự.` }),
    )
}

const capitalised = (label: string) => `${label.charAt(0).toUpperCase()}${label.slice(1)}`

/** What the editor writes; the server renders `body` and refuses what it cannot show safely. */
export const NewsDraft = z
  .object({
    title: line('tiêu đề', NEWS_TITLE_MIN, NEWS_TITLE_MAX),
    category: z.enum(NewsCategory, { error: 'Vui lòng chọn chuyên mục.' }),
    summary: line('tóm tắt', NEWS_SUMMARY_MIN, NEWS_SUMMARY_MAX),
    body: requiredText('nội dung bài viết')
      .transform((value) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim())
      .pipe(
        z
          .string()
          .min(1, { error: 'Vui lòng nhập nội dung bài viết.' })
          .max(NEWS_BODY_MAX, { error: `Nội dung bài viết không được quá ${NEWS_BODY_MAX} ký tự.` }),
      ),
    /** An image uploaded with `POST /staff/news/images`, shown above the article and in the list. */
    coverImageKey: z.preprocess(
      emptyToUndefined,
      z.string().regex(NEWS_IMAGE_KEY_PATTERN, { error: 'Ảnh đại diện không hợp lệ.' }).nullable().optional(),
    ),
    /** What the cover shows, for those who cannot see it; required with a cover. */
    coverAlt: z.preprocess(
      emptyToUndefined,
      z.string().trim().max(200, { error: 'Mô tả ảnh không được quá 200 ký tự.' }).optional(),
    ),
  })
  .refine((draft) => !draft.coverImageKey || draft.coverAlt, {
    path: ['coverAlt'],
    error: 'Vui lòng mô tả ảnh đại diện cho người không xem được ảnh.',
  })
export type NewsDraft = z.infer<typeof NewsDraft>
export type NewsDraftInput = z.input<typeof NewsDraft>

export const NewsPreviewRequest = z.object({ body: NewsDraft.shape.body })
export const NewsPreview = z.object({ html: z.string() })
export type NewsPreview = z.infer<typeof NewsPreview>

export const NewsImage = z.object({
  key: z.string(),
  url: z.string(),
  width: z.number(),
  height: z.number(),
})
export type NewsImage = z.infer<typeof NewsImage>

const Cover = z.object({ url: z.string(), thumbnailUrl: z.string(), alt: z.string() }).nullable()
const Publisher = z.object({ code: z.string(), name: z.string() })

// ---------------------------------------------------------------------------------------------
// The public side

export const NewsListQuery = z.object({
  category: z.preprocess(
    emptyToUndefined,
    z.enum(NewsCategory, { error: 'Chuyên mục không hợp lệ.' }).optional(),
  ),
  page: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'Số trang không hợp lệ.' }).int().min(1).max(1000).default(1),
  ),
})
export type NewsListQuery = z.infer<typeof NewsListQuery>

export const NewsSummary = z.object({
  slug: z.string(),
  title: z.string(),
  category: z.enum(NewsCategory),
  summary: z.string(),
  cover: Cover,
  publishedAt: z.iso.datetime(),
  publisher: Publisher,
})
export type NewsSummary = z.infer<typeof NewsSummary>

export const NewsListPage = z.object({
  items: z.array(NewsSummary),
  page: z.number(),
  pageCount: z.number(),
  total: z.number(),
})
export type NewsListPage = z.infer<typeof NewsListPage>

export const NewsArticleView = NewsSummary.extend({
  /** Sanitised HTML rendered from the editor's Markdown. */
  bodyHtml: z.string(),
  /** Set when the article was corrected after it was published. */
  updatedAt: z.iso.datetime().nullable(),
})
export type NewsArticleView = z.infer<typeof NewsArticleView>

export const NewsSlugParams = z.object({ slug: NewsSlug })

// ---------------------------------------------------------------------------------------------
// The editors' side

export const StaffNewsQuery = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(NewsStatus).optional()),
  text: z.preprocess(
    emptyToUndefined,
    z.string().trim().max(100, { error: 'Từ khóa không được quá 100 ký tự.' }).optional(),
  ),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(50)),
  cursor: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
})
export type StaffNewsQuery = z.infer<typeof StaffNewsQuery>

export const StaffNewsItem = z.object({
  id: z.number(),
  slug: z.string(),
  title: z.string(),
  category: z.enum(NewsCategory),
  status: z.enum(NewsStatus),
  publisher: Publisher,
  updatedAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
})
export type StaffNewsItem = z.infer<typeof StaffNewsItem>

export const StaffNewsPage = z.object({
  items: z.array(StaffNewsItem),
  nextCursor: z.string().nullable(),
  total: z.number(),
})
export type StaffNewsPage = z.infer<typeof StaffNewsPage>

export const StaffNewsArticle = StaffNewsItem.extend({
  summary: z.string(),
  /** The Markdown as written. */
  body: z.string(),
  bodyHtml: z.string(),
  cover: Cover,
  coverImageKey: z.string().nullable(),
  updatedBy: z.string(),
})
export type StaffNewsArticle = z.infer<typeof StaffNewsArticle>
