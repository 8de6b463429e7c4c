import type { Page, Worker } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium } from './support/browser'
import { withPhone } from './support/citizen'
import { useServerAndBrowser } from './support/journey'
import { button, expectNoSeriousViolations, field, heading } from './support/staff'

// Journey (issue 8, "Tra cứu trực tuyến"): without signing in, on a phone, a person opens the look-ups
// from the home tile, finds the demo citizen's BHXH code by province, name (typed without diacritics)
// and date of birth, sees the rest masked; a date that does not fit says what to do (the hotline); then
// she checks her card's validity by the legacy 15-character number. The proof of work runs at the
// server's real difficulty in a dedicated worker (one per solve), which leaving the look-ups ends.

const citizen = { bhxhCode: '7900012345', fullName: 'Nguyễn Thị Thu Hằng', birth: '12/03/1976' }

/** The page's proof-of-work workers not ended yet, and how many were started. */
function watchProofWorkers(page: Page) {
  const open = new Set<Worker>()
  let started = 0
  page.on('worker', (worker) => {
    if (!/\/assets\/pow-worker-[\w-]+\.js$/.test(worker.url())) return
    started += 1
    open.add(worker)
    worker.on('close', () => open.delete(worker))
  })
  return { started: () => started, open: () => open.size }
}

/** Who found each proof of this document (the app's User Timing measures, `lookup-proof-of-work`). */
function proofsSolvedBy(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByName('lookup-proof-of-work', 'measure')
      .map((entry) => (entry as PerformanceMeasure).detail?.solvedBy),
  )
}

describe.skipIf(!hasChromium())('lookup: a person finds her BHXH code and her card’s validity', () => {
  const running = useServerAndBrowser()

  it('phone: finds the BHXH code, then the card’s validity, without an account', async () => {
    await withPhone(running, { serviceWorkers: 'allow' }, async (page) => {
      const proofWorkers = watchProofWorkers(page)
      const home = await page.goto('/')
      // The journey bypasses the CSP for axe; the server's own policy must allow the worker.
      expect(home?.headers()['content-security-policy']).toContain("worker-src 'self'")
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
      // Both searches had their proof found in a worker (one each), none on the main thread.
      const solvedBy = await proofsSolvedBy(page)
      expect(solvedBy.length).toBeGreaterThanOrEqual(2)
      expect(new Set(solvedBy)).toEqual(new Set(['worker']))
      expect(proofWorkers.started()).toBeGreaterThanOrEqual(solvedBy.length)

      await page.goto('/lookup')
      await page.getByRole('link', { name: /Tra cứu giá trị sử dụng thẻ BHYT/ }).click()
      await heading(page, 'Tra cứu giá trị sử dụng thẻ BHYT')
      await field(page, 'Mã thẻ BHYT, mã số BHXH hoặc số định danh cá nhân').fill(`DN479${citizen.bhxhCode}`)
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

      // Leaving the look-ups ends the search for the next proof: no worker is left running.
      await page.getByRole('link', { name: 'BHXH số – Trang chủ' }).click()
      await page.getByRole('link', { name: 'Tra cứu trực tuyến', exact: true }).waitFor()
      await expect.poll(proofWorkers.open, { timeout: 10_000 }).toBe(0)
      expect(new Set(await proofsSolvedBy(page))).toEqual(new Set(['worker']))
    })
  })
})
