/**
 * The BHYT (health-insurance) card number (DATA-FORMATS.md §2).
 *
 * Since 1 Apr 2021 cards print only the 10-digit code (equal to the BHXH code). Older cards print
 * the legacy 15-character number `XX N PP BBBBBBBBBB`: group code, benefit level, province of the
 * issuing office, BHXH code. The legacy number is still used in claims and on cards not yet
 * replaced. Parse it for display and checks, but take a person's group and level from the
 * registry (they are time-bounded attributes of a coverage period), never from a card string.
 */
import { ParseErrorCode as Code } from './errors'
import { fail, ok, type Parsed } from './result'

export type BenefitLevel = 1 | 2 | 3 | 4 | 5

export type BenefitLevelMeaning = {
  level: BenefitLevel
  /** Share of in-scope costs the fund pays at the normal rate. */
  fundPaysPercent: number
  /** Whether payment-rate caps for certain drugs, chemicals, consumables and services apply. */
  capped: boolean
  /** Whether costs outside the BHYT benefit scope are also paid (level 5 only). */
  coversOutOfScope: boolean
  descriptionVi: string
  descriptionEn: string
}

/** Benefit levels (3rd character of the legacy number), Decision 1351/QĐ-BHXH as amended. */
export const benefitLevels: Record<BenefitLevel, BenefitLevelMeaning> = {
  1: {
    level: 1,
    fundPaysPercent: 100,
    capped: false,
    coversOutOfScope: false,
    descriptionVi:
      'Quỹ BHYT chi trả 100% chi phí khám chữa bệnh trong phạm vi được hưởng, không giới hạn tỷ lệ thanh toán một số thuốc, hóa chất, vật tư y tế và dịch vụ kỹ thuật; chi trả chi phí vận chuyển khi cấp cứu hoặc chuyển tuyến.',
    descriptionEn:
      'The fund pays 100% of in-scope costs with no cap on the payment rates of certain drugs, chemicals, consumables and services; transport for emergencies and transfers is paid.',
  },
  2: {
    level: 2,
    fundPaysPercent: 100,
    capped: true,
    coversOutOfScope: false,
    descriptionVi:
      'Quỹ BHYT chi trả 100% chi phí khám chữa bệnh trong phạm vi được hưởng, có giới hạn tỷ lệ thanh toán một số thuốc, hóa chất, vật tư y tế và dịch vụ kỹ thuật; chi trả chi phí vận chuyển khi cấp cứu hoặc chuyển tuyến.',
    descriptionEn:
      'The fund pays 100% of in-scope costs, with caps on the payment rates of certain drugs, chemicals, consumables and services; transport for emergencies and transfers is paid.',
  },
  3: {
    level: 3,
    fundPaysPercent: 95,
    capped: true,
    coversOutOfScope: false,
    descriptionVi:
      'Quỹ BHYT chi trả 95% chi phí khám chữa bệnh trong phạm vi được hưởng (100% tại tuyến xã và khi chi phí một lần khám chữa bệnh thấp hơn 15% mức lương cơ sở).',
    descriptionEn:
      'The fund pays 95% of in-scope costs (100% at commune level and when one visit costs less than 15% of the base salary).',
  },
  4: {
    level: 4,
    fundPaysPercent: 80,
    capped: true,
    coversOutOfScope: false,
    descriptionVi:
      'Quỹ BHYT chi trả 80% chi phí khám chữa bệnh trong phạm vi được hưởng (100% tại tuyến xã và khi chi phí một lần khám chữa bệnh thấp hơn 15% mức lương cơ sở).',
    descriptionEn:
      'The fund pays 80% of in-scope costs (100% at commune level and when one visit costs less than 15% of the base salary).',
  },
  5: {
    level: 5,
    fundPaysPercent: 100,
    capped: false,
    coversOutOfScope: true,
    descriptionVi:
      'Quỹ BHYT chi trả 100% chi phí khám chữa bệnh, kể cả chi phí ngoài phạm vi được hưởng BHYT; chi trả chi phí vận chuyển khi cấp cứu hoặc chuyển tuyến.',
    descriptionEn:
      'The fund pays 100% of costs, including costs outside the health-insurance benefit scope; transport for emergencies and transfers is paid.',
  },
}

export type HealthCardGroup = {
  /** Level for this group under the list in force until 31 Dec 2025. */
  benefitLevel: BenefitLevel
  /** Later changes of level, oldest first (Resolution 261/2025/QH15 for CN and LH). */
  levelChanges?: readonly { from: string; benefitLevel: BenefitLevel }[]
  descriptionVi: string
  descriptionEn: string
  /** False for the post-2015 codes whose meaning no stored source gives. */
  descriptionKnown: boolean
}

const UNKNOWN_VI = 'Mã đối tượng bổ sung sau năm 2015 (chưa có mô tả trong tài liệu tham chiếu).'
const UNKNOWN_EN = 'Group code added after 2015 (meaning not found in the reference sources).'
const FROM_2026 = [{ from: '2026-01-01', benefitLevel: 2 }] as const

function group(benefitLevel: BenefitLevel, descriptionVi: string, descriptionEn: string): HealthCardGroup {
  return { benefitLevel, descriptionVi, descriptionEn, descriptionKnown: true }
}

function laterGroup(benefitLevel: BenefitLevel): HealthCardGroup {
  return { benefitLevel, descriptionVi: UNKNOWN_VI, descriptionEn: UNKNOWN_EN, descriptionKnown: false }
}

/**
 * Participant groups (mã đối tượng): the 43 codes of Decision 1351/QĐ-BHXH and the codes added
 * since 2018, with their current levels (DATA-FORMATS.md §2.1–2.2). Descriptions summarise the
 * Decision's wording.
 */
export const healthCardGroups = {
  DN: group(
    4,
    'Người lao động làm việc trong doanh nghiệp thành lập, hoạt động theo Luật Doanh nghiệp, Luật Đầu tư',
    'Employees of enterprises (Enterprise Law / Investment Law)',
  ),
  HX: group(
    4,
    'Người lao động làm việc trong hợp tác xã, liên hiệp hợp tác xã',
    'Employees of cooperatives and cooperative unions',
  ),
  CH: group(
    4,
    'Người lao động làm việc trong cơ quan nhà nước, đơn vị sự nghiệp, lực lượng vũ trang, tổ chức chính trị, tổ chức chính trị - xã hội và tổ chức xã hội khác',
    'Employees of state agencies, public service units, the armed forces, political and social organisations',
  ),
  NN: group(
    4,
    'Người lao động làm việc trong cơ quan, tổ chức nước ngoài hoặc tổ chức quốc tế tại Việt Nam',
    'Employees of foreign or international organisations in Vietnam',
  ),
  TK: group(
    4,
    'Người lao động làm việc trong các tổ chức khác có sử dụng lao động',
    'Employees of other organisations that employ workers',
  ),
  HC: group(4, 'Cán bộ, công chức, viên chức', 'Cadres, civil servants and public employees'),
  XK: group(
    4,
    'Người hoạt động không chuyên trách ở xã, phường, thị trấn',
    'Part-time (non-specialised) commune-level workers',
  ),
  HT: group(
    3,
    'Người hưởng lương hưu, trợ cấp mất sức lao động hằng tháng',
    'Receiving a monthly pension or loss-of-working-capacity allowance',
  ),
  TB: group(
    4,
    'Người đang hưởng trợ cấp BHXH hằng tháng do tai nạn lao động, bệnh nghề nghiệp',
    'Receiving a monthly work-accident or occupational-disease allowance',
  ),
  NO: group(
    4,
    'Người lao động nghỉ việc đang hưởng chế độ ốm đau do mắc bệnh thuộc danh mục bệnh cần chữa trị dài ngày',
    'Employees on sickness benefit for a disease on the long-term treatment list',
  ),
  CT: group(
    2,
    'Người từ đủ 80 tuổi trở lên đang hưởng trợ cấp tuất hằng tháng',
    'Aged 80 or over and receiving a monthly survivor allowance',
  ),
  XB: group(
    4,
    'Cán bộ xã, phường, thị trấn đã nghỉ việc đang hưởng trợ cấp BHXH hằng tháng',
    'Former commune cadres receiving a monthly social-insurance allowance',
  ),
  TN: group(4, 'Người đang hưởng trợ cấp thất nghiệp', 'Receiving unemployment benefit'),
  CS: group(
    4,
    'Công nhân cao su nghỉ việc đang hưởng trợ cấp hằng tháng theo Quyết định 206/CP năm 1979',
    'Retired rubber workers receiving a monthly allowance (Decision 206/CP, 1979)',
  ),
  QN: group(
    5,
    'Sĩ quan, quân nhân chuyên nghiệp, hạ sĩ quan, binh sĩ Quân đội nhân dân đang tại ngũ; người làm công tác cơ yếu hưởng lương như quân nhân tại Ban Cơ yếu Chính phủ; học viên cơ yếu',
    'Military officers, NCOs and soldiers on active duty; cipher staff paid like soldiers; cipher students',
  ),
  CA: group(
    5,
    'Sĩ quan, hạ sĩ quan, chiến sĩ đang công tác trong Công an nhân dân; học viên công an hưởng sinh hoạt phí',
    "People's Public Security officers, NCOs and conscripts; police students",
  ),
  CY: group(
    5,
    'Người làm công tác cơ yếu hưởng lương như quân nhân tại tổ chức cơ yếu của các bộ, ngành, địa phương',
    'Cipher staff paid like soldiers in ministries, sectors and localities',
  ),
  XN: group(
    4,
    'Cán bộ xã, phường, thị trấn đã nghỉ việc đang hưởng trợ cấp hằng tháng từ ngân sách nhà nước',
    'Former commune cadres receiving a monthly state-budget allowance',
  ),
  MS: group(
    4,
    'Người đã thôi hưởng trợ cấp mất sức lao động đang hưởng trợ cấp hằng tháng từ ngân sách nhà nước',
    'Former loss-of-capacity beneficiaries receiving a monthly state-budget allowance',
  ),
  CC: group(
    1,
    'Người có công với cách mạng: người hoạt động cách mạng đến Cách mạng tháng Tám năm 1945, Bà mẹ Việt Nam anh hùng, thương binh, bệnh binh suy giảm khả năng lao động từ 81% trở lên',
    'Revolutionary contributors: pre-August-1945 activists, Heroic Mothers, war invalids and sick soldiers with 81% or more loss of capacity',
  ),
  CK: group(
    2,
    'Người có công với cách mạng khác (trừ đối tượng mã CC)',
    'Other people with meritorious services (not CC)',
  ),
  CB: group(2, 'Cựu chiến binh', 'Veterans'),
  KC: group(
    2,
    'Người tham gia kháng chiến, bảo vệ Tổ quốc, làm nhiệm vụ quốc tế; thanh niên xung phong; dân công hỏa tuyến (trừ mã CC, CK, CB)',
    'Resistance and border-war participants, youth volunteers, frontline labourers (not CC, CK, CB)',
  ),
  HD: group(
    4,
    'Đại biểu Quốc hội, đại biểu Hội đồng nhân dân các cấp đương nhiệm',
    "Deputies of the National Assembly and People's Councils in office",
  ),
  TE: group(
    1,
    'Trẻ em dưới 6 tuổi, kể cả trẻ đủ 72 tháng tuổi mà trong năm đó chưa đến kỳ nhập học',
    'Children under 6, including children of 72 months who have not yet started school',
  ),
  BT: group(
    2,
    'Người thuộc diện hưởng trợ cấp bảo trợ xã hội hằng tháng',
    'Receiving a monthly social-protection allowance',
  ),
  HN: group(2, 'Người thuộc hộ gia đình nghèo', 'Members of poor households'),
  DT: group(
    2,
    'Người dân tộc thiểu số đang sinh sống tại vùng có điều kiện kinh tế - xã hội khó khăn, đặc biệt khó khăn',
    'Ethnic minorities living in areas with difficult or extremely difficult conditions',
  ),
  DK: group(
    2,
    'Người đang sinh sống tại vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn',
    'Residents of areas with extremely difficult conditions',
  ),
  XD: group(2, 'Người đang sinh sống tại xã đảo, huyện đảo', 'Residents of island communes or districts'),
  TS: group(
    2,
    'Thân nhân liệt sĩ (cha đẻ, mẹ đẻ, vợ hoặc chồng, con); người có công nuôi dưỡng liệt sĩ',
    'Relatives of martyrs (parents, spouse, children); carers of martyrs',
  ),
  TC: group(
    3,
    'Thân nhân của người có công với cách mạng (trừ đối tượng mã TS)',
    'Relatives of people with meritorious services (not TS)',
  ),
  TQ: group(4, 'Thân nhân của đối tượng mã QN', 'Relatives of QN members'),
  TA: group(4, 'Thân nhân của đối tượng mã CA', 'Relatives of CA members'),
  TY: group(4, 'Thân nhân của đối tượng mã CY', 'Relatives of CY members'),
  HG: group(4, 'Người đã hiến bộ phận cơ thể người', 'Organ donors'),
  LS: group(
    4,
    'Người nước ngoài đang học tập tại Việt Nam được cấp học bổng từ ngân sách nhà nước Việt Nam',
    'Foreign students on Vietnamese state scholarships',
  ),
  PV: group(3, 'Người phục vụ người có công với cách mạng', 'Carers of people with meritorious services'),
  CN: {
    ...group(3, 'Người thuộc hộ gia đình cận nghèo', 'Members of near-poor households'),
    levelChanges: FROM_2026,
  },
  HS: group(
    4,
    'Học sinh đang theo học tại cơ sở giáo dục thuộc hệ thống giáo dục quốc dân',
    'Pupils in the national education system',
  ),
  SV: group(
    4,
    'Sinh viên đang theo học tại cơ sở giáo dục, giáo dục nghề nghiệp thuộc hệ thống giáo dục quốc dân',
    'Students in higher education and vocational training',
  ),
  GB: group(
    4,
    'Người thuộc hộ gia đình làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình',
    'Members of average-income agricultural, forestry, fishery and salt households',
  ),
  GD: group(4, 'Người tham gia BHYT theo hộ gia đình', 'Household-based voluntary participants'),
  AK: laterGroup(2),
  TG: laterGroup(3),
  DS: laterGroup(3),
  HK: laterGroup(3),
  ND: laterGroup(4),
  TH: laterGroup(4),
  TV: laterGroup(4),
  TD: laterGroup(4),
  TU: laterGroup(4),
  BA: laterGroup(4),
  // The only post-2015 code whose meaning a source gives (a rule-engine comment citing
  // Resolution 261/2025/QH15); single source.
  LH: {
    ...group(
      4,
      'Người từ đủ 75 tuổi trở lên đang hưởng trợ cấp hưu trí xã hội',
      'Aged 75 or over and receiving the social pension allowance',
    ),
    levelChanges: FROM_2026,
  },
} satisfies Record<string, HealthCardGroup>

export type HealthCardGroupCode = keyof typeof healthCardGroups

export function isHealthCardGroupCode(code: string): code is HealthCardGroupCode {
  return Object.hasOwn(healthCardGroups, code)
}

/**
 * The level a group has on a given day (`yyyy-mm-dd`), following the changes of 1 Jan 2026.
 * Cards printed before a change still show the old digit.
 */
export function expectedBenefitLevel(groupCode: HealthCardGroupCode, on: string): BenefitLevel {
  const info: HealthCardGroup = healthCardGroups[groupCode]
  let level = info.benefitLevel
  for (const change of info.levelChanges ?? []) {
    if (on >= change.from) level = change.benefitLevel
  }
  return level
}

export const LivingArea = { K1: 'K1', K2: 'K2', K3: 'K3' } as const
export type LivingArea = (typeof LivingArea)[keyof typeof LivingArea]

export type LegacyHealthCardNumber = {
  cardNumber: string
  groupCode: HealthCardGroupCode
  groupDescriptionVi: string
  groupDescriptionEn: string
  benefitLevel: BenefitLevel
  benefitLevelMeaning: BenefitLevelMeaning
  /** Province of the issuing BHXH office (characters 4–5), pre-2025 numbering. */
  provinceCode: string
  bhxhCode: string
}

function compactCardNumber(input: string): string {
  return input.replace(/[\s.-]/g, '').toUpperCase()
}

/** Reads a legacy 15-character number such as `HS4010120878811` (spaces and lower case allowed). */
export function parseLegacyHealthCardNumber(input: string): Parsed<LegacyHealthCardNumber> {
  const cardNumber = compactCardNumber(input)
  const match = /^([A-Z]{2})([1-5])(\d{2})(\d{10})$/.exec(cardNumber)
  if (match === null) {
    if (/^[A-Z]{2}\d{13}$/.test(cardNumber)) {
      return fail(Code.InvalidHealthCardNumber, 'Ký tự thứ 3 của mã thẻ BHYT (mức hưởng) phải từ 1 đến 5.')
    }
    return fail(
      Code.InvalidHealthCardNumber,
      'Mã thẻ BHYT mẫu cũ gồm 15 ký tự: 2 chữ cái mã đối tượng, 1 chữ số mức hưởng, 2 chữ số mã tỉnh và 10 chữ số mã số BHXH.',
    )
  }
  const [, groupCode = '', level = '', provinceCode = '', bhxhCode = ''] = match
  if (!isHealthCardGroupCode(groupCode)) {
    return fail(
      Code.UnknownHealthCardGroup,
      `Mã đối tượng "${groupCode}" không có trong danh mục mã đối tượng BHYT.`,
    )
  }
  const benefitLevel = Number(level) as BenefitLevel
  const group: HealthCardGroup = healthCardGroups[groupCode]
  return ok({
    cardNumber,
    groupCode,
    groupDescriptionVi: group.descriptionVi,
    groupDescriptionEn: group.descriptionEn,
    benefitLevel,
    benefitLevelMeaning: benefitLevels[benefitLevel],
    provinceCode,
    bhxhCode,
  })
}

export const HealthCardNumberForm = { New: 'new', Legacy: 'legacy' } as const
export type HealthCardNumberForm = (typeof HealthCardNumberForm)[keyof typeof HealthCardNumberForm]

export type HealthCardNumberInfo = {
  /** `new`: the 10-digit code printed since 1 Apr 2021; `legacy`: the 15-character number. */
  form: HealthCardNumberForm
  cardNumber: string
  bhxhCode: string
  legacy: LegacyHealthCardNumber | null
}

/** Accepts either the 10-digit code of new cards or the legacy 15-character number. */
export function parseHealthCardNumber(input: string): Parsed<HealthCardNumberInfo> {
  const cardNumber = compactCardNumber(input)
  if (/^\d{10}$/.test(cardNumber)) {
    return ok({ form: HealthCardNumberForm.New, cardNumber, bhxhCode: cardNumber, legacy: null })
  }
  if (/^[A-Z]/.test(cardNumber) || cardNumber.length === 15) {
    const legacy = parseLegacyHealthCardNumber(cardNumber)
    if (!legacy.ok) return legacy
    return ok({
      form: HealthCardNumberForm.Legacy,
      cardNumber,
      bhxhCode: legacy.value.bhxhCode,
      legacy: legacy.value,
    })
  }
  return fail(
    Code.InvalidHealthCardNumber,
    'Mã thẻ BHYT gồm 10 chữ số (thẻ mẫu mới) hoặc 15 ký tự (thẻ mẫu cũ, ví dụ HS4010120878811).',
  )
}

export function isHealthCardNumber(input: string): boolean {
  return parseHealthCardNumber(input).ok
}

/** `HS4010120878811` → `HS 4 01 0120878811` (as printed on old cards); other input unchanged. */
export function formatHealthCardNumber(cardNumber: string): string {
  const match = /^([A-Z]{2})(\d)(\d{2})(\d{10})$/.exec(cardNumber)
  return match === null ? cardNumber : `${match[1]} ${match[2]} ${match[3]} ${match[4]}`
}
