import { describe, expect, it } from 'vitest'
import { hasChromium } from './support/browser'
import { withPhone } from './support/citizen'
import { useServerAndBrowser } from './support/journey'
import { button, expectNoSeriousViolations, field, heading } from './support/staff'

// Journey (issue 8, "Tra cứu trực tuyến"): without signing in, on a phone, a person opens the look-ups
// from the home tile, finds the demo citizen's BHXH code by province, name (typed without diacritics)
// and date of birth, sees the rest masked; a date that does not fit says what to do (the hotline); then
// she checks her card's validity by the legacy 15-character number. The proof of work runs in the
// page at the server's real difficulty.

const citizen = { bhxhCode: '7900012345', fullName: 'Nguyễn Thị Thu Hằng', birth: '12/03/1976' }

describe.skipIf(!hasChromium())('lookup: a person finds her BHXH code and her card’s validity', () => {
  const running = useServerAndBrowser()

  it('phone: finds the BHXH code, then the card’s validity, without an account', async () => {
    await withPhone(running, { serviceWorkers: 'allow' }, async (page) => {
      await page.goto('/')
      await page.getByRole('link', { name: 'Tra cứu trực tuyến', exact: true }).click()
      await heading(page, 'Tra cứu trực tuyến')
      const links = page.getByRole('navigation', { name: 'Tra cứu trực tuyến' }).getByRole('link')
      expect(
        (await links.allTextContents()).slice(0, 2).map((text) => text.split(/(?<=BHXH|BHYT)/)[0]),
      ).toEqual(['Tra cứu mã số BHXH', 'Tra cứu giá trị sử dụng thẻ BHYT'])
      await expectNoSeriousViolations(page, 'the look-ups list')

      await page.getByRole('link', { name: /Tra cứu mã số BHXH/ }).click()
      await heading(page, 'Tra cứu mã số BHXH')
      // Checked with the API's own schema before anything is sent.
      await button(page, 'Tra cứu').click()
      await page.getByText('Vui lòng chọn tỉnh/thành phố.').first().waitFor()

      await field(page, 'Tỉnh/thành phố').selectOption('79')
      await field(page, 'Họ và tên').fill('nguyen thi thu hang')
      await field(page, 'Ngày sinh').fill('1976')
      await button(page, 'Tra cứu').click()
      // Her record holds the full date: the year alone is not an exact match.
      const help = page.getByRole('link', { name: 'Gọi 1900 9068' })
      await help.waitFor({ timeout: 60_000 })
      expect(await help.getAttribute('href')).toBe('tel:19009068')
      await page.getByText(/Không tìm thấy mã số BHXH/).waitFor()

      await field(page, 'Ngày sinh').fill(citizen.birth)
      await button(page, 'Tra cứu').click()
      const found = page.getByRole('status').filter({ hasText: 'Đã tìm thấy mã số BHXH' })
      await found.waitFor({ timeout: 60_000 })
      const text = (await found.textContent()) ?? ''
      expect(text).toContain(citizen.bhxhCode)
      expect(text).toContain('Nguyễn T** T** H***')
      expect(text).toContain('1976')
      expect(text).toContain('Thành phố Hồ Chí Minh')
      expect(text).not.toContain(citizen.fullName)
      expect(text).not.toContain(citizen.birth)
      await expectNoSeriousViolations(page, 'the BHXH code answer')

      await page.goto('/lookup')
      await page.getByRole('link', { name: /Tra cứu giá trị sử dụng thẻ BHYT/ }).click()
      await heading(page, 'Tra cứu giá trị sử dụng thẻ BHYT')
      await field(page, 'Mã thẻ BHYT hoặc mã số BHXH').fill(`DN479${citizen.bhxhCode}`)
      await field(page, 'Họ và tên').fill(citizen.fullName)
      await field(page, 'Ngày sinh').fill(citizen.birth)
      await button(page, 'Tra cứu').click()
      const card = page.getByRole('status').filter({ hasText: 'Thẻ còn giá trị sử dụng' })
      await card.waitFor({ timeout: 60_000 })
      const cardText = (await card.textContent()) ?? ''
      expect(cardText).toContain(citizen.bhxhCode)
      expect(cardText).toContain('Từ ngày 01/01/2020')
      expect(cardText).toContain('Mức 4')
      expect(cardText).toMatch(/Nơi đăng ký KCB ban đầu.+\(\w{5}\)/)
      await expectNoSeriousViolations(page, 'the card answer')
    })
  })
})
