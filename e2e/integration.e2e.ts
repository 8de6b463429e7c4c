import { formatMonth, formatVnd, todayInVietnam, yyyymmOf } from '@ansinh/domain'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium } from './support/browser'
import { signInCitizen, withPhone } from './support/citizen'
import { useServerAndBrowser } from './support/journey'
import {
  button,
  demoStaff,
  expectNoSeriousViolations,
  field,
  heading,
  signIn,
  withStaffContext,
} from './support/staff'

// Journey (issue 9): the HCM office administrator imports, in "Nhập dữ liệu", her employer's
// declaration list (D02-LT, CSV) raising the demo citizen's contribution base from this month, with one
// row of an unknown person, and a hospital's claim file (XML 130) with her visit; each import is
// followed to "Hoàn tất" and the refused row is in the error report. On her phone, "Quá trình tham gia"
// shows the new period and base and "Sổ khám chữa bệnh" the new visit.

const citizen = { bhxhCode: '7900012345', password: 'Demo@AnSinh2026', fullName: 'Nguyễn Thị Thu Hằng' }
const month = yyyymmOf(todayInVietnam(new Date()))
const newBase = 16_500_000

function declarationCsv(): Buffer {
  const rows = [
    ['Mã đơn vị', 'Tháng', 'Mã số BHXH', 'Họ và tên', 'Ngày sinh', 'Loại biến động', 'Chức vụ', 'Mức đóng'],
    [
      'ZA0004A',
      formatMonth(month),
      citizen.bhxhCode,
      citizen.fullName,
      '12/03/1976',
      'Điều chỉnh',
      'Kế toán trưởng',
      '16.500.000',
    ],
    [
      'ZA0004A',
      formatMonth(month),
      '7999999999',
      'Người Không Có',
      '01/01/1990',
      'Tăng',
      'Nhân viên',
      '6.000.000',
    ],
  ]
  return Buffer.from(`\uFEFF${rows.map((row) => row.join(';')).join('\r\n')}\r\n`)
}

/** A claim file (QĐ 130/QĐ-BYT envelope) with one HOSO: her visit, XML1 base64 inside. */
function claimXml(facilityCode: string): Buffer {
  const xml1 = `<?xml version="1.0" encoding="utf-8"?><TONG_HOP><MA_LK>E2E-VISIT-1</MA_LK><MA_BN>BN001</MA_BN>
<HO_TEN>${citizen.fullName}</HO_TEN><NGAY_SINH>197603120000</NGAY_SINH><GIOI_TINH>2</GIOI_TINH>
<MA_THE_BHYT>DN4797900012345</MA_THE_BHYT><MA_CSKCB>${facilityCode}</MA_CSKCB><MA_LOAI_KCB>01</MA_LOAI_KCB>
<NGAY_VAO>202611200800</NGAY_VAO><NGAY_RA>202611201030</NGAY_RA><MA_BENH_CHINH>J06.9</MA_BENH_CHINH>
<CHAN_DOAN_RV>Viêm họng cấp</CHAN_DOAN_RV><T_TONGCHI_BV>350000</T_TONGCHI_BV><T_BHTT>280000</T_BHTT>
<T_BNCCT>70000</T_BNCCT></TONG_HOP>`
  return Buffer.from(`<?xml version="1.0" encoding="utf-8"?>
<GIAMDINHHS><THONGTINDONVI><MACSKCB>${facilityCode}</MACSKCB></THONGTINDONVI><THONGTINHOSO>
<NGAYLAP>20261201</NGAYLAP><SOLUONGHOSO>1</SOLUONGHOSO><DANHSACHHOSO><HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO>
<NOIDUNGFILE>${Buffer.from(xml1).toString('base64')}</NOIDUNGFILE></FILEHOSO></HOSO></DANHSACHHOSO>
</THONGTINHOSO><CHUKYDONVI/></GIAMDINHHS>`)
}

/** Uploads one file in "Nhập dữ liệu" and waits for "Hoàn tất". */
async function importFile(page: Page, kind: string, name: string, buffer: Buffer, mimeType: string) {
  await page.getByRole('link', { name: 'Nhập dữ liệu', exact: true }).click()
  await heading(page, 'Nhập dữ liệu')
  await page.getByRole('radio', { name: new RegExp(kind) }).check()
  await field(page, 'Tệp dữ liệu').setInputFiles({ name, mimeType, buffer })
  await button(page, 'Tải lên và nhập').click()
  await page.getByRole('status').getByText('Hoàn tất', { exact: true }).waitFor()
}

describe.skipIf(!hasChromium())(
  'integration: declarations and claims imported, seen in the citizen app',
  () => {
    const running = useServerAndBrowser({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })

    it('back-office imports → phone', async () => {
      await withStaffContext(running.browser, running.server.baseUrl, async (staffPage) => {
        await signIn(staffPage, demoStaff.hcmAdmin)
        await importFile(staffPage, 'D02-LT', 'd02-thang.csv', declarationCsv(), 'text/csv')
        await expectNoSeriousViolations(staffPage, 'import done')
        const report = staffPage.getByRole('link', { name: 'Tải báo cáo lỗi (CSV)' })
        const answer = await staffPage.request.get((await report.getAttribute('href')) ?? '')
        const lines = (await answer.text()).split('\r\n').filter(Boolean)
        expect(lines).toHaveLength(2)
        expect(lines[1]).toMatch(/^3,Mã số BHXH,/)

        const facilities = await staffPage.request.get('/api/v1/directory/facilities?provinceCode=79&limit=1')
        const facilityCode = ((await facilities.json()) as { items: { code: string }[] }).items[0]?.code ?? ''
        await importFile(staffPage, 'XML 130', 'xml130.xml', claimXml(facilityCode), 'application/xml')
        expect(await staffPage.getByRole('link', { name: 'Tải báo cáo lỗi (CSV)' }).count()).toBe(0)
      })

      await withPhone(running, async (page) => {
        await signInCitizen(page, citizen)
        await page.getByRole('link', { name: 'Quá trình tham gia', exact: true }).click()
        await heading(page, 'Quá trình tham gia')
        const newest = page.getByRole('tabpanel', { name: 'BHXH' }).getByRole('listitem').first()
        await newest.getByRole('heading', { level: 3, name: `${formatMonth(month)} – đến nay` }).waitFor()
        await newest.getByText(formatVnd(newBase), { exact: true }).waitFor()

        await page.goto('/medical-visits')
        await heading(page, 'Sổ khám chữa bệnh')
        await page.getByRole('heading', { level: 2, name: 'Năm 2026: 2 lần khám chữa bệnh' }).waitFor()
        await page.getByText('Viêm họng cấp').first().waitFor()
      })
    })
  },
)
