import {
  type AdoptionCounts,
  type AdoptionReport,
  type AdoptionUnit,
  adoptionByRole,
  adoptionProgress,
  percentOf,
} from '@ansinh/domain'
import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { adoptionReportPdf } from './exports-pdf'
import { adoptionWorkbook } from './exports-xlsx'

// The figures of seed 000 (Quận 5, 15/6/2021): 1.978/2.447 staff, 13.775/40.230 pupils.
const counts = (members: number, registered: number, accountActive = 0, signedIn = 0): AdoptionCounts => ({
  members,
  registered,
  accountActive,
  signedIn,
})

const organisation = {
  id: 1,
  code: 'PGD-Q5',
  name: 'Phòng Giáo dục và Đào tạo Quận 5',
  kind: 'supervising_body' as const,
  parentId: null,
  officeCode: '07915',
  officeName: 'BHXH Quận 5',
  depth: 0,
  memberCount: 0,
  target: { percent: 100, deadline: '2021-06-30' },
  demo: false,
}

function unit(id: number, name: string, staff: AdoptionCounts, pupil: AdoptionCounts): AdoptionUnit {
  const figures = adoptionByRole(staff, pupil)
  return {
    organisation: { id, code: `TRUONG-${id}`, name, kind: 'school' },
    figures,
    registeredShare: percentOf(figures.total.registered, figures.total.members),
  }
}

const staff = counts(2447, 1978, 1900, 1850)
const pupil = counts(40230, 13775, 13000, 12000)
const report: AdoptionReport = {
  organisation,
  asOf: '2021-06-15',
  figures: adoptionByRole(staff, pupil),
  units: [
    unit(3, 'Trường Tiểu học Chương Dương', counts(47, 30), counts(1200, 200)),
    unit(2, 'Trường THCS Trần Bội Cơ', counts(600, 500), counts(9000, 3575)),
    unit(4, 'Trường THPT chuyên Lê Hồng Phong', counts(1800, 1448), counts(30030, 10000)),
  ],
  progress: adoptionProgress(
    { members: 42677, registered: 15753, accountActive: 0, signedIn: 0 },
    organisation.target,
    '2021-06-15',
  ),
  history: [],
}

async function textOf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocumentProxy(new Uint8Array(pdf))
  const { totalPages, text } = await extractText(document, { mergePages: true })
  return { pages: totalPages, text: text.normalize('NFC').replace(/\s+/g, ' ') }
}

describe('adoptionReportPdf', () => {
  it('prints the letter of seed 000 as text that copies out with its diacritics and "80,83 %"', async () => {
    const { pages, text } = await textOf(await adoptionReportPdf(report))
    expect(pages).toBe(1)
    for (const expected of [
      'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN 5',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Quận 5, ngày 15 tháng 6 năm 2021',
      'BÁO CÁO',
      'Tình hình đăng ký giao dịch điện tử và sử dụng ứng dụng VssID',
      'Có 1.978/2.447 cán bộ, giáo viên và nhân viên đã đăng ký, đạt 80,83 %',
      'Có 13.775/40.230 học sinh, sinh viên đã đăng ký, đạt 34,24 %',
      'Mục tiêu: 100,00 % số người đăng ký, chậm nhất ngày 30/06/2021.',
      'Còn 26.924 người cần đăng ký; còn 15 ngày đến hạn.',
      'Trường Tiểu học Chương Dương',
      'THỦ TRƯỞNG ĐƠN VỊ',
      '(Ký, ghi rõ họ tên và đóng dấu)',
      'Nơi nhận:',
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toMatch(/undefined|null|NaN/)
    // Furthest behind first, as the report ranks them.
    expect(text.indexOf('Chương Dương')).toBeLessThan(text.indexOf('Trần Bội Cơ'))
  })

  it('embeds its font, keeps its metadata and gives the same bytes for the same report', async () => {
    const pdf = await adoptionReportPdf(report)
    const raw = pdf.toString('latin1')
    expect(raw).toContain('/FontFile2')
    expect(raw).toContain('/ToUnicode')
    const info: Record<string, unknown> = {
      ...(await (await getDocumentProxy(new Uint8Array(pdf))).getMetadata()).info,
    }
    expect(info.Title).toBe('Báo cáo tình hình đăng ký giao dịch điện tử – Phòng Giáo dục và Đào tạo Quận 5')
    expect((await adoptionReportPdf(report)).equals(pdf)).toBe(true)
  })

  it('goes on to more pages for many units, and says when there is no target or it is reached', async () => {
    const units = Array.from({ length: 120 }, (_, index) =>
      unit(100 + index, `Trường số ${index + 1}`, counts(20, index % 20), counts(300, index)),
    )
    const long = await textOf(await adoptionReportPdf({ ...report, units, progress: null }))
    expect(long.pages).toBeGreaterThan(2)
    expect(long.text).toContain('Chưa đặt mục tiêu cho tổ chức.')
    expect(long.text).toContain('Trường số 120')
    const reached = adoptionProgress(counts(10, 10), { percent: 90, deadline: '2021-06-01' }, '2021-06-15')
    const done = await textOf(await adoptionReportPdf({ ...report, units: [], progress: reached }))
    expect(done.text).toContain('Đã hoàn thành mục tiêu.')
    expect(done.text).not.toContain('3. Các đơn vị')
  })
})

describe('adoptionWorkbook', () => {
  it('has a title, a frozen two-row header, the ranked units and the total, with number formats', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await adoptionWorkbook(report)) as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    if (!sheet) throw new Error('no sheet')
    expect(sheet.name).toBe('Tình hình đăng ký')
    expect(sheet.getCell('A1').value).toBe('TÌNH HÌNH ĐĂNG KÝ GIAO DỊCH ĐIỆN TỬ VÀ SỬ DỤNG ỨNG DỤNG VssID')
    expect(sheet.getCell('A2').value).toBe('Phòng Giáo dục và Đào tạo Quận 5 – tính đến ngày 15/06/2021')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 5 })
    expect(sheet.getCell('D4').value).toBe('Cán bộ, giáo viên, nhân viên')
    expect(sheet.getCell('D5').value).toBe('Tổng số')
    expect(sheet.getCell('C6').value).toBe('Trường Tiểu học Chương Dương')
    expect(sheet.getCell('A6').value).toBe(1)
    const total = sheet.getRow(9)
    expect(total.getCell(3).value).toBe('Tổng cộng: Phòng Giáo dục và Đào tạo Quận 5')
    expect(total.getCell(4).value).toBe(2447)
    expect(total.getCell(5).value).toBe(1978)
    expect(total.getCell(6).value).toBeCloseTo(1978 / 2447, 10)
    expect(total.getCell(6).numFmt).toBe('0.00%')
    expect(total.getCell(4).numFmt).toBe('#,##0')
    expect(total.getCell(11).value).toBe(40230)
    expect(total.getCell(13).value).toBeCloseTo(13775 / 40230, 10)
    expect(total.getCell(18).value).toBe(42677)
    expect(sheet.getColumn(3).width).toBeGreaterThan(30)
  })

  it('leaves a share blank where nobody is counted', async () => {
    const empty = { ...report, units: [unit(9, 'Trường mới', counts(0, 0), counts(5, 1))] }
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await adoptionWorkbook(empty)) as unknown as ArrayBuffer)
    const row = workbook.worksheets[0]?.getRow(6)
    expect(row?.getCell(4).value).toBe(0)
    expect(row?.getCell(6).value).toBeNull()
    expect(row?.getCell(13).value).toBeCloseTo(0.2, 10)
  })
})
