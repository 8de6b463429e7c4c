import {
  type AdoptionByRole,
  type AdoptionCounts,
  type AdoptionProgress,
  type AdoptionReport,
  formatDateVi,
  formatPercentValue,
  formatThousands,
  letterDate,
  letterPlace,
  MemberRole,
} from '@ansinh/domain'
import {
  BOLD,
  type Column,
  INK,
  MARGIN,
  MUTED,
  nationalMotto,
  newA4Pdf,
  pdfBytes,
  put,
  REGULAR,
  type TextStyle,
} from '../registration/declaration-pdf'

/**
 * The adoption report printed as an official letter (công văn báo cáo, as in seed 000): the
 * organisation and the national motto at the top, place and date, the figures by role with their
 * shares written `80,83 %`, the target and how far the organisation is from it, the units furthest
 * behind first, and the signature block. All text is real text in an embedded font, so that it can
 * be searched and copied with its diacritics.
 */

type Doc = PDFKit.PDFDocument
type Cell = { text: string; align?: 'left' | 'right' | 'center' }
type TableColumn = { title: string; width: number; align: 'left' | 'right' | 'center' }

const BODY = 10.5
const SMALL = 9
const CELL_PAD = 3
/** Below this the page ends: the footer lives in the bottom margin. */
const pageBottom = (doc: Doc) => doc.page.height - MARGIN - 10

const roleWords: Record<MemberRole, string> = {
  staff: 'cán bộ, giáo viên và nhân viên',
  pupil: 'học sinh, sinh viên',
}

export async function adoptionReportPdf(report: AdoptionReport): Promise<Buffer> {
  const asOf = new Date(`${report.asOf}T00:00:00Z`)
  const doc = newA4Pdf({
    Title: `Báo cáo tình hình đăng ký giao dịch điện tử – ${report.organisation.name}`,
    Author: report.organisation.name,
    Subject: 'Tình hình đăng ký giao dịch điện tử và sử dụng ứng dụng VssID',
    Creator: 'Cổng dịch vụ công BHXH số',
    // The report's date, not the clock: the same figures give the same file.
    CreationDate: asOf,
    ModDate: asOf,
  })
  const done = pdfBytes(doc)
  const page: Column = { x: MARGIN, width: doc.page.width - 2 * MARGIN }
  footer(doc, page, report)
  doc.on('pageAdded', () => footer(doc, page, report))
  let y = letterhead(doc, page, report)
  y = heading(doc, page, y + 18)
  y = summary(doc, page, y + 12, report)
  y = section(doc, page, y + 10, '1. Số liệu theo đối tượng')
  y = table(doc, page, y, figureColumns(page), figureRows(report.figures), { boldLastRow: true })
  y = section(doc, page, y + 12, '2. Mục tiêu và tiến độ')
  y = put(doc, progressText(report.progress), page, y, { size: BODY, align: 'justify' })
  if (report.units.length > 0) {
    y = section(doc, page, y + 12, '3. Các đơn vị, đơn vị có tỷ lệ đăng ký thấp nhất xếp trước')
    y = table(doc, page, y, unitColumns(page), unitRows(report))
  }
  closing(doc, page, y + 16)
  doc.end()
  return done
}

/** The organisation (with "Số: …/BC" for the clerk) on the left, the national motto on the right. */
function letterhead(doc: Doc, page: Column, report: AdoptionReport): number {
  const left: Column = { x: page.x, width: page.width * 0.42 }
  const right: Column = { x: page.x + page.width * 0.42, width: page.width * 0.58 }
  let leftEnd = put(doc, report.organisation.name.toLocaleUpperCase('vi'), left, MARGIN, {
    font: BOLD,
    size: 11,
    align: 'center',
  })
  underline(doc, left, leftEnd, 60)
  leftEnd = put(doc, 'Số:        /BC', left, leftEnd + 6, { size: BODY, align: 'center' })
  const rightEnd = nationalMotto(doc, right, MARGIN)
  const dateLine = `${letterPlace(report.organisation.officeName)}, ${letterDate(report.asOf)}`
  return put(doc, dateLine, right, Math.max(leftEnd, rightEnd) + 8, { size: BODY, align: 'center' })
}

function heading(doc: Doc, page: Column, top: number): number {
  const y = put(doc, 'BÁO CÁO', page, top, { font: BOLD, size: 13, align: 'center' })
  const end = put(doc, 'Tình hình đăng ký giao dịch điện tử và sử dụng ứng dụng VssID', page, y + 2, {
    font: BOLD,
    size: 11.5,
    align: 'center',
  })
  underline(doc, page, end + 4, 120)
  return end + 4
}

function underline(doc: Doc, column: Column, y: number, length: number): void {
  const centre = column.x + column.width / 2
  doc
    .moveTo(centre - length / 2, y)
    .lineTo(centre + length / 2, y)
    .lineWidth(0.6)
    .strokeColor(INK)
    .stroke()
}

/** The sentences of seed 000: "Có 1.978/2.447 cán bộ, giáo viên và nhân viên đã đăng ký, đạt 80,83 %." */
function summary(doc: Doc, page: Column, top: number, report: AdoptionReport): number {
  const intro =
    `Tính đến ${letterDate(report.asOf)}, tình hình đăng ký tài khoản giao dịch điện tử với cơ quan BHXH ` +
    `và sử dụng ứng dụng VssID tại ${report.organisation.name} như sau:`
  let y = put(doc, intro, page, top, { size: BODY, align: 'justify' })
  const indented: Column = { x: page.x + 14, width: page.width - 14 }
  for (const role of [MemberRole.Staff, MemberRole.Pupil]) {
    const counts = report.figures[role]
    if (counts.members === 0) continue
    const line =
      `- Có ${formatThousands(counts.registered)}/${formatThousands(counts.members)} ${roleWords[role]} ` +
      `đã đăng ký, đạt ${counts.registeredPercent}; ${formatThousands(counts.signedIn)} người đã đăng nhập ứng dụng ` +
      `(${counts.signedInPercent}).`
    y = put(doc, line, indented, y + 3, { size: BODY })
  }
  return y
}

function section(doc: Doc, page: Column, top: number, title: string): number {
  const start = top + 40 > pageBottom(doc) ? newPage(doc) : top
  return put(doc, title, page, start, { font: BOLD, size: 11 }) + 4
}

function progressText(progress: AdoptionProgress | null): string {
  if (!progress) return 'Chưa đặt mục tiêu cho tổ chức.'
  const target =
    `Mục tiêu: ${formatPercentValue(progress.target.percent)} số người đăng ký, ` +
    `chậm nhất ngày ${formatDateVi(progress.target.deadline)}. ` +
    `Hiện đạt ${formatPercentValue(progress.registeredShare)}, bằng ${formatPercentValue(progress.progress)} mục tiêu.`
  if (progress.reached) return `${target} Đã hoàn thành mục tiêu.`
  const time =
    progress.daysLeft >= 0 ? `còn ${progress.daysLeft} ngày đến hạn` : `đã quá hạn ${-progress.daysLeft} ngày`
  return `${target} Còn ${formatThousands(progress.remaining)} người cần đăng ký; ${time}.`
}

const figureHeaders = ['Tổng số', 'Đã đăng ký', 'Tỷ lệ', 'TK hoạt động', 'Tỷ lệ', 'Đã đăng nhập', 'Tỷ lệ']

function figureColumns(page: Column): TableColumn[] {
  const first = 130
  const rest = (page.width - first) / figureHeaders.length
  return [
    { title: 'Đối tượng', width: first, align: 'left' },
    ...figureHeaders.map((title) => ({ title, width: rest, align: 'right' as const })),
  ]
}

function figureCells(figures: AdoptionByRole[keyof AdoptionByRole]): Cell[] {
  return [
    figures.members,
    figures.registered,
    figures.registeredPercent,
    figures.accountActive,
    figures.accountActivePercent,
    figures.signedIn,
    figures.signedInPercent,
  ].map((value) => ({ text: typeof value === 'number' ? formatThousands(value) : value }))
}

function figureRows(figures: AdoptionByRole): Cell[][] {
  return [
    [{ text: 'Cán bộ, giáo viên, nhân viên' }, ...figureCells(figures.staff)],
    [{ text: 'Học sinh, sinh viên' }, ...figureCells(figures.pupil)],
    [{ text: 'Tổng cộng' }, ...figureCells(figures.total)],
  ]
}

function unitColumns(page: Column): TableColumn[] {
  const columns: TableColumn[] = [
    { title: 'STT', width: 26, align: 'center' },
    { title: 'CB-GV-NV đã ĐK/tổng', width: 70, align: 'right' },
    { title: 'Tỷ lệ', width: 55, align: 'right' },
    { title: 'HS-SV đã ĐK/tổng', width: 75, align: 'right' },
    { title: 'Tỷ lệ', width: 55, align: 'right' },
    { title: 'Tỷ lệ chung', width: 55, align: 'right' },
  ]
  const rest = page.width - columns.reduce((sum, column) => sum + column.width, 0)
  return [columns[0] as TableColumn, { title: 'Đơn vị', width: rest, align: 'left' }, ...columns.slice(1)]
}

const share = (counts: AdoptionCounts) =>
  `${formatThousands(counts.registered)}/${formatThousands(counts.members)}`

function unitRows(report: AdoptionReport): Cell[][] {
  return report.units.map((unit, index) => {
    const { staff, pupil, total } = unit.figures
    return [
      { text: String(index + 1) },
      { text: unit.organisation.name },
      { text: share(staff) },
      { text: staff.registeredPercent },
      { text: share(pupil) },
      { text: pupil.registeredPercent },
      { text: total.registeredPercent },
    ]
  })
}

/**
 * A bordered table; a row that would cross the bottom of the page starts a new page, which repeats
 * the header row. Answers the y below the table.
 */
function table(
  doc: Doc,
  page: Column,
  top: number,
  columns: TableColumn[],
  rows: Cell[][],
  options: { boldLastRow?: boolean } = {},
): number {
  const header = columns.map((column) => ({ text: column.title, align: 'center' as const }))
  let y = tableRow(doc, page.x, top, columns, header, { font: BOLD, size: SMALL })
  rows.forEach((cells, index) => {
    const bold = options.boldLastRow && index === rows.length - 1
    const style: TextStyle = { size: SMALL, ...(bold ? { font: BOLD } : {}) }
    if (y + rowHeight(doc, columns, cells, style) > pageBottom(doc)) {
      y = tableRow(doc, page.x, newPage(doc), columns, header, { font: BOLD, size: SMALL })
    }
    y = tableRow(doc, page.x, y, columns, cells, style)
  })
  return y
}

function rowHeight(doc: Doc, columns: TableColumn[], cells: Cell[], style: TextStyle): number {
  doc.font(style.font ?? REGULAR).fontSize(style.size ?? SMALL)
  const heights = cells.map((cell, index) =>
    doc.heightOfString(cell.text, { width: (columns[index]?.width ?? 0) - 2 * CELL_PAD, lineGap: 2 }),
  )
  return Math.max(...heights) + 2 * CELL_PAD
}

function tableRow(
  doc: Doc,
  left: number,
  top: number,
  columns: TableColumn[],
  cells: Cell[],
  style: TextStyle,
): number {
  const height = rowHeight(doc, columns, cells, style)
  let x = left
  columns.forEach((column, index) => {
    doc.rect(x, top, column.width, height).lineWidth(0.5).strokeColor(MUTED).stroke()
    const cell = cells[index]
    if (cell) {
      put(doc, cell.text, { x: x + CELL_PAD, width: column.width - 2 * CELL_PAD }, top + CELL_PAD, {
        ...style,
        align: cell.align ?? column.align,
      })
    }
    x += column.width
  })
  return top + height
}

function newPage(doc: Doc): number {
  doc.addPage()
  return MARGIN
}

/** "Nơi nhận" on the left, the signature block on the right, on a new page when they do not fit. */
function closing(doc: Doc, page: Column, top: number): void {
  const start = top + 120 > pageBottom(doc) ? newPage(doc) : top
  const left: Column = { x: page.x, width: page.width * 0.45 }
  const right: Column = { x: page.x + page.width * 0.5, width: page.width * 0.5 }
  let y = put(doc, 'Nơi nhận:', left, start, { font: BOLD, size: SMALL })
  for (const line of ['- Như trên;', '- Cơ quan BHXH quản lý (để phối hợp);', '- Lưu: VT.']) {
    y = put(doc, line, left, y, { size: SMALL })
  }
  y = put(doc, 'THỦ TRƯỞNG ĐƠN VỊ', right, start, { font: BOLD, size: 11, align: 'center' })
  put(doc, '(Ký, ghi rõ họ tên và đóng dấu)', right, y, { size: SMALL, align: 'center', color: MUTED })
}

/** Written inside the bottom margin without wrapping, which would otherwise start another page. */
function footer(doc: Doc, page: Column, report: AdoptionReport): void {
  const text =
    `Báo cáo được tạo bởi Cổng dịch vụ công BHXH số – số liệu ngày ${formatDateVi(report.asOf)}`.normalize(
      'NFC',
    )
  const y = doc.page.height - MARGIN + 12
  doc.save()
  doc.font(REGULAR).fontSize(8).fillColor(MUTED)
  doc.text(text, page.x + (page.width - doc.widthOfString(text)) / 2, y, { lineBreak: false })
  doc.restore()
}
