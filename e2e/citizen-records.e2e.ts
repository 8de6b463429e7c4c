import {
  formatDateTimeVi,
  formatDateVi,
  formatMonth,
  formatVnd,
  formatYearsMonthsVi,
  type MyBenefits,
  type MyChildren,
  type MyMedicalVisits,
  type MyParticipation,
  type MyProfile,
  splitMonths,
} from '@ansinh/domain'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium } from './support/browser'
import { signInCitizen, withPhone } from './support/citizen'
import { useServerAndBrowser } from './support/journey'
import { button, expectNoSeriousViolations, heading } from './support/staff'

// Journey (issue 7): the demo citizen signs in on her phone and opens her own records from the home
// tiles: "Quản lý cá nhân", "Quá trình tham gia" (tabs, total, the two months her employer owes, in red
// and in words), "Thông tin hưởng" and "Sổ khám chữa bệnh" (another year). Each screen is checked
// against the demo data (well-known.ts) and against the API's answer read with the same session. Her
// son has no account of his own in a fresh demo, so "Xem thông tin của" is not shown.

const citizen = {
  bhxhCode: '7900012345',
  password: 'Demo@AnSinh2026',
  personalId: '079176000417',
  legacyIdNumber: '025176417',
  fullName: 'Nguyễn Thị Thu Hằng',
  birth: '12/03/1976',
  gender: 'Nữ',
  phone: '0901234567',
  email: 'thuhang.demo@example.com',
}

/** Months from `from` to `to` (yyyymm), both counted. */
const monthsBetween = (from: number, to: number) =>
  (Math.floor(to / 100) - Math.floor(from / 100)) * 12 + (to % 100) - (from % 100) + 1

/** The value beside a label in one of the screen's fact lists. */
function fact(scope: Page | Locator, label: string): Locator {
  return scope
    .locator(`xpath=.//div[contains(@class, "records-fact")][dt[normalize-space() = "${label}"]]/dd`)
    .first()
}

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

/** The API's answer for a view, read with the page's own session cookie. */
async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/v1${path}`)
  expect(response.status(), path).toBe(200)
  return (await response.json()) as T
}

/**
 * Back to the home screen (the page's own back button), opens a tile, and waits for its heading and
 * for the screen's answers from the API.
 */
async function openTile(page: Page, title: string, apiPaths: string[]): Promise<void> {
  const answered = apiPaths.map((path) =>
    page.waitForResponse((response) => new URL(response.url()).pathname === `/api/v1${path}`),
  )
  if (new URL(page.url()).pathname !== '/') {
    await button(page, 'Quay lại').click()
    await page.getByRole('heading', { level: 2, name: 'Tiện ích' }).waitFor()
  }
  await page.getByRole('link', { name: title, exact: true }).click()
  await heading(page, title)
  for (const response of await Promise.all(answered)) expect(response.status()).toBe(200)
}

describe.skipIf(!hasChromium())('citizen records: profile, participation, benefits, medical visits', () => {
  const running = useServerAndBrowser({
    env: { RATE_LIMIT_PER_MINUTE: '10000', RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' },
  })

  it('phone: each screen shows her own record, as the demo data and the API have it', async () => {
    // The offline app is home.e2e.ts's subject: withPhone blocks the service worker.
    await withPhone(running, async (page) => {
      await signInCitizen(page, citizen)

      // She holds no child's account in a fresh demo: no switch on any screen.
      expect((await api<MyChildren>(page, '/me/children')).items).toEqual([])
      const noSwitch = async () =>
        expect(await page.getByRole('group', { name: 'Xem thông tin của:' }).count()).toBe(0)

      // Quản lý cá nhân.
      await openTile(page, 'Quản lý cá nhân', ['/me', '/me/children'])
      const profile = await api<MyProfile>(page, '/me')
      const shown = {
        personalId: await text(fact(page, 'Số định danh cá nhân')),
        bhxhCode: await text(fact(page, 'Mã số BHXH')),
        fullName: await text(fact(page, 'Họ và tên')),
        birth: await text(fact(page, 'Ngày sinh')),
        gender: await text(fact(page, 'Giới tính')),
        legacyIdNumber: await text(fact(page, 'Số CMND cũ')),
        phone: await text(fact(page, 'Số điện thoại')),
        email: await text(fact(page, 'Email')),
      }
      expect(shown).toEqual({
        personalId: citizen.personalId,
        bhxhCode: citizen.bhxhCode,
        fullName: citizen.fullName,
        birth: citizen.birth,
        gender: citizen.gender,
        legacyIdNumber: citizen.legacyIdNumber,
        phone: citizen.phone,
        email: citizen.email,
      })
      expect(profile).toMatchObject({
        personalId: citizen.personalId,
        bhxhCode: citizen.bhxhCode,
        legacyIdNumber: citizen.legacyIdNumber,
        birth: { year: 1976, month: 3, day: 12 },
        gender: 'female',
        isChild: false,
      })
      expect(profile.address).toMatch(/^Số 125 Đường Trần Hưng Đạo, /)
      expect(await text(fact(page, 'Địa chỉ'))).toBe(profile.address)
      // Personal ID first, where the registry holds one.
      expect(await text(page.locator('.records-fact dt').first())).toBe('Số định danh cá nhân')
      expect(await page.getByRole('link', { name: 'Thiết bị đăng nhập' }).getAttribute('href')).toBe(
        '/account/devices',
      )
      expect(await page.getByRole('link', { name: 'Đổi mật khẩu' }).getAttribute('href')).toBe(
        '/account/password',
      )
      await button(page, 'Đăng xuất').waitFor()
      expect(await page.getByRole('heading', { name: 'Tài khoản của con' }).count()).toBe(0)
      await expectNoSeriousViolations(page, 'profile')

      // Quá trình tham gia: BHXH first, newest period first, the employer's arrears in red and in words.
      await openTile(page, 'Quá trình tham gia', ['/me/participation', '/me/children'])
      const participation = await api<MyParticipation>(page, '/me/participation')
      const tabs = page.getByRole('tablist', { name: 'Loại bảo hiểm' }).getByRole('tab')
      expect(await tabs.allTextContents()).toEqual(['BHXH', 'BHTN', 'BHTNLĐ-BNN', 'BHYT'])
      const social = page.getByRole('tab', { name: 'BHXH', exact: true })
      expect(await social.getAttribute('aria-selected')).toBe('true')
      const panel = page.getByRole('tabpanel', { name: 'BHXH' })
      await panel.getByRole('heading', { level: 2, name: 'Bảo hiểm xã hội' }).waitFor()

      const socialView = participation.tabs.find((tab) => tab.tab === 'social')
      if (!socialView) throw new Error('no BHXH tab in the answer')
      // 07/1996–06/2011 at her first two employers, then from 01/2012 to this month without a gap.
      const expectedMonths = monthsBetween(199607, 201106) + monthsBetween(201201, participation.asOfMonth)
      expect(socialView.totalMonths).toBe(expectedMonths)
      const total = formatYearsMonthsVi(splitMonths(expectedMonths))
      await panel.getByText(`Tổng thời gian tham gia: ${total}`, { exact: true }).waitFor()

      // 14 work periods, the open one split where the arrears start: 15 rows, as the API lists them.
      const rows = panel.getByRole('listitem')
      expect(await rows.count()).toBe(15)
      expect(socialView.rows).toHaveLength(15)
      const firstRow = socialView.rows[0]
      if (!firstRow) throw new Error('no BHXH rows')
      expect(firstRow).toMatchObject({ toMonth: null, contributionBase: 14_800_000, owedAmount: 7_400_000 })
      expect(firstRow.employer?.code).toBe('ZA0004A')
      const owedRow = rows.first()
      expect(await text(owedRow.getByRole('heading', { level: 3 }))).toBe(
        `${formatMonth(firstRow.fromMonth)} – đến nay`,
      )
      await owedRow.getByText('Đơn vị còn nợ: 7.400.000 đ', { exact: true }).waitFor()
      expect(await text(fact(owedRow, 'Đơn vị'))).toBe('Công ty Cổ phần Logistics Cảng Sài Gòn (ZA0004A)')
      expect(await text(fact(owedRow, 'Nghề nghiệp, chức vụ'))).toBe('Kế toán trưởng')
      expect(await text(fact(owedRow, 'Mức đóng'))).toBe(formatVnd(14_800_000))
      // Red: the danger colour on its edge and its words (--as-danger, #b3261e).
      const red = 'rgb(179, 38, 30)'
      expect(await owedRow.evaluate((element) => getComputedStyle(element).borderLeftColor)).toBe(red)
      expect(
        await owedRow
          .getByText('Đơn vị còn nợ: 7.400.000 đ')
          .evaluate((element) => getComputedStyle(element).color),
      ).toBe(red)
      // Only that row is owed; the tab's total above the rows says the same amount.
      expect(await panel.locator('.records-item[data-tone="owed"]').count()).toBe(1)
      expect(socialView.owedAmount).toBe(2 * 14_800_000 * 0.25)
      await panel.getByText(`Tổng số tiền đơn vị còn nợ: ${formatVnd(socialView.owedAmount)}`).waitFor()
      // The oldest period last.
      expect(await text(rows.last().getByRole('heading', { level: 3 }))).toBe('07/1996 – 12/1997')
      await noSwitch()
      await expectNoSeriousViolations(page, 'participation')

      // Arrow keys move between the tabs and select them.
      await social.focus()
      await page.keyboard.press('ArrowRight')
      const unemployment = page.getByRole('tab', { name: 'BHTN', exact: true })
      expect(await unemployment.getAttribute('aria-selected')).toBe('true')
      expect(await unemployment.evaluate((element) => element === document.activeElement)).toBe(true)
      const unemploymentPanel = page.getByRole('tabpanel', { name: 'BHTN' })
      await unemploymentPanel.getByRole('heading', { level: 2, name: 'Bảo hiểm thất nghiệp' }).waitFor()
      const unemploymentView = participation.tabs.find((tab) => tab.tab === 'unemployment')
      if (!unemploymentView) throw new Error('no BHTN tab in the answer')
      await unemploymentPanel
        .getByText(
          `Tổng thời gian tham gia: ${formatYearsMonthsVi(splitMonths(unemploymentView.totalMonths))}`,
        )
        .waitFor()
      expect(await unemploymentPanel.getByRole('listitem').count()).toBe(unemploymentView.rows.length)
      await page.keyboard.press('End')
      expect(await page.getByRole('tab', { name: 'BHYT', exact: true }).getAttribute('aria-selected')).toBe(
        'true',
      )
      await page.keyboard.press('ArrowRight')
      expect(await social.getAttribute('aria-selected')).toBe('true')
      await expectNoSeriousViolations(page, 'participation, keyboard')

      // Thông tin hưởng, first with the network down: the failure says so and offers a retry.
      const benefitsUrl = '**/api/v1/me/benefits'
      await page.route(benefitsUrl, (route) => route.abort('internetdisconnected'))
      await openTile(page, 'Thông tin hưởng', ['/me/children'])
      const failure = page.getByRole('alert').filter({ hasText: 'Không kết nối được với máy chủ' })
      await failure.waitFor()
      await expectNoSeriousViolations(page, 'benefits, network failure')
      await page.unroute(benefitsUrl)
      const retried = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/me/benefits')
      await failure.getByRole('button', { name: 'Thử lại', exact: true }).click()
      expect((await retried).status()).toBe(200)

      // Then the five benefits, newest first.
      const benefits = await api<MyBenefits>(page, '/me/benefits')
      expect(benefits.items).toHaveLength(5)
      const benefitItems = page.getByRole('list', { name: 'Các chế độ đã hưởng' }).getByRole('listitem')
      expect(await benefitItems.count()).toBe(5)
      const [newest] = benefits.items
      expect(newest).toMatchObject({ kind: 'sickness', fromDate: '2023-05-08', amount: 1_953_125 })
      const first = benefitItems.first()
      expect(await text(first.getByRole('heading', { level: 3 }))).toBe('Ốm đau')
      expect(await text(fact(first, 'Số tiền'))).toBe('1.953.125 đ')
      expect(await text(fact(first, 'Thời gian hưởng'))).toBe('08/05/2023 – 12/05/2023')
      expect(await text(fact(first, 'Ngày chi trả'))).toBe(formatDateVi('2023-06-05'))
      expect(await text(fact(first, 'Cơ quan chi trả'))).toBe(newest?.office?.name)
      // The unemployment allowance is paid per month.
      const allowance = benefitItems.last()
      expect(await text(allowance.getByRole('heading', { level: 3 }))).toBe('Trợ cấp thất nghiệp')
      expect(await text(fact(allowance, 'Mức hưởng'))).toBe('1.260.000 đ/tháng')
      await page.getByRole('heading', { level: 3, name: 'Dưỡng sức phục hồi sức khỏe' }).waitFor()
      await noSwitch()
      await expectNoSeriousViolations(page, 'benefits')

      // Sổ khám chữa bệnh: the latest year with a visit, then 2025 from the picker.
      await openTile(page, 'Sổ khám chữa bệnh', ['/me/medical-visits', '/me/children'])
      const latest = await api<MyMedicalVisits>(page, '/me/medical-visits')
      expect(latest.years).toEqual([2026, 2025, 2024])
      const year = page.getByLabel('Năm', { exact: true })
      expect(await year.inputValue()).toBe('2026')
      expect(await year.locator('option').allTextContents()).toEqual(['2026', '2025', '2024'])
      await page.getByRole('heading', { level: 2, name: 'Năm 2026: 1 lần khám chữa bệnh' }).waitFor()

      const answered2025 = page.waitForResponse((r) =>
        r.url().endsWith('/api/v1/me/medical-visits?year=2025'),
      )
      await year.selectOption('2025')
      await answered2025
      const visits2025 = await api<MyMedicalVisits>(page, '/me/medical-visits?year=2025')
      expect(visits2025.totals).toMatchObject({ visits: 2, totalCost: 350_000 + 14_500_000 })
      expect(visits2025.totals.fundPaid + visits2025.totals.patientPaid).toBe(visits2025.totals.totalCost)
      const totals = page.getByRole('region', { name: 'Năm 2025: 2 lần khám chữa bệnh' })
      expect(await text(fact(totals, 'Tổng chi phí'))).toBe('14.850.000 đ')
      expect(await text(fact(totals, 'Quỹ BHYT thanh toán'))).toBe(formatVnd(visits2025.totals.fundPaid))
      expect(await text(fact(totals, 'Người bệnh cùng chi trả'))).toBe(
        formatVnd(visits2025.totals.patientPaid),
      )
      const visitItems = page
        .getByRole('list', { name: 'Các lần khám chữa bệnh năm 2025' })
        .getByRole('listitem')
      expect(await visitItems.count()).toBe(2)
      // Newest first: the appendicitis operation (3 days in hospital), then the blood-pressure check-up.
      const [inpatient] = visits2025.items
      if (!inpatient) throw new Error('no visits in 2025')
      const stay = visitItems.first()
      expect(await text(stay.getByRole('heading', { level: 3 }))).toBe(inpatient.facility.name)
      await stay.getByText('Điều trị nội trú', { exact: true }).waitFor()
      expect(await text(fact(stay, 'Ngày vào'))).toBe('22/09/2025 21:15')
      expect(await text(fact(stay, 'Ngày ra'))).toBe(formatDateTimeVi(new Date(inpatient.dischargedAt ?? '')))
      expect(await text(fact(stay, 'Chẩn đoán'))).toBe(`K35.8 ${inpatient.diagnosis.name}`)
      expect(await text(fact(stay, 'Tổng chi phí'))).toBe('14.500.000 đ')
      await visitItems.last().getByText('Khám bệnh', { exact: true }).waitFor()
      expect(await year.inputValue()).toBe('2025')
      await noSwitch()
      await expectNoSeriousViolations(page, 'medical visits')
    })
  })
})
