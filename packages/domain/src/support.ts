/**
 * "Hỗ trợ" (seed 002: chatbot, tổng đài, email, câu hỏi thường gặp): the FAQ's shape, its categories,
 * the official contacts, and the answers of the FAQ and chatbot endpoints.
 */
import { z } from 'zod'
import { enumValues } from './enums'

/** The FAQ's categories, in the order the app lists them. */
export const FaqCategory = {
  Registration: 'registration', // đăng ký tài khoản
  SignIn: 'signIn', // đăng nhập và mật khẩu
  HealthCard: 'healthCard', // thẻ BHYT
  Participation: 'participation', // quá trình tham gia
  Benefits: 'benefits', // chế độ hưởng
  PublicServices: 'publicServices', // dịch vụ công
  Safety: 'safety', // an toàn tài khoản
} as const
export type FaqCategory = (typeof FaqCategory)[keyof typeof FaqCategory]
export const faqCategories = enumValues(FaqCategory)

/**
 * The agency's official channels. Impostors advertise paid "1900 …" lines that look official
 * (DOMAIN.md §3); the app shows only these.
 */
export const supportContacts = {
  hotline: '1900 9068',
  hotlineTel: '19009068',
  email: 'baohiemxahoi@vss.gov.vn',
} as const

export const FaqId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Mã câu hỏi không hợp lệ.' })
  .max(80, { error: 'Mã câu hỏi không hợp lệ.' })
export type FaqId = z.infer<typeof FaqId>

/** One question and its answer; paragraphs of the answer are separated by line breaks. */
export const FaqEntry = z.object({
  id: FaqId,
  category: z.enum(FaqCategory),
  question: z.string().min(5),
  answer: z.string().min(10),
  /** What people type instead of the question's words (abbreviations, other phrasings); search only. */
  keywords: z.array(z.string()).default([]),
})
export type FaqEntry = z.infer<typeof FaqEntry>

/**
 * The FAQ's languages: Vietnamese, the text of record, and English, An Sinh's own translation of it
 * (the platform's second language on every screen).
 */
export const FaqLanguage = { Vi: 'vi', En: 'en' } as const
export type FaqLanguage = (typeof FaqLanguage)[keyof typeof FaqLanguage]
export const faqLanguages = enumValues(FaqLanguage)

/** The reference files `apps/server/reference-data/faq/faq.<language>.json`, one per language. */
export const FaqFile = z.object({
  language: z.enum(FaqLanguage),
  updated: z.iso.date(),
  entries: z.array(FaqEntry).min(1),
})
export type FaqFile = z.infer<typeof FaqFile>

export const FaqParams = z.object({ id: FaqId })

const optionalText = (max: number, error: string) =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.string().trim().max(max, { error }).optional(),
  )

export const FaqQuery = z.object({
  q: optionalText(200, 'Nội dung tìm kiếm không được quá 200 ký tự.'),
  category: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(FaqCategory, { error: 'Nhóm câu hỏi không hợp lệ.' }).optional(),
  ),
})
export type FaqQuery = z.infer<typeof FaqQuery>

/** A question in a list: what the list and the chatbot's suggestions show. */
export const FaqQuestion = z.object({ id: FaqId, category: z.enum(FaqCategory), question: z.string() })
export type FaqQuestion = z.infer<typeof FaqQuestion>

export const FaqList = z.object({
  items: z.array(FaqQuestion),
  /** True when `q` was given: the items are ranked by relevance, best first, and only those that match. */
  ranked: z.boolean(),
})
export type FaqList = z.infer<typeof FaqList>

export const FaqView = FaqEntry.omit({ keywords: true }).extend({
  related: z.array(FaqQuestion).describe('Other questions of the same category'),
})
export type FaqView = z.infer<typeof FaqView>

export const ChatMessage = z.object({
  message: z
    .string({ error: 'Vui lòng nhập câu hỏi.' })
    .trim()
    .min(2, { error: 'Vui lòng nhập câu hỏi.' })
    .max(500, { error: 'Câu hỏi không được quá 500 ký tự.' }),
})
export type ChatMessage = z.infer<typeof ChatMessage>

export const ChatReplyKind = {
  /** The best FAQ entry, quoted as written. */
  Answer: 'answer',
  /** Nothing matched well enough, or two entries matched equally: rephrase, pick, or call. */
  Unclear: 'unclear',
} as const
export type ChatReplyKind = (typeof ChatReplyKind)[keyof typeof ChatReplyKind]

export const ChatReply = z.object({
  kind: z.enum(ChatReplyKind),
  answer: z.string().nullable().describe('The FAQ answer, word for word; null when unclear'),
  source: FaqQuestion.nullable().describe('The FAQ entry the answer comes from'),
  suggestions: z.array(FaqQuestion).describe('Nearest other questions (2–3 when unclear)'),
  handOver: z
    .object({ hotline: z.string(), hotlineTel: z.string(), email: z.string() })
    .nullable()
    .describe('Set when unclear: the official hotline and e-mail'),
  secretWarning: z
    .boolean()
    .describe('The message seems to hold or ask for a password or OTP: never share them with anyone'),
})
export type ChatReply = z.infer<typeof ChatReply>
