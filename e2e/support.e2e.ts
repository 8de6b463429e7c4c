import type { ChatReply, FaqView } from '@ansinh/domain'
import { describe, expect, it } from 'vitest'
import { hasChromium } from './support/browser'
import { withPhone } from './support/citizen'
import { useServerAndBrowser } from './support/journey'
import { button, expectNoSeriousViolations, field, heading } from './support/staff'

// Journey (issue 8, "Hỗ trợ"): on a phone, without signing in, someone opens the tile, finds the
// hotline as a tel: link beside the warning against impostors, searches the FAQ without diacritics
// and opens an entry; asks the virtual assistant a question and reads the FAQ answer with its source;
// asks something unclear and is offered the nearest questions and the hotline; switches to English and
// reads the same entry in English.

describe.skipIf(!hasChromium())('support: FAQ search and the virtual assistant', () => {
  const running = useServerAndBrowser({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })

  it('phone: FAQ search without diacritics, an entry, the assistant and its hand-over', async () => {
    await withPhone(running, async (page) => {
      await page.goto('/')
      await page.getByRole('link', { name: 'Hỗ trợ', exact: true }).click()
      await heading(page, 'Hỗ trợ')

      // The official hotline, callable, with the warning against paid impostor numbers.
      const call = page.getByRole('link', { name: 'Gọi tổng đài 1900 9068' }).first()
      expect(await call.getAttribute('href')).toBe('tel:19009068')
      await page
        .getByText('BHXH không gọi điện yêu cầu chuyển tiền hay cung cấp mật khẩu/OTP')
        .first()
        .waitFor()
      expect(
        await page.getByRole('link', { name: 'baohiemxahoi@vss.gov.vn' }).first().getAttribute('href'),
      ).toBe('mailto:baohiemxahoi@vss.gov.vn')
      // Every category is listed before any search.
      await page.getByRole('heading', { level: 3, name: 'An toàn tài khoản' }).waitFor()
      await expectNoSeriousViolations(page, 'support page')

      // Search without diacritics, then open the entry.
      await field(page, 'Tìm câu hỏi').fill('khong nhan duoc ma otp')
      await button(page, 'Tìm').click()
      await page.getByRole('status').filter({ hasText: 'phù hợp với “khong nhan duoc ma otp”' }).waitFor()
      const entryAnswer = page.waitForResponse((response) =>
        new URL(response.url()).pathname.startsWith('/api/v1/support/faq/'),
      )
      await page.getByRole('link', { name: 'Tôi không nhận được mã OTP thì phải làm sao?' }).first().click()
      const entry = (await (await entryAnswer).json()) as FaqView
      expect(entry.id).toBe('otp-not-received')
      await page.getByRole('heading', { level: 2, name: entry.question }).waitFor()
      await page.getByText(entry.answer.split('\n')[0] ?? '', { exact: true }).waitFor()
      expect(new URL(page.url()).pathname).toBe('/support/faq/otp-not-received')
      await expectNoSeriousViolations(page, 'FAQ entry')

      // The assistant answers with the FAQ text and names its source.
      await page.getByRole('link', { name: 'Hỏi trợ lý ảo' }).first().click()
      await heading(page, 'Trợ lý ảo')
      const ask = async (message: string) => {
        const answered = page.waitForResponse(
          (response) => new URL(response.url()).pathname === '/api/v1/support/chat',
        )
        await field(page, 'Câu hỏi của bạn').fill(message)
        await button(page, 'Gửi').click()
        const response = await answered
        expect(response.status()).toBe(200)
        return (await response.json()) as ChatReply
      }
      const clear = await ask('quen mat khau vssid thi lam sao')
      expect(clear).toMatchObject({ kind: 'answer', source: { id: 'forgot-password' } })
      const log = page.getByRole('log', { name: 'Hội thoại với trợ lý ảo' })
      await log.getByText(clear.answer?.split('\n')[0] ?? '', { exact: true }).waitFor()
      const source = log.getByRole('link', { name: clear.source?.question ?? '' })
      expect(await source.getAttribute('href')).toBe('/support/faq/forgot-password')

      // An unclear message: no guess, the nearest questions and the hotline.
      const unclear = await ask('xin chào')
      expect(unclear.kind).toBe('unclear')
      await log.getByText('Xin lỗi, tôi chưa chắc đã hiểu đúng câu hỏi', { exact: false }).waitFor()
      const handOver = log.getByRole('link', { name: 'Gọi tổng đài 1900 9068' })
      expect(await handOver.getAttribute('href')).toBe('tel:19009068')
      await expectNoSeriousViolations(page, 'virtual assistant')

      // Following the source opens the same entry.
      await source.click()
      await page.getByRole('heading', { level: 2, name: clear.source?.question ?? '' }).waitFor()

      // Switched to English, the entry loads again and reads in English (An Sinh's translation).
      const englishEntry = page.waitForResponse(
        (response) =>
          new URL(response.url()).pathname === '/api/v1/support/faq/forgot-password' &&
          response.request().headers()['accept-language'] === 'en',
      )
      await page.getByRole('button', { name: 'English' }).click()
      const translated = (await (await englishEntry).json()) as FaqView
      expect(translated.question).toBe('I forgot my password. How do I get it back?')
      await page.getByRole('heading', { level: 2, name: translated.question }).waitFor()
      await page.getByText(translated.answer.split('\n')[0] ?? '', { exact: true }).waitFor()
    })
  })
})
