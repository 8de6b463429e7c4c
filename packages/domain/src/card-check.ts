/**
 * The hospitals' card check (kiểm tra thông tin thẻ BHYT) and the partners' API keys of the
 * integration API (medical facilities and employers): what a hospital's system sends and gets back,
 * and what a system administrator issues, lists and revokes. One definition for the server, the
 * back-office and the tests.
 */
import { z } from 'zod'
import { LivingArea } from './health-card'
import { CardOrBhxhCode, DateOfBirthText } from './lookup'
import { FacilityCode, FullName, PersonalId, requiredText } from './schemas'

// ---------------------------------------------------------------------------------------------
// The check

const oneIdentifier =
  'Nhập đúng một trong hai: mã thẻ BHYT (cardNumber) hoặc số định danh cá nhân (personalId).'

/**
 * The card by its number (10-digit, or the legacy 15-character one) or the holder's personal ID, with
 * the name and date of birth the hospital holds; `onDate` is the day of the visit (default: today in
 * Vietnam).
 */
export const CardCheckRequest = z
  .object({
    cardNumber: CardOrBhxhCode.optional().describe(
      '10-digit card number (= BHXH code) or the legacy 15-character one; or give personalId',
    ),
    personalId: PersonalId.optional().describe('12-digit personal ID (CCCD); or give cardNumber'),
    fullName: FullName,
    dateOfBirth: DateOfBirthText.describe('dd/mm/yyyy, mm/yyyy or yyyy, as the records hold it'),
    onDate: z.iso
      .date({ error: 'Ngày kiểm tra theo dạng yyyy-mm-dd.' })
      .optional()
      .describe('Day the card must be valid on (yyyy-mm-dd); default today in Vietnam'),
  })
  .superRefine((request, context) => {
    const given = [request.cardNumber, request.personalId].filter((value) => value !== undefined).length
    if (given === 1) return
    // Neither: both fields are the place to fix; both: the second one is one too many.
    const fields = given === 0 ? ['cardNumber', 'personalId'] : ['personalId']
    for (const field of fields) context.addIssue({ code: 'custom', path: [field], message: oneIdentifier })
  })
export type CardCheckRequest = z.infer<typeof CardCheckRequest>

/**
 * Why a card is not valid. A hospital is an authenticated partner, so it learns more than the public
 * look-up; but a name or date of birth that does not fit the record only says so (no card details).
 */
export const CardCheckReason = {
  NotFound: 'not_found', // no person holds this card number or personal ID
  NoCard: 'no_card', // the person has no BHYT card on record
  IdentityMismatch: 'identity_mismatch', // the name or the date of birth does not fit the record
  Expired: 'expired',
  NotYetValid: 'not_yet_valid',
} as const
export type CardCheckReason = (typeof CardCheckReason)[keyof typeof CardCheckReason]

export const CheckedCard = z.object({
  cardNumber: z.string().describe('10-digit card number'),
  legacyCardNumber: z.string().describe('15-character number of the old template'),
  benefitLevel: z.int().min(1).max(5).describe('mức hưởng'),
  groupCode: z.string().describe('mã đối tượng'),
  primaryFacility: z.object({ code: z.string(), name: z.string() }).describe('nơi đăng ký KCB ban đầu'),
  atPrimaryFacility: z.boolean().describe('The calling facility is the card’s primary facility'),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable(),
  fiveYearsContinuousFrom: z.iso.date().nullable().describe('thời điểm đủ 5 năm liên tục'),
  livingArea: z.enum(LivingArea).nullable().describe('nơi sinh sống K1/K2/K3'),
})
export type CheckedCard = z.infer<typeof CheckedCard>

/** `card` comes with `valid: true`, `expired` and `not_yet_valid`; never with a mismatch. */
export const CardCheckAnswer = z.object({
  valid: z.boolean(),
  reason: z.enum(CardCheckReason).optional(),
  checkedOn: z.iso.date().describe('The day the validity is for'),
  card: CheckedCard.optional(),
})
export type CardCheckAnswer = z.infer<typeof CardCheckAnswer>

// ---------------------------------------------------------------------------------------------
// Keys (back-office, system administrators)

/**
 * The partner a key belongs to: a medical facility (card check, claim files) or an employer unit
 * (declaration lists). A key serves its own kind of partner only.
 */
export const PartnerKind = { Facility: 'facility', Employer: 'employer' } as const
export type PartnerKind = (typeof PartnerKind)[keyof typeof PartnerKind]

/** Mã đơn vị: up to 10 letters and digits, returned without spaces and in upper case. */
export const EmployerUnitCode = requiredText('mã đơn vị')
  .transform((value) => value.replace(/\s/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{2,10}$/, { error: 'Mã đơn vị gồm tối đa 10 chữ cái và chữ số.' }))
export type EmployerUnitCode = z.infer<typeof EmployerUnitCode>

const onePartner =
  'Nhập đúng một trong hai: mã cơ sở khám chữa bệnh (facilityCode) hoặc mã đơn vị (employerUnitCode).'

/** Exactly one of the two codes; neither names both fields, both names the second. */
function exactlyOnePartner(
  value: { facilityCode?: string | undefined; employerUnitCode?: string | undefined },
  context: z.RefinementCtx,
) {
  const given = [value.facilityCode, value.employerUnitCode].filter((code) => code !== undefined).length
  if (given === 1) return
  const fields = given === 0 ? ['facilityCode', 'employerUnitCode'] : ['employerUnitCode']
  for (const field of fields) context.addIssue({ code: 'custom', path: [field], message: onePartner })
}

const partnerCodes = {
  facilityCode: FacilityCode.optional().describe('The medical facility’s KCB code; or give employerUnitCode'),
  employerUnitCode: EmployerUnitCode.optional().describe(
    'The employer’s unit code (mã đơn vị); or give facilityCode',
  ),
}

export const NewPartnerKeyBody = z
  .object({
    ...partnerCodes,
    label: requiredText('tên gợi nhớ của khóa')
      .trim()
      .min(1, { error: 'Vui lòng nhập tên gợi nhớ của khóa.' })
      .max(100, { error: 'Tên gợi nhớ không được quá 100 ký tự.' }),
    perMinute: z
      .int({ error: 'Số yêu cầu mỗi phút phải là số nguyên.' })
      .min(1, { error: 'Số yêu cầu mỗi phút phải từ 1 đến 30000.' })
      .max(30_000, { error: 'Số yêu cầu mỗi phút phải từ 1 đến 30000.' })
      .optional()
      .describe('Requests a minute for this key; default INTEGRATION_KEY_PER_MINUTE'),
  })
  .superRefine(exactlyOnePartner)
export type NewPartnerKeyBody = z.input<typeof NewPartnerKeyBody>

export const PartnerKeyQuery = z.object(partnerCodes).superRefine(exactlyOnePartner)
export type PartnerKeyQuery = z.infer<typeof PartnerKeyQuery>

export const PartnerKeyId = z.object({ id: z.coerce.number().int().positive() })
export type PartnerKeyId = z.infer<typeof PartnerKeyId>

/** A key as listed: never the key itself (only its hash is kept), its public prefix instead. */
export const PartnerKeyView = z.object({
  id: z.number(),
  facilityCode: z.string().nullable().describe('Set for a medical facility’s key'),
  employerUnitCode: z.string().nullable().describe('Set for an employer’s key'),
  label: z.string(),
  prefix: z.string().describe('The 8 characters after `ansk_`: tells keys apart, grants nothing'),
  perMinute: z.number().nullable().describe('null: the deployment’s default'),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable().describe('To the minute'),
})
export type PartnerKeyView = z.infer<typeof PartnerKeyView>

export const PartnerKeyList = z.object({ items: z.array(PartnerKeyView) })
export type PartnerKeyList = z.infer<typeof PartnerKeyList>

/** The answer of issuing: the key, this once. */
export const PartnerKeyIssued = PartnerKeyView.extend({
  key: z.string().describe('`ansk_<prefix>_<secret>`: shown once, never again'),
})
export type PartnerKeyIssued = z.infer<typeof PartnerKeyIssued>
