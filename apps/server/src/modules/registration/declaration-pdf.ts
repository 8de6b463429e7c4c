/**
 * The registration declaration (tờ khai Mẫu số 01) as a one-page A4 PDF: the citizen prints it, signs it
 * and brings it to the office with their ID before the paper deadline. Laid out after the official
 * "Mẫu số 01 – Tờ khai đăng ký sử dụng, điều chỉnh thông tin và ngừng sử dụng phương thức giao dịch
 * điện tử trong lĩnh vực bảo hiểm xã hội".
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  type CurrentUnits,
  currentUnitsLine,
  formatDateTimeVi,
  formatDateVi,
  type IdDocumentKind,
} from '@ansinh/domain'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'

export type DeclarationView = {
  dossierNumber: string
  submittedAt: Date
  /** ISO date `yyyy-mm-dd`: the last day the signed paper form is accepted. */
  paperDeadline: string
  bhxhCode: string
  fullName: string
  idKind: IdDocumentKind
  idNumber: string
  /** The full contact address, already composed. */
  address: string
  /** For an address recorded in old (pre-1 Jul 2025) units, where it lies now; null otherwise. */
  currentUnits: CurrentUnits | null
  phone: string
  email: string | null
  contactChannel: 'sms' | 'email'
  office: {
    code: string
    name: string
    address: string | null
    phone: string | null
    openingHours: string | null
    parentCode: string | null
    parentName: string | null
  }
}

export const DECLARATION_TITLE =
  'TỜ KHAI ĐĂNG KÝ SỬ DỤNG, ĐIỀU CHỈNH THÔNG TIN VÀ NGỪNG SỬ DỤNG PHƯƠNG THỨC GIAO DỊCH ĐIỆN TỬ TRONG LĨNH VỰC BẢO HIỂM XÃ HỘI'

const idLabels: Record<IdDocumentKind, string> = {
  personal_id: 'Số định danh cá nhân (CCCD)',
  legacy_id: 'Số CMND',
  passport: 'Số hộ chiếu',
}

// The standard PDF fonts have no Vietnamese glyphs; DejaVu has them all, plus ☐ and ☒. Resolved
// through the package so that the server finds them whatever its working directory.
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
export const REGULAR = 'DejaVuSans'
export const BOLD = 'DejaVuSans-Bold'

export const MARGIN = 50
const BODY = 10
const LABEL_WIDTH = 165
const QR_SIZE = 90
// Below the signing box: the gap and the signer's name (11 pt bold, one line).
const SIGNATURE_NAME_SPACE = 30
export const INK = '#111111'
export const MUTED = '#555555'

type Doc = PDFKit.PDFDocument
export type TextStyle = {
  font?: string
  size?: number
  align?: 'left' | 'center' | 'right' | 'justify'
  color?: string
}
export type Column = { x: number; width: number }

/**
 * The dossier number as a QR code (error correction M), for the office to find the dossier by
 * scanning the paper: its dark modules, row by row. The PDF draws them as vector squares, crisp at
 * any zoom and cheap enough for an organisation's batch of hundreds of declarations (a bitmap per
 * page took twenty times longer).
 */
export function dossierQrModules(dossierNumber: string): boolean[][] {
  const { modules } = QRCode.create(dossierNumber, { errorCorrectionLevel: 'M' })
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, column) => Boolean(modules.get(row, column))),
  )
}

export function renderDeclarationPdf(view: DeclarationView): Promise<Buffer> {
  // A fixed creation date makes the bytes (and the file ID derived from it) a function of the view.
  return renderDeclarationsPdf([view], {
    Title: `Tờ khai Mẫu số 01 – hồ sơ ${view.dossierNumber}`,
    CreationDate: view.submittedAt,
  })
}

/**
 * Several declarations in one PDF, one page each (an organisation collects its members' forms to
 * print them at once).
 */
export function renderDeclarationsPdf(
  views: readonly DeclarationView[],
  info: { Title: string; CreationDate: Date },
): Promise<Buffer> {
  const doc = newA4Pdf({
    ...info,
    Author: 'BHXH Việt Nam',
    Subject: 'Đăng ký sử dụng phương thức giao dịch điện tử trong lĩnh vực bảo hiểm xã hội',
    Creator: 'Cổng dịch vụ công BHXH số',
    ModDate: info.CreationDate,
  })
  const done = pdfBytes(doc)
  for (const [index, view] of views.entries()) {
    if (index > 0) doc.addPage()
    drawForm(doc, view)
  }
  doc.end()
  return done
}

/** A4 with the Vietnamese fonts registered: every PDF the server draws starts here. */
export function newA4Pdf(info: PDFKit.DocumentInfo): Doc {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, lang: 'vi-VN', displayTitle: true, info })
  doc.registerFont(REGULAR, join(fontDir, 'DejaVuSans.ttf'))
  doc.registerFont(BOLD, join(fontDir, 'DejaVuSans-Bold.ttf'))
  return doc
}

/** The document's bytes once it ends; call before drawing, so that no chunk is missed. */
export function pdfBytes(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

function drawForm(doc: Doc, view: DeclarationView): void {
  const page: Column = { x: MARGIN, width: doc.page.width - 2 * MARGIN }
  let y = header(doc, page, MARGIN)
  y = addressee(doc, page, y + 14, view)
  y = section(doc, page, y + 10, 'I. THÔNG TIN NGƯỜI ĐĂNG KÝ')
  for (const [label, value] of applicantRows(view)) y = row(doc, page, y, label, value)
  y = section(doc, page, y + 8, 'II. NỘI DUNG ĐĂNG KÝ')
  y = choices(doc, page, y)
  y = row(doc, page, y + 2, 'Nhận thông báo qua', contactText(view.contactChannel))
  y = section(doc, page, y + 8, 'III. CƠ QUAN BHXH TIẾP NHẬN')
  for (const [label, value] of officeRows(view.office)) y = row(doc, page, y, label, value)
  y = put(
    doc,
    'Tôi cam đoan những nội dung kê khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật về những nội dung đã kê khai.',
    page,
    y + 12,
    { align: 'justify' },
  )
  closing(doc, page, y + 14, view)
  footer(doc, page, view.dossierNumber)
}

/** Writes NFC text at (column.x, y) and answers the y below it; the one place that sets text style. */
export function put(doc: Doc, text: string, column: Column, y: number, style: TextStyle = {}): number {
  doc
    .font(style.font ?? REGULAR)
    .fontSize(style.size ?? BODY)
    .fillColor(style.color ?? INK)
  doc.text(text.normalize('NFC'), column.x, y, {
    width: column.width,
    align: style.align ?? 'left',
    lineGap: 2,
  })
  return doc.y
}

function header(doc: Doc, page: Column, top: number): number {
  put(doc, 'Mẫu số 01', page, top, { font: BOLD, align: 'right' })
  const y = nationalMotto(doc, page, top + 16)
  const title: Column = { x: page.x + 30, width: page.width - 60 }
  return put(doc, DECLARATION_TITLE, title, y + 18, { font: BOLD, size: 13, align: 'center' })
}

/** Quốc hiệu and tiêu ngữ, centred in `column` and underlined as on official papers; answers the y below. */
export function nationalMotto(doc: Doc, column: Column, top: number): number {
  let y = put(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', column, top, {
    font: BOLD,
    size: 12,
    align: 'center',
  })
  y = put(doc, 'Độc lập - Tự do - Hạnh phúc', column, y, { font: BOLD, size: 11, align: 'center' })
  const motto = doc.widthOfString('Độc lập - Tự do - Hạnh phúc')
  const centre = column.x + column.width / 2
  doc
    .moveTo(centre - motto / 2, y)
    .lineTo(centre + motto / 2, y)
    .lineWidth(0.8)
    .strokeColor(INK)
    .stroke()
  return y
}

/** "Kính gửi" and the dossier number on the left, the dossier QR code on the right. */
function addressee(doc: Doc, page: Column, top: number, view: DeclarationView): number {
  const text: Column = { x: page.x, width: page.width - QR_SIZE - 20 }
  let y = put(doc, `Kính gửi: ${view.office.name}`, text, top + 14, { font: BOLD, size: 11 })
  y = put(doc, `Số hồ sơ: ${view.dossierNumber}`, text, y + 6, { font: BOLD, size: 11 })
  put(doc, 'Quét mã QR bên cạnh để cơ quan BHXH tra cứu hồ sơ khi tiếp nhận bản giấy.', text, y + 4, {
    size: 8.5,
    color: MUTED,
  })
  drawQr(doc, dossierQrModules(view.dossierNumber), page.x + page.width - QR_SIZE, top)
  return top + QR_SIZE
}

/** The modules in a QR_SIZE square with a quiet zone of one module; each row's runs as one rectangle. */
function drawQr(doc: Doc, modules: boolean[][], x: number, y: number): void {
  const cell = QR_SIZE / (modules.length + 2)
  doc.save().rect(x, y, QR_SIZE, QR_SIZE).fill('#ffffff')
  modules.forEach((row, r) => {
    let start = -1
    row.forEach((dark, c) => {
      if (dark && start < 0) start = c
      const runEnds = start >= 0 && (!dark || c === row.length - 1)
      if (!runEnds) return
      const end = dark ? c + 1 : c
      doc.rect(x + (start + 1) * cell, y + (r + 1) * cell, (end - start) * cell, cell)
      start = -1
    })
  })
  doc.fill('#000000').restore()
}

function section(doc: Doc, page: Column, top: number, title: string): number {
  const y = put(doc, title, page, top, { font: BOLD, size: 11 })
  doc
    .moveTo(page.x, y)
    .lineTo(page.x + page.width, y)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke()
  return y + 6
}

/** A label and its value side by side; the taller of the two (a long address wraps) sets the height. */
function row(doc: Doc, page: Column, top: number, label: string, value: string): number {
  const labelEnd = put(doc, `${label}:`, { x: page.x, width: LABEL_WIDTH }, top)
  const valueEnd = put(doc, value, { x: page.x + LABEL_WIDTH, width: page.width - LABEL_WIDTH }, top, {
    font: BOLD,
  })
  return Math.max(labelEnd, valueEnd) + 2
}

function choices(doc: Doc, page: Column, top: number): number {
  const half = page.width / 2
  const y = put(doc, '☒ Đăng ký sử dụng phương thức giao dịch điện tử', page, top, { font: BOLD })
  put(doc, '☐ Điều chỉnh thông tin', { x: page.x, width: half }, y + 2)
  return put(doc, '☐ Ngừng sử dụng', { x: page.x + half, width: half }, y + 2)
}

function applicantRows(view: DeclarationView): Array<[string, string]> {
  // The address stays as declared; the office reads beside it which current units it lies in.
  const currentUnits: Array<[string, string]> = view.currentUnits
    ? [['Nay thuộc', currentUnitsLine(view.currentUnits, 'hoặc')]]
    : []
  return [
    ['Họ và tên', view.fullName],
    ['Mã số BHXH', view.bhxhCode],
    [idLabels[view.idKind], view.idNumber],
    ['Địa chỉ liên hệ', view.address],
    ...currentUnits,
    ['Số điện thoại di động', view.phone],
    ['Email', view.email ?? 'Không có'],
  ]
}

function contactText(channel: DeclarationView['contactChannel']): string {
  return channel === 'email' ? 'Tin nhắn SMS và email' : 'Tin nhắn SMS'
}

function officeRows(office: DeclarationView['office']): Array<[string, string]> {
  const own = `[${office.code}] ${office.name}`
  const path =
    office.parentCode && office.parentName ? `[${office.parentCode}] ${office.parentName} → ${own}` : own
  const missing = 'Chưa cập nhật'
  return [
    ['Cơ quan tiếp nhận', path],
    ['Địa chỉ', office.address ?? missing],
    ['Điện thoại', office.phone ?? missing],
    ['Giờ làm việc', office.openingHours ?? missing],
  ]
}

/** Submission time and the paper-deadline note on the left, the signature block on the right. */
function closing(doc: Doc, page: Column, top: number, view: DeclarationView): void {
  const left: Column = { x: page.x, width: page.width * 0.5 }
  const right: Column = { x: page.x + page.width * 0.56, width: page.width * 0.44 }
  const y = put(doc, `Ngày nộp trực tuyến: ${formatDateTimeVi(view.submittedAt)}`, left, top + 16)
  noteBox(
    doc,
    left,
    y + 8,
    `Vui lòng in tờ khai, ký và ghi rõ họ tên, mang cùng CCCD/hộ chiếu đến ${view.office.name} trước ngày ${formatDateVi(view.paperDeadline)}. Quá hạn, hồ sơ sẽ tự động bị hủy.`,
  )
  signatureBox(doc, right, top, view.fullName)
}

function noteBox(doc: Doc, column: Column, top: number, text: string): number {
  const pad = 8
  const inner: Column = { x: column.x + pad, width: column.width - 2 * pad }
  doc.font(REGULAR).fontSize(9)
  const height = doc.heightOfString(text, { width: inner.width, lineGap: 2 }) + 2 * pad
  doc.rect(column.x, top, column.width, height).lineWidth(0.8).fillAndStroke('#f3f3f3', MUTED)
  put(doc, text, inner, top + pad, { size: 9 })
  return top + height
}

function signatureBox(doc: Doc, column: Column, top: number, fullName: string): number {
  let y = put(doc, '……, ngày …… tháng …… năm ……', column, top, { align: 'center' })
  y = put(doc, 'NGƯỜI KÊ KHAI', column, y + 4, { font: BOLD, size: 11, align: 'center' })
  y = put(doc, '(Ký, ghi rõ họ tên)', column, y, { size: 9, align: 'center', color: MUTED })
  // The form fills the page; when the rows above run longer (a wrapped address, the current units
  // under an old one), the signing space gives way rather than push the name onto a second page.
  const room = doc.page.height - MARGIN - y - SIGNATURE_NAME_SPACE
  const box = { x: column.x + 15, width: column.width - 30, height: Math.max(36, Math.min(64, room)) }
  doc
    .rect(box.x, y + 6, box.width, box.height)
    .lineWidth(0.5)
    .dash(3, { space: 3 })
    .strokeColor(MUTED)
    .stroke()
    .undash()
  return put(doc, fullName, column, y + box.height + 12, { font: BOLD, size: 11, align: 'center' })
}

/** Written inside the bottom margin without wrapping, which would otherwise start a second page. */
function footer(doc: Doc, page: Column, dossierNumber: string): void {
  const text = `Tờ khai được tạo bởi Cổng dịch vụ công BHXH số – số hồ sơ ${dossierNumber}`.normalize('NFC')
  const y = doc.page.height - MARGIN + 12
  doc
    .moveTo(page.x, y - 6)
    .lineTo(page.x + page.width, y - 6)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke()
  doc.font(REGULAR).fontSize(8).fillColor(MUTED)
  const x = page.x + (page.width - doc.widthOfString(text)) / 2
  doc.text(text, x, y, { lineBreak: false })
}
