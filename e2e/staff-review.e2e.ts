import type { APIRequestContext, Page } from 'playwright-core'
import sharp from 'sharp'
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
  notice,
  signIn,
  waitForMessage,
  withStaffContext,
} from './support/staff'

// Journey: a reviewer of BHXH Quận 5 signs in (password and authenticator code), finds a dossier in
// "Hồ sơ ĐK GDĐT" → "Cá nhân", takes it, records the paper form and decides it; a second dossier is
// found not valid with a reason. A reviewer of another office sees neither, and has no audit log. The
// administrator of BHXH TP. Hồ Chí Minh then finds each step of the reviewer in "Nhật ký truy cập".

const reviewers = { quan5: demoStaff.quan5Reviewer, dongDa: demoStaff.dongDaReviewer }
const hcmAdmin = demoStaff.hcmAdmin

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

/** Searches by personal ID or BHXH code (one field takes either) and waits for the one dossier. */
async function searchByPerson(page: Page, identifier: string): Promise<void> {
  const expand = button(page, 'Mở rộng')
  if ((await expand.getAttribute('aria-expanded')) !== 'true') await expand.click()
  await field(page, 'Số định danh cá nhân hoặc mã số BHXH').fill(identifier)
  await button(page, 'Tra cứu').click()
  await page.getByText('Tìm thấy 1 hồ sơ', { exact: true }).waitFor()
  expect(new URL(page.url()).searchParams.get('person')).toBe(identifier)
}

const auditMenuEntry = (page: Page) =>
  page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Nhật ký truy cập' })

/** The audit log's rows as text: time, staff member, office, action, record, IP, detail. */
async function auditRows(page: Page): Promise<string[][]> {
  return page
    .locator('.staff-table tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent?.trim() ?? ''),
      ),
    )
}

/** Submits the audit filters and waits until every row shown passes `expected`; answers the rows. */
async function searchAudit(page: Page, expected: (row: string[]) => boolean): Promise<string[][]> {
  await button(page, 'Tra cứu').click()
  let rows: string[][] = []
  await expect
    .poll(
      async () => {
        rows = await auditRows(page)
        return rows.length > 0 && rows.every(expected)
      },
      { timeout: 10_000 },
    )
    .toBe(true)
  return rows
}

describe.skipIf(!hasChromium())('staff review: deciding registration dossiers in the back-office', () => {
  const running = useServerAndBrowser({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })

  it('desktop: a Quận 5 reviewer approves one dossier and rejects another; Đống Đa sees neither; the audit log shows each step', async () => {
    let approvedPath = ''
    // Entries are searched from this day on (the date in Vietnam, as the server reads the filter).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
    await withStaffContext(running.browser, running.server.baseUrl, async (page, context) => {
      const approvedNumber = await fileDossier(context.request, approved)
      const rejectedNumber = await fileDossier(context.request, rejected)

      await enterPassword(page, reviewers.quan5.username, 'not-the-password', 'Đăng nhập cán bộ')
      await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor()
      await signIn(page, reviewers.quan5)
      await page.getByText(/^Tìm thấy \d+ hồ sơ$/).waitFor()

      // Sorting by the date column goes into the address, so that Back undoes it.
      await page.getByRole('button', { name: /^Ngày nộp/ }).click()
      await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('oldest')
      await page.goBack()
      await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBeNull()
      await expect.poll(() => page.locator('.staff-topbar__who').textContent()).toContain('Quận 5')
      await expectNoSeriousViolations(page, 'list')

      // First dossier: found by the personal ID, opened from the keyboard, taken, papers recorded, approved.
      await searchByPerson(page, approved.idNumber)
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
      expect(new URL(page.url()).searchParams.get('person')).toBe(approved.idNumber)
      await searchByPerson(page, rejected.bhxhCode)
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

      // The approved person's account exists: "Tài khoản cá nhân" finds it by the BHXH code.
      await page.getByRole('link', { name: 'Tài khoản cá nhân', exact: true }).click()
      await field(page, 'Mã số BHXH, số định danh cá nhân hoặc số điện thoại').fill(approved.bhxhCode)
      await button(page, 'Tìm kiếm').click()
      await page.getByText('Tìm thấy 1 tài khoản', { exact: true }).waitFor()
      await page.getByRole('article', { name: approved.fullName }).waitFor()
    })

    // Another office: nothing of Quận 5 in its list, and the address of the dossier is "not found".
    await withStaffContext(running.browser, running.server.baseUrl, async (page) => {
      await signIn(page, reviewers.dongDa)
      await page.getByText('Tìm thấy 0 hồ sơ', { exact: true }).waitFor()
      await searchByCodeExpectingNone(page, approved.bhxhCode)
      await page.goto(`${approvedPath}`)
      await heading(page, 'Không tìm thấy hồ sơ')

      // A reviewer has no audit log: no menu entry, and its address says so.
      expect(await auditMenuEntry(page).count()).toBe(0)
      await page.goto('/staff/audit')
      await heading(page, 'Không có quyền truy cập')
    })

    // The administrator of BHXH TP. Hồ Chí Minh (Quận 5 is in their tree) reads the reviewer's steps.
    await withStaffContext(running.browser, running.server.baseUrl, async (page) => {
      const approvedId = approvedPath.split('/').at(-1) ?? ''
      const onApproved = `Hồ sơ ${approvedId}`
      await signIn(page, hcmAdmin)
      await auditMenuEntry(page).click()
      await heading(page, 'Nhật ký truy cập')
      await page.getByText(/^Đang hiển thị \d+ mục$/).waitFor()

      // Dates the wrong way round: the server's answer, in Vietnamese, at the field.
      await field(page, 'Từ ngày').fill(today)
      await field(page, 'Đến ngày').fill('2000-01-01')
      await button(page, 'Tra cứu').click()
      await page.getByRole('alert').filter({ hasText: 'Thông tin chưa hợp lệ.' }).waitFor()
      await page.getByText('"Đến ngày" phải sau "Từ ngày".').waitFor()
      expect(await field(page, 'Đến ngày').getAttribute('aria-invalid')).toBe('true')

      // Everything the reviewer did today, newest first: read oldest first, the steps come in order,
      // from the sign-in to the decision (the search is the one for the approved dossier's personal ID,
      // audited masked).
      await field(page, 'Đến ngày').fill('')
      await field(page, 'Tên đăng nhập cán bộ').fill(reviewers.quan5.username)
      const byReviewer = await searchAudit(page, ([, staff]) => staff === reviewers.quan5.username)
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
        username: reviewers.quan5.username,
        from: today,
      })
      const searchedId = `********${approved.idNumber.slice(-4)}`
      const steps = [...byReviewer].reverse().flatMap(([, , , action = '', record = '', , detail = '']) => {
        if (record === onApproved || record.startsWith('Tài khoản cán bộ')) return [action]
        return action === 'Tra cứu hồ sơ' && detail.includes(searchedId) ? [action] : []
      })
      const firstOfEach = [
        'Đăng nhập: đúng mật khẩu',
        'Đăng nhập: xác thực hai lớp thành công',
        'Tra cứu hồ sơ',
        'Xem hồ sơ',
        'Xem ảnh hồ sơ',
        'Nhận xử lý hồ sơ',
        'Ghi nhận hồ sơ giấy',
        'Đánh giá hồ sơ',
      ].map((step) => steps.indexOf(step))
      expect(
        firstOfEach.every((index) => index >= 0),
        steps.join('\n'),
      ).toBe(true)
      expect(firstOfEach, steps.join('\n')).toEqual([...firstOfEach].sort((a, b) => a - b))

      // The approved dossier alone: what was done to it, by whom, from which office.
      await field(page, 'Tên đăng nhập cán bộ').fill('')
      await field(page, 'Loại đối tượng').selectOption({ label: 'Hồ sơ' })
      await field(page, 'Mã đối tượng').fill(approvedId)
      const onDossier = await searchAudit(page, ([, , , , record]) => record === onApproved)
      expect(new URL(page.url()).searchParams.get('recordId')).toBe(approvedId)
      expect(new Set(onDossier.map(([, , , action]) => action))).toEqual(
        new Set(['Xem hồ sơ', 'Xem ảnh hồ sơ', 'Nhận xử lý hồ sơ', 'Ghi nhận hồ sơ giấy', 'Đánh giá hồ sơ']),
      )
      expect(new Set(onDossier.map(([, staff, office]) => `${staff} ${office}`))).toEqual(
        new Set([`${reviewers.quan5.username} 07915`]),
      )
      for (const [time] of onDossier) expect(time).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
      expect(onDossier[0]?.[6]).toContain('valid: true · outcome: account_created')
      await expectNoSeriousViolations(page, 'audit log')
    })
  })
})

async function searchByCodeExpectingNone(page: Page, bhxhCode: string): Promise<void> {
  await button(page, 'Mở rộng').click()
  await field(page, 'Số định danh cá nhân hoặc mã số BHXH').fill(bhxhCode)
  await button(page, 'Tra cứu').click()
  await page.getByText('Tìm thấy 0 hồ sơ', { exact: true }).waitFor()
}
