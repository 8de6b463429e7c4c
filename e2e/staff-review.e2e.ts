import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeViolations, runAxe, seriousViolations } from './support/axe'
import { hasChromium, launchBrowser, newDesktopContext } from './support/browser'
import { type RunningServer, startServer } from './support/server'
import { totpCode } from './support/totp'

// Journey: a reviewer of BHXH Quận 5 signs in (password and authenticator code), finds a dossier in
// "Hồ sơ ĐK GDĐT" → "Cá nhân", takes it, records the paper form and decides it; a second dossier is
// found not valid with a reason. A reviewer of another office sees neither.
//
// The demo registry holds no adult without an account that the journey could pick by name, so the
// approved dossier carries a code that is not in the registry: its outcome is "cần cấp mã số BHXH".

const password = 'Staff@AnSinh2026'
const reviewers = {
  quan5: { username: 'q5.reviewer', secret: 'VJ4VS4MN76IZOTYFVW5MZGXSN2V5HBJY' },
  dongDa: { username: 'dongda.reviewer', secret: 'SIL3G56G332TLNP6AK5EFHTDBZKAVI2K' },
}

type Applicant = { bhxhCode: string; fullName: string; idNumber: string; phone: string }
// The demo citizen's husband: in the registry, with no account yet (README, demo accounts).
const approved: Applicant = {
  bhxhCode: '7900012347',
  fullName: 'Lê Văn Minh',
  idNumber: '079080000612',
  phone: '0901234568',
}
const rejected: Applicant = {
  bhxhCode: '7900079102',
  fullName: 'Đỗ Thị Hồng Nhung',
  idNumber: '079190079102',
  phone: '0907910102',
}
const rejectionReason = 'Ảnh chân dung bị mờ, không nhận diện được khuôn mặt.'

function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
}

async function jpeg(width: number, height: number, color: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg({ quality: 80 })
    .toBuffer()
}

type OutboxItem = { id: string; kind: string; text: string }

async function outbox(request: APIRequestContext, to: string): Promise<OutboxItem[]> {
  const response = await request.get(`/api/v1/dev/outbox?to=${to}&limit=20`)
  expect(response.status()).toBe(200)
  return ((await response.json()) as { items: OutboxItem[] }).items
}

async function waitForMessage(request: APIRequestContext, to: string, kinds: string[]): Promise<OutboxItem> {
  for (let attempt = 0; attempt < 80; attempt += 1) {
    const found = (await outbox(request, to)).find((item) => kinds.includes(item.kind))
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no ${kinds.join('/')} message for ${to}`)
}

/** Submits and confirms a registration for office 07915 through the public API; answers its number. */
async function fileDossier(request: APIRequestContext, applicant: Applicant): Promise<string> {
  const form = {
    bhxhCode: applicant.bhxhCode,
    fullName: applicant.fullName,
    idKind: 'personal_id',
    idNumber: applicant.idNumber,
    address: {
      codeSet: '2025-07-01',
      provinceCode: '79',
      communeCode: '27301',
      street: 'Số 12 Trần Hưng Đạo',
    },
    phone: applicant.phone,
    officeCode: '07915',
    contactChannel: 'sms',
    language: 'vi',
    agreed: true,
  }
  const photo = async (name: string, width: number, height: number, color: string) => ({
    name,
    mimeType: 'image/jpeg',
    buffer: await jpeg(width, height, color),
  })
  const submitted = await request.post('/api/v1/registrations', {
    multipart: {
      form: JSON.stringify(form),
      portrait: await photo('portrait.jpg', 600, 800, '#4a6fa5'),
      idFront: await photo('idFront.jpg', 856, 540, '#2e7d32'),
      idBack: await photo('idBack.jpg', 856, 540, '#6d4c41'),
    },
  })
  expect(submitted.status(), await submitted.text()).toBe(201)
  const { id } = (await submitted.json()) as { id: string }
  const otpMessage = await waitForMessage(request, applicant.phone, ['otp'])
  const otp = /\b(\d{6})\b/.exec(otpMessage.text)?.[1]
  expect(otp).toBeTruthy()
  const confirmed = await request.post(`/api/v1/registrations/${id}/confirm`, { data: { otp } })
  expect(confirmed.status(), await confirmed.text()).toBe(200)
  return ((await confirmed.json()) as { dossierNumber: string }).dossierNumber
}

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor()
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const serious = seriousViolations(await runAxe(page))
  expect(serious, `${where}\n${describeViolations(serious)}`).toEqual([])
}

async function signIn(
  page: Page,
  reviewer: { username: string; secret: string },
  { tryWrongPassword = false } = {},
): Promise<void> {
  await page.goto('/staff/')
  await heading(page, 'Đăng nhập cán bộ')
  if (tryWrongPassword) {
    await field(page, 'Tên đăng nhập').fill(reviewer.username)
    await field(page, 'Mật khẩu').fill('not-the-password')
    await button(page, 'Đăng nhập').click()
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor()
  }
  await field(page, 'Tên đăng nhập').fill(reviewer.username)
  await field(page, 'Mật khẩu').fill(password)
  await button(page, 'Đăng nhập').click()
  await heading(page, 'Xác thực hai lớp')
  const code = page.getByLabel('Mã xác thực (6 chữ số)')
  expect(await code.getAttribute('autocomplete')).toBe('one-time-code')
  await code.fill(totpCode(reviewer.secret, new Date()))
  await button(page, 'Đăng nhập').click()
  await heading(page, 'Hồ sơ ĐK GDĐT – Cá nhân')
  expect(new URL(page.url()).pathname).toBe('/staff/dossiers')
}

async function searchByCode(page: Page, bhxhCode: string): Promise<void> {
  const expand = button(page, 'Mở rộng')
  if ((await expand.getAttribute('aria-expanded')) !== 'true') await expand.click()
  await field(page, 'Mã số BHXH').fill(bhxhCode)
  await button(page, 'Tra cứu').click()
  await page.getByText('Tìm thấy 1 hồ sơ', { exact: true }).waitFor()
  expect(new URL(page.url()).searchParams.get('bhxhCode')).toBe(bhxhCode)
}

async function notice(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.staff-notice').filter({ hasText: text }).waitFor()
}

async function withContext(
  browser: Browser,
  baseURL: string,
  run: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  // bypassCSP lets axe-core's <script> in.
  const context = await newDesktopContext(browser, { baseURL, bypassCSP: true })
  try {
    await run(await context.newPage(), context)
  } finally {
    await context.close()
  }
}

describe.skipIf(!hasChromium())('staff review: deciding registration dossiers in the back-office', () => {
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    server = await startServer({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('desktop: a Quận 5 reviewer approves one dossier and rejects another; Đống Đa sees neither', async () => {
    let approvedPath = ''
    await withContext(browser, server.baseUrl, async (page, context) => {
      const approvedNumber = await fileDossier(context.request, approved)
      const rejectedNumber = await fileDossier(context.request, rejected)

      await signIn(page, reviewers.quan5, { tryWrongPassword: true })
      await page.getByText(/^Tìm thấy \d+ hồ sơ$/).waitFor()

      // Sorting by the date column goes into the address, so that Back undoes it.
      await page.getByRole('button', { name: /^Ngày nộp/ }).click()
      await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('oldest')
      await page.goBack()
      await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBeNull()
      await expect.poll(() => page.locator('.staff-topbar__who').textContent()).toContain('Quận 5')
      await expectNoSeriousViolations(page, 'list')

      // First dossier: found by its code, opened from the keyboard, taken, papers recorded, approved.
      await searchByCode(page, approved.bhxhCode)
      const row = page.locator('tbody tr').first()
      await expect.poll(() => row.textContent()).toContain(approvedNumber)
      await row.focus()
      await page.keyboard.press('Enter')
      await heading(page, `Hồ sơ ${approvedNumber}`)
      approvedPath = new URL(page.url()).pathname
      await page.getByRole('definition').filter({ hasText: approved.fullName }).waitFor()
      await page.getByText('Dữ liệu quản lý (mã số BHXH)').first().waitFor()
      await expectNoSeriousViolations(page, 'detail')

      // The photo opens full size and turns.
      await button(page, 'Xem Ảnh chân dung cỡ lớn').click()
      const dialog = page.getByRole('dialog', { name: 'Ảnh chân dung' })
      await dialog.waitFor()
      await dialog.getByRole('button', { name: 'Xoay', exact: true }).click()
      expect(await dialog.locator('img').getAttribute('style')).toContain('rotate(90deg)')
      await dialog.getByRole('button', { name: 'Đóng', exact: true }).click()
      await dialog.waitFor({ state: 'hidden' })

      await button(page, 'Nhận xử lý').click()
      await notice(page, 'Bạn đã nhận xử lý hồ sơ.')
      await button(page, 'Đã nhận hồ sơ giấy').click()
      await notice(page, 'Đã ghi nhận hồ sơ giấy.')
      await page.getByRole('radio', { name: 'Hồ sơ hợp lệ' }).check()
      await button(page, 'Ghi nhận').click()
      await notice(page, 'Cập nhật thành công: tài khoản đã được cấp và gửi mật khẩu')
      // The account's one-time password reaches the registered phone.
      const sent = await waitForMessage(context.request, approved.phone, ['account_created'])
      expect(sent.text).toMatch(/Ten dang nhap: \*+2347 \(ma so BHXH\)\nMat khau: \S{10}\n/)

      // Back to the list, which keeps the search; then the second dossier.
      await page.getByRole('link', { name: 'Thoát', exact: true }).click()
      await heading(page, 'Hồ sơ ĐK GDĐT – Cá nhân')
      expect(new URL(page.url()).searchParams.get('bhxhCode')).toBe(approved.bhxhCode)
      await searchByCode(page, rejected.bhxhCode)
      await page.getByRole('link', { name: `Xem hồ sơ ${rejectedNumber}` }).click()
      await heading(page, `Hồ sơ ${rejectedNumber}`)
      await button(page, 'Nhận xử lý').click()
      await notice(page, 'Bạn đã nhận xử lý hồ sơ.')

      // Approving before the paper form is in is refused (409), with a way to reload.
      await page.getByRole('radio', { name: 'Hồ sơ hợp lệ' }).check()
      await button(page, 'Ghi nhận').click()
      await notice(page, /Chưa thể duyệt hợp lệ/)
      await button(page, 'Tải lại').click()
      await page.locator('.staff-notice').waitFor({ state: 'detached' })

      await page.getByRole('radio', { name: 'Hồ sơ không hợp lệ' }).check()
      await button(page, 'Ghi nhận').click()
      await page.getByText('Vui lòng nhập lý do (ít nhất 5 ký tự).').waitFor()
      await field(page, 'Lý do').fill(rejectionReason)
      await button(page, 'Ghi nhận').click()
      await notice(page, 'Cập nhật thành công: đã gửi lý do cho người đăng ký')
      const reason = await waitForMessage(context.request, rejected.phone, ['dossier_rejected'])
      // SMS goes out without diacritics (GSM-7).
      expect(reason.text).toContain(withoutMarks(rejectionReason))
    })

    // Another office: nothing of Quận 5 in its list, and the address of the dossier is "not found".
    await withContext(browser, server.baseUrl, async (page) => {
      await signIn(page, reviewers.dongDa)
      await page.getByText('Tìm thấy 0 hồ sơ', { exact: true }).waitFor()
      await searchByCodeExpectingNone(page, approved.bhxhCode)
      await page.goto(`${approvedPath}`)
      await heading(page, 'Không tìm thấy hồ sơ')
    })
  })
})

async function searchByCodeExpectingNone(page: Page, bhxhCode: string): Promise<void> {
  await button(page, 'Mở rộng').click()
  await field(page, 'Mã số BHXH').fill(bhxhCode)
  await button(page, 'Tra cứu').click()
  await page.getByText('Tìm thấy 0 hồ sơ', { exact: true }).waitFor()
}
