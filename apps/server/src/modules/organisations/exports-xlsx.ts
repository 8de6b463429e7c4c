import {
  type AdoptionByRole,
  type AdoptionCounts,
  type AdoptionReport,
  formatDateVi,
  formatPercentValue,
  memberRoleLabels,
} from '@ansinh/domain'
import ExcelJS from 'exceljs'

/**
 * The adoption report as a workbook (Excel): the units of the organisation ranked furthest behind
 * first, each with its members, registered, active accounts and signed-in people by role and their
 * shares, then the organisation's own total (its whole subtree, a person counted once per role).
 * Shares are numbers with a percent format, so that the sheet can sort and chart them; Excel shows
 * them with the reader's decimal comma.
 */

const COUNT_FORMAT = '#,##0'
const SHARE_FORMAT = '0.00%'
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } }
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } }
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN }

/** The figures of one role, in the order of its seven columns. */
const roleColumns = [
  { header: 'Tổng số', width: 10, value: (c: AdoptionCounts) => c.members, share: false },
  { header: 'Đã đăng ký', width: 11, value: (c: AdoptionCounts) => c.registered, share: false },
  {
    header: 'Tỷ lệ đăng ký',
    width: 11,
    value: (c: AdoptionCounts) => ratio(c.registered, c.members),
    share: true,
  },
  { header: 'Tài khoản hoạt động', width: 12, value: (c: AdoptionCounts) => c.accountActive, share: false },
  {
    header: 'Tỷ lệ hoạt động',
    width: 11,
    value: (c: AdoptionCounts) => ratio(c.accountActive, c.members),
    share: true,
  },
  { header: 'Đã đăng nhập ứng dụng', width: 12, value: (c: AdoptionCounts) => c.signedIn, share: false },
  {
    header: 'Tỷ lệ đăng nhập',
    width: 11,
    value: (c: AdoptionCounts) => ratio(c.signedIn, c.members),
    share: true,
  },
] as const

const groups = [
  { title: memberRoleLabels.vi.staff, figures: (f: AdoptionByRole) => f.staff },
  { title: memberRoleLabels.vi.pupil, figures: (f: AdoptionByRole) => f.pupil },
  { title: 'Tổng cộng', figures: (f: AdoptionByRole) => f.total },
] as const

/** STT, Mã, Đơn vị, then seven columns per group. */
const LEAD_COLUMNS = 3
const COLUMN_COUNT = LEAD_COLUMNS + groups.length * roleColumns.length
const HEADER_TOP = 4

/** A share as a fraction for the percent format; blank when there is nobody to count. */
function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}

export async function adoptionWorkbook(report: AdoptionReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Cổng dịch vụ công BHXH số'
  // The report's date, not the clock: the same report gives the same workbook.
  workbook.created = new Date(`${report.asOf}T00:00:00Z`)
  workbook.modified = workbook.created
  const sheet = workbook.addWorksheet('Tình hình đăng ký', {
    views: [{ state: 'frozen', xSplit: LEAD_COLUMNS, ySplit: HEADER_TOP + 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  })
  titleRows(sheet, report)
  headerRows(sheet)
  report.units.forEach((unit, index) => {
    figureRow(sheet, [index + 1, unit.organisation.code, unit.organisation.name], unit.figures)
  })
  const total = figureRow(
    sheet,
    ['', report.organisation.code, `Tổng cộng: ${report.organisation.name}`],
    report.figures,
  )
  total.font = { bold: true }
  total.eachCell((cell) => {
    cell.fill = TOTAL_FILL
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function titleRows(sheet: ExcelJS.Worksheet, report: AdoptionReport): void {
  const lines = [
    'TÌNH HÌNH ĐĂNG KÝ GIAO DỊCH ĐIỆN TỬ VÀ SỬ DỤNG ỨNG DỤNG VssID',
    `${report.organisation.name} – tính đến ngày ${formatDateVi(report.asOf)}`,
    report.progress
      ? `Mục tiêu: ${formatPercentValue(report.progress.target.percent)} trước ngày ${formatDateVi(report.progress.target.deadline)}; ` +
        `đã đạt ${formatPercentValue(report.progress.registeredShare)}, còn ${report.progress.remaining} người.`
      : 'Chưa đặt mục tiêu.',
  ]
  lines.forEach((text, index) => {
    const row = sheet.getRow(index + 1)
    row.getCell(1).value = text
    row.font = index === 0 ? { bold: true, size: 14 } : { italic: index === 2, size: 11 }
    sheet.mergeCells(index + 1, 1, index + 1, COLUMN_COUNT)
  })
}

function headerRows(sheet: ExcelJS.Worksheet): void {
  const top = sheet.getRow(HEADER_TOP)
  const bottom = sheet.getRow(HEADER_TOP + 1)
  const lead = [
    { header: 'STT', width: 5 },
    { header: 'Mã', width: 12 },
    { header: 'Đơn vị', width: 36 },
  ]
  lead.forEach(({ header, width }, index) => {
    top.getCell(index + 1).value = header
    sheet.getColumn(index + 1).width = width
    sheet.mergeCells(HEADER_TOP, index + 1, HEADER_TOP + 1, index + 1)
  })
  groups.forEach((group, groupIndex) => {
    const first = LEAD_COLUMNS + 1 + groupIndex * roleColumns.length
    top.getCell(first).value = group.title
    sheet.mergeCells(HEADER_TOP, first, HEADER_TOP, first + roleColumns.length - 1)
    roleColumns.forEach((column, index) => {
      bottom.getCell(first + index).value = column.header
      sheet.getColumn(first + index).width = column.width
    })
  })
  for (const row of [top, bottom]) {
    row.font = { bold: true }
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    for (let column = 1; column <= COLUMN_COUNT; column += 1) {
      const cell = row.getCell(column)
      cell.fill = HEADER_FILL
      cell.border = BOX
    }
  }
  bottom.height = 32
}

function figureRow(
  sheet: ExcelJS.Worksheet,
  lead: Array<string | number>,
  figures: AdoptionByRole,
): ExcelJS.Row {
  const values = groups.flatMap((group) => roleColumns.map((column) => column.value(group.figures(figures))))
  const row = sheet.addRow([...lead, ...values])
  for (let column = 1; column <= COLUMN_COUNT; column += 1) {
    const cell = row.getCell(column)
    cell.border = BOX
    if (column <= LEAD_COLUMNS) continue
    const spec = roleColumns[(column - LEAD_COLUMNS - 1) % roleColumns.length]
    cell.numFmt = spec?.share ? SHARE_FORMAT : COUNT_FORMAT
  }
  return row
}
