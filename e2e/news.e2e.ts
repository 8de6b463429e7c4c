import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { hasChromium } from './support/browser'
import { withPhone } from './support/citizen'
import { useServerAndBrowser } from './support/journey'
import {
  button,
  demoStaff,
  expectNoSeriousViolations,
  field,
  heading,
  signIn,
  withStaffContext,
} from './support/staff'

// Journey (issue 8, "Tin tức"): the national office's news editor writes an article in the
// back-office with a cover photo, previews it (a typed <script> stays text), saves it as a draft that
// nobody can read yet, and publishes it; on a phone, without an account, someone opens "Tin tức",
// filters by category and reads it; the RSS feed carries it; withdrawn, it is gone from both.

const title = 'Lịch tiếp công dân của BHXH Việt Nam trong tháng 12/2026'
const summary = 'Lãnh đạo BHXH Việt Nam tiếp công dân vào thứ Năm tuần thứ hai và tuần thứ tư của tháng.'
const body = [
  '## Thời gian và địa điểm',
  'Tiếp công dân **từ 8 giờ đến 11 giờ** tại trụ sở, số 7 Tràng Thi, Hà Nội.',
  '- Mang theo căn cước\n- Đăng ký trước qua tổng đài 1900 9068',
  'Thử mã độc: <script>window.__hacked = true</script>',
].join('\n\n')

function coverPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 630, channels: 3, background: '#0b5cad' } })
    .jpeg()
    .toBuffer()
}

describe.skipIf(!hasChromium())('news: written and published in the back-office, read on a phone', () => {
  const running = useServerAndBrowser()

  it('back-office → phone → RSS → withdrawn', async () => {
    let articleUrl = ''
    await withStaffContext(running.browser, running.server.baseUrl, async (staffPage) => {
      await signIn(staffPage, demoStaff.newsEditor, { heading: 'Tin tức', path: '/staff/news' })
      await staffPage.getByRole('link', { name: 'Viết bài mới' }).click()
      await heading(staffPage, 'Viết bài mới')

      // Saving an empty form names what is missing.
      await button(staffPage, 'Lưu nháp').click()
      await staffPage.getByText('Vui lòng nhập tiêu đề.').first().waitFor()

      await field(staffPage, 'Tiêu đề').fill(title)
      await staffPage.getByLabel('Chuyên mục').selectOption('announcement')
      await field(staffPage, 'Tóm tắt').fill(summary)
      const uploaded = staffPage.waitForResponse(
        (response) =>
          new URL(response.url()).pathname === '/api/v1/staff/news/images' && response.status() === 201,
      )
      await field(staffPage, 'Ảnh đại diện').setInputFiles({
        name: 'tru-so.jpg',
        mimeType: 'image/jpeg',
        buffer: await coverPhoto(),
      })
      await uploaded
      await field(staffPage, 'Mô tả ảnh').fill('Trụ sở BHXH Việt Nam')
      await field(staffPage, 'Nội dung').fill(body)

      await button(staffPage, 'Xem trước').click()
      const preview = staffPage.getByRole('region', { name: 'Bản xem trước' })
      await preview.getByRole('heading', { name: 'Thời gian và địa điểm' }).waitFor()
      await preview.getByText('<script>window.__hacked = true</script>', { exact: false }).waitFor()
      expect(await preview.locator('script').count()).toBe(0)
      await expectNoSeriousViolations(staffPage, 'news editor')

      const saved = staffPage.waitForResponse(
        (response) => new URL(response.url()).pathname === '/api/v1/staff/news' && response.status() === 201,
      )
      await button(staffPage, 'Lưu nháp').click()
      const draft = (await (await saved).json()) as { slug: string }
      await staffPage.getByText('Bản nháp', { exact: true }).first().waitFor()
      articleUrl = `/news/${draft.slug}`
      const unpublished = await staffPage.request.get(`/api/v1${articleUrl}`)
      expect(unpublished.status()).toBe(404)

      await button(staffPage, 'Đăng bài').click()
      await staffPage.getByRole('dialog').getByRole('button', { name: 'Đăng bài' }).click()
      await staffPage.getByText('Đã đăng', { exact: true }).first().waitFor()
      expect(await staffPage.getByRole('link', { name: 'Xem trên ứng dụng' }).getAttribute('href')).toContain(
        articleUrl,
      )
    })

    await withPhone(running, async (page) => {
      await page.goto('/')
      await page
        .getByRole('link', { name: /Tin tức/ })
        .first()
        .click()
      await heading(page, 'Tin tức')
      await page
        .getByRole('navigation', { name: 'Chuyên mục' })
        .getByRole('link', { name: 'Thông báo' })
        .click()
      expect(new URL(page.url()).searchParams.get('category')).toBe('announcement')
      await page.getByRole('link', { name: title }).click()
      await heading(page, title)
      expect(new URL(page.url()).pathname).toBe(articleUrl)
      await page.getByRole('img', { name: 'Trụ sở BHXH Việt Nam' }).waitFor()
      await page.getByRole('heading', { level: 2, name: 'Thời gian và địa điểm' }).waitFor()
      await page.getByText('Thử mã độc: <script>window.__hacked = true</script>').waitFor()
      expect(await page.evaluate(() => (window as { __hacked?: boolean }).__hacked)).toBeUndefined()
      await expectNoSeriousViolations(page, 'news article')

      const rss = await page.request.get('/api/v1/news/rss.xml')
      expect(rss.headers()['content-type']).toContain('application/rss+xml')
      const feed = await rss.text()
      expect(feed).toContain(title)
      expect(feed).toContain(`${articleUrl}</link>`)

      // Withdrawn in the back-office: the app and the feed no longer have it.
      await withStaffContext(running.browser, running.server.baseUrl, async (staffPage) => {
        await signIn(staffPage, demoStaff.newsEditor, { heading: 'Tin tức', path: '/staff/news' })
        await staffPage.getByRole('link', { name: title }).click()
        await heading(staffPage, title)
        await button(staffPage, 'Gỡ bài').click()
        await staffPage.getByRole('dialog').getByRole('button', { name: 'Gỡ bài' }).click()
        await staffPage.getByText('Đã gỡ', { exact: true }).first().waitFor()
      })
      await page.reload()
      await page.getByText('Không tìm thấy bài viết').waitFor()
      expect(await (await page.request.get('/api/v1/news/rss.xml')).text()).not.toContain(articleUrl)
    })
  })
})
