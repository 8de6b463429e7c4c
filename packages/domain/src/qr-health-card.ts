/**
 * The QR code on the BHYT card (DATA-FORMATS.md §3). There is no public official specification;
 * the layout below is the one two independent implementations and real decoded payloads agree on.
 *
 * Fields are separated by `|` and the payload ends with a `$` field:
 *
 *  0 card code (10 digits on new cards, 15 characters on legacy ones)   1 name (hex of UTF-8)
 *  2 date of birth dd/mm/yyyy or yyyy    3 sex 1/2    4 address (hex)    5 facility "01 - C54"
 *  6 valid from   7 valid to or "-"   8 issue date   9 managing code   10 guardian name (hex)
 * 11 living area 4/5/6/7 = none/K1/K2/K3   12 five-years date, with a leading space
 * 13 check code (algorithm not public)   14 legacy: "$"; new cards: a value of unknown meaning
 * 15 new cards: issuing place (hex)   16 new cards: "$"
 */
import {
  formatDateVi,
  formatPartialDate,
  type IsoDate,
  isValidPartialDate,
  type PartialDate,
  parseDateVi,
  parsePartialDate,
} from './dates'
import { ParseErrorCode as Code } from './errors'
import type { Gender } from './gender'
import {
  type HealthCardNumberForm,
  type LegacyHealthCardNumber,
  LivingArea,
  parseHealthCardNumber,
} from './health-card'
import { formatFacilityCodeForQr, parseBhxhCode, parseFacilityCode } from './identifiers'
import { fail, ok, type Parsed } from './result'
import { normalizeName, normalizeSpaces } from './text'

// ---------------------------------------------------------------------------------------------
// Hex text fields

const HEX = /^(?:[0-9a-fA-F]{2})+$/
// What a decoded name or address may contain: Latin letters with Vietnamese diacritics, digits,
// spaces and the punctuation of addresses. Anything else means the guess of encoding was wrong.
const PLAUSIBLE_TEXT = /^[\p{Script=Latin}\p{M}\p{N}\p{Zs}.,;:'’"()/&#+\-–_]+$/u

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

function decodeStrict(encoding: 'utf-8' | 'utf-16le', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}

function plausibleText(text: string | null): text is string {
  return text !== null && PLAUSIBLE_TEXT.test(text) && /\p{L}/u.test(text)
}

/**
 * Decodes a BHYT QR text field defensively: hex of UTF-8 (what cards use); if that does not give
 * plausible Vietnamese text, hex of UTF-16LE (some older encoders); otherwise the field itself
 * (some payloads carry plain text). The result is NFC with single spaces.
 */
export function decodeHexText(field: string): string {
  const value = field.trim()
  if (HEX.test(value)) {
    const bytes = hexToBytes(value)
    const utf8 = decodeStrict('utf-8', bytes)
    if (plausibleText(utf8)) return normalizeName(utf8)
    if (bytes.length % 2 === 0) {
      const utf16 = decodeStrict('utf-16le', bytes)
      if (plausibleText(utf16)) return normalizeName(utf16)
    }
  }
  return normalizeName(value)
}

/** Lower-case hex of the UTF-8 bytes of the NFC text, as the card encodes names and addresses. */
export function encodeHexText(text: string): string {
  let hex = ''
  for (const byte of new TextEncoder().encode(normalizeName(text))) hex += byte.toString(16).padStart(2, '0')
  return hex
}

// ---------------------------------------------------------------------------------------------
// Parsing

export const HealthCardQrLayout = { Legacy: 'legacy', New2021: '2021' } as const
export type HealthCardQrLayout = (typeof HealthCardQrLayout)[keyof typeof HealthCardQrLayout]

export type HealthCardQr = {
  /** `legacy` when field 0 is the 15-character number, `2021` when it is the 10-digit code. */
  layout: HealthCardQrLayout
  cardNumberForm: HealthCardNumberForm
  cardNumber: string
  bhxhCode: string
  /** The legacy number read into group, level and province; null on new cards. */
  legacyCard: LegacyHealthCardNumber | null
  fullName: string
  dateOfBirth: PartialDate | null
  /** Null when the field is empty or not 1/2. */
  gender: 'male' | 'female' | null
  address: string | null
  /** 5-character KCB code, e.g. `01C54`. */
  primaryFacilityCode: string | null
  validFrom: IsoDate | null
  validTo: IsoDate | null
  issuedOn: IsoDate | null
  managingCode: string | null
  guardianName: string | null
  /** K1/K2/K3, or null when the card has none (`4`) or the field is empty. */
  livingArea: LivingArea | null
  fiveYearsContinuousFrom: IsoDate | null
  /** Field 13, stored as read: the algorithm is not public, so it is never verified. */
  checkCode: string | null
  /** Field 14 on new cards; its meaning is unknown (observed `4`). */
  field14: string | null
  issuingPlace: string | null
  /** Fields after 15 and before the `$` terminator, kept for diagnosis. */
  extraFields: string[]
  /** Names of fields that were present but could not be read (left null above). */
  unreadableFields: string[]
  raw: string
}

const livingAreaByQrCode: Record<string, LivingArea | null> = {
  '4': null,
  '5': LivingArea.K1,
  '6': LivingArea.K2,
  '7': LivingArea.K3,
  K1: LivingArea.K1,
  K2: LivingArea.K2,
  K3: LivingArea.K3,
}

/**
 * The data fields of a `|`-separated QR payload: everything after the first NUL (scanner padding)
 * is dropped, and so is the `$` terminator with whatever follows it. Without a terminator, an empty
 * field left by a final `|` is dropped too.
 */
export function splitQrFields(payload: string): string[] {
  const beforeNul = payload.split('\u0000', 1)[0] ?? ''
  const fields = beforeNul
    .replace(/^\uFEFF/, '')
    .trim()
    .split('|')
  const data: string[] = []
  for (const field of fields) {
    const trimmed = field.trimEnd()
    if (trimmed.trim().startsWith('$')) return data
    if (trimmed.endsWith('$')) {
      data.push(trimmed.slice(0, -1))
      return data
    }
    data.push(field)
  }
  // No terminator: a separator at the very end leaves an empty field that is not data.
  if (data.length > 1 && data[data.length - 1]?.trim() === '') data.pop()
  return data
}

// `-` and empty mean "no value"; every value is trimmed (field 12 carries a leading space).
function valueAt(fields: readonly string[], index: number): string | null {
  const value = fields[index]?.trim() ?? ''
  return value === '' || value === '-' ? null : value
}

/**
 * Reads the QR code of a BHYT card, legacy or 2021 layout. The card code and the name are
 * required; any other field that cannot be read is left null and listed in `unreadableFields`,
 * so that a scan still fills what it can.
 */
export function parseHealthCardQr(payload: string): Parsed<HealthCardQr> {
  const fields = splitQrFields(payload)
  const codeField = valueAt(fields, 0)
  if (codeField === null) return fail(Code.InvalidQrPayload, 'Mã QR trống hoặc không phải mã QR thẻ BHYT.')
  const card = parseHealthCardNumber(codeField)
  if (!card.ok) {
    return fail(Code.InvalidQrPayload, `Mã QR không phải mã QR thẻ BHYT: ${card.error.message}`)
  }
  const nameField = valueAt(fields, 1)
  const fullName = nameField === null ? '' : decodeHexText(nameField)
  if (fullName === '') return fail(Code.InvalidQrPayload, 'Mã QR thẻ BHYT không có họ tên.')

  const unreadableFields: string[] = []
  function read<T>(name: string, index: number, reader: (value: string) => T | null): T | null {
    const value = valueAt(fields, index)
    if (value === null) return null
    const result = reader(value)
    if (result === null) unreadableFields.push(name)
    return result
  }
  const date = (value: string) => {
    const parsed = parseDateVi(value)
    return parsed.ok ? parsed.value : null
  }
  const text = (value: string) => decodeHexText(value) || null

  return ok({
    layout: card.value.form === 'new' ? HealthCardQrLayout.New2021 : HealthCardQrLayout.Legacy,
    cardNumberForm: card.value.form,
    cardNumber: card.value.cardNumber,
    bhxhCode: card.value.bhxhCode,
    legacyCard: card.value.legacy,
    fullName,
    dateOfBirth: read('dateOfBirth', 2, (value) => {
      const parsed = parsePartialDate(value)
      return parsed.ok ? parsed.value : null
    }),
    gender: read('gender', 3, (value) => (value === '1' ? 'male' : value === '2' ? 'female' : null)),
    address: read('address', 4, text),
    primaryFacilityCode: read('primaryFacilityCode', 5, (value) => {
      const parsed = parseFacilityCode(value)
      return parsed.ok ? parsed.value : null
    }),
    validFrom: read('validFrom', 6, date),
    validTo: read('validTo', 7, date),
    issuedOn: read('issuedOn', 8, date),
    managingCode: valueAt(fields, 9),
    guardianName: read('guardianName', 10, text),
    livingArea: livingAreaOf(valueAt(fields, 11), unreadableFields),
    fiveYearsContinuousFrom: read('fiveYearsContinuousFrom', 12, date),
    checkCode: valueAt(fields, 13),
    field14: valueAt(fields, 14),
    issuingPlace: read('issuingPlace', 15, text),
    extraFields: fields.slice(16),
    unreadableFields,
    raw: payload,
  })
}

function livingAreaOf(value: string | null, unreadableFields: string[]): LivingArea | null {
  if (value === null) return null
  const area = livingAreaByQrCode[value.toUpperCase()]
  if (area === undefined) {
    unreadableFields.push('livingArea')
    return null
  }
  return area
}

// ---------------------------------------------------------------------------------------------
// Generating (the e-card shown offline)

export type HealthCardQrInput = {
  /** The 10-digit code printed on new cards (equal to the BHXH code). */
  bhxhCode: string
  fullName: string
  dateOfBirth: PartialDate
  gender: Gender | null
  address?: string | null
  primaryFacilityCode: string
  validFrom: IsoDate
  validTo?: IsoDate | null
  issuedOn: IsoDate
  managingCode?: string | null
  guardianName?: string | null
  livingArea?: LivingArea | null
  fiveYearsContinuousFrom?: IsoDate | null
  issuingPlace?: string | null
  /** Field 14; its meaning is unknown, real new cards carry `4`. */
  field14?: string
}

const qrCodeByLivingArea: Record<LivingArea, string> = { K1: '5', K2: '6', K3: '7' }

/**
 * The QR payload of a new-template card (fields 0–16, `$` last). Field 13 (the check code) is left
 * empty: its algorithm is not public, and hospitals can verify a card online instead. Throws
 * `RangeError` for input that no valid card can have (a programming error, not a user mistake).
 */
export function generateHealthCardQr(card: HealthCardQrInput): string {
  const code = parseBhxhCode(card.bhxhCode)
  if (!code.ok) throw new RangeError(code.error.message)
  const facility = parseFacilityCode(card.primaryFacilityCode)
  if (!facility.ok) throw new RangeError(facility.error.message)
  const name = normalizeName(card.fullName)
  if (name === '') throw new RangeError('fullName is empty')
  if (!isValidPartialDate(card.dateOfBirth)) throw new RangeError('dateOfBirth is not a valid date')
  for (const value of [card.managingCode, card.field14]) {
    if (value != null && (value.includes('|') || value.includes('$') || value.includes('\u0000'))) {
      throw new RangeError('A field contains a separator')
    }
  }
  const hexOrDash = (text: string | null | undefined) => {
    const normalized = text == null ? '' : normalizeSpaces(text)
    return normalized === '' ? '-' : encodeHexText(normalized)
  }
  const dateOrDash = (date: IsoDate | null | undefined) => (date == null ? '-' : formatDateVi(date))
  const fields = [
    code.value,
    encodeHexText(name),
    formatPartialDate(card.dateOfBirth),
    card.gender === 'male' ? '1' : card.gender === 'female' ? '2' : '-',
    hexOrDash(card.address),
    formatFacilityCodeForQr(facility.value),
    formatDateVi(card.validFrom),
    dateOrDash(card.validTo),
    formatDateVi(card.issuedOn),
    card.managingCode ?? '-',
    hexOrDash(card.guardianName),
    card.livingArea == null ? '4' : qrCodeByLivingArea[card.livingArea],
    card.fiveYearsContinuousFrom == null ? '-' : ` ${formatDateVi(card.fiveYearsContinuousFrom)}`,
    '',
    card.field14 ?? '4',
    hexOrDash(card.issuingPlace),
    '$',
  ]
  return fields.join('|')
}

/**
 * Field 9 of the QR: the issuing office's code without its leading zero (`07915` → `7915`, as `0105`
 * is Cầu Giấy, Hà Nội) followed by the BHXH code (DATA-FORMATS.md §3.1, §7.1). Null for an office
 * code of another shape, which the QR then shows as `-`.
 */
export function healthCardManagingCode(issuingOfficeCode: string, bhxhCode: string): string | null {
  return /^0\d{4}$/.test(issuingOfficeCode) ? `${issuingOfficeCode.slice(1)}${bhxhCode}` : null
}
