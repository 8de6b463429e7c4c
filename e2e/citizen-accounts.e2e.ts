import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, newDesktopContext } from './support/browser'
import { useServerAndBrowser } from './support/journey'
import {
  button,
  demoStaff,
  expectNoSeriousViolations,
  heading,
  notice,
  signIn,
  waitForMessage,
} from './support/staff'

// Journey: a reviewer of BHXH Quận 5 opens "Tài khoản cá nhân", finds the demo citizen by her BHXH
// code and by her phone, locks her account with a reason, unlocks it, and sends her a new one-time
// password: the SMS reaches her phone (dev outbox) and the page never shows the password.
//
// The demo citizen's account was seeded without a dossier, so it belongs to the office that serves
// her address: BHXH Quận 5, whose area includes Phường Chợ Quán.

const reviewer = demoStaff.quan5Reviewer
const citizen = {
  bhxhCode: '7900012345',
  fullName: 'Nguyễn Thị Thu Hằng',
  phone: '0901234567',
  email: 'thuhang.demo@example.com',
}
const searchLabel = 'Mã số BHXH, số định danh cá nhân hoặc số điện thoại'

async function search(page: Page, q: string): Promise<void> {
  await page.getByLabel(searchLabel, { exact: true }).fill(q)
  await button(page, 'Tìm kiếm').click()
}

/** Opens the action's dialog, gives the reason when one is asked, and confirms. */
async function act(page: Page, action: string, confirm: string, reason?: string): Promise<void> {
  await button(page, action).click()
  const dialog = page.getByRole('dialog', { name: action })
  await dialog.waitFor()
  if (reason !== undefined) await dialog.getByLabel('Lý do', { exact: true }).fill(reason)
  await dialog.getByRole('button', { name: confirm, exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
}

describe.skipIf(!hasChromium())('citizen accounts: managing an account in the back-office', () => {
  const running = useServerAndBrowser()

  it('desktop: a Quận 5 reviewer finds the demo citizen, locks, unlocks and resets her password', async () => {
    // bypassCSP lets axe-core's <script> in.
    const context = await newDesktopContext(running.browser, {
      baseURL: running.server.baseUrl,
      bypassCSP: true,
    })
    try {
      const page = await context.newPage()
      await signIn(page, reviewer)
      await page.getByRole('link', { name: 'Tài khoản cá nhân', exact: true }).click()
      await heading(page, 'Tài khoản cá nhân')
      await expectNoSeriousViolations(page, 'search')

      // A name is not a way in: the box takes one exact identifier.
      await search(page, 'Nguyễn Thị Thu Hằng')
      await page.getByRole('alert').filter({ hasText: 'Nhập mã số BHXH (10 chữ số)' }).waitFor()
      expect(await page.getByLabel(searchLabel, { exact: true }).getAttribute('aria-invalid')).toBe('true')

      for (const q of [citizen.bhxhCode, '0901 234 567']) {
        await search(page, q)
        await page.getByText('Tìm thấy 1 tài khoản', { exact: true }).waitFor()
        const card = page.getByRole('article', { name: citizen.fullName })
        await expect.poll(() => card.textContent()).toContain('0901 234 567')
        expect(await card.textContent()).toContain(citizen.bhxhCode)
      }
      await expectNoSeriousViolations(page, 'results')

      await page.getByRole('link', { name: `Quản lý tài khoản – ${citizen.fullName}` }).click()
      await heading(page, `Tài khoản cá nhân: ${citizen.fullName}`)
      await page.getByText('Không có thiết bị nào đang đăng nhập.').waitFor()
      await expectNoSeriousViolations(page, 'detail')

      // Lock: the dialog asks for the reason first.
      await button(page, 'Khóa tài khoản').click()
      const lockDialog = page.getByRole('dialog', { name: 'Khóa tài khoản' })
      await lockDialog.getByRole('button', { name: 'Khóa tài khoản', exact: true }).click()
      await lockDialog.getByText('Vui lòng nhập lý do (từ 5 đến 500 ký tự).').waitFor()
      await expectNoSeriousViolations(page, 'lock dialog')
      await lockDialog.getByRole('button', { name: 'Hủy', exact: true }).click()
      await lockDialog.waitFor({ state: 'detached' })
      await act(page, 'Khóa tài khoản', 'Khóa tài khoản', 'Người tham gia báo mất điện thoại')
      await page.getByRole('definition').filter({ hasText: 'Người tham gia báo mất điện thoại' }).waitFor()
      await notice(page, 'Đã khóa tài khoản. Số thiết bị bị đăng xuất: 0.')
      await page.getByRole('definition').filter({ hasText: 'Đã khóa' }).waitFor()
      expect(await button(page, 'Cấp lại mật khẩu').isDisabled()).toBe(true)

      await act(page, 'Mở khóa tài khoản', 'Mở khóa', 'Đã xác minh người tham gia tại quầy')
      await notice(page, 'Đã mở khóa tài khoản.')
      await page.getByRole('definition').filter({ hasText: 'Đang hoạt động' }).waitFor()

      // Reset: the new password goes to her phone and e-mail; staff never see it.
      await button(page, 'Cấp lại mật khẩu').click()
      const resetDialog = page.getByRole('dialog', { name: 'Cấp lại mật khẩu' })
      await expect.poll(() => resetDialog.textContent()).toContain('số điện thoại 0901 234 567')
      await resetDialog.getByRole('button', { name: 'Cấp lại và gửi mật khẩu', exact: true }).click()
      await resetDialog.waitFor({ state: 'detached' })
      await notice(
        page,
        `Đã cấp lại mật khẩu. Mật khẩu mới đã được gửi tới số điện thoại 0901 234 567 và thư điện tử ${citizen.email}.`,
      )
      const sms = await waitForMessage(context.request, citizen.phone, ['password_reset_by_office'])
      const password = /Mat khau: (\S+)/.exec(sms.text)?.[1] ?? ''
      expect(password).toHaveLength(10)
      expect(await page.content()).not.toContain(password)
      await expectNoSeriousViolations(page, 'after the reset')
    } finally {
      await context.close()
    }
  })
})
