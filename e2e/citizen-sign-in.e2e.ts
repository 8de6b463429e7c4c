import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium } from './support/browser'
import { otpFromOutbox, seenOtps, withPhone } from './support/citizen'
import { useServerAndBrowser } from './support/journey'
import {
  button,
  demoStaff,
  expectNoSeriousViolations,
  field,
  heading,
  notice,
  signIn as staffSignIn,
  waitForMessage,
  withStaffContext,
} from './support/staff'

// Journey (issue 6): the demo citizen signs in on her phone; a second phone signs in, is warned that
// the first will be signed out, confirms with the OTP sent to her phone and takes over; the first
// phone's next navigation says the account was signed in elsewhere. She then resets a forgotten
// password by OTP, signs in with a one-time password issued by the office (which forces a change
// first), and finally five wrong passwords lock the account with the server's message.
//
// The tests share one server and run in order: each starts from the password the previous one set.

const citizen = {
  bhxhCode: '7900012345',
  fullName: 'Nguyễn Thị Thu Hằng',
  phone: '0901234567',
  password: 'Demo@AnSinh2026',
}
const resetPassword = 'Hang#Moi2026x'
const changedPassword = 'Thu-Hang@2027'
const voluntaryPassword = 'Hang.Doi#2028'

async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  await heading(page, 'Đăng nhập')
  await field(page, 'Tên đăng nhập').fill(username)
  await field(page, 'Mật khẩu').fill(password)
  await button(page, 'Đăng nhập').click()
}

async function expectSignedInHome(page: Page): Promise<void> {
  await page.getByText(citizen.fullName, { exact: true }).waitFor()
  await button(page, 'Đăng xuất').waitFor()
  expect(new URL(page.url()).pathname).toBe('/')
}

describe.skipIf(!hasChromium())(
  'citizen sign-in: one device at a time, forgotten and one-time passwords',
  () => {
    const running = useServerAndBrowser({
      // The journey signs in, polls the dev outbox and re-checks the session far more often in a
      // minute than one person's phone would: the per-address limits must not decide its outcome
      // (the account lockout it tests is per account).
      env: { RATE_LIMIT_PER_MINUTE: '10000', RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' },
    })

    it('phone: signs in; a second phone takes over after the OTP; the first is told at its next navigation', async () => {
      await withPhone(running, async (first) => {
        await first.goto('/')
        await first.getByRole('link', { name: 'Đăng nhập', exact: true }).click()
        await heading(first, 'Đăng nhập')
        await expectNoSeriousViolations(first, 'sign-in')

        // The browser's own checks first: nothing typed, then a name instead of a number.
        await button(first, 'Đăng nhập').click()
        await first.getByText('Vui lòng nhập mã số BHXH hoặc số định danh cá nhân.').waitFor()
        const username = field(first, 'Tên đăng nhập')
        expect(await username.getAttribute('aria-invalid')).toBe('true')
        expect(await username.getAttribute('aria-describedby')).toContain('reg-username-error')
        await expectNoSeriousViolations(first, 'sign-in errors')

        // Show/hide the password.
        const password = field(first, 'Mật khẩu')
        await password.fill(citizen.password)
        expect(await password.getAttribute('type')).toBe('password')
        await button(first, 'Hiện mật khẩu').click()
        expect(await password.getAttribute('type')).toBe('text')

        await fillSignIn(first, citizen.bhxhCode, citizen.password)
        await expectSignedInHome(first)
        await first.getByRole('link', { name: 'Tài khoản', exact: true }).click()
        await heading(first, 'Thiết bị đăng nhập')
        await first.getByRole('heading', { level: 2, name: /Thiết bị này/ }).waitFor()
        await expectNoSeriousViolations(first, 'devices')

        await withPhone(running, async (second, secondContext) => {
          const seen = await seenOtps(secondContext.request, citizen.phone)
          await second.goto('/sign-in')
          // The personal ID works as the username too.
          await fillSignIn(second, '079176000417', citizen.password)
          await heading(second, 'Tài khoản đang đăng nhập trên thiết bị khác', 2)
          await expectNoSeriousViolations(second, 'device change warning')
          await button(second, 'Tiếp tục').click()
          await heading(second, 'Xác thực thiết bị mới bằng mã OTP', 2)
          const otp = field(second, 'Mã OTP (6 chữ số)')
          expect(await otp.getAttribute('autocomplete')).toBe('one-time-code')
          // "Gửi lại mã" waits its 60 seconds.
          expect(await second.getByRole('button', { name: /^Gửi lại mã sau \d+ giây$/ }).isDisabled()).toBe(
            true,
          )
          await expectNoSeriousViolations(second, 'device change otp')

          await otp.fill('000000')
          await button(second, 'Xác nhận').click()
          await second.locator('#reg-otp-error').waitFor()
          await otp.fill(await otpFromOutbox(secondContext.request, citizen.phone, seen))
          await button(second, 'Xác nhận').click()
          await expectSignedInHome(second)
          await waitForMessage(secondContext.request, citizen.phone, ['device_changed'])
        })

        // The first phone's next navigation: its session was ended by the other sign-in.
        await first.getByRole('link', { name: 'Đổi mật khẩu' }).click()
        await heading(first, 'Đăng nhập')
        await first.getByText(/Tài khoản của bạn đã đăng nhập trên thiết bị khác/).waitFor()
        await expectNoSeriousViolations(first, 'signed in elsewhere')
        await first.getByRole('button', { name: 'English' }).click()
        await first.getByText(/Your account was signed in on another device/).waitFor()
        await first.getByRole('button', { name: 'Tiếng Việt' }).click()
        await heading(first, 'Đăng nhập')
        await first.goto('/')
        await first.getByRole('link', { name: 'Đăng nhập', exact: true }).waitFor()
      })
    })

    it('phone: a forgotten password is reset with the OTP, the in-person path always shown', async () => {
      await withPhone(running, async (page, context) => {
        const seen = await seenOtps(context.request, citizen.phone)
        await page.goto('/sign-in')
        await heading(page, 'Đăng nhập')
        await page.getByRole('link', { name: 'Quên mật khẩu?', exact: true }).click()
        await heading(page, 'Quên mật khẩu')
        await page
          .getByText(
            'Nếu số điện thoại đăng ký không còn sử dụng, vui lòng đến cơ quan BHXH nộp hồ sơ thay đổi thông tin',
          )
          .waitFor()
        await page.getByRole('link', { name: 'Tìm cơ quan BHXH gần bạn', exact: true }).waitFor()
        await expectNoSeriousViolations(page, 'forgot password')

        await field(page, 'Tên đăng nhập').fill(citizen.bhxhCode)
        await button(page, 'Gửi mã OTP').click()
        await page.getByText(/Nếu thông tin đúng, mã OTP đã được gửi/).waitFor()

        // The live checklist, and the browser's refusal of a weak password.
        await field(page, 'Mật khẩu mới').fill('abc')
        await field(page, 'Nhập lại mật khẩu mới').fill('abc')
        await field(page, 'Mã OTP (6 chữ số)').fill(await otpFromOutbox(context.request, citizen.phone, seen))
        await button(page, 'Đặt lại mật khẩu').click()
        await page.getByText('Mật khẩu mới chưa đúng quy định: xem các điều kiện bên dưới.').waitFor()
        expect(await field(page, 'Mật khẩu mới').getAttribute('aria-describedby')).toContain(
          'auth-password-rule',
        )
        await expectNoSeriousViolations(page, 'reset with errors')

        await field(page, 'Mật khẩu mới').fill(resetPassword)
        await field(page, 'Nhập lại mật khẩu mới').fill(resetPassword)
        await button(page, 'Đặt lại mật khẩu').click()
        await page.getByText('Đã đặt lại mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.').waitFor()

        await fillSignIn(page, citizen.bhxhCode, resetPassword)
        await expectSignedInHome(page)
        await button(page, 'Đăng xuất').click()
        await page.getByRole('link', { name: 'Đăng nhập', exact: true }).waitFor()
      })
    })

    it('phone: the one-time password from the office forces a password change before anything else', async () => {
      let oneTime = ''
      await withStaffContext(running.browser, running.server.baseUrl, async (page, context) => {
        await staffSignIn(page, demoStaff.quan5Reviewer)
        await page.getByRole('link', { name: 'Tài khoản cá nhân', exact: true }).click()
        await heading(page, 'Tài khoản cá nhân')
        await page
          .getByLabel('Mã số BHXH, số định danh cá nhân hoặc số điện thoại', { exact: true })
          .fill(citizen.bhxhCode)
        await button(page, 'Tìm kiếm').click()
        await page.getByRole('link', { name: `Quản lý tài khoản – ${citizen.fullName}` }).click()
        await heading(page, `Tài khoản cá nhân: ${citizen.fullName}`)
        await button(page, 'Cấp lại mật khẩu').click()
        const dialog = page.getByRole('dialog', { name: 'Cấp lại mật khẩu' })
        await dialog.getByRole('button', { name: 'Cấp lại và gửi mật khẩu', exact: true }).click()
        await dialog.waitFor({ state: 'detached' })
        await notice(page, /Đã cấp lại mật khẩu/)
        const sms = await waitForMessage(context.request, citizen.phone, ['password_reset_by_office'])
        oneTime = /Mat khau: (\S+)/.exec(sms.text)?.[1] ?? ''
      })
      expect(oneTime).not.toBe('')

      await withPhone(running, async (page, context) => {
        // A tile that shows her own data asks for the sign-in first.
        await page.goto('/')
        await page.getByRole('link', { name: 'Quản lý cá nhân', exact: true }).click()
        await heading(page, 'Quản lý cá nhân')
        await page
          .getByText('Chức năng này hiển thị thông tin của riêng bạn: vui lòng đăng nhập trước.')
          .waitFor()
        await page.getByRole('link', { name: 'Đăng nhập', exact: true }).click()
        await fillSignIn(page, citizen.bhxhCode, oneTime)
        await heading(page, 'Đổi mật khẩu')
        await page.getByText(/lần đăng nhập đầu tiên bằng mật khẩu được cấp/).waitFor()
        await expectNoSeriousViolations(page, 'forced change')

        // Nothing else opens before the change.
        await page.goto('/health-card')
        await heading(page, 'Đổi mật khẩu')

        await field(page, 'Mật khẩu được cấp').fill(oneTime)
        await field(page, 'Mật khẩu mới').fill(changedPassword)
        await field(page, 'Nhập lại mật khẩu mới').fill(`${changedPassword}!`)
        await button(page, 'Đổi mật khẩu').click()
        await page.getByText('Mật khẩu nhập lại không khớp với mật khẩu mới.').waitFor()
        await field(page, 'Nhập lại mật khẩu mới').fill(changedPassword)
        await button(page, 'Đổi mật khẩu').click()
        await page.getByRole('heading', { level: 2, name: 'Đã đổi mật khẩu' }).waitFor()
        await expectNoSeriousViolations(page, 'password changed')

        await page.goto('/health-card')
        await heading(page, 'Thẻ BHYT')

        // A change she asks for herself is confirmed by an OTP to her phone.
        const seen = await seenOtps(context.request, citizen.phone)
        await page.goto('/account/devices')
        await heading(page, 'Thiết bị đăng nhập')
        await page.getByRole('link', { name: 'Đổi mật khẩu', exact: true }).click()
        await heading(page, 'Đổi mật khẩu')
        await field(page, 'Mật khẩu hiện tại').fill(changedPassword)
        await field(page, 'Mật khẩu mới').fill(voluntaryPassword)
        await field(page, 'Nhập lại mật khẩu mới').fill(voluntaryPassword)
        await button(page, 'Đổi mật khẩu').click()
        await heading(page, 'Xác thực đổi mật khẩu bằng mã OTP', 2)
        await expectNoSeriousViolations(page, 'password change otp')
        await field(page, 'Mã OTP (6 chữ số)').fill(await otpFromOutbox(context.request, citizen.phone, seen))
        await button(page, 'Xác nhận').click()
        await page.getByRole('heading', { level: 2, name: 'Đã đổi mật khẩu' }).waitFor()
        await waitForMessage(context.request, citizen.phone, ['password_changed'])
      })
    })

    it('phone: five wrong passwords lock the account and the server says until when', async () => {
      await withPhone(running, async (page) => {
        await page.goto('/sign-in')
        let text = ''
        for (let attempt = 1; attempt <= 6; attempt += 1) {
          const answer = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'))
          await fillSignIn(page, citizen.bhxhCode, `Sai#MatKhau${attempt}`)
          const response = await answer
          if (response.status() === 429) {
            const locked = page.getByRole('alert').filter({ hasNotText: 'không đúng' })
            await locked.waitFor()
            text = (await locked.textContent()) ?? ''
            break
          }
          expect(response.status()).toBe(401)
          await page.getByRole('alert').filter({ hasText: 'không đúng' }).waitFor()
        }
        expect(text).not.toContain('không đúng')
        expect(text).not.toBe('')
        await expectNoSeriousViolations(page, 'locked')

        // The right password is refused too while the lock lasts.
        await fillSignIn(page, citizen.bhxhCode, voluntaryPassword)
        await page.getByRole('alert').filter({ hasText: text }).waitFor()
      })
    })
  },
)
