/**
 * The citizen password rule: 8–20 characters mixing upper case, lower case, a digit and a special
 * character; nothing the person's own records give away (BHXH code, personal ID, phone, date of
 * birth); and not one of the 10,000 most common passwords.
 *
 * Pure: the common-password list stays on the server (`isCommonPassword` in the identity module)
 * and comes in as a function, so the citizen app runs the same rule with a stand-in that knows no
 * list, and the server runs it in full.
 */
import { z } from 'zod'

export const CitizenPasswordProblem = {
  Length: 'length',
  Lower: 'lower',
  Upper: 'upper',
  Digit: 'digit',
  Special: 'special',
  Personal: 'personal',
  Common: 'common',
} as const
export type CitizenPasswordProblem = (typeof CitizenPasswordProblem)[keyof typeof CitizenPasswordProblem]

/** What the person's records say, to keep out of the password. Missing values are simply not checked. */
export type CitizenPasswordContext = {
  bhxhCode: string
  personalId: string | null
  phone: string | null
  /** A date of birth keeps its precision: the year alone, month and year, or the full date. */
  birth: { year: number; month?: number; day?: number }
}

export type CitizenPasswordCheck = { ok: true } | { ok: false; problems: CitizenPasswordProblem[] }

/** Length counted in characters (code points after NFC), so "ệ" counts once however it was typed. */
export const citizenPasswordRule = { minLength: 8, maxLength: 20 } as const

const { minLength, maxLength } = citizenPasswordRule

export const citizenPasswordMessagesVi: Record<CitizenPasswordProblem, string> = {
  length: `Mật khẩu mới gồm ${minLength}–${maxLength} ký tự.`,
  lower: 'Mật khẩu mới cần có ít nhất một chữ thường.',
  upper: 'Mật khẩu mới cần có ít nhất một chữ hoa.',
  digit: 'Mật khẩu mới cần có ít nhất một chữ số.',
  special: 'Mật khẩu mới cần có ít nhất một ký tự đặc biệt (ví dụ: ! @ # $ %).',
  personal:
    'Mật khẩu mới không được chứa mã số BHXH, số định danh cá nhân, số điện thoại hoặc ngày sinh của bạn.',
  common: 'Mật khẩu mới quá phổ biến nên dễ bị đoán. Vui lòng chọn mật khẩu khác.',
}

export const citizenPasswordMessagesEn: Record<CitizenPasswordProblem, string> = {
  length: `The new password must be ${minLength}–${maxLength} characters long.`,
  lower: 'The new password needs at least one lower-case letter.',
  upper: 'The new password needs at least one upper-case letter.',
  digit: 'The new password needs at least one digit.',
  special: 'The new password needs at least one special character (for example ! @ # $ %).',
  personal:
    'The new password must not contain your social insurance code, personal ID number, phone number or date of birth.',
  common: 'The new password is too common and easy to guess. Please choose another one.',
}

// Letters of any script count as letters: Vietnamese letters with diacritics are letters, not
// special characters. A combining mark left after NFC belongs to the letter before it.
const upper = /[\p{Lu}\p{Lt}]/u
const lower = /\p{Ll}/u
const digit = /\p{Nd}/u
const special = /[^\p{L}\p{M}\p{N}]/u
const notLetterOrDigit = /[^\p{L}\p{M}\p{N}]/gu
const trailingSpecials = /[^\p{L}\p{M}\p{N}]+$/u
const trailingDigitsAndSpecials = /[^\p{L}\p{M}]+$/u

/**
 * Checks a new citizen password. `isCommon` answers for a lower-cased candidate; it is asked about
 * the whole password and about the password without its trailing digits and symbols, because
 * "Password1!" is "password" with the decoration every rule asks for. Every problem is listed,
 * in the order of `CitizenPasswordProblem`.
 */
export function checkCitizenPassword(
  password: string,
  context: CitizenPasswordContext,
  isCommon: (lowercased: string) => boolean,
): CitizenPasswordCheck {
  const text = password.normalize('NFC')
  const problems: CitizenPasswordProblem[] = []
  const length = [...text].length
  if (length < minLength || length > maxLength) problems.push('length')
  if (!lower.test(text)) problems.push('lower')
  if (!upper.test(text)) problems.push('upper')
  if (!digit.test(text)) problems.push('digit')
  if (!special.test(text)) problems.push('special')
  if (containsPersonalData(text, context)) problems.push('personal')
  if (commonCandidates(text).some((candidate) => isCommon(candidate))) problems.push('common')
  return problems.length === 0 ? { ok: true } : { ok: false, problems }
}

/** The lower-cased strings to look up in the common-password list, without repeats or empties. */
export function commonCandidates(password: string): string[] {
  const lowered = password.normalize('NFC').toLowerCase()
  const candidates = [
    lowered,
    lowered.replace(trailingSpecials, ''),
    lowered.replace(trailingDigitsAndSpecials, ''),
  ]
  return [...new Set(candidates)].filter((candidate) => candidate.length > 0)
}

/**
 * The digit strings a password must not contain: the BHXH code, the personal ID, the phone (its 9
 * digits after the trunk 0 or the country code 84, which both written forms contain) and the date
 * of birth as people write it. The year alone is not refused: "1990" is in too many passwords
 * that give nothing away.
 */
export function personalDigitStrings(context: CitizenPasswordContext): string[] {
  const strings: string[] = []
  const bhxhCode = digitsOf(context.bhxhCode)
  if (bhxhCode.length >= 6) strings.push(bhxhCode)
  const personalId = digitsOf(context.personalId)
  if (personalId.length >= 6) strings.push(personalId)
  const phone = phoneSubscriberDigits(context.phone)
  if (phone !== null) strings.push(phone)
  strings.push(...birthDateForms(context.birth))
  return strings
}

function containsPersonalData(text: string, context: CitizenPasswordContext): boolean {
  // Separators between the digits do not hide them: "0912.345.678" is the phone, "01/02/1990" the date.
  const compact = text.replace(notLetterOrDigit, '')
  return personalDigitStrings(context).some((value) => text.includes(value) || compact.includes(value))
}

function digitsOf(value: string | null): string {
  return value === null ? '' : value.replace(/\D/g, '')
}

/** `0912 345 678`, `+84 912 345 678`, `84912345678`, `0084…` → `912345678`; null when it is no phone. */
function phoneSubscriberDigits(phone: string | null): string | null {
  let digits = digitsOf(phone)
  if (digits.startsWith('0084')) digits = digits.slice(4)
  else if (digits.startsWith('84') && digits.length === 11) digits = digits.slice(2)
  else if (digits.startsWith('0')) digits = digits.slice(1)
  return digits.length >= 8 ? digits : null
}

const pad2 = (value: number) => String(value).padStart(2, '0')

/** ddmmyyyy, yyyymmdd, ddmmyy, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd; mmyyyy, mm/yyyy. */
function birthDateForms(birth: CitizenPasswordContext['birth']): string[] {
  const { year, month, day } = birth
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return []
  if (month === undefined || !Number.isInteger(month) || month < 1 || month > 12) return []
  const yyyy = String(year)
  const mm = pad2(month)
  if (day === undefined || !Number.isInteger(day) || day < 1 || day > 31)
    return [`${mm}${yyyy}`, `${mm}/${yyyy}`]
  const dd = pad2(day)
  const yy = yyyy.slice(2)
  return [
    `${dd}${mm}${yyyy}`,
    `${yyyy}${mm}${dd}`,
    `${dd}${mm}${yy}`,
    `${dd}/${mm}/${yyyy}`,
    `${dd}-${mm}-${yyyy}`,
    `${dd}.${mm}.${yyyy}`,
    `${yyyy}-${mm}-${dd}`,
  ]
}

const noPersonalData: CitizenPasswordContext = {
  bhxhCode: '',
  personalId: null,
  phone: null,
  birth: { year: 0 },
}
const knowsNoList = () => false

/**
 * The rule as a zod schema, one issue per problem with its Vietnamese message. Without a context it
 * checks what the password alone shows (length and kinds of character); with the person's context
 * and `isCommon` it is the full rule. The server applies the full rule after loading the person.
 */
export function citizenNewPassword(
  context?: CitizenPasswordContext,
  isCommon: (lowercased: string) => boolean = knowsNoList,
) {
  return z
    .string({ error: 'Vui lòng nhập mật khẩu mới.' })
    .min(1, { error: 'Vui lòng nhập mật khẩu mới.', abort: true })
    .max(256, { error: citizenPasswordMessagesVi.length, abort: true })
    .superRefine((password, ctx) => {
      const check = checkCitizenPassword(password, context ?? noPersonalData, isCommon)
      if (check.ok) return
      for (const problem of check.problems) {
        ctx.addIssue({ code: 'custom', message: citizenPasswordMessagesVi[problem], params: { problem } })
      }
    })
}
