import type { Readable } from 'node:stream'
import {
  type Gender,
  isValidCalendarDate,
  type PartialDate,
  parseHealthCardNumber,
  type RowError,
  VIETNAM_UTC_OFFSET_MINUTES,
} from '@ansinh/domain'
import { SaxesParser } from 'saxes'
import { type ReadRow, UnreadableFile } from './import-format'

/**
 * Reads a hospital claim file (dữ liệu đề nghị thanh toán, QĐ 130/QĐ-BYT) as a stream: the envelope
 * GIAMDINHHS/THONGTINHOSO/DANHSACHHOSO/HOSO, and of each HOSO only its XML1 (TONG_HOP), whose base64
 * content is a small XML document of its own. A file of 100,000 HOSO is never held as a DOM: the
 * envelope goes through a SAX parser in 64 KiB slices and each HOSO becomes a row as it closes.
 *
 * The XML1 fields read, and what they become (QĐ 130/QĐ-BYT of 18 Jan 2023, "Bảng 1. Chỉ tiêu tổng
 * hợp khám bệnh, chữa bệnh", as amended by QĐ 4750/QĐ-BYT of 29 Dec 2023, which inserts NHOM_MAU
 * after GIOI_TINH and makes SO_CCCD a string; read from the decision's text and a consolidated
 * 130 + 4750 table in public code, cross-checked with docs DATA-FORMATS.md §5.4):
 *
 * | XML1 (130)      | 4210 name | here                                                          |
 * |-----------------|-----------|---------------------------------------------------------------|
 * | MA_LK           |           | claimKey: the episode key, unique per facility (S100)         |
 * | MA_BN           |           | patientCode: the facility's own patient ID                    |
 * | HO_TEN          |           | fullName, compared with the card holder's (folded)            |
 * | SO_CCCD         | —         | personalId: finds the person when there is no card            |
 * | NGAY_SINH       |           | birth: yyyymmddHHMM (4210: yyyymmdd); 00 for an unknown part  |
 * | GIOI_TINH       |           | gender: 1 male, 2 female, 3 undetermined                      |
 * | MA_THE_BHYT     | MA_THE    | card: the first of the cards joined by ';'                    |
 * | MA_CSKCB        |           | facilityCode: the treating facility (S5)                      |
 * | MA_LOAI_KCB     |           | visitType: 01–16 (QĐ 824 code list)                           |
 * | NGAY_VAO        |           | admittedAt: yyyymmddHHMM, Vietnam time                        |
 * | NGAY_RA         |           | dischargedAt: yyyymmddHHMM, Vietnam time                      |
 * | MA_BENH_CHINH   | MA_BENH   | diagnosisCode: ICD-10 (QĐ 4469/QĐ-BYT), S7                    |
 * | CHAN_DOAN_RV    | TEN_BENH  | diagnosisName (130 has no TEN_BENH_CHINH; else CHAN_DOAN_VAO) |
 * | T_TONGCHI_BV    | T_TONGCHI | totalCost: total at hospital prices                           |
 * | T_BHTT          |           | fundPaid: claimed from the fund (= T_TONGCHI_BH − T_BNCCT)    |
 * | T_BNCCT         |           | patientPaid: the patient's co-payment within the HI scope     |
 *
 * Amounts are decimals with '.' (rounded to 2 places in the file), kept as read here and rounded to
 * integer đồng when stored. The envelope's THONGTINDONVI/MACSKCB is the sending facility.
 */

export type ClaimFields = {
  claimKey: string
  patientCode: string | null
  fullName: string
  /** SO_CCCD when it is a 12-digit personal ID (the field may also hold a passport number). */
  personalId: string | null
  birth: PartialDate
  gender: Gender | null
  /** The first card of MA_THE_BHYT, as written (10 digits or the legacy 15 characters). */
  cardNumber: string | null
  /** The 10-digit card number (= BHXH code) the card stands for: the key to the registry. */
  cardKey: string | null
  facilityCode: string
  visitType: string
  admittedAt: Date
  dischargedAt: Date | null
  diagnosisCode: string
  diagnosisName: string
  totalCost: number
  fundPaid: number
  patientPaid: number
  /** THONGTINDONVI/MACSKCB of the envelope: the facility that sent the file. */
  senderFacilityCode: string | null
}

export const notAClaimsFile = (why: string) =>
  new UnreadableFile(`Tệp không phải dữ liệu đề nghị thanh toán theo QĐ 130/QĐ-BYT: ${why}`)

const SLICE_BYTES = 64 * 1024

/** The rows of a claim file, one per HOSO, numbered from 1 in the order of the file. */
export async function* readClaims(file: Readable, _fileName: string): AsyncIterable<ReadRow<ClaimFields>> {
  const envelope = new EnvelopeReader()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true })
    } catch (error) {
      throw new UnreadableFile(
        'Tệp không phải dữ liệu đề nghị thanh toán theo QĐ 130/QĐ-BYT: tệp không mã hóa UTF-8.',
        { cause: error },
      )
    }
  }
  for await (const chunk of file) {
    const bytes: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    // Slices keep the rows waiting to be taken few, whatever size of chunk the stream gives.
    for (let start = 0; start < bytes.length; start += SLICE_BYTES) {
      envelope.write(decode(bytes.subarray(start, start + SLICE_BYTES)))
      yield* envelope.take()
    }
  }
  envelope.write(decode())
  envelope.close()
  yield* envelope.take()
}

/** The state of the envelope's SAX parse: where we are, and the HOSO being read. */
class EnvelopeReader {
  private readonly parser = new SaxesParser({ position: true })
  private readonly path: string[] = []
  private rows: ReadRow<ClaimFields>[] = []
  private senderFacilityCode: string | null = null
  private hosoCount = 0
  private hoso: { xml1: string | null } | null = null
  private fileHoso: { type: string | null; content: string | null } | null = null
  /** Text of the element being collected (MACSKCB, LOAIHOSO, NOIDUNGFILE), null when none. */
  private collected: string[] | null = null
  private readonly tongHop = new TongHopReader()

  constructor() {
    this.parser.on('opentag', (tag) => this.open(tag))
    this.parser.on('closetag', (tag) => this.close_(tag))
    this.parser.on('text', (text) => this.collected?.push(text))
    this.parser.on('cdata', (text) => this.collected?.push(text))
  }

  write(text: string) {
    if (text.length > 0) this.guard(() => this.parser.write(text))
  }

  close() {
    this.guard(() => this.parser.close())
  }

  /** The rows read since the last call. */
  take(): ReadRow<ClaimFields>[] {
    const rows = this.rows
    this.rows = []
    return rows
  }

  private guard(work: () => void) {
    try {
      work()
    } catch (error) {
      if (error instanceof UnreadableFile) throw error
      const where = `dòng ${this.parser.line}, cột ${this.parser.column}`
      throw new UnreadableFile(
        this.path.length === 0 && this.hosoCount === 0
          ? `Tệp không phải dữ liệu đề nghị thanh toán theo QĐ 130/QĐ-BYT: tệp không phải tài liệu XML (${where}).`
          : `Tệp không phải dữ liệu đề nghị thanh toán theo QĐ 130/QĐ-BYT: cấu trúc XML bị lỗi ở ${where}, sau hồ sơ thứ ${this.hosoCount}.`,
        { cause: error },
      )
    }
  }

  private open(tag: { name: string }) {
    const parent = this.path[this.path.length - 1]
    if (parent === undefined && tag.name !== 'GIAMDINHHS')
      throw notAClaimsFile(`thẻ gốc là <${tag.name.slice(0, 40)}>, không phải <GIAMDINHHS>.`)
    this.path.push(tag.name)
    if (tag.name === 'MACSKCB' && parent === 'THONGTINDONVI') this.collected = []
    else if (tag.name === 'HOSO' && parent === 'DANHSACHHOSO') this.hoso = { xml1: null }
    else if (tag.name === 'FILEHOSO' && this.hoso) this.fileHoso = { type: null, content: null }
    else if (tag.name === 'LOAIHOSO' && this.fileHoso) this.collected = []
    // Only XML1 is kept: the content of XML2 and the rest (often larger) is skipped unread, unless
    // LOAIHOSO comes after it (not in practice).
    else if (tag.name === 'NOIDUNGFILE' && this.fileHoso && (this.fileHoso.type ?? 'XML1') === 'XML1')
      this.collected = []
  }

  private close_(tag: { name: string }) {
    this.path.pop()
    const parent = this.path[this.path.length - 1]
    const text = () => {
      const value = this.collected?.join('') ?? ''
      this.collected = null
      return value
    }
    if (tag.name === 'MACSKCB' && parent === 'THONGTINDONVI') this.senderFacilityCode = text().trim() || null
    else if (tag.name === 'LOAIHOSO' && this.fileHoso) this.fileHoso.type = text().trim().toUpperCase()
    else if (tag.name === 'NOIDUNGFILE' && this.fileHoso)
      this.fileHoso.content = this.collected ? text() : null
    else if (tag.name === 'FILEHOSO' && this.hoso && this.fileHoso) {
      const { type, content } = this.fileHoso
      if (type === 'XML1' && content !== null && this.hoso.xml1 === null) this.hoso.xml1 = content
      this.fileHoso = null
    } else if (tag.name === 'HOSO' && parent === 'DANHSACHHOSO' && this.hoso) {
      this.hosoCount++
      this.rows.push(this.readHoso(this.hosoCount, this.hoso.xml1))
      this.hoso = null
    }
  }

  private readHoso(rowNumber: number, xml1: string | null): ReadRow<ClaimFields> {
    const refuse = (column: string, reason: string) => ({
      rowNumber,
      errors: [{ rowNumber, column, reason }],
    })
    if (xml1 === null)
      return refuse('XML1', 'Hồ sơ không có tệp XML1 (bảng chỉ tiêu tổng hợp khám bệnh, chữa bệnh).')
    const base64 = xml1.trim()
    if (!/^[A-Za-z0-9+/=\s]+$/.test(base64))
      return refuse('XML1', 'Nội dung tệp XML1 (NOIDUNGFILE) không phải dữ liệu mã hóa base64.')
    const values = this.tongHop.read(Buffer.from(base64, 'base64').toString('utf8'))
    if (values === 'notXml') return refuse('XML1', 'Nội dung tệp XML1 không phải tài liệu XML hợp lệ.')
    if (values === 'wrongRoot') return refuse('XML1', 'Tệp XML1 không có thẻ gốc TONG_HOP.')
    return claimFromValues(rowNumber, values, this.senderFacilityCode)
  }
}

// The shape hospitals' software writes: a declaration, <TONG_HOP>, then one flat element per field
// (empty, text with entities, or one CDATA section). Read with two regular expressions, about ten
// times faster than a SAX parse; anything else goes to the full parser, which accepts or refuses it.
const FLAT_DOCUMENT = /^\uFEFF?\s*(?:<\?xml[^?>]*\?>\s*)?<TONG_HOP>\s*([\s\S]*)<\/TONG_HOP>\s*$/
const FLAT_FIELD = /<([A-Z][A-Z0-9_]*)(?:\s*\/>|>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>)\s*/y
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9A-Fa-f]{1,6}));/g
const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The fields of a flat TONG_HOP, or null when the document is not in that simple shape. */
function readFlatTongHop(xml: string): Map<string, string> | null {
  const body = FLAT_DOCUMENT.exec(xml)?.[1]
  if (body === undefined) return null
  const values = new Map<string, string>()
  FLAT_FIELD.lastIndex = 0
  while (FLAT_FIELD.lastIndex < body.length) {
    const match = FLAT_FIELD.exec(body)
    if (!match) return null
    const [, name = '', cdata, text] = match
    let value = cdata ?? text ?? ''
    if (cdata === undefined && value.includes('&')) {
      const decoded = decodeEntities(value)
      if (decoded === null) return null
      value = decoded
    }
    if (!values.has(name)) values.set(name, value.trim())
  }
  return values
}

function decodeEntities(text: string): string | null {
  let wellFormed = !text.replace(ENTITY, '').includes('&') // a bare '&' is not XML
  const decoded = text.replace(ENTITY, (_, name: string | undefined, decimal?: string, hex?: string) => {
    if (name !== undefined) return namedEntities[name] ?? ''
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16)
    if (code > 0x10ffff) wellFormed = false
    return wellFormed ? String.fromCodePoint(code) : ''
  })
  // Whatever is not plainly well-formed is left to the full parser to accept or refuse.
  return wellFormed ? decoded : null
}

/**
 * Reads one small TONG_HOP document into its fields (the text of each child of the root): the flat
 * shape directly, anything else with a SAX parser (one serves every HOSO of a file; a document that
 * breaks it gets a fresh one).
 */
class TongHopReader {
  private parser = this.create()
  private depth = 0
  private root = ''
  private values = new Map<string, string>()
  private text: string[] = []

  read(xml: string): Map<string, string> | 'notXml' | 'wrongRoot' {
    const flat = readFlatTongHop(xml)
    if (flat) return flat
    this.depth = 0
    this.root = ''
    this.values = new Map()
    try {
      this.parser.write(xml).close()
    } catch {
      this.parser = this.create()
      return 'notXml'
    }
    return this.root === 'TONG_HOP' ? this.values : 'wrongRoot'
  }

  private create() {
    const parser = new SaxesParser({ position: false })
    parser.on('opentag', (tag) => {
      this.depth++
      if (this.depth === 1) this.root = tag.name
      else if (this.depth === 2) this.text = []
    })
    parser.on('text', (text) => {
      if (this.depth === 2) this.text.push(text)
    })
    parser.on('cdata', (text) => {
      if (this.depth === 2) this.text.push(text)
    })
    parser.on('closetag', (tag) => {
      if (this.depth === 2 && !this.values.has(tag.name)) this.values.set(tag.name, this.text.join('').trim())
      this.depth--
    })
    return parser
  }
}

// ---------------------------------------------------------------------------------------------
// Fields

const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000

const what: Record<string, string> = {
  MA_LK: 'mã đợt điều trị',
  HO_TEN: 'họ tên người bệnh',
  NGAY_SINH: 'ngày sinh',
  GIOI_TINH: 'giới tính',
  MA_THE_BHYT: 'mã thẻ BHYT',
  MA_CSKCB: 'mã cơ sở KCB',
  MA_LOAI_KCB: 'mã hình thức KCB',
  NGAY_VAO: 'thời điểm vào',
  NGAY_RA: 'thời điểm ra',
  MA_BENH_CHINH: 'mã bệnh chính',
  CHAN_DOAN_RV: 'chẩn đoán ra viện',
  T_TONGCHI_BV: 'tổng chi phí (T_TONGCHI_BV)',
  T_BHTT: 'số tiền đề nghị quỹ BHYT thanh toán',
  T_BNCCT: 'số tiền người bệnh cùng chi trả',
}

/** A value as quoted in a reason: short, so that a wild field cannot flood the error report. */
const quoted = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`

/** The fields of one TONG_HOP, or every field that cannot be read, each with its reason. */
export function claimFromValues(
  rowNumber: number,
  values: Map<string, string>,
  senderFacilityCode: string | null,
): ReadRow<ClaimFields> {
  const errors: RowError[] = []
  const refuse = (column: string, reason: string) => {
    errors.push({ rowNumber, column, reason })
    return null
  }
  // The QĐ 130 name, or the QĐ 4210 name a file made before July 2024 still carries.
  const value = (column: string, legacy?: string) =>
    values.get(column) || (legacy === undefined ? '' : values.get(legacy)) || ''
  const required = (column: string, legacy?: string) => {
    const text = value(column, legacy)
    return text === '' ? refuse(column, `Thiếu ${what[column] ?? column}.`) : text
  }

  const claimKey = required('MA_LK')
  if (claimKey !== null && claimKey.length > 100) refuse('MA_LK', 'Mã đợt điều trị dài quá 100 ký tự.')
  const fullName = required('HO_TEN')?.normalize('NFC').replace(/\s+/g, ' ') ?? null
  const birthText = required('NGAY_SINH')
  const birth = birthText === null ? null : parseBirth(birthText)
  if (birthText !== null && birth === null)
    refuse('NGAY_SINH', `Ngày sinh ${quoted(birthText)} không đúng định dạng yyyymmddHHMM (hoặc yyyymmdd).`)
  const gender = parseGender(value('GIOI_TINH'))
  if (gender === undefined)
    refuse(
      'GIOI_TINH',
      `Giới tính ${quoted(value('GIOI_TINH'))} phải là 1 (nam), 2 (nữ) hoặc 3 (chưa xác định).`,
    )

  const cardText = value('MA_THE_BHYT', 'MA_THE')
  const cardNumber =
    cardText
      .split(';')
      .map((card) => card.trim())
      .find((card) => card !== '') ?? null
  let cardKey: string | null = null
  if (cardNumber !== null) {
    const card = parseHealthCardNumber(cardNumber)
    if (card.ok) cardKey = card.value.bhxhCode
    else refuse('MA_THE_BHYT', `Mã thẻ BHYT ${quoted(cardNumber)} không hợp lệ: ${card.error.message}`)
  }
  const cccd = value('SO_CCCD')
  const personalId = /^\d{12}$/.test(cccd) ? cccd : null
  if (cardNumber === null && personalId === null)
    refuse(
      'MA_THE_BHYT',
      'Hồ sơ không có mã thẻ BHYT, cũng không có số CCCD (12 chữ số) để xác định người bệnh.',
    )

  const facilityCode = required('MA_CSKCB')
  if (facilityCode !== null && !/^[0-9A-Z]{5}$/.test(facilityCode))
    refuse('MA_CSKCB', `Mã cơ sở KCB ${quoted(facilityCode)} phải gồm 5 ký tự.`)
  const visitTypeText = required('MA_LOAI_KCB')
  const visitType = visitTypeText === null ? null : parseVisitType(visitTypeText)
  if (visitTypeText !== null && visitType === null)
    refuse(
      'MA_LOAI_KCB',
      `Mã hình thức KCB ${quoted(visitTypeText)} phải là mã từ 01 đến 16 (QĐ 824/QĐ-BYT).`,
    )
  const instant = (column: string, optional = false) => {
    const text = optional ? value(column) : required(column)
    if (text === null || text === '') return null
    const parsed = parseVietnamTime(text)
    if (parsed === null)
      refuse(
        column,
        `${capitalised(what[column] ?? column)} ${quoted(text)} không đúng định dạng yyyymmddHHMM.`,
      )
    return parsed
  }
  const admittedAt = instant('NGAY_VAO')
  const dischargedAt = instant('NGAY_RA', true)
  const diagnosisCode = required('MA_BENH_CHINH', 'MA_BENH')?.toUpperCase() ?? null
  const diagnosisName =
    value('CHAN_DOAN_RV', 'TEN_BENH') ||
    value('CHAN_DOAN_VAO') ||
    refuse('CHAN_DOAN_RV', 'Thiếu chẩn đoán ra viện.')
  const amount = (column: string, legacy?: string) => {
    const text = required(column, legacy)
    if (text === null) return null
    if (!/^-?\d{1,15}(\.\d{1,4})?$/.test(text))
      return refuse(
        column,
        `${capitalised(what[column] ?? column)} ${quoted(text)} không phải số tiền (chữ số, phần lẻ sau dấu chấm).`,
      )
    return Number(text)
  }
  const totalCost = amount('T_TONGCHI_BV', 'T_TONGCHI')
  const fundPaid = amount('T_BHTT')
  const patientPaid = amount('T_BNCCT')

  if (
    errors.length > 0 ||
    claimKey === null ||
    fullName === null ||
    birth === null ||
    gender === undefined ||
    facilityCode === null ||
    visitType === null ||
    admittedAt === null ||
    diagnosisCode === null ||
    diagnosisName === null ||
    totalCost === null ||
    fundPaid === null ||
    patientPaid === null
  )
    return { rowNumber, errors }
  return {
    rowNumber,
    fields: {
      claimKey,
      patientCode: value('MA_BN') || null,
      fullName,
      personalId,
      birth,
      gender,
      cardNumber,
      cardKey,
      facilityCode,
      visitType,
      admittedAt,
      dischargedAt,
      diagnosisCode,
      diagnosisName,
      totalCost,
      fundPaid,
      patientPaid,
      senderFacilityCode,
    },
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** `yyyymmddHHMM` (QĐ 130) or `yyyymmdd` (QĐ 4210); `00` for an unknown month or day. */
export function parseBirth(text: string): PartialDate | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2}))?$/.exec(text)
  if (!match) return null
  const [year, month, day, hour, minute] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)))
  if (year === undefined || month === undefined || day === undefined) return null
  if (year < 1900 || (hour ?? 0) > 23 || (minute ?? 0) > 59) return null
  if (month === 0) return day === 0 ? { year } : null
  if (month > 12) return null
  if (day === 0) return { year, month }
  return isValidCalendarDate(year, month, day) ? { year, month, day } : null
}

/** `yyyymmddHHMM` in Vietnam (UTC+7) → the instant. */
export function parseVietnamTime(text: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text)
  if (!match) return null
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = match.slice(1).map(Number)
  if (!isValidCalendarDate(year, month, day) || hour > 23 || minute > 59) return null
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS)
}

const genderCodes: Record<string, Gender> = { '1': 'male', '2': 'female', '3': 'other' }

/** GIOI_TINH → the gender; null when empty, undefined when it is not a code. */
function parseGender(text: string): Gender | null | undefined {
  return text === '' ? null : genderCodes[text]
}

function parseVisitType(text: string): string | null {
  if (!/^\d{1,2}$/.test(text)) return null
  const code = Number(text)
  return code >= 1 && code <= 16 ? text.padStart(2, '0') : null
}
