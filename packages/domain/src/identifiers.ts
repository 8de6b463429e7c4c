/**
 * Identifiers of people, offices and facilities (DATA-FORMATS.md §1, §7). The BHYT card number
 * lives in health-card.ts.
 */
import { ParseErrorCode as Code } from './errors'
import type { Gender } from './gender'
import { fail, ok, type Parsed } from './result'

// People type identifiers with spaces or dots for readability ("001 090 123 456").
function withoutSeparators(input: string): string {
  return input.replace(/[\s.]/g, '')
}

// ---------------------------------------------------------------------------------------------
// Personal ID (số định danh cá nhân / CCCD)

export type PersonalIdInfo = {
  personalId: string
  /** 3-digit province (or country) of birth registration, pre-2025 numbering, e.g. "001". */
  provinceCode: string
  /** Ordinal century of birth: 20 for 1900–1999, 21 for 2000–2099, … */
  century: number
  gender: 'male' | 'female'
  birthYearTwoDigits: number
  birthYear: number
}

/**
 * Reads a 12-digit personal ID: province (3) + century/sex digit + year of birth (2) + 6 digits
 * (Decree 137/2015 art. 13). The century/sex digit: 0/1 = 20th century male/female, 2/3 = 21st,
 * 4/5 = 22nd, 6/7 = 23rd, 8/9 = 24th. The province code is not checked against a list: the
 * encoding is only used for consistency checks, never as a key.
 */
export function parsePersonalId(input: string): Parsed<PersonalIdInfo> {
  const personalId = withoutSeparators(input)
  if (!/^\d{12}$/.test(personalId)) {
    return fail(Code.InvalidPersonalId, 'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.')
  }
  const centuryDigit = Number(personalId[3])
  const birthYearTwoDigits = Number(personalId.slice(4, 6))
  const century = 20 + Math.floor(centuryDigit / 2)
  return ok({
    personalId,
    provinceCode: personalId.slice(0, 3),
    century,
    gender: centuryDigit % 2 === 0 ? 'male' : 'female',
    birthYearTwoDigits,
    birthYear: (century - 1) * 100 + birthYearTwoDigits,
  })
}

export function isPersonalId(input: string): boolean {
  return parsePersonalId(input).ok
}

/**
 * Whether a personal ID agrees with a recorded year of birth and gender. A field that is not
 * given, or gender "other", is not compared (the ID only encodes male/female). An invalid ID
 * never matches.
 */
export function personalIdMatches(
  personalId: string,
  person: { birthYear?: number | null; gender?: Gender | null },
): boolean {
  const parsed = parsePersonalId(personalId)
  if (!parsed.ok) return false
  const { birthYear, gender } = parsed.value
  if (person.birthYear != null && person.birthYear !== birthYear) return false
  if ((person.gender === 'male' || person.gender === 'female') && person.gender !== gender) return false
  return true
}

// ---------------------------------------------------------------------------------------------
// Old 9-digit identity card (CMND) and passport

export function parseLegacyIdNumber(input: string): Parsed<string> {
  const value = withoutSeparators(input)
  return /^\d{9}$/.test(value)
    ? ok(value)
    : fail(Code.InvalidLegacyIdNumber, 'Số CMND phải gồm đúng 9 chữ số.')
}

export function isLegacyIdNumber(input: string): boolean {
  return parseLegacyIdNumber(input).ok
}

/**
 * Upper-cases and checks a passport number. Vietnamese passports are one letter + 7 digits
 * (B1234567, C1234567); foreign ones vary, so any 6–9 letters and digits with at least one
 * digit are accepted.
 */
export function parsePassportNumber(input: string): Parsed<string> {
  const value = input.replace(/\s/g, '').toUpperCase()
  return /^[A-Z0-9]{6,9}$/.test(value) && /\d/.test(value)
    ? ok(value)
    : fail(Code.InvalidPassportNumber, 'Số hộ chiếu phải gồm 6–9 chữ cái và chữ số.')
}

export function isVietnamesePassportNumber(input: string): boolean {
  return /^[A-Z]\d{7}$/.test(input.replace(/\s/g, '').toUpperCase())
}

// ---------------------------------------------------------------------------------------------
// BHXH code (mã số BHXH)

/** Ten digits, opaque: there is no published check digit and the prefix is not a reliable province. */
export function parseBhxhCode(input: string): Parsed<string> {
  const value = withoutSeparators(input)
  return /^\d{10}$/.test(value)
    ? ok(value)
    : fail(Code.InvalidBhxhCode, 'Mã số BHXH phải gồm đúng 10 chữ số.')
}

export function isBhxhCode(input: string): boolean {
  return parseBhxhCode(input).ok
}

// ---------------------------------------------------------------------------------------------
// Mobile phone

// Mobile ranges after the 2018 renumbering: 03x, 05x, 07x, 08x, 09x.
const MOBILE = /^0[35789]\d{8}$/

/**
 * Normalises a Vietnamese mobile number to the 10-digit domestic form `0xxxxxxxxx`.
 * Accepts `+84…`, `0084…`, `84…` (11 digits), `0…`, a redundant trunk zero after the country
 * code (`+84 (0) 912…`), and spaces, dots, dashes and brackets between digits.
 */
export function normalizeMobilePhone(input: string): Parsed<string> {
  const compact = input.trim().replace(/[\s.\-()]/g, '')
  let national: string | null = null
  const international = /^(?:\+|00)84(\d+)$/.exec(compact)
  if (international?.[1] !== undefined) {
    national = international[1].startsWith('0') ? international[1] : `0${international[1]}`
  } else if (/^84\d{9}$/.test(compact)) {
    national = `0${compact.slice(2)}`
  } else if (/^0\d+$/.test(compact)) {
    national = compact
  }
  if (national === null || !MOBILE.test(national)) {
    return fail(
      Code.InvalidMobilePhone,
      'Số điện thoại di động không hợp lệ (10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09).',
    )
  }
  return ok(national)
}

export function isMobilePhone(input: string): boolean {
  return normalizeMobilePhone(input).ok
}

/** `0912345678` (or any accepted form) → `+84912345678`, for SMS gateways. */
export function toE164(input: string): Parsed<string> {
  const normalized = normalizeMobilePhone(input)
  return normalized.ok ? ok(`+84${normalized.value.slice(1)}`) : normalized
}

/** `0912345678` → `0912 345 678` for display; other input is returned unchanged. */
export function formatMobilePhone(input: string): string {
  const normalized = normalizeMobilePhone(input)
  if (!normalized.ok) return input
  const phone = normalized.value
  return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`
}

/** `0912345678` → `091****678`, to say where an OTP went without revealing the number. */
export function maskMobilePhone(input: string): string {
  const normalized = normalizeMobilePhone(input)
  if (!normalized.ok) return '**********'
  const phone = normalized.value
  return `${phone.slice(0, 3)}****${phone.slice(7)}`
}

// ---------------------------------------------------------------------------------------------
// Email

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/

/**
 * Trims and validates an email address and lower-cases its domain. The local part keeps its case
 * (it is case-sensitive in principle); compare addresses case-insensitively where that matters.
 * Only ASCII addresses are accepted: internationalised domains must be given in punycode.
 */
export function normalizeEmail(input: string): Parsed<string> {
  const invalid = fail(Code.InvalidEmail, 'Địa chỉ email không hợp lệ.')
  const value = input.trim()
  const at = value.lastIndexOf('@')
  if (at <= 0 || value.length > 254) return invalid
  const local = value.slice(0, at)
  const domain = value.slice(at + 1).toLowerCase()
  if (local.length > 64 || !EMAIL_LOCAL.test(local)) return invalid
  const labels = domain.split('.')
  if (domain.length > 253 || labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    return invalid
  }
  if (!TOP_LEVEL.test(labels[labels.length - 1] ?? '')) return invalid
  return ok(`${local}@${domain}`)
}

export function isEmail(input: string): boolean {
  return normalizeEmail(input).ok
}

/** `nguyen.van.a@gmail.com` → `ng**********@gmail.com`: two letters, a star per hidden one. */
export function maskEmail(input: string): string {
  const normalized = normalizeEmail(input)
  if (!normalized.ok) return '***'
  const [local = '', domain = ''] = normalized.value.split(/@(?=[^@]*$)/)
  const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2)
  return `${shown}${'*'.repeat(Math.max(local.length - shown.length, 1))}@${domain}`
}

// ---------------------------------------------------------------------------------------------
// Medical facility (KCB) code, BHXH office code, ICD-10

/**
 * A 5-character KCB code: 2-digit province (pre-2025 numbering) + 3 letters or digits (`01028`,
 * `01C54`). Also accepts the QR form `"01 - C54"` and lower case.
 */
export function parseFacilityCode(input: string): Parsed<string> {
  const value = input.replace(/[\s\-\u2013\u2014]/g, '').toUpperCase()
  return /^\d{2}[0-9A-Z]{3}$/.test(value)
    ? ok(value)
    : fail(Code.InvalidFacilityCode, 'Mã cơ sở KCB gồm 5 ký tự: 2 chữ số mã tỉnh và 3 chữ cái hoặc chữ số.')
}

export function isFacilityCode(input: string): boolean {
  return parseFacilityCode(input).ok
}

/** `01C54` → `01 - C54`, as printed in the BHYT QR code. */
export function formatFacilityCodeForQr(code: string): string {
  return `${code.slice(0, 2)} - ${code.slice(2)}`
}

export const OfficeLevel = { Province: 'province', Grassroots: 'grassroots' } as const
export type OfficeLevel = (typeof OfficeLevel)[keyof typeof OfficeLevel]

export type OfficeCodeInfo = {
  code: string
  level: OfficeLevel
  /** The 3-digit provincial office: the code itself for a provincial office, else its parent. */
  provinceOfficeCode: string
}

/** BHXH office code: 3 digits for a provincial office (`079`), 5 for a grassroots one (`07915`). */
export function parseOfficeCode(input: string): Parsed<OfficeCodeInfo> {
  const code = input.trim()
  if (/^\d{3}$/.test(code)) return ok({ code, level: OfficeLevel.Province, provinceOfficeCode: code })
  if (/^\d{5}$/.test(code)) {
    return ok({ code, level: OfficeLevel.Grassroots, provinceOfficeCode: code.slice(0, 3) })
  }
  return fail(Code.InvalidOfficeCode, 'Mã cơ quan BHXH gồm 3 chữ số (cấp tỉnh) hoặc 5 chữ số (cấp cơ sở).')
}

export function isOfficeCode(input: string): boolean {
  return parseOfficeCode(input).ok
}

/**
 * Checks the shape of an ICD-10 code (WHO form used by MoH Decision 4469): a letter, two digits,
 * and optionally a dot with one or two digits (`I10`, `J06.9`). The dotless form (`J069`) is
 * accepted and returned with its dot. Whether the code exists is a catalogue question.
 */
export function parseIcd10Code(input: string): Parsed<string> {
  const value = input.trim().toUpperCase()
  const match = /^([A-Z]\d{2})(?:\.?(\d{1,2}))?$/.exec(value)
  if (match?.[1] === undefined) {
    return fail(Code.InvalidIcd10Code, 'Mã ICD-10 gồm 1 chữ cái, 2 chữ số và phần lẻ tùy chọn (ví dụ J06.9).')
  }
  return ok(match[2] === undefined ? match[1] : `${match[1]}.${match[2]}`)
}

export function isIcd10Code(input: string): boolean {
  return parseIcd10Code(input).ok
}
