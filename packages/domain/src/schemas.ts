/**
 * zod schemas of the public API. Each schema and its type share a name; error messages are in
 * Vietnamese because they reach people through forms. Schemas that normalise (phone, email, card
 * number, name) output the normalised value, so what the server stores is what it validated.
 * `Gender` and its label maps live in gender.ts (identifiers use them too).
 */
import { z } from 'zod'
import { isValidPartialDate } from './dates'
import { ErrorCode, errorMessagesVi } from './errors'
import { parseHealthCardNumber } from './health-card'
import { normalizeEmail, normalizeMobilePhone, parseFacilityCode, parsePassportNumber } from './identifiers'
import type { Parsed } from './result'
import { normalizeName } from './text'

// "Please enter X" when the field is missing, "X is not valid" when it has the wrong type.
export function requiredText(label: string) {
  return z.string({
    error: (issue) =>
      issue.input === undefined
        ? `Vui lòng nhập ${label}.`
        : `${label.charAt(0).toUpperCase()}${label.slice(1)} không hợp lệ.`,
  })
}

const withoutSpaces = (value: string) => value.replace(/[\s.]/g, '')

// Runs one of this package's parsers inside a schema and reports its Vietnamese message.
export function viaParser<T>(parse: (value: string) => Parsed<T>) {
  return (value: string, ctx: z.RefinementCtx<string>): T => {
    const parsed = parse(value)
    if (parsed.ok) return parsed.value
    ctx.addIssue({ code: 'custom', message: parsed.error.message })
    return z.NEVER
  }
}

export const BhxhCode = requiredText('mã số BHXH')
  .overwrite(withoutSpaces)
  .regex(/^\d{10}$/, { error: 'Mã số BHXH phải gồm đúng 10 chữ số.' })
export type BhxhCode = z.infer<typeof BhxhCode>

export const PersonalId = requiredText('số định danh cá nhân (CCCD)')
  .overwrite(withoutSpaces)
  .regex(/^\d{12}$/, { error: 'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.' })
export type PersonalId = z.infer<typeof PersonalId>

export const PersonIdentifierKind = { PersonalId: 'personalId', BhxhCode: 'bhxhCode' } as const
export type PersonIdentifierKind = (typeof PersonIdentifierKind)[keyof typeof PersonIdentifierKind]

/**
 * Whichever identifier of a person is at hand: the 12-digit personal ID (số định danh cá nhân, the
 * identifier since 1 August 2025) or the 10-digit BHXH code (mã số BHXH). The lengths tell them apart.
 */
export const PersonIdentifier = requiredText('số định danh cá nhân hoặc mã số BHXH')
  .overwrite(withoutSpaces)
  .regex(/^(?:\d{12}|\d{10})$/, {
    error: 'Nhập số định danh cá nhân (12 chữ số) hoặc mã số BHXH (10 chữ số).',
  })
  .transform((value) => ({
    kind: value.length === 12 ? PersonIdentifierKind.PersonalId : PersonIdentifierKind.BhxhCode,
    value,
  }))
export type PersonIdentifier = z.infer<typeof PersonIdentifier>

export const LegacyIdNumber = requiredText('số CMND')
  .overwrite(withoutSpaces)
  .regex(/^\d{9}$/, { error: 'Số CMND phải gồm đúng 9 chữ số.' })
export type LegacyIdNumber = z.infer<typeof LegacyIdNumber>

export const PassportNumber = requiredText('số hộ chiếu').transform(viaParser(parsePassportNumber))
export type PassportNumber = z.infer<typeof PassportNumber>

/** Any accepted form in, `0xxxxxxxxx` out. */
export const MobilePhone = requiredText('số điện thoại di động').transform(viaParser(normalizeMobilePhone))
export type MobilePhone = z.infer<typeof MobilePhone>

/** Trimmed, domain in lower case. */
export const Email = requiredText('địa chỉ email').transform(viaParser(normalizeEmail))
export type Email = z.infer<typeof Email>

/** The 10-digit code or the legacy 15-character number, returned compact and in upper case. */
export const HealthCardNumber = requiredText('mã thẻ BHYT').transform(
  viaParser((value) => {
    const parsed = parseHealthCardNumber(value)
    return parsed.ok ? { ok: true, value: parsed.value.cardNumber } : parsed
  }),
)
export type HealthCardNumber = z.infer<typeof HealthCardNumber>

/** 5-character KCB code (`01C54`); also accepts `01 - C54` and lower case. */
export const FacilityCode = requiredText('mã cơ sở khám chữa bệnh').transform(viaParser(parseFacilityCode))
export type FacilityCode = z.infer<typeof FacilityCode>

export const OfficeCode = requiredText('mã cơ quan BHXH')
  .trim()
  .regex(/^(?:\d{3}|\d{5})$/, { error: 'Mã cơ quan BHXH gồm 3 chữ số (cấp tỉnh) hoặc 5 chữ số (cấp cơ sở).' })
export type OfficeCode = z.infer<typeof OfficeCode>

const dateError = { error: 'Ngày không hợp lệ.' }

/** A date of birth with its precision: `{ year }`, `{ year, month }` or `{ year, month, day }`. */
export const PartialDateSchema = z
  .object(
    {
      year: z.int(dateError).min(1, dateError).max(9999, dateError),
      month: z.int(dateError).min(1, dateError).max(12, dateError).optional(),
      day: z.int(dateError).min(1, dateError).max(31, dateError).optional(),
    },
    { error: (issue) => (issue.input === undefined ? 'Vui lòng nhập ngày.' : 'Ngày không hợp lệ.') },
  )
  .refine(isValidPartialDate, { error: 'Ngày không có thật trên lịch.' })
export type PartialDateSchema = z.infer<typeof PartialDateSchema>

/**
 * A person's full name: NFC, single spaces, 2–100 characters, letters (with Vietnamese diacritics),
 * spaces, apostrophes and hyphens, starting with a letter.
 */
export const FullName = requiredText('họ và tên')
  .overwrite(normalizeName)
  .min(2, { error: 'Họ và tên phải có ít nhất 2 ký tự.' })
  .max(100, { error: 'Họ và tên không được quá 100 ký tự.' })
  .regex(/^\p{L}[\p{L}\p{M}' -]*$/u, {
    error: 'Họ và tên chỉ gồm chữ cái (có dấu), khoảng trắng, dấu nháy đơn và dấu gạch ngang.',
  })
export type FullName = z.infer<typeof FullName>

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
})
export type ApiError = z.infer<typeof ApiError>

/** Query of list endpoints (keyset pagination): `limit` 1–100, default 20; opaque `cursor`. */
export const Pagination = z.object({
  limit: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.coerce
      .number({ error: 'Số bản ghi mỗi trang không hợp lệ.' })
      .int({ error: 'Số bản ghi mỗi trang phải là số nguyên.' })
      .min(1, { error: 'Số bản ghi mỗi trang phải từ 1 đến 100.' })
      .max(100, { error: 'Số bản ghi mỗi trang phải từ 1 đến 100.' })
      .default(20),
  ),
  cursor: z.string({ error: 'Con trỏ trang không hợp lệ.' }).min(1).max(512).optional(),
})
export type Pagination = z.infer<typeof Pagination>

/** Key used in `fields` for issues about the whole object rather than one field. */
export const ROOT_FIELD = '_root'

/**
 * The `VALIDATION_FAILED` answer for a zod error: every issue's message under its field path
 * (`address.province`, `children.0.name`).
 */
export function validationErrorOf(error: z.ZodError): ApiError {
  const fields: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? ROOT_FIELD : issue.path.map(String).join('.')
    const messages = fields[key] ?? []
    messages.push(issue.message)
    fields[key] = messages
  }
  return {
    error: { code: ErrorCode.ValidationFailed, message: errorMessagesVi.VALIDATION_FAILED, fields },
  }
}
