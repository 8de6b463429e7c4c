/**
 * Public look-ups (tra cứu trực tuyến, seed 002: what the app offers before sign-in): find one's BHXH
 * code (tra cứu mã số BHXH) and a BHYT card's validity (tra cứu giá trị sử dụng thẻ BHYT).
 *
 * Both are open to anyone, so each request carries a proof of work: the server hands out a signed
 * challenge, the browser finds a nonce whose SHA-256 starts with `difficulty` zero bits. It costs a
 * person a second while they type and a scraper that second for every guess, with no third party.
 */

// A synchronous SHA-256 without Web Crypto: `crypto.subtle` is missing on pages served over plain HTTP
// (the demo on a LAN), and one promise per digest would make the proof of work many times slower.
import { z } from 'zod'
import { type PartialDate, parsePartialDate } from './dates'
import { Gender } from './gender'
import { parseHealthCardNumber } from './health-card'
import {
  FullName,
  PersonalId,
  type PersonIdentifier,
  PersonIdentifierKind,
  requiredText,
  viaParser,
} from './schemas'
import { CardStatus } from './self-service'

// ---------------------------------------------------------------------------------------------
// Proof of work

/** `GET /lookup/challenge`: an opaque signed token, the zero bits it needs and when it expires. */
export const LookupChallenge = z.object({
  challenge: z.string().describe('Opaque, signed by the server; single use'),
  difficulty: z.int().min(0).max(32).describe('Leading zero bits SHA-256(`challenge:nonce`) must have'),
  expiresAt: z.iso.datetime(),
})
export type LookupChallenge = z.infer<typeof LookupChallenge>

export const LookupProof = z.object(
  {
    challenge: z.string().min(1).max(300),
    nonce: z
      .string()
      .regex(/^\d{1,12}$/)
      .describe('Decimal number found by the client'),
  },
  { error: 'Thiếu mã kiểm tra bảo mật. Vui lòng tải lại trang và thử lại.' },
)
export type LookupProof = z.infer<typeof LookupProof>

// ---------------------------------------------------------------------------------------------
// Requests

/** A date of birth typed as `dd/mm/yyyy`, `mm/yyyy` or `yyyy`; out it comes with its precision. */
export const DateOfBirthText = requiredText('ngày sinh').transform(
  viaParser<PartialDate>((value) => {
    const parsed = parsePartialDate(value)
    return parsed.ok
      ? parsed
      : { ok: false, error: { ...parsed.error, message: 'Ngày sinh có dạng dd/mm/yyyy, mm/yyyy hoặc yyyy.' } }
  }),
)

/** A 2025 province code (34 provinces); an old (pre-2025) code is mapped to the province it joined. */
export const LookupProvinceCode = z
  .string({ error: 'Vui lòng chọn tỉnh/thành phố.' })
  .trim()
  .regex(/^\d{2}$/, { error: 'Vui lòng chọn tỉnh/thành phố.' })

/** The fields of "Tra cứu mã số BHXH" a person fills in (the form validates these). */
export const BhxhCodeLookupFields = z.object({
  provinceCode: LookupProvinceCode,
  fullName: FullName,
  dateOfBirth: DateOfBirthText,
  gender: Gender.optional(),
  personalId: PersonalId.optional(),
})
export type BhxhCodeLookupFields = z.input<typeof BhxhCodeLookupFields>

export const BhxhCodeLookupRequest = BhxhCodeLookupFields.extend({ proof: LookupProof })
export type BhxhCodeLookupRequest = z.infer<typeof BhxhCodeLookupRequest>

/** The card number of either form (the 10-digit one is the BHXH code), compact and upper case. */
export const CardOrBhxhCode = requiredText('mã thẻ BHYT hoặc mã số BHXH').transform(
  viaParser((value) => {
    const parsed = parseHealthCardNumber(value)
    return parsed.ok ? { ok: true, value: parsed.value.bhxhCode } : parsed
  }),
)

/**
 * What the health-card look-up takes in its card field: a card number of either form or the BHXH code
 * (out as the BHXH code), or a 12-digit personal ID (số định danh cá nhân). Spaces and dots ignored.
 */
export const CardOrPersonalId = requiredText('mã thẻ BHYT, mã số BHXH hoặc số định danh cá nhân').transform(
  viaParser<PersonIdentifier>((value) => {
    const compact = value.replace(/[\s.]/g, '')
    if (/^\d{12}$/.test(compact))
      return { ok: true, value: { kind: PersonIdentifierKind.PersonalId, value: compact } }
    const parsed = parseHealthCardNumber(value)
    if (parsed.ok)
      return { ok: true, value: { kind: PersonIdentifierKind.BhxhCode, value: parsed.value.bhxhCode } }
    // A legacy number (it starts with its group code) keeps the card parser's precise message.
    if (/^[a-z]/i.test(compact)) return parsed
    return {
      ok: false,
      error: {
        ...parsed.error,
        message:
          'Nhập mã thẻ BHYT (10 chữ số hoặc 15 ký tự thẻ mẫu cũ), mã số BHXH (10 chữ số) hoặc số định danh cá nhân (12 chữ số).',
      },
    }
  }),
)

/** The fields of "Tra cứu giá trị sử dụng thẻ BHYT". */
export const HealthCardLookupFields = z.object({
  cardNumber: CardOrPersonalId.describe(
    'The 10-digit card number (= BHXH code), the legacy 15-character one, or the 12-digit personal ID ' +
      '(số định danh cá nhân); spaces and dots are ignored',
  ),
  fullName: FullName,
  dateOfBirth: DateOfBirthText,
})
export type HealthCardLookupFields = z.input<typeof HealthCardLookupFields>

export const HealthCardLookupRequest = HealthCardLookupFields.extend({ proof: LookupProof })
export type HealthCardLookupRequest = z.infer<typeof HealthCardLookupRequest>

// ---------------------------------------------------------------------------------------------
// Answers

/** What may narrow several matches down to one. */
export const LookupNarrowing = { PersonalId: 'personalId', Gender: 'gender' } as const
export type LookupNarrowing = (typeof LookupNarrowing)[keyof typeof LookupNarrowing]

/**
 * One exact match: the code, and the rest masked so that the answer confirms the person without
 * giving away anyone's data; several: which field to add (the people are never listed).
 */
export const BhxhCodeLookupAnswer = z.discriminatedUnion('match', [
  z.object({
    match: z.literal('one'),
    bhxhCode: z.string().describe('mã số BHXH'),
    fullName: z.string().describe('Masked: `Nguyễn T** T** H***`'),
    birthYear: z.int(),
    provinceName: z.string(),
  }),
  z.object({
    match: z.literal('several'),
    narrowBy: z
      .array(z.enum(LookupNarrowing))
      .describe('Fields not given yet; empty: only the office can tell'),
  }),
])
export type BhxhCodeLookupAnswer = z.infer<typeof BhxhCodeLookupAnswer>

/** Giá trị sử dụng of the card in force (else the next, else the last). */
export const HealthCardLookupAnswer = z.object({
  cardNumber: z.string().describe('10-digit card number'),
  status: z.enum(CardStatus),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable(),
  benefitLevel: z.int().min(1).max(5).describe('mức hưởng'),
  primaryFacility: z.object({ code: z.string(), name: z.string() }).describe('nơi đăng ký KCB ban đầu'),
})
export type HealthCardLookupAnswer = z.infer<typeof HealthCardLookupAnswer>
