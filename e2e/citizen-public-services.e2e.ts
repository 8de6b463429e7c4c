import type { InboxPage, InboxUnreadCount, MyDossierList } from '@ansinh/domain'
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { hasChromium, newPhoneContext } from './support/browser'
import { useServerAndBrowser } from './support/journey'
import {
  button,
  demoStaff,
  expectNoSeriousViolations,
  field,
  heading,
  notice,
  outbox,
  type StaffSignIn,
  signIn as staffSignIn,
  waitForMessage,
  withStaffContext,
} from './support/staff'

// Journey (issue 7, "Dịch vụ công" and "Thông báo"): the demo citizen files an account for her son
// and a change of phone from her phone; the offices decide them in the back-office; she then sees her
// son's card, a new phone's sign-in sends its OTP to the new number, and the inbox shows the messages.
//
// A fresh demo has already filed two dossiers from her account (demo-dossiers.ts), and only one dossier
// per BHXH code may wait for review: the son's account at BHXH Quận 6, which the HCM administrator
// refuses first (so she files it again at Quận 5, and "Hồ sơ đã nộp" shows the refusal and its
// reason), and a new e-mail at Quận 5, which the Quận 5 reviewer approves before she files her phone.
//
// The tests share one server and run in order.

const parent = {
  bhxhCode: '7900012345',
  password: 'Demo@AnSinh2026',
  fullName: 'Nguyễn Thị Thu Hằng',
  phone: '0901234567',
}
const child = { bhxhCode: '7900012346', fullName: 'Lê Gia Bảo' }
const newPhone = '0389123456'
const refusal = 'Ảnh giấy khai sinh là ảnh mẫu, vui lòng nộp lại'

type Running = ReturnType<typeof useServerAndBrowser>

/** A phone of the parent's (its own storage and device id); the service worker is not this journey's. */
async function openPhone(running: Running): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhoneContext(running.browser, {
    baseURL: running.server.baseUrl,
    bypassCSP: true,
    serviceWorkers: 'block',
  })
  return { context, page: await context.newPage() }
}

async function typeSignIn(page: Page): Promise<void> {
  await page.goto('/sign-in')
  await heading(page, 'Đăng nhập')
  await field(page, 'Tên đăng nhập').fill(parent.bhxhCode)
  await field(page, 'Mật khẩu').fill(parent.password)
  await button(page, 'Đăng nhập').click()
}

async function signedInHome(page: Page): Promise<void> {
  await page.getByText(parent.fullName, { exact: true }).waitFor()
  expect(new URL(page.url()).pathname).toBe('/')
}

/** From the home screen: the "Dịch vụ công" tile, then one of its requests. */
async function openService(page: Page, title: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('link', { name: 'Dịch vụ công', exact: true }).click()
  await heading(page, 'Dịch vụ công')
  await page.getByRole('link', { name: new RegExp(`^${title}`) }).click()
  await heading(page, title)
}

async function chooseQuan5(page: Page): Promise<void> {
  await field(page, 'Cơ quan BHXH tỉnh/thành phố').selectOption('079')
  await field(page, 'Cơ quan BHXH tiếp nhận').selectOption('07915')
  await page.getByText('[079] BHXH TP. Hồ Chí Minh → [07915] BHXH Quận 5').waitFor()
}

/** The number on the confirmation, once the dossier is filed. */
async function filedNumber(page: Page): Promise<string> {
  await page.getByRole('heading', { level: 2, name: 'Đã gửi hồ sơ' }).waitFor()
  const number = (await page.locator('#reg-dossier-number').textContent())?.trim() ?? ''
  expect(number).toMatch(/^07915-\d{4}-\d{7,}$/)
  return number
}

/** The newest OTP sent to `phone` that is not one of `seen` (the dev outbox). */
async function newOtp(request: APIRequestContext, phone: string, seen: Set<string>): Promise<string> {
  await expect.poll(async () => (await otpsTo(request, phone)).some((item) => !seen.has(item.id))).toBe(true)
  const message = (await otpsTo(request, phone)).find((item) => !seen.has(item.id))
  seen.add(message?.id ?? '')
  return /\b(\d{6})\b/.exec(message?.text ?? '')?.[1] ?? ''
}

async function otpsTo(request: APIRequestContext, phone: string) {
  return (await outbox(request, phone)).filter((item) => item.kind === 'otp')
}

/** The staff dossier search's field for a person: either identifier. */
const personField = 'Số định danh cá nhân hoặc mã số BHXH'
const childIdField = 'Mã số BHXH hoặc số định danh cá nhân của con'

/** In the back-office: finds the one dossier by its number or the person's identifier, takes it and records the decision. */
async function decide(
  running: Running,
  staff: StaffSignIn,
  search: { label: 'Số hồ sơ' | typeof personField; value: string },
  decision: { valid: true; outcome: string } | { valid: false; reason: string },
): Promise<void> {
  await withStaffContext(running.browser, running.server.baseUrl, async (page) => {
    await staffSignIn(page, staff)
    await button(page, 'Mở rộng').click()
    await field(page, search.label).fill(search.value)
    await button(page, 'Tra cứu').click()
    await page.getByText('Tìm thấy 1 hồ sơ', { exact: true }).waitFor()
    await page.getByRole('link', { name: /^Xem hồ sơ / }).click()
    await heading(page, /^Hồ sơ /)
    await button(page, 'Nhận xử lý').click()
    await notice(page, 'Bạn đã nhận xử lý hồ sơ.')
    if (decision.valid) {
      await page.getByRole('radio', { name: 'Hồ sơ hợp lệ' }).check()
      await button(page, 'Ghi nhận').click()
      await notice(page, `Cập nhật thành công: ${decision.outcome}`)
    } else {
      await page.getByRole('radio', { name: 'Hồ sơ không hợp lệ' }).check()
      await field(page, 'Lý do').fill(decision.reason)
      await button(page, 'Ghi nhận').click()
      await notice(page, /^Cập nhật thành công/)
    }
  })
}

/** The API's answer, read with the page's own session cookie. */
async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/v1${path}`)
  expect(response.status(), path).toBe(200)
  return (await response.json()) as T
}

describe.skipIf(!hasChromium())(
  'citizen public services: a child account, a change of phone, the inbox',
  () => {
    const running = useServerAndBrowser({
      env: { RATE_LIMIT_PER_MINUTE: '10000', RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' },
    })
    // The phone she files from; the new phone of the change's test takes over from it.
    let phone: { context: BrowserContext; page: Page }
    let newDevice: { context: BrowserContext; page: Page }
    // The dossiers she files, by kind.
    const filed = { child: '', change: '' }

    it('phone: files an account for her son, the office approves it, and she sees his card', async () => {
      await decide(
        running,
        demoStaff.hcmAdmin,
        { label: personField, value: child.bhxhCode },
        { valid: false, reason: refusal },
      )

      phone = await openPhone(running)
      const { page } = phone
      await typeSignIn(page)
      await signedInHome(page)
      await openService(page, 'Đăng ký tài khoản cho con')
      await expectNoSeriousViolations(page, 'child form')

      // Nothing filled: every field says what it needs, the summary first.
      await button(page, 'Gửi hồ sơ').click()
      await page.getByText('Vui lòng kiểm tra lại các mục sau:').waitFor()
      await page.locator('#reg-birthCertificate-error').waitFor()
      expect(await field(page, childIdField).getAttribute('aria-invalid')).toBe('true')
      await expectNoSeriousViolations(page, 'child form errors')

      // Her own code has an account: the server's answer shows beside the field.
      await field(page, childIdField).fill(parent.bhxhCode)
      await field(page, 'Họ và tên của con').fill(child.fullName)
      const photo = await sharp({ create: { width: 900, height: 640, channels: 3, background: '#f4ecd8' } })
        .jpeg({ quality: 80 })
        .toBuffer()
      await page
        .getByTestId('photo-birthCertificate-file')
        .setInputFiles({ name: 'giay-khai-sinh.jpg', mimeType: 'image/jpeg', buffer: photo })
      await page.getByRole('img', { name: 'Ảnh giấy khai sinh đã chọn' }).waitFor()
      await chooseQuan5(page)
      await page.getByLabel(/^Tôi đồng ý và cam đoan/).check()
      await button(page, 'Gửi hồ sơ').click()
      await page
        .locator('#reg-identifier-error')
        .filter({ hasText: 'Mã số BHXH này đã có tài khoản giao dịch điện tử.' })
        .waitFor()

      await field(page, childIdField).fill(child.bhxhCode)
      await button(page, 'Gửi hồ sơ').click()
      const number = await filedNumber(page)
      filed.child = number
      await expectNoSeriousViolations(page, 'child filed')

      // "Hồ sơ đã nộp": the new one waits; the demo's, refused, says why.
      await page.getByRole('link', { name: 'Xem hồ sơ đã nộp', exact: true }).click()
      await heading(page, 'Dịch vụ công')
      const filedCard = page.getByRole('article', { name: `Hồ sơ ${number}: Đăng ký tài khoản cho con` })
      await expect.poll(() => filedCard.textContent()).toContain('Chờ duyệt')
      expect(await filedCard.textContent()).toContain(child.fullName)
      expect(await filedCard.textContent()).toContain('[07915] BHXH Quận 5')
      const listed = await api<MyDossierList>(page, '/me/dossiers')
      const refused = listed.items.find((item) => item.kind === 'child' && item.status === 'invalid')
      expect(refused?.reason).toBe(refusal)
      const refusedCard = page.getByRole('article', {
        name: `Hồ sơ ${refused?.dossierNumber}: Đăng ký tài khoản cho con`,
      })
      expect(await refusedCard.textContent()).toContain('Không hợp lệ')
      expect(await refusedCard.textContent()).toContain(refusal)
      await expectNoSeriousViolations(page, 'dossiers filed')

      await decide(
        running,
        demoStaff.quan5Reviewer,
        { label: 'Số hồ sơ', value: number },
        { valid: true, outcome: 'tài khoản của con đã được cấp và gắn với tài khoản cha/mẹ' },
      )

      // His card, through "Xem thông tin của".
      await page.goto('/health-card')
      await heading(page, 'Thẻ BHYT')
      await page
        .getByRole('group', { name: 'Xem thông tin của:' })
        .getByRole('radio', { name: child.fullName })
        .check()
      const card = page.getByRole('article', { name: `Thẻ bảo hiểm y tế của ${child.fullName}` })
      await expect
        .poll(async () => (await card.textContent()) ?? '', { timeout: 15_000 })
        .toContain('7900 012 346')

      await page.goto('/public-services')
      await expect.poll(async () => (await filedCard.textContent()) ?? '').toContain('Hợp lệ')
    })

    it('phone: changes her phone with the OTP; once approved, a new phone signs in with the OTP on the new number', async () => {
      await decide(
        running,
        demoStaff.quan5Reviewer,
        { label: personField, value: parent.bhxhCode },
        { valid: true, outcome: 'đã cập nhật thông tin liên hệ của tài khoản' },
      )

      const { page, context } = phone
      const seen = new Set((await otpsTo(context.request, parent.phone)).map((item) => item.id))
      await openService(page, 'Thay đổi thông tin')
      const phoneField = field(page, 'Số điện thoại di động')
      await expect.poll(() => phoneField.inputValue()).toBe(parent.phone)
      expect(await field(page, 'E-mail').inputValue()).toBe('thuhang.moi@example.com')
      await expectNoSeriousViolations(page, 'change form')

      // Nothing changed: the form says so.
      await chooseQuan5(page)
      await button(page, 'Tiếp tục').click()
      await page
        .locator('#reg-phone-error')
        .filter({ hasText: 'Vui lòng nhập ít nhất một thông tin cần thay đổi.' })
        .waitFor()

      await phoneField.fill(newPhone)
      await button(page, 'Tiếp tục').click()
      await page.getByRole('heading', { level: 2, name: 'Xác nhận bằng mã OTP' }).waitFor()
      await page.getByText(/^Mã OTP đã được gửi tới số điện thoại 090\*+567\./).waitFor()
      await page.getByRole('definition').filter({ hasText: newPhone }).waitFor()
      expect(await page.getByRole('button', { name: /^Gửi lại mã sau \d+ giây$/ }).isDisabled()).toBe(true)
      await expectNoSeriousViolations(page, 'change otp')

      const code = await newOtp(context.request, parent.phone, seen)
      await field(page, 'Mã OTP (6 chữ số)').fill(code === '000000' ? '111111' : '000000')
      await button(page, 'Xác nhận').click()
      await page.locator('#reg-otp-error').filter({ hasText: 'Bạn còn 4 lần thử.' }).waitFor()
      await field(page, 'Mã OTP (6 chữ số)').fill(code)
      await button(page, 'Xác nhận').click()
      const number = await filedNumber(page)
      filed.change = number

      await decide(
        running,
        demoStaff.quan5Reviewer,
        { label: 'Số hồ sơ', value: number },
        { valid: true, outcome: 'đã cập nhật thông tin liên hệ của tài khoản' },
      )

      // A new phone: the device-change OTP goes to the new number, none to the old one.
      const seenOld = new Set((await otpsTo(context.request, parent.phone)).map((item) => item.id))
      const seenNew = new Set<string>()
      newDevice = await openPhone(running)
      await typeSignIn(newDevice.page)
      await heading(newDevice.page, 'Tài khoản đang đăng nhập trên thiết bị khác', 2)
      await button(newDevice.page, 'Tiếp tục').click()
      await heading(newDevice.page, 'Xác thực thiết bị mới bằng mã OTP', 2)
      await newDevice.page.getByText(/^Mã OTP đã được gửi tới số điện thoại 038\*+456\./).waitFor()
      const deviceCode = await newOtp(newDevice.context.request, newPhone, seenNew)
      expect((await otpsTo(context.request, parent.phone)).filter((item) => !seenOld.has(item.id))).toEqual(
        [],
      )
      await field(newDevice.page, 'Mã OTP (6 chữ số)').fill(deviceCode)
      await button(newDevice.page, 'Xác nhận').click()
      await signedInHome(newDevice.page)
      await waitForMessage(newDevice.context.request, newPhone, ['device_changed'])
      await phone.context.close()
    })

    it('phone: the inbox lists the messages the server left, newest first, and opening one marks it read', async () => {
      const { page } = newDevice
      try {
        // "Ngừng sử dụng" says what the stop does before anything is sent (not filed here).
        await openService(page, 'Ngừng sử dụng giao dịch điện tử')
        await page.getByText('Tài khoản của các con mà bạn đã đăng ký cũng ngừng hoạt động.').waitFor()
        await button(page, 'Gửi mã OTP').click()
        await page.locator('#reg-reason-error').filter({ hasText: 'Vui lòng nhập lý do' }).waitFor()
        await page.locator('#reg-officeCode-error').waitFor()
        await expectNoSeriousViolations(page, 'stop form')
        await page.goto('/')
        const first = await api<InboxPage>(page, '/me/inbox')
        const { count } = await api<InboxUnreadCount>(page, '/me/inbox/unread-count')
        const inboxLink = page.getByRole('link', {
          name: count > 0 ? `Thông báo, ${count} chưa đọc` : 'Thông báo',
        })
        await inboxLink.click()
        await heading(page, 'Thông báo')
        await expectNoSeriousViolations(page, 'inbox')
        // Every message of the journey has its inbox copy, newest first: the dossiers received, the
        // demo's refusal with its reason, both approvals, and the sign-in on the new phone.
        const titles = first.items.map((item) => item.title)
        for (const expected of [
          `Đã tiếp nhận hồ sơ số ${filed.child}`,
          `Hồ sơ số ${filed.child} đã được duyệt`,
          `Đã tiếp nhận hồ sơ số ${filed.change}`,
          `Hồ sơ số ${filed.change} đã được duyệt`,
          'Tài khoản VssID đã chuyển sang thiết bị mới',
        ])
          expect(titles, expected).toContain(expected)
        expect(first.items.find((item) => item.kind === 'dossier_rejected')?.text).toContain(refusal)
        const dates = first.items.map((item) => item.createdAt)
        expect(dates).toEqual([...dates].sort().reverse())
        expect(count).toBe(first.items.filter((item) => item.readAt === null).length)

        const shown = page.locator('.inbox-item')
        await expect.poll(() => shown.count()).toBe(first.items.length)
        expect(await shown.first().locator('h2').textContent()).toContain(first.items[0]?.title)
        await page.getByText(`${count} thông báo chưa đọc`, { exact: true }).waitFor()

        // Opening the newest marks it read, here and on the server.
        const newest = shown.first()
        expect(await newest.getAttribute('data-unread')).toBe('true')
        await newest.getByRole('button').click()
        await expect.poll(() => newest.getAttribute('data-unread')).toBeNull()
        expect(await newest.getByRole('button').getAttribute('aria-expanded')).toBe('true')
        await page.getByText(`${count - 1} thông báo chưa đọc`, { exact: true }).waitFor()
        expect((await api<InboxUnreadCount>(page, '/me/inbox/unread-count')).count).toBe(count - 1)
        expect(first.nextCursor).toBeNull()
      } finally {
        await newDevice.context.close()
      }
    })
  },
)
