import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium } from './support/browser'
import { useServerAndBrowser } from './support/journey'
import {
  button,
  demoStaff,
  expectNoSeriousViolations,
  field,
  heading,
  notice,
  signIn,
  waitForMessage,
  withStaffContext,
} from './support/staff'

// Journey: the dossiers a person files from their account, as the demo files them on a fresh start
// (README, "Demo accounts"). A reviewer of BHXH Quận 5 confirms the demo citizen's change of e-mail,
// reading the old value beside the new one; the administrator of BHXH TP. Hồ Chí Minh approves the
// account for her son at BHXH Quận 6, with the birth certificate and the parent's account on screen.
// Neither needs the paper form, so neither offers "Đã nhận hồ sơ giấy".

const parent = { bhxhCode: '7900012345', fullName: 'Nguyễn Thị Thu Hằng', phone: '0901234567' }
const child = { bhxhCode: '7900012346', fullName: 'Lê Gia Bảo' }

async function openOnlyDossierOf(page: Page, bhxhCode: string): Promise<void> {
  await button(page, 'Mở rộng').click()
  await field(page, 'Số định danh cá nhân hoặc mã số BHXH').fill(bhxhCode)
  await button(page, 'Tra cứu').click()
  await page.getByText('Tìm thấy 1 hồ sơ', { exact: true }).waitFor()
  await page.getByRole('link', { name: /^Xem hồ sơ / }).click()
  await heading(page, /^Hồ sơ /)
}

/** The dossier filed online: no paper step; the reviewer takes it and approves it. */
async function takeAndApprove(page: Page, outcome: string): Promise<void> {
  await page.getByRole('definition').filter({ hasText: 'Nộp trực tuyến' }).waitFor()
  expect(await button(page, 'Đã nhận hồ sơ giấy').count()).toBe(0)
  await button(page, 'Nhận xử lý').click()
  await notice(page, 'Bạn đã nhận xử lý hồ sơ.')
  await page.getByRole('radio', { name: 'Hồ sơ hợp lệ' }).check()
  await button(page, 'Ghi nhận').click()
  await notice(page, `Cập nhật thành công: ${outcome}`)
}

describe.skipIf(!hasChromium())('staff review: dossiers filed from an account (change, child)', () => {
  const running = useServerAndBrowser()

  it('desktop: a change of e-mail is confirmed, and a child account is issued under the parent', async () => {
    await withStaffContext(running.browser, running.server.baseUrl, async (page, context) => {
      await signIn(page, demoStaff.quan5Reviewer)
      await openOnlyDossierOf(page, parent.bhxhCode)
      await page.getByRole('definition').filter({ hasText: 'Thay đổi thông tin' }).waitFor()
      const changes = page.getByRole('table', { name: 'Thông tin đề nghị thay đổi' })
      const email = changes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Email' }) })
      await expect.poll(() => email.textContent()).toContain('thuhang.demo@example.com')
      await expect.poll(() => email.textContent()).toContain('thuhang.moi@example.com')
      await page.getByText(`${parent.bhxhCode} — ${parent.fullName} (đang hoạt động)`).waitFor()
      await expectNoSeriousViolations(page, 'change dossier')
      await takeAndApprove(page, 'đã cập nhật thông tin liên hệ của tài khoản')
      const told = await waitForMessage(context.request, parent.phone, ['account_request_approved'])
      expect(told.text).toContain('Thong tin lien he cua ban da duoc cap nhat')
    })

    await withStaffContext(running.browser, running.server.baseUrl, async (page, context) => {
      await signIn(page, demoStaff.hcmAdmin)
      await openOnlyDossierOf(page, child.bhxhCode)
      await page.getByRole('definition').filter({ hasText: 'Đăng ký cho trẻ em' }).waitFor()
      await page.getByText(`${parent.bhxhCode} — ${parent.fullName} (đang hoạt động)`).waitFor()
      await button(page, 'Xem Ảnh giấy khai sinh cỡ lớn').waitFor()
      await expectNoSeriousViolations(page, 'child dossier')
      await takeAndApprove(page, 'tài khoản của con đã được cấp và gắn với tài khoản cha/mẹ')
      await expect
        .poll(
          async () =>
            (await waitForMessage(context.request, parent.phone, ['account_request_approved'])).text,
        )
        .toContain('Tai khoan cua con da duoc cap')
    })
  })
})
