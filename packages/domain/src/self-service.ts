/**
 * What a signed-in person reads of their own record (seeds 001–003: "Quản lý cá nhân", "Thẻ BHYT",
 * "Quá trình tham gia", "Thông tin hưởng", "Sổ khám chữa bệnh"), and of their children's records.
 * Money is integer đồng, months `yyyymm`, dates ISO; the screens format them (GLOSSARY.md).
 */
import { z } from 'zod'
import { CurrentUnits } from './directory'
import { Gender } from './gender'

const Named = z.object({ code: z.string(), name: z.string() })

/** A date of birth to the precision the registry holds (năm sinh, tháng/năm, or the full date). */
export const BirthDate = z.object({
  year: z.number().int(),
  month: z.number().int().optional(),
  day: z.number().int().optional(),
})

/** Quản lý cá nhân. */
export const MyProfile = z.object({
  bhxhCode: z.string().describe('mã số BHXH'),
  personalId: z.string().nullable().describe('số định danh cá nhân (CCCD), when the registry holds one'),
  legacyIdNumber: z.string().nullable().describe('số CMND (9 digits), older records'),
  fullName: z.string(),
  birth: BirthDate,
  gender: Gender,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z
    .string()
    .describe('In words, e.g. "Số 125 Đường Trần Hưng Đạo, Phường Chợ Quán, Thành phố Hồ Chí Minh"'),
  // Defaulted so that a profile a device stored before this field existed still opens offline.
  currentUnits: CurrentUnits.nullable()
    .default(null)
    .describe(
      'For an address in old (pre-1 Jul 2025) units, the current province and commune(s); null otherwise',
    ),
  /** True for a child's account, opened under a parent's. */
  isChild: z.boolean(),
})
export type MyProfile = z.infer<typeof MyProfile>

export const CardStatus = { Valid: 'valid', Expired: 'expired', NotYetValid: 'notYetValid' } as const
export type CardStatus = (typeof CardStatus)[keyof typeof CardStatus]

/** Thẻ BHYT điện tử: the card in force today (or the latest one), with its QR payload. */
export const MyHealthCard = z.object({
  cardNumber: z.string().describe('The 10-digit code printed on cards since 2021 (= mã số BHXH)'),
  legacyCardNumber: z.string().describe('The 15-character form: group, level, province, BHXH code'),
  fullName: z.string(),
  birth: BirthDate,
  gender: Gender,
  address: z.string(),
  // Beside the card, not on it: the card and its QR code keep the address as recorded. Defaulted so
  // that a card a device stored before this field existed still opens offline.
  currentUnits: CurrentUnits.nullable()
    .default(null)
    .describe(
      'For an address in old (pre-1 Jul 2025) units, the current province and commune(s); null otherwise',
    ),
  groupCode: z.string().describe('mã đối tượng'),
  benefitLevel: z.number().int().describe('mức hưởng 1–5'),
  livingArea: z.string().nullable().describe('K1/K2/K3 where printed'),
  primaryFacility: Named.describe('nơi đăng ký khám chữa bệnh ban đầu'),
  validFrom: z.iso.date(),
  validTo: z.iso
    .date()
    .nullable()
    .describe('Null: no end date (cards since 2017 carry none while contributions go on)'),
  fiveYearsContinuousFrom: z.iso.date().nullable().describe('thời điểm đủ 5 năm liên tục'),
  issuedOn: z.iso.date(),
  issuingOffice: Named,
  status: z.enum(CardStatus),
  qrPayload: z
    .string()
    .describe('The new-template card QR payload (DATA-FORMATS.md §3), as hospital scanners read it'),
  loadedAt: z.iso
    .datetime()
    .describe('When the server answered: the app shows it as "cập nhật lúc …" offline'),
})
export type MyHealthCard = z.infer<typeof MyHealthCard>

/** The tabs of "Quá trình tham gia"; BHXH holds compulsory and voluntary periods. */
export const ParticipationTab = {
  Social: 'social', // BHXH
  Unemployment: 'unemployment', // BHTN
  Occupational: 'occupational', // BHTNLĐ-BNN
  Health: 'health', // BHYT
} as const
export type ParticipationTab = (typeof ParticipationTab)[keyof typeof ParticipationTab]

/** The schemes a period of participation is under (the registry's `participation_periods.scheme`). */
export const participationSchemes = [
  'compulsory_social', // BHXH bắt buộc
  'voluntary_social', // BHXH tự nguyện
  'unemployment', // BHTN
  'occupational', // BHTNLĐ-BNN
  'health', // BHYT
] as const
export const ParticipationScheme = z.enum(participationSchemes)
export type ParticipationScheme = z.infer<typeof ParticipationScheme>

export const ParticipationRow = z.object({
  scheme: ParticipationScheme,
  fromMonth: z.number().int().describe('yyyymm'),
  toMonth: z.number().int().nullable().describe('yyyymm; null while the period goes on ("đến nay")'),
  employer: Named.nullable().describe('The unit (mã đơn vị, name); null for voluntary or state-paid periods'),
  position: z.string().nullable().describe('nghề nghiệp / chức vụ'),
  contributionBase: z.number().int().describe('mức đóng, đồng per month'),
  owedAmount: z.number().int().describe('What the employer has not paid for the period (shown in red), đồng'),
})
export type ParticipationRow = z.infer<typeof ParticipationRow>

export const ParticipationTabView = z.object({
  tab: z.enum(ParticipationTab),
  /** Months covered, counting each month once and open periods to the current month. */
  totalMonths: z.number().int(),
  owedAmount: z.number().int(),
  /** Newest first, as the app lists them. */
  rows: z.array(ParticipationRow),
})
export type ParticipationTabView = z.infer<typeof ParticipationTabView>

/** Quá trình tham gia: every tab, always in the same order, empty ones included. */
export const MyParticipation = z.object({
  tabs: z.array(ParticipationTabView),
  asOfMonth: z.number().int().describe('yyyymm the open periods are counted to'),
})
export type MyParticipation = z.infer<typeof MyParticipation>

/** Chế độ hưởng (the registry's `benefits.kind`). */
export const benefitKinds = [
  'lump_sum', // trợ cấp một lần
  'sickness', // ốm đau
  'maternity', // thai sản
  'convalescence', // dưỡng sức phục hồi sức khỏe
  'monthly_pension', // lương hưu hằng tháng
  'unemployment', // trợ cấp thất nghiệp
] as const
export const BenefitKind = z.enum(benefitKinds)
export type BenefitKind = z.infer<typeof BenefitKind>

/** Kinds whose amount is per month rather than a total. */
export const monthlyBenefitKinds: ReadonlySet<BenefitKind> = new Set(['monthly_pension', 'unemployment'])

/** Thông tin hưởng: newest first. */
export const MyBenefits = z.object({
  items: z.array(
    z.object({
      kind: BenefitKind,
      fromDate: z.iso.date(),
      toDate: z.iso.date().nullable(),
      amount: z.number().int().describe('đồng: the total, or per month for monthly kinds'),
      perMonth: z.boolean(),
      paidOn: z.iso.date().nullable(),
      office: Named.nullable().describe('The paying BHXH office'),
    }),
  ),
})
export type MyBenefits = z.infer<typeof MyBenefits>

export const MedicalVisitsQuery = z.object({
  year: z.coerce
    .number({ error: 'Năm không hợp lệ.' })
    .int({ error: 'Năm không hợp lệ.' })
    .min(1990, { error: 'Năm không hợp lệ.' })
    .max(2200, { error: 'Năm không hợp lệ.' })
    .optional()
    .describe('Calendar year (Vietnam time); default the latest year with a visit, else this year'),
})
export type MedicalVisitsQuery = z.infer<typeof MedicalVisitsQuery>

const VisitCosts = z.object({
  totalCost: z.number().int().describe('tổng chi phí, đồng'),
  fundPaid: z.number().int().describe('quỹ BHYT thanh toán'),
  patientPaid: z.number().int().describe('người bệnh cùng chi trả'),
})

/** Sổ khám chữa bệnh of one year: newest first, with the year's totals. */
export const MyMedicalVisits = z.object({
  year: z.number().int(),
  /** Every year with at least one visit, newest first: the year picker. */
  years: z.array(z.number().int()),
  items: z.array(
    VisitCosts.extend({
      id: z.number().int(),
      facility: Named,
      visitType: z.string().describe('MA_LOAI_KCB: 01 outpatient, 02 day treatment, 03 inpatient, …'),
      admittedAt: z.iso.datetime(),
      dischargedAt: z.iso.datetime().nullable(),
      diagnosis: Named.describe('ICD-10 code and Vietnamese name'),
    }),
  ),
  totals: VisitCosts.extend({ visits: z.number().int() }),
})
export type MyMedicalVisits = z.infer<typeof MyMedicalVisits>

/** The children whose accounts a parent holds ("tài khoản của con"). */
export const MyChildren = z.object({
  items: z.array(
    z.object({
      id: z.number().int().describe('The child account id, for /me/children/{id}/…'),
      bhxhCode: z.string(),
      fullName: z.string(),
      birth: BirthDate,
      gender: Gender,
    }),
  ),
})
export type MyChildren = z.infer<typeof MyChildren>

export const ChildParams = z.object({
  id: z.coerce
    .number({ error: 'Mã tài khoản không hợp lệ.' })
    .int()
    .positive({ error: 'Mã tài khoản không hợp lệ.' }),
})
