import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { multipartBody, testJpeg } from '../../../test/registration'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog } from '../../db/schema'
import { publishDemoNews } from './demo-news'

// Tin tức through the HTTP API: the editors' back-office calls and what anyone then reads, in the
// app and by RSS.
describe.each(testBackends())('news on %s', (backend) => {
  let test: TestApp
  let editor: StaffSignIn
  let hcmEditor: StaffSignIn
  let reviewer: StaffSignIn

  beforeAll(async () => {
    test = await createTestApp({ backend })
    editor = await signInStaff(test.app, 'vss.editor')
    hcmEditor = await signInStaff(test.app, 'hcm.editor', { role: 'news_editor', officeCode: '079' })
    reviewer = await signInStaff(test.app, 'q5.reviewer')
  })
  afterAll(async () => test?.close())

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who?: StaffSignIn, payload?: object) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(who ? { headers: who.headers } : {}),
      ...(payload ? { payload } : {}),
    })

  async function uploadImage(who: StaffSignIn = editor) {
    const body = await multipartBody({}, { image: await testJpeg(800, 450) })
    const answer = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/news/images',
      payload: body.payload,
      headers: { ...body.headers, ...who.headers },
    })
    expect(answer.statusCode, answer.body).toBe(201)
    return answer.json() as { key: string; url: string; width: number; height: number }
  }

  const draft = (overrides: Record<string, unknown> = {}) => ({
    title: 'Từ 01/7/2026 tăng mức tham chiếu tính lương hưu',
    category: 'policy',
    summary: 'Mức tham chiếu mới áp dụng cho người hưởng lương hưu và trợ cấp BHXH hằng tháng.',
    body: '## Nội dung chính\n\nMức tham chiếu **tăng** từ ngày 01/7/2026.\n\n- Lương hưu\n- Trợ cấp hằng tháng',
    ...overrides,
  })

  async function createDraft(overrides: Record<string, unknown> = {}, who: StaffSignIn = editor) {
    const answer = await call('POST', '/staff/news', who, draft(overrides))
    expect(answer.statusCode, answer.body).toBe(201)
    return answer.json()
  }

  it('takes a draft with a cover and an image in the body, and shows it to nobody until published', async () => {
    const cover = await uploadImage()
    const inline = await uploadImage()
    expect(cover.url).toBe(`/api/v1/news/images/${cover.key}`)
    const article = await createDraft({
      coverImageKey: cover.key,
      coverAlt: 'Người cao tuổi nhận lương hưu tại bưu điện',
      body: `Đoạn mở đầu.\n\n![Bảng mức tham chiếu mới](${inline.url})`,
    })
    expect(article).toMatchObject({
      status: 'draft',
      slug: 'tu-01-7-2026-tang-muc-tham-chieu-tinh-luong-huu',
      publisher: { code: '000' },
      cover: { url: cover.url, alt: 'Người cao tuổi nhận lương hưu tại bưu điện' },
      coverImageKey: cover.key,
      publishedAt: null,
      updatedBy: 'Lý Thu Hà',
    })
    expect(article.bodyHtml).toContain(
      `<img src="${inline.url}" alt="Bảng mức tham chiếu mới" loading="lazy" />`,
    )
    expect((await call('GET', `/news/${article.slug}`)).statusCode).toBe(404)
    const list = (await call('GET', '/news')).json()
    expect(list.items.map((item: { slug: string }) => item.slug)).not.toContain(article.slug)

    const published = await call('POST', `/staff/news/${article.id}/publish`, editor)
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json()).toMatchObject({ status: 'published' })

    const read = await call('GET', `/news/${article.slug}`)
    expect(read.statusCode).toBe(200)
    expect(read.headers['cache-control']).toBe('public, max-age=0, s-maxage=60')
    expect(read.json()).toMatchObject({
      title: 'Từ 01/7/2026 tăng mức tham chiếu tính lương hưu',
      category: 'policy',
      publisher: { code: '000', name: 'BHXH Việt Nam' },
      cover: { thumbnailUrl: `${cover.url}?size=thumbnail` },
      updatedAt: null,
    })
    const image = await call('GET', `/news/images/${inline.key}`)
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toBe('image/jpeg')
    expect(image.headers['cache-control']).toContain('immutable')
    const thumbnail = await call('GET', `/news/images/${cover.key}?size=thumbnail`)
    expect(thumbnail.rawPayload.length).toBeLessThan(image.rawPayload.length)
  })

  it('renders Markdown as sanitised HTML: typed tags are text, script links and outside images are refused', async () => {
    const preview = await call('POST', '/staff/news/preview', editor, {
      body: '# Tiêu đề\n\n<script>alert(1)</script> <img src=x onerror=alert(1)> [bấm](javascript:alert(1)) [VSS](https://vss.gov.vn)',
    })
    expect(preview.statusCode).toBe(200)
    const { html } = preview.json()
    expect(html).toContain('<h2>Tiêu đề</h2>')
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toMatch(/<script|<img|href="javascript/)
    expect(html).toContain('<a href="https://vss.gov.vn" rel="noopener noreferrer">VSS</a>')

    const outside = await call('POST', '/staff/news/preview', editor, {
      body: '![Ảnh](https://example.com/a.png)',
    })
    expect(outside.statusCode).toBe(400)
    expect(outside.json().error.fields.body[0]).toContain('Chèn ảnh')
    const unnamed = await call('POST', '/staff/news/preview', editor, {
      body: `![](/api/v1/news/images/${'a'.repeat(32)})`,
    })
    expect(unnamed.json().error.fields.body[0]).toContain('mô tả')
  })

  it('names every wrong field, an image that was never uploaded and a cover without a description', async () => {
    const empty = await call('POST', '/staff/news', editor, {
      title: 'Ngắn',
      category: 'sport',
      summary: '',
      body: '',
    })
    expect(empty.statusCode).toBe(400)
    expect(Object.keys(empty.json().error.fields).sort()).toEqual(['body', 'category', 'summary', 'title'])

    const unknown = await call(
      'POST',
      '/staff/news',
      editor,
      draft({ body: `![Ảnh](/api/v1/news/images/${'b'.repeat(32)})` }),
    )
    expect(unknown.statusCode).toBe(400)
    expect(Object.keys(unknown.json().error.fields)).toEqual(['body'])

    const cover = await uploadImage()
    const blind = await call('POST', '/staff/news', editor, draft({ coverImageKey: cover.key }))
    expect(blind.statusCode).toBe(400)
    expect(Object.keys(blind.json().error.fields)).toEqual(['coverAlt'])

    const notAnImage = await multipartBody({}, { image: Buffer.from('%PDF-1.4 not an image') })
    const refused = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/news/images',
      payload: notAnImage.payload,
      headers: { ...notAnImage.headers, ...editor.headers },
    })
    expect(refused.statusCode).toBe(400)
    expect(Object.keys(refused.json().error.fields)).toEqual(['image'])
  })

  it('lists, pages by category, feeds RSS, and takes a withdrawn article out of both at once', async () => {
    const article = await createDraft({
      title: 'Hướng dẫn đăng ký tài khoản cho con dưới 18 tuổi',
      category: 'guidance',
    })
    expect((await call('POST', `/staff/news/${article.id}/publish`, editor)).statusCode).toBe(200)
    const guidance = (await call('GET', '/news?category=guidance')).json()
    expect(guidance.items[0]).toMatchObject({ slug: article.slug, category: 'guidance', cover: null })
    expect(guidance.items.every((item: { category: string }) => item.category === 'guidance')).toBe(true)
    expect(guidance).toMatchObject({ page: 1, pageCount: 1 })
    expect((await call('GET', '/news?page=0')).statusCode).toBe(400)

    const rss = await call('GET', '/news/rss.xml')
    expect(rss.statusCode).toBe(200)
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
    expect(rss.body).toContain('<rss version="2.0"')
    expect(rss.body).toContain('Hướng dẫn đăng ký tài khoản cho con dưới 18 tuổi')
    expect(rss.body).toContain(`/news/${article.slug}</link>`)

    const withdrawn = await call('POST', `/staff/news/${article.id}/withdraw`, editor)
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' })
    expect((await call('GET', `/news/${article.slug}`)).statusCode).toBe(404)
    expect((await call('GET', '/news/rss.xml')).body).not.toContain(article.slug)

    // Published again: the first date stays, and the correction shows as such.
    const again = (await call('POST', `/staff/news/${article.id}/publish`, editor)).json()
    expect(again.publishedAt).toBe(withdrawn.json().publishedAt)
    expect((await call('GET', `/news/${article.slug}`)).json().updatedAt).not.toBeNull()
  })

  it('keeps the address of an article when its title changes, and gives a second one of the same title its own', async () => {
    const first = await createDraft({ title: 'Thông báo lịch nghỉ Tết Nguyên đán', category: 'announcement' })
    const second = await createDraft({
      title: 'Thông báo lịch nghỉ Tết Nguyên đán',
      category: 'announcement',
    })
    expect(first.slug).toBe('thong-bao-lich-nghi-tet-nguyen-dan')
    expect(second.slug).toBe('thong-bao-lich-nghi-tet-nguyen-dan-2')
    const edited = await call(
      'PUT',
      `/staff/news/${first.id}`,
      editor,
      draft({ title: 'Thông báo lịch nghỉ Tết Nguyên đán 2027', category: 'announcement' }),
    )
    expect(edited.json()).toMatchObject({
      slug: first.slug,
      title: 'Thông báo lịch nghỉ Tết Nguyên đán 2027',
    })
    const draftWithdraw = await call('POST', `/staff/news/${second.id}/withdraw`, editor)
    expect(draftWithdraw.statusCode).toBe(409)
  })

  it('lets only news editors in, each within their office tree, and audits every change', async () => {
    expect((await call('GET', '/staff/news')).statusCode).toBe(401)
    expect((await call('GET', '/staff/news', reviewer)).statusCode).toBe(404)
    expect((await call('POST', '/staff/news', reviewer, draft())).statusCode).toBe(404)

    const national = await createDraft({ title: 'Bài của BHXH Việt Nam về sổ BHXH điện tử' })
    const provincial = await createDraft({ title: 'BHXH TP. Hồ Chí Minh hướng dẫn cài đặt VssID' }, hcmEditor)
    expect(provincial.publisher.code).toBe('079')
    expect((await call('GET', `/staff/news/${national.id}`, hcmEditor)).statusCode).toBe(404)
    expect((await call('POST', `/staff/news/${national.id}/publish`, hcmEditor)).statusCode).toBe(404)
    expect((await call('GET', `/staff/news/${provincial.id}`, editor)).statusCode).toBe(200)
    const hcmList = (await call('GET', '/staff/news', hcmEditor)).json()
    expect(hcmList.items.map((item: { id: number }) => item.id)).toEqual([provincial.id])
    const found = (await call('GET', '/staff/news?text=cai dat vssid', editor)).json()
    expect(found.items.map((item: { id: number }) => item.id)).toEqual([provincial.id])

    const audited = await test.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'news_article'), eq(auditLog.recordId, String(provincial.id))))
    expect(audited.map((row) => row.action)).toEqual(['news.create'])
  })
  it('publishes the demo articles on a fresh demo, with their covers', async () => {
    await publishDemoNews(test.app.deps)
    const list = (await call('GET', '/news?category=announcement')).json()
    const warning = list.items.find(
      (item: { slug: string }) => item.slug === 'canh-giac-voi-cac-cuoc-goi-mao-danh-co-quan-bao-hiem-xa-hoi',
    )
    expect(warning).toMatchObject({ publisher: { code: '000' } })
    const article = (
      await call('GET', '/news/so-dinh-danh-ca-nhan-duoc-dung-thay-ma-so-bhxh-tu-ngay-01-8-2025')
    ).json()
    expect(article.bodyHtml).toContain('<h2>Điều gì thay đổi</h2>')
    expect((await call('GET', article.cover.url.replace('/api/v1', ''))).statusCode).toBe(200)
  })
})
