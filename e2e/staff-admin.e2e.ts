import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium } from './support/browser'
import { useServerAndBrowser } from './support/journey'
import {
  button,
  demoStaff,
  enterPassword,
  expectNoSeriousViolations,
  field,
  heading,
  signIn,
  withStaffContext,
} from './support/staff'
import { totpCode } from './support/totp'

// Journey: the administrator of BHXH TP. Hồ Chí Minh opens "Quản trị" → "Cán bộ", creates a reviewer
// for BHXH Quận 5 and reads the one-time password once; the newcomer signs in with it and sets up
// the authenticator from the secret on the page, then replaces the one-time password. The
// administrator then locks the newcomer (whose next request lands on the sign-in page), unlocks them
// and resets their second factor (the next sign-in asks for a new authenticator). A reviewer sees no "Quản trị" and is told they may not.

const admin = demoStaff.hcmAdmin
const reviewer = demoStaff.quan5Reviewer
const newcomer = {
  username: 'q5.hoa',
  fullName: 'Lý Thị Hoa',
  email: 'hoa@example.vn',
  ownPassword: 'Hoa@Quan5-BHXH-2026',
}

const rowOf = (page: Page, username: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: username, exact: true }) })

/** The enrolment step: reads the secret as a person would type it into their app. */
async function enrolAuthenticator(page: Page): Promise<void> {
  await page.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' }).waitFor()
  const secret = ((await page.locator('code.staff-secret').textContent()) ?? '').replace(/\s/g, '')
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
  await field(page, 'Mã xác thực (6 chữ số)').fill(totpCode(secret))
  await button(page, 'Đăng nhập').click()
  await heading(page, 'Mã khôi phục')
}

/** Confirms one row action in its dialog, which opens on "Hủy", and waits for the notice. */
async function confirmAction(
  page: Page,
  action: { button: string; dialog: string; confirm: string; notice: string },
): Promise<void> {
  await button(page, action.button).click()
  const dialog = page.getByRole('dialog', { name: action.dialog })
  await dialog.waitFor()
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Hủy')
  await dialog.getByRole('button', { name: action.confirm, exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('.staff-notice').filter({ hasText: action.notice }).waitFor()
}

describe.skipIf(!hasChromium())('staff administration: the staff accounts of an office tree', () => {
  const running = useServerAndBrowser({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })

  it('desktop: hcm.admin creates, locks, unlocks and resets a Quận 5 reviewer, who signs in between', async () => {
    await withStaffContext(
      running.browser,
      running.server.baseUrl,
      async (adminPage) => {
        await signIn(adminPage, admin)
        await adminPage
          .getByRole('navigation', { name: 'Menu chính' })
          .getByRole('link', { name: 'Quản trị', exact: true })
          .click()
        await heading(adminPage, 'Quản trị – Cán bộ')
        await adminPage.getByRole('table', { name: 'Cán bộ thuộc các cơ quan BHXH bạn quản lý' }).waitFor()
        const existing = rowOf(adminPage, reviewer.username)
        await expect.poll(() => existing.textContent()).toContain('Cán bộ tiếp nhận')
        // No action on one's own account: that takes another administrator.
        await expect.poll(() => rowOf(adminPage, admin.username).getByRole('button').count()).toBe(0)
        await expectNoSeriousViolations(adminPage, 'list')

        // The form: the browser refuses what the API would, under each field.
        await button(adminPage, 'Thêm cán bộ').click()
        await heading(adminPage, 'Thêm cán bộ', 2)
        const office = field(adminPage, 'Cơ quan BHXH')
        await expect.poll(() => office.isEnabled()).toBe(true)
        // An office administrator grants the roles of their own level and below (news editors of the
        // office's tree and the administrators of its organisations among them), never a system
        // administrator's.
        expect(await field(adminPage, 'Vai trò').locator('option').allTextContents()).toEqual([
          'Cán bộ tiếp nhận',
          'Quản trị đơn vị',
          'Biên tập viên tin tức',
          'Quản trị tổ chức',
        ])
        // An organisation administrator belongs to the organisation's office: the form asks for the
        // organisation instead of an office.
        await field(adminPage, 'Vai trò').selectOption('organisation_admin')
        await field(adminPage, 'Tổ chức').waitFor()
        expect(await office.count()).toBe(0)
        await field(adminPage, 'Vai trò').selectOption('reviewer')
        await expect.poll(() => office.isEnabled()).toBe(true)
        await button(adminPage, 'Tạo tài khoản').click()
        const username = field(adminPage, 'Tên đăng nhập')
        await expect.poll(() => username.getAttribute('aria-invalid')).toBe('true')
        await expect
          .poll(() => adminPage.evaluate(() => document.activeElement?.getAttribute('name')))
          .toBe('username')
        expect(await field(adminPage, 'Họ tên').getAttribute('aria-invalid')).toBe('true')
        await expectNoSeriousViolations(adminPage, 'form with errors')

        // A taken username: the server's answer lands under its field.
        await username.fill(reviewer.username)
        await field(adminPage, 'Họ tên').fill(newcomer.fullName)
        await field(adminPage, 'Thư điện tử (không bắt buộc)').fill(newcomer.email)
        await office.selectOption('07915')
        await field(adminPage, 'Vai trò').selectOption('reviewer')
        await button(adminPage, 'Tạo tài khoản').click()
        await adminPage.getByText('Tên đăng nhập này đã được dùng.').first().waitFor()
        expect(await username.getAttribute('aria-invalid')).toBe('true')

        await username.fill(newcomer.username)
        await button(adminPage, 'Tạo tài khoản').click()
        await heading(adminPage, `Đã tạo tài khoản ${newcomer.username}`, 2)
        await adminPage
          .getByText(/Hãy trao mật khẩu này cho chính người dùng; họ phải đổi mật khẩu/)
          .waitFor()
        const oneTimePassword = ((await adminPage.locator('.staff-otp__password').textContent()) ?? '').trim()
        expect(oneTimePassword).toMatch(/^\S{12}$/)
        await button(adminPage, 'Sao chép mật khẩu').click()
        await adminPage.getByText('Đã sao chép mật khẩu.').waitFor()
        expect(await adminPage.evaluate(() => navigator.clipboard.readText())).toBe(oneTimePassword)
        await button(adminPage, 'Xong').click()
        await adminPage.locator('.staff-otp').waitFor({ state: 'detached' })
        await expect.poll(() => rowOf(adminPage, newcomer.username).textContent()).toContain('Chưa cài đặt')

        await withStaffContext(running.browser, running.server.baseUrl, async (newcomerPage) => {
          // First sign-in: the one-time password, then the authenticator from the page's secret.
          await enterPassword(newcomerPage, newcomer.username, oneTimePassword, 'Cài đặt xác thực hai lớp')
          await enrolAuthenticator(newcomerPage)
          expect(await newcomerPage.locator('.staff-recovery-codes li').count()).toBeGreaterThan(0)
          await newcomerPage.getByLabel('Tôi đã lưu các mã khôi phục').check()
          await button(newcomerPage, 'Tiếp tục').click()
          // Nothing else opens before the one-time password is replaced.
          await heading(newcomerPage, 'Đổi mật khẩu')
          await field(newcomerPage, 'Mật khẩu hiện tại').fill(oneTimePassword)
          await field(newcomerPage, 'Mật khẩu mới').fill(newcomer.ownPassword)
          await field(newcomerPage, 'Nhập lại mật khẩu mới').fill(newcomer.ownPassword)
          await button(newcomerPage, 'Đổi mật khẩu').click()
          await newcomerPage.getByText('Đổi mật khẩu thành công.').waitFor()
          await newcomerPage.getByRole('link', { name: 'Bắt đầu làm việc', exact: true }).click()
          await heading(newcomerPage, 'Hồ sơ ĐK GDĐT – Cá nhân')
          await newcomerPage.getByText(/^Tìm thấy \d+ hồ sơ$/).waitFor()

          await adminPage.reload()
          await heading(adminPage, 'Quản trị – Cán bộ')
          await expect.poll(() => rowOf(adminPage, newcomer.username).textContent()).toContain('Đã cài đặt')
          await confirmAction(adminPage, {
            button: `Khóa tài khoản ${newcomer.username}`,
            dialog: 'Khóa tài khoản?',
            confirm: 'Khóa tài khoản',
            notice: `Đã khóa tài khoản ${newcomer.username}`,
          })
          await expect.poll(() => rowOf(adminPage, newcomer.username).textContent()).toContain('Đã khóa')

          // The newcomer's next request (sorting the list) finds the session ended: back to sign-in,
          // where the password now says the account is locked.
          await newcomerPage.getByRole('button', { name: /^Ngày nộp/ }).click()
          await heading(newcomerPage, 'Đăng nhập cán bộ')
          await field(newcomerPage, 'Tên đăng nhập').fill(newcomer.username)
          await field(newcomerPage, 'Mật khẩu').fill(newcomer.ownPassword)
          await button(newcomerPage, 'Đăng nhập').click()
          await newcomerPage.getByRole('alert').filter({ hasText: 'Tài khoản đã bị khóa.' }).waitFor()

          await confirmAction(adminPage, {
            button: `Mở khóa tài khoản ${newcomer.username}`,
            dialog: 'Mở khóa tài khoản?',
            confirm: 'Mở khóa',
            notice: `Đã mở khóa tài khoản ${newcomer.username}.`,
          })
          await expect
            .poll(() => rowOf(adminPage, newcomer.username).textContent())
            .toContain('Đang hoạt động')
          await confirmAction(adminPage, {
            button: `Đặt lại xác thực hai lớp của ${newcomer.username}`,
            dialog: 'Đặt lại xác thực hai lớp?',
            confirm: 'Đặt lại',
            notice: `Đã đặt lại xác thực hai lớp của ${newcomer.username}.`,
          })
          await expect.poll(() => rowOf(adminPage, newcomer.username).textContent()).toContain('Chưa cài đặt')

          // Unlocked, and asked for a new authenticator after the password.
          await enterPassword(
            newcomerPage,
            newcomer.username,
            newcomer.ownPassword,
            'Cài đặt xác thực hai lớp',
          )
          await enrolAuthenticator(newcomerPage)
        })
      },
      // The copy button is checked through the clipboard.
      { permissions: ['clipboard-read', 'clipboard-write'] },
    )
  })

  it('desktop: a reviewer has no "Quản trị" menu and is not allowed on its page', async () => {
    await withStaffContext(running.browser, running.server.baseUrl, async (page) => {
      await signIn(page, reviewer)
      const menu = page.getByRole('navigation', { name: 'Menu chính' })
      await menu.getByRole('link', { name: 'Cá nhân', exact: true }).waitFor()
      expect(await menu.getByRole('link', { name: 'Quản trị', exact: true }).count()).toBe(0)
      await page.goto('/staff/admin')
      await heading(page, 'Không có quyền truy cập')
      expect(await page.getByRole('button', { name: 'Thêm cán bộ' }).count()).toBe(0)
    })
  })
})
