import {
  NEWS_IMAGE_KEY_PATTERN,
  NewsArticleView,
  NewsDraft,
  NewsImage,
  NewsListPage,
  NewsListQuery,
  NewsPreview,
  NewsPreviewRequest,
  NewsSlugParams,
  StaffNewsArticle,
  StaffNewsPage,
  StaffNewsQuery,
} from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorAnswers } from '../../http/error-answers'
import { multipartRouteValidator, readPhotoForm, registerPhotoUploads } from '../../http/photo-uploads'
import { staffOf } from '../identity/staff-guard'
import {
  createNews,
  editNews,
  publishNews,
  searchNews,
  uploadNewsImage,
  viewNews,
  withdrawNews,
} from './edit-news'
import { listNews, newsFeed, newsImage, readNews } from './read-news'
import { renderArticle } from './render-article'

const publicTags = ['news']
const staffTags = ['staff: news']
const errors = errorAnswers(400, 401, 403, 404, 409)
const ArticleId = z.object({ id: z.coerce.number().int().positive({ error: 'Mã bài viết không hợp lệ.' }) })
const ImageKey = z.object({ key: z.string().regex(NEWS_IMAGE_KEY_PATTERN, { error: 'Ảnh không tồn tại.' }) })
const ImageUpload = z
  .object({ image: z.string().meta({ format: 'binary' }).describe('JPEG, PNG, HEIC or WebP, 10 MB at most') })
  .describe('multipart/form-data')

/**
 * Shared caches (a CDN in front of the app) may keep published news a minute; browsers ask every
 * time, so a withdrawn or corrected article is gone from a reader's next visit.
 */
const PUBLIC_NEWS_CACHE = 'public, max-age=0, s-maxage=60'

/** Tin tức: articles anyone reads (and by RSS), written and published by the news editors. */
export async function registerNewsRoutes(app: FastifyInstance) {
  await registerPhotoUploads(app, { files: 1, fields: 0, fieldSize: 1024 })
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app

  api.get(
    '/news',
    {
      schema: {
        tags: publicTags,
        summary: 'Published articles, newest first, 10 a page; optionally of one category',
        querystring: NewsListQuery,
        response: { 200: NewsListPage, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', PUBLIC_NEWS_CACHE)
      return listNews(deps, request.query)
    },
  )

  api.get(
    '/news/rss.xml',
    {
      schema: {
        tags: publicTags,
        summary: 'RSS 2.0 feed of the 20 latest articles',
        produces: ['application/rss+xml'],
      },
    },
    async (request, reply) => {
      const siteUrl = deps.config.publicUrl ?? `${request.protocol}://${request.host}`
      return reply
        .type('application/rss+xml; charset=utf-8')
        .header('cache-control', PUBLIC_NEWS_CACHE)
        .send(await newsFeed(deps, siteUrl))
    },
  )

  api.get(
    '/news/images/:key',
    {
      schema: {
        tags: publicTags,
        summary: 'An image of an article (JPEG), or its 320-pixel thumbnail',
        description: 'The key is random and the content never changes: cached for a year.',
        params: ImageKey,
        querystring: z.object({ size: z.enum(['full', 'thumbnail']).default('full') }),
        produces: ['image/jpeg'],
      },
    },
    async (request, reply) => {
      const jpeg = await newsImage(deps, request.params.key, request.query.size)
      return reply
        .type('image/jpeg')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(jpeg)
    },
  )

  api.get(
    '/news/:slug',
    {
      schema: {
        tags: publicTags,
        summary: 'One published article; its body is sanitised HTML',
        params: NewsSlugParams,
        response: { 200: NewsArticleView, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', PUBLIC_NEWS_CACHE)
      return readNews(deps, request.params.slug)
    },
  )

  const editor = app.requireStaff(['news_editor'])

  api.get(
    '/staff/news',
    {
      preHandler: editor,
      schema: {
        tags: staffTags,
        summary:
          'Articles of the offices within reach, last changed first; filters: status, words of the title',
        description: 'Keyset pages: pass `nextCursor` back as `cursor`. Only the role `news_editor`.',
        querystring: StaffNewsQuery,
        response: { 200: StaffNewsPage, ...errors },
      },
    },
    async (request) => searchNews(deps, staffOf(request), request.query),
  )

  api.post(
    '/staff/news/preview',
    {
      preHandler: editor,
      schema: {
        tags: staffTags,
        summary: '"Xem trước": the HTML readers would get for this Markdown body; nothing is saved',
        body: NewsPreviewRequest,
        response: { 200: NewsPreview, ...errors },
      },
    },
    async (request) => ({ html: renderArticle(request.body.body).html }),
  )

  api.post(
    '/staff/news/images',
    {
      preHandler: editor,
      validatorCompiler: multipartRouteValidator,
      schema: {
        tags: staffTags,
        summary: 'Upload an image for an article (cover or in the body); answers its key and address',
        description:
          'Checked by content and re-encoded as JPEG without metadata, like every upload (400 `fields.image` ' +
          'when refused). The address is public once an article shows it; the key is random.',
        consumes: ['multipart/form-data'],
        body: ImageUpload,
        response: { 201: NewsImage, ...errors },
      },
    },
    async (request, reply) => {
      const { file } = await readPhotoForm(request, { fields: z.object({}), fileField: 'image' })
      return reply.code(201).send(await uploadNewsImage(deps, staffOf(request), file))
    },
  )

  api.post(
    '/staff/news',
    {
      preHandler: editor,
      schema: {
        tags: staffTags,
        summary: '"Viết bài": a new draft, published by the editor\'s office',
        description:
          'The body is Markdown; raw HTML is shown as text, images must be uploads with a description ' +
          '(400 `fields.body`). The address (slug) comes from the title and never changes.',
        body: NewsDraft,
        response: { 201: StaffNewsArticle, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createNews(deps, staffOf(request), request.body)),
  )

  api.get(
    '/staff/news/:id',
    {
      preHandler: editor,
      schema: {
        tags: staffTags,
        summary: 'One article as its editors see it: the Markdown, the rendering, the status',
        params: ArticleId,
        response: { 200: StaffNewsArticle, ...errors },
      },
    },
    async (request) => viewNews(deps, staffOf(request), request.params.id),
  )

  api.put(
    '/staff/news/:id',
    {
      preHandler: editor,
      schema: {
        tags: staffTags,
        summary: 'Save an article; a published one changes where people read it at once',
        params: ArticleId,
        body: NewsDraft,
        response: { 200: StaffNewsArticle, ...errors },
      },
    },
    async (request) => editNews(deps, staffOf(request), request.params.id, request.body),
  )

  api.post(
    '/staff/news/:id/publish',
    {
      preHandler: editor,
      schema: {
        tags: staffTags,
        summary: '"Đăng bài": publish (again); the first publication date stays',
        params: ArticleId,
        response: { 200: StaffNewsArticle, ...errors },
      },
    },
    async (request) => publishNews(deps, staffOf(request), request.params.id),
  )

  api.post(
    '/staff/news/:id/withdraw',
    {
      preHandler: editor,
      schema: {
        tags: staffTags,
        summary: '"Gỡ bài": take a published article out of the app and the feed (409 for a draft)',
        params: ArticleId,
        response: { 200: StaffNewsArticle, ...errors },
      },
    },
    async (request) => withdrawNews(deps, staffOf(request), request.params.id),
  )
}
