/**
 * Phản ánh kiến nghị (feedback / petition, seed 002 "Hỗ trợ"): what anyone may send the agency
 * without an account, the tracking code (mã phản ánh) they follow it with, and the office's answer.
 * One definition for the API, the citizen app's form, the staff app and the tests.
 */
import { z } from 'zod'
import { enumValues } from './enums'
import { Email, FullName, MobilePhone, requiredText } from './schemas'

/** What the feedback is about (the person picks one). */
export const FeedbackCategory = {
  HealthCard: 'health_card', // thẻ BHYT
  Participation: 'participation', // quá trình tham gia
  Benefits: 'benefits', // chế độ hưởng
  Account: 'account', // tài khoản giao dịch điện tử
  ServiceAttitude: 'service_attitude', // thái độ phục vụ
  Other: 'other', // khác
} as const
export type FeedbackCategory = (typeof FeedbackCategory)[keyof typeof FeedbackCategory]
export const feedbackCategories = enumValues(FeedbackCategory)

/** Đã tiếp nhận → đang xử lý (an officer opened it) → đã trả lời. */
export const FeedbackStatus = {
  Received: 'received',
  InProgress: 'in_progress',
  Answered: 'answered',
} as const
export type FeedbackStatus = (typeof FeedbackStatus)[keyof typeof FeedbackStatus]
export const feedbackStatuses = enumValues(FeedbackStatus)

/** Up to three photos (ảnh đính kèm), checked like the registration's. */
export const MAX_FEEDBACK_ATTACHMENTS = 3
export const FEEDBACK_CONTENT_MIN = 20
export const FEEDBACK_CONTENT_MAX = 4000
export const FEEDBACK_ANSWER_MIN = 10
export const FEEDBACK_ANSWER_MAX = 4000

// ---------------------------------------------------------------------------------------------
// The tracking code (mã phản ánh)

/**
 * 32 characters without the look-alikes 0/O and 1/I: read over the phone and typed from an SMS
 * without doubt. Ten of them carry 50 random bits, far beyond guessing within the look-up limits.
 */
export const FEEDBACK_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const FEEDBACK_CODE_LENGTH = 10
const FEEDBACK_CODE_PATTERN = new RegExp(`^PA-[${FEEDBACK_CODE_ALPHABET}]{${FEEDBACK_CODE_LENGTH}}$`)

/** `PA-` and ten characters, one from each of the first ten random bytes (32 divides 256: no bias). */
export function feedbackCodeOf(randomBytes: Uint8Array): string {
  if (randomBytes.length < FEEDBACK_CODE_LENGTH) throw new Error('feedbackCodeOf: 10 random bytes needed')
  const chars = Array.from(randomBytes.subarray(0, FEEDBACK_CODE_LENGTH), (byte) => {
    return FEEDBACK_CODE_ALPHABET[byte % FEEDBACK_CODE_ALPHABET.length]
  })
  return `PA-${chars.join('')}`
}

/** Accepts `pa-abcd…`, spaces and a missing dash; answers `PA-XXXXXXXXXX`. */
export const FeedbackCode = requiredText('mã phản ánh')
  .transform((value) => {
    const compact = value.toUpperCase().replace(/[\s-]/g, '')
    return compact.startsWith('PA') ? `PA-${compact.slice(2)}` : compact
  })
  .pipe(z.string().regex(FEEDBACK_CODE_PATTERN, { error: 'Mã phản ánh gồm "PA-" và 10 ký tự.' }))
export type FeedbackCode = z.infer<typeof FeedbackCode>

// ---------------------------------------------------------------------------------------------
// The citizen's side

const emptyToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value

/** Free text: NFC, line ends kept, spaces collapsed within lines, trimmed. */
function freeText(label: string, min: number, max: number) {
  return requiredText(label)
    .transform((value) =>
      value
        .normalize('NFC')
        .replace(/\r\n?/g, '\n')
        .replace(/[^\S\n]+/g, ' ')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    )
    .pipe(
      z
        .string()
        .min(min, { error: `Nội dung phải có ít nhất ${min} ký tự.` })
        .max(max, { error: `Nội dung không được quá ${max} ký tự.` }),
    )
}

export const FeedbackContent = freeText('nội dung phản ánh', FEEDBACK_CONTENT_MIN, FEEDBACK_CONTENT_MAX)

/** The text fields of `POST /feedback` (multipart: strings), beside up to three `attachments`. */
export const FeedbackSubmission = z.object({
  category: z.enum(FeedbackCategory, { error: 'Vui lòng chọn lĩnh vực phản ánh.' }),
  content: FeedbackContent,
  fullName: FullName,
  phone: MobilePhone,
  email: z.preprocess(emptyToUndefined, Email.optional()),
  /** A current (2025) province: the feedback goes to its provincial office; none → nationwide. */
  provinceCode: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{2}$/, { error: 'Tỉnh/thành phố không hợp lệ.' })
      .optional(),
  ),
  language: z.preprocess(emptyToUndefined, z.enum(['vi', 'en']).default('vi')),
})
export type FeedbackSubmission = z.infer<typeof FeedbackSubmission>
export type FeedbackSubmissionInput = z.input<typeof FeedbackSubmission>

export const FeedbackReceipt = z.object({
  code: z.string(),
  status: z.enum(FeedbackStatus),
  submittedAt: z.iso.datetime(),
  /** The office it was routed to (the province's), or the national office. */
  office: z.object({ code: z.string(), name: z.string() }),
  attachments: z.number(),
})
export type FeedbackReceipt = z.infer<typeof FeedbackReceipt>

export const FeedbackStatusQuery = z.object({ code: FeedbackCode, phone: MobilePhone })
export type FeedbackStatusQuery = z.infer<typeof FeedbackStatusQuery>

export const FeedbackStatusView = z.object({
  code: z.string(),
  category: z.enum(FeedbackCategory),
  status: z.enum(FeedbackStatus),
  submittedAt: z.iso.datetime(),
  answer: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
})
export type FeedbackStatusView = z.infer<typeof FeedbackStatusView>

// ---------------------------------------------------------------------------------------------
// The office's side

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional())

export const FeedbackSearchQuery = z.object({
  status: optional(z.enum(FeedbackStatus)),
  category: optional(z.enum(FeedbackCategory)),
  /** Words of the content, the name, or the tracking code. */
  text: optional(z.string().trim().max(100, { error: 'Từ khóa không được quá 100 ký tự.' })),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(50)),
  cursor: optional(z.string().max(200)),
})
export type FeedbackSearchQuery = z.infer<typeof FeedbackSearchQuery>

export const FeedbackListItem = z.object({
  id: z.number(),
  code: z.string(),
  category: z.enum(FeedbackCategory),
  status: z.enum(FeedbackStatus),
  fullName: z.string(),
  officeCode: z.string(),
  submittedAt: z.iso.datetime(),
  /** The start of the content, for the list. */
  excerpt: z.string(),
})
export type FeedbackListItem = z.infer<typeof FeedbackListItem>

export const FeedbackListPage = z.object({
  items: z.array(FeedbackListItem),
  nextCursor: z.string().nullable(),
  total: z.number(),
})
export type FeedbackListPage = z.infer<typeof FeedbackListPage>

export const FeedbackDetail = FeedbackListItem.extend({
  content: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  provinceCode: z.string().nullable(),
  office: z.object({ code: z.string(), name: z.string() }),
  /** Sent while signed in: the answer also reaches the account's inbox. */
  linkedToAccount: z.boolean(),
  attachments: z.array(z.object({ id: z.number(), width: z.number(), height: z.number() })),
  answer: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  answeredBy: z.string().nullable(),
})
export type FeedbackDetail = z.infer<typeof FeedbackDetail>

export const FeedbackAnswer = z.object({
  answer: freeText('nội dung trả lời', FEEDBACK_ANSWER_MIN, FEEDBACK_ANSWER_MAX),
})
export type FeedbackAnswer = z.infer<typeof FeedbackAnswer>
