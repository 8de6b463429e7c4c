import { type AdoptionReport, formatDateVi, formatPercentValue, todayInVietnam } from '@ansinh/domain'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
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
  withStaffContext,
} from './support/staff'

// Journey (issue 10): the HCM office administrator starts an organisation tree of her own under her
// office and appoints its administrator, choosing the organisation in the staff form. The Quận 5 education office's administrator (`q5.giaoduc`, quản trị tổ chức) lands on "Tổ
// chức" and nothing else, adds a school under the district body, sets its target, imports its members
// from a CSV with one row of an unknown person (refused, in the error report), finds a member by a name
// typed without accents, reads the report (figures by role with "80,83 %"-style shares, the progress
// toward the target, the chart and its table), downloads it as XLSX (read back with exceljs) and as the
// printable PDF (its text holds the school's name), sends the reminders, and gets "not found" for the
// other tree's organisation, in the app and from the API.

const orgAdmin = { username: 'q5.giaoduc', secret: 'SAIO42YI2WU4FZFY5PHBBP7A4VPSLEBR' }
const district = 'Phòng Giáo dục và Đào tạo Quận 5'
const school = { code: 'E2E-THCS-KT', name: 'Trường THCS Kiểm Thử' }
const other = { code: 'E2E-CTY-KHAC', name: 'Công ty Kiểm Thử Khác' }

/** The well-known demo household (README): the citizen, her son (by personal ID) and her husband. */
function membersCsv(): Buffer {
  const rows = [
    ['Mã số BHXH', 'Số CCCD/định danh', 'Họ tên', 'Vai trò', 'Lớp/Phòng'],
    ['7900012345', '', 'Nguyễn Thị Thu Hằng', 'Giáo viên', 'Tổ Văn'],
    ['', '079214000523', 'Lê Gia Bảo', 'Học sinh', '6A1'],
    ['7900012347', '', 'Lê Văn Minh', 'Nhân viên', 'Văn phòng'],
    ['7999999999', '', 'Người Không Có', 'Học sinh', '6A1'],
  ]
  return Buffer.from(`\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`)
}

/** Where a link of the page leads, fetched with the page's session cookie. */
async function download(page: Page, name: string) {
  const href = await page.getByRole('link', { name, exact: true }).getAttribute('href')
  expect(href).toBeTruthy()
  const answer = await page.request.get(href ?? '')
  expect(answer.status()).toBe(200)
  return answer
}

async function pdfText(bytes: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(bytes))
  const { text } = await extractText(document, { mergePages: true })
  return text.normalize('NFC')
}

/** The organisation's id, from the address `/staff/organisations/<id>…`. */
function organisationIdOf(page: Page): number {
  const id = Number(new URL(page.url()).pathname.split('/')[3])
  expect(Number.isInteger(id) && id > 0).toBe(true)
  return id
}

/** The rows of the first sheet, each cell's value as exceljs reads it. */
async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  const rows: unknown[][] = []
  sheet?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1))
  })
  return rows
}

describe.skipIf(!hasChromium())(
  'organisations: an organisation administrator and the adoption report',
  () => {
    const running = useServerAndBrowser({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })

    it('another tree, then import → report → exports → reminders → out of reach', async () => {
      let otherId = 0
      await withStaffContext(running.browser, running.server.baseUrl, async (page) => {
        await signIn(page, demoStaff.hcmAdmin)
        await page.getByRole('link', { name: 'Tổ chức', exact: true }).click()
        await button(page, 'Thêm tổ chức').click()
        await heading(page, 'Thêm tổ chức cấp trên cùng', 2)
        await field(page, 'Mã tổ chức').fill(other.code)
        await field(page, 'Tên tổ chức').fill(other.name)
        await field(page, 'Loại tổ chức').selectOption('company')
        await button(page, 'Tạo tổ chức').click()
        await heading(page, other.name)
        otherId = organisationIdOf(page)
      })

      await withStaffContext(running.browser, running.server.baseUrl, async (page) => {
        await signIn(page, orgAdmin, { heading: district, path: '/staff/organisations' })
        // Only "Tổ chức" in the menu: no casework, no administration.
        const menu = page.getByRole('navigation', { name: 'Menu chính' })
        expect(await menu.getByRole('link').allTextContents()).toEqual(['Tổ chức'])
        await expectNoSeriousViolations(page, 'district report')

        // A school under the district body, with a target.
        await button(page, 'Thêm đơn vị trực thuộc').click()
        await field(page, 'Mã tổ chức').fill(school.code)
        await field(page, 'Tên tổ chức').fill(school.name)
        await field(page, 'Loại tổ chức').selectOption('school')
        await button(page, 'Tạo tổ chức').click()
        await heading(page, school.name)
        const schoolId = organisationIdOf(page)
        const tree = page.getByRole('navigation', { name: 'Cây tổ chức' })
        expect(await tree.getByRole('link', { name: school.name }).getAttribute('aria-current')).toBe('page')
        const fold = tree.getByRole('button', { name: `Thu gọn các đơn vị trực thuộc ${district}` })
        await fold.click()
        expect(await tree.getByRole('link', { name: school.name }).isVisible()).toBe(false)
        await tree.getByRole('button', { name: `Mở các đơn vị trực thuộc ${district}` }).click()
        await tree.getByRole('link', { name: school.name }).waitFor()

        await button(page, 'Đặt mục tiêu').click()
        await field(page, 'Tỷ lệ mục tiêu (%)').fill('100')
        await field(page, 'Hạn hoàn thành').fill('2027-06-30')
        await button(page, 'Lưu mục tiêu').click()
        await page
          .getByText(`Mục tiêu: ${formatPercentValue(100)} thành viên đăng ký trước ngày 30/06/2027.`)
          .waitFor()

        // Members from a CSV with one unknown person.
        await page.getByRole('link', { name: 'Thành viên', exact: true }).click()
        await heading(page, 'Nhập danh sách thành viên', 2)
        await field(page, 'Tệp danh sách (CSV hoặc XLSX)').setInputFiles({
          name: 'thanh-vien.csv',
          mimeType: 'text/csv',
          buffer: membersCsv(),
        })
        await button(page, 'Tải lên và nhập').click()
        await notice(page, 'Đã nhập tệp thanh-vien.csv.')
        const counts = page.locator('.organisations__counts')
        await expect
          .poll(async () =>
            (await counts.locator('.staff-dl__row').allInnerTexts()).map((row) => row.split('\n')),
          )
          .toEqual([
            ['Đã đọc', '4'],
            ['Thêm mới', '3'],
            ['Cập nhật', '0'],
            ['Chuyển từ đơn vị khác', '0'],
            ['Không thay đổi', '0'],
            ['Bị từ chối', '1'],
          ])
        const refused = page.getByRole('table', { name: 'Các dòng bị từ chối' })
        expect(await refused.locator('tbody tr').count()).toBe(1)
        const report = await download(page, 'Tải báo cáo lỗi (CSV)')
        const lines = (await report.text()).split(/\r?\n/).filter(Boolean)
        expect(lines).toHaveLength(2)
        await expectNoSeriousViolations(page, 'members imported')

        // The list: three members; a name typed without accents finds hers.
        await page.getByRole('status').getByText('3 thành viên', { exact: true }).waitFor()
        await field(page, 'Họ tên').fill('thu hang')
        await button(page, 'Tra cứu').click()
        await page.getByRole('status').getByText('1 thành viên', { exact: true }).waitFor()
        await page.getByRole('cell', { name: 'Nguyễn Thị Thu Hằng', exact: true }).waitFor()

        // The report shows the API's figures, the progress, the chart and its table.
        await page.getByRole('link', { name: 'Báo cáo tiến độ', exact: true }).click()
        const answer = await page.request.get(`/api/v1/staff/organisations/${schoolId}/adoption`)
        expect(answer.status()).toBe(200)
        const adoption = (await answer.json()) as AdoptionReport
        expect(adoption.figures.staff.members).toBe(2)
        expect(adoption.figures.pupil.members).toBe(1)
        const figures = page.getByRole('table', { name: /^Kết quả đăng ký giao dịch điện tử đến ngày/ })
        const totalRow = figures
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: 'Tổng cộng' }) })
        await totalRow.waitFor() // the report loads after the tab opens; allTextContents does not wait
        expect(await totalRow.getByRole('cell').allTextContents()).toEqual([
          '3',
          String(adoption.figures.total.registered),
          adoption.figures.total.registeredPercent,
          String(adoption.figures.total.accountActive),
          adoption.figures.total.accountActivePercent,
          String(adoption.figures.total.signedIn),
          adoption.figures.total.signedInPercent,
        ])
        expect(adoption.figures.total.registeredPercent).toMatch(/^\d+,\d\d\u00a0%$/)
        expect(adoption.progress?.target).toEqual({ percent: 100, deadline: '2027-06-30' })
        await page.getByRole('progressbar', { name: 'Mức hoàn thành mục tiêu' }).waitFor()
        await page.getByRole('img', { name: 'Tiến độ đăng ký theo thời gian' }).waitFor()
        await page.getByText('Xem số liệu dạng bảng').click()
        const today = formatDateVi(todayInVietnam(new Date()))
        await page
          .getByRole('table', { name: 'Tiến độ đăng ký theo thời gian' })
          .getByRole('cell', { name: today, exact: true })
          .waitFor()
        await expectNoSeriousViolations(page, 'school report')

        // XLSX: the school's total row holds the figures.
        const xlsx = await download(page, 'Tải Excel')
        const rows = await sheetRows(await xlsx.body())
        const total = rows.find((row) => row.includes(`Tổng cộng: ${school.name}`))
        expect(total, JSON.stringify(rows)).toBeDefined()
        const numbers = (total ?? []).filter((value): value is number => typeof value === 'number')
        expect(numbers.slice(0, 2)).toEqual([
          adoption.figures.staff.members,
          adoption.figures.staff.registered,
        ])
        expect(numbers).toContain(adoption.figures.total.members)

        // PDF: the letter names the school.
        const pdf = await download(page, 'In báo cáo (PDF)')
        const bytes = await pdf.body()
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
        expect(await pdfText(bytes)).toContain(school.name)

        // Reminders to those not registered yet, with the counts the server answers.
        const notRegistered = adoption.figures.total.members - adoption.figures.total.registered
        const remind = button(page, 'Gửi nhắc nhở')
        if (notRegistered > 0) {
          await remind.click()
          const dialog = page.getByRole('dialog', { name: 'Gửi nhắc nhở đăng ký?' })
          await dialog.getByRole('button', { name: 'Gửi nhắc nhở', exact: true }).click()
          await notice(page, /tin nhắn nhắc nhở vào hàng đợi gửi/)
          const outcome = page.locator('.staff-notice .staff-dl__row').filter({ hasText: 'Chưa đăng ký' })
          expect(await outcome.locator('dd').textContent()).toBe(String(notRegistered))
        } else {
          expect(await remind.isDisabled()).toBe(true)
        }

        // The members' dossiers.
        await page.getByRole('link', { name: 'Hồ sơ, tờ khai', exact: true }).click()
        await heading(page, 'Hồ sơ đăng ký của thành viên', 2)
        await page
          .getByRole('status')
          .getByText(/hồ sơ chưa nộp tờ khai giấy$/)
          .waitFor()

        // Another tree's organisation: not found, on screen and from the API.
        await page.goto(`/staff/organisations/${otherId}`)
        await heading(page, 'Không tìm thấy tổ chức')
        for (const path of ['adoption', 'adoption.xlsx', 'adoption.pdf', 'members'])
          expect((await page.request.get(`/api/v1/staff/organisations/${otherId}/${path}`)).status()).toBe(
            404,
          )
        // An old link to the casework leads back to the organisations.
        await page.goto('/staff/dossiers')
        await heading(page, district)
        expect(new URL(page.url()).pathname).toBe('/staff/organisations')
      })
    })
  },
)
