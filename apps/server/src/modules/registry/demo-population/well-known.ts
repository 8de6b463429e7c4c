import { foldVietnamese, type StaffRole } from '@ansinh/domain'
import { formatAddress } from './addresses'
import type { HealthRun } from './coverage'
import { continuousSince, emitPeriods } from './coverage'
import { addDays, indexFromYyyymm, indexOfDate, isoDay, yyyymm } from './months'
import type { DemoReference, DiagnosisRef, FacilityRef } from './reference'
import type { MedicalVisitRow, PopulationBatch } from './types'
import { emptyBatch } from './types'
import { costShares } from './visits'

/**
 * The well-known demo people and accounts: fixed, hand-written records that the README, the e2e tests
 * and anyone trying the demo can rely on. No randomness. Their identifiers sit in ranges the generator
 * never issues (BHXH-code suffixes below 100,000, personal-ID serials below 1,000, unit codes starting
 * with Z), so they cannot collide with a generated population of any seed.
 */
export const demoAccounts = {
  citizen: {
    username: '7900012345', // the BHXH code
    password: 'Demo@AnSinh2026',
    bhxhCode: '7900012345',
    personalId: '079176000417',
    fullName: 'Nguyễn Thị Thu Hằng',
  },
  /** Her son, under 18, in the same household; no account of his own. */
  child: { bhxhCode: '7900012346', personalId: '079214000523', fullName: 'Lê Gia Bảo' },
  /** Her husband: an adult in the registry with no e-transaction account yet, the one to register in the demo. */
  spouse: { bhxhCode: '7900012347', personalId: '079080000612', fullName: 'Lê Văn Minh' },
  /**
   * Her mother, in the same household, no account either: the local e-ID provider's level 1 identity,
   * which may not open an account on the spot (issue 11).
   */
  mother: { bhxhCode: '7900012348', personalId: '079150000734', fullName: 'Trần Thị Mai' },
  /**
   * Demo staff have their second factor (TOTP) already enrolled, with these published secrets (base32 of
   * the first 20 bytes of SHA-256 of `ansinh-demo-totp:<username>`): add one to an authenticator app,
   * or compute the code with any TOTP tool (SHA-1, 6 digits, 30 s).
   */
  staff: [
    {
      username: 'q5.reviewer',
      password: 'Staff@AnSinh2026',
      totpSecret: 'VJ4VS4MN76IZOTYFVW5MZGXSN2V5HBJY',
      role: 'reviewer',
      officeCode: '07915',
      fullName: 'Phạm Thị Lan',
    },
    {
      username: 'dongda.reviewer',
      password: 'Staff@AnSinh2026',
      totpSecret: 'SIL3G56G332TLNP6AK5EFHTDBZKAVI2K',
      role: 'reviewer',
      officeCode: '00106',
      fullName: 'Hoàng Văn Nam',
    },
    {
      username: 'hcm.admin',
      password: 'Staff@AnSinh2026',
      totpSecret: 'YJ6ISJ4SBVBTCTVLAPWRNEHM7EOHFDYD',
      role: 'office_admin',
      officeCode: '079',
      fullName: 'Võ Minh Tuấn',
    },
    {
      username: 'vss.admin',
      password: 'Staff@AnSinh2026',
      totpSecret: '3QIAYZ7ZNIPY22F5UPHGE6D5DQZFC6ZL',
      role: 'system_admin',
      officeCode: '000',
      fullName: 'Đặng Quốc Bảo',
    },
    {
      username: 'vss.editor',
      password: 'Staff@AnSinh2026',
      totpSecret: 'AMTXV5IUWIZ23KT4D3FW5SQ6QS4FTHA4',
      role: 'news_editor',
      officeCode: '000',
      fullName: 'Lý Thu Hà',
    },
    {
      // quản trị tổ chức of Phòng Giáo dục và Đào tạo Quận 5 (seed 000), created with its organisation
      username: 'q5.giaoduc',
      password: 'Staff@AnSinh2026',
      totpSecret: 'SAIO42YI2WU4FZFY5PHBBP7A4VPSLEBR',
      role: 'organisation_admin',
      officeCode: '07915',
      fullName: 'Trương Minh Đức',
      organisationCode: 'PGDDT-Q5',
    },
  ],
} as const satisfies DemoAccounts

export type DemoAccounts = {
  citizen: { username: string; password: string; bhxhCode: string; personalId: string; fullName: string }
  child: { bhxhCode: string; personalId: string; fullName: string }
  spouse: { bhxhCode: string; personalId: string; fullName: string }
  mother: { bhxhCode: string; personalId: string; fullName: string }
  staff: readonly {
    username: string
    password: string
    totpSecret: string
    role: StaffRole
    officeCode: string
    fullName: string
    /** An organisation administrator's organisation (its code), made with the account. */
    organisationCode?: string
  }[]
}

/** BHXH contributions on the base: 8 % from the employee, 14 % + 3 % from the employer (Luật BHXH 2024). */
const socialRate = 0.25

const quan5 = '07915' // BHXH Quận 5, which manages her current employer and issued both cards
const homeCommune = '27301' // Phường Chợ Quán (formerly Phường 4, Quận 5)

type EmployerSpec = { unitCode: string; taxCode: string; name: string; commune: string; street: string }
// biome-ignore format: a table
const employerSpecs: readonly EmployerSpec[] = [
  { unitCode: 'ZA0001A', taxCode: '0300000101', name: 'Công ty TNHH May mặc Bình Tây', commune: '27343', street: 'Số 18 Đường Hậu Giang' },
  { unitCode: 'ZA0002A', taxCode: '0300000102', name: 'Công ty Cổ phần Dược phẩm Chợ Lớn', commune: '27316', street: 'Số 36 Đường Hồng Bàng' },
  { unitCode: 'ZA0003A', taxCode: '0300000103', name: 'Công ty TNHH Thương mại Dịch vụ Sao Phương Nam', commune: '26740', street: 'Số 88 Đường Nguyễn Huệ' },
  { unitCode: 'ZA0004A', taxCode: '0300000104', name: 'Công ty Cổ phần Logistics Cảng Sài Gòn', commune: '27301', street: 'Số 210 Đường Trần Hưng Đạo' },
]

/** [employer (1-based), first month, last month or null while open, base in đồng, position] */
type Step = readonly [employer: number, from: number, to: number | null, base: number, position: string]
// biome-ignore format: a table
const workHistory: readonly Step[] = [
  [1, 199607, 199712, 250_000, 'Công nhân may'], [1, 199801, 199912, 290_000, 'Công nhân may'],
  [1, 200001, 200112, 380_000, 'Tổ trưởng may'],
  [2, 200201, 200312, 620_000, 'Nhân viên kho'], [2, 200401, 200612, 900_000, 'Thủ kho'],
  [2, 200701, 200812, 1_350_000, 'Thủ kho'], [2, 200901, 201106, 2_100_000, 'Thủ kho'],
  // 07–12/2011: out of work; unemployment benefit 08–10/2011
  [3, 201201, 201312, 3_500_000, 'Kế toán viên'], [3, 201401, 201512, 4_200_000, 'Kế toán viên'],
  [3, 201601, 201712, 5_200_000, 'Kế toán tổng hợp'], [3, 201801, 201912, 6_400_000, 'Kế toán tổng hợp'],
  [4, 202001, 202212, 9_800_000, 'Kế toán trưởng'], [4, 202301, 202412, 12_500_000, 'Kế toán trưởng'],
  [4, 202501, null, 14_800_000, 'Kế toán trưởng'],
]

/** Builds the well-known household as a population batch with local ids (the writer shifts them). */
export function buildWellKnownBatch(reference: DemoReference, asOfDate: string): PopulationBatch {
  const asOf = indexOfDate(asOfDate)
  const batch = emptyBatch()
  const communeName = (code: string) => reference.communes2025.find((unit) => unit.code === code)?.fullName
  const hcmc = reference.provinces2025.find((unit) => unit.code === '79')?.fullName ?? 'Thành phố Hồ Chí Minh'
  employerSpecs.forEach((spec, index) => {
    batch.employers.push({
      id: index + 1,
      unitCode: spec.unitCode,
      taxCode: spec.taxCode,
      name: spec.name,
      foldedName: foldVietnamese(spec.name),
      provinceCode: '79',
      communeCode: spec.commune,
      address: formatAddress(spec.street, communeName(spec.commune), hcmc),
      managingOfficeCode: quan5,
      status: 'active',
    })
  })
  batch.households.push({
    id: 1,
    householdCode: '7900054321',
    headPersonId: 1,
    provinceCode: '79',
    communeCode: homeCommune,
  })
  const home = {
    addressCodeSet: '2025-07-01',
    provinceCode: '79',
    districtCode: null,
    communeCode: homeCommune,
    street: 'Số 125 Đường Trần Hưng Đạo',
    householdId: 1,
  } as const
  const { citizen, child, spouse, mother } = demoAccounts
  batch.people.push(
    {
      id: 1,
      personalId: citizen.personalId,
      bhxhCode: citizen.bhxhCode,
      legacyIdNumber: '025176417',
      passportNumber: null,
      fullName: citizen.fullName,
      foldedName: foldVietnamese(citizen.fullName),
      birthYear: 1976,
      birthMonth: 3,
      birthDay: 12,
      gender: 'female',
      ...home,
      phone: '0901234567',
      email: 'thuhang.demo@example.com',
      householdRelation: 'chủ hộ',
    },
    {
      id: 2,
      personalId: child.personalId,
      bhxhCode: child.bhxhCode,
      legacyIdNumber: null,
      passportNumber: null,
      fullName: child.fullName,
      foldedName: foldVietnamese(child.fullName),
      birthYear: 2014,
      birthMonth: 9,
      birthDay: 5,
      gender: 'male',
      ...home,
      phone: null,
      email: null,
      householdRelation: 'con',
    },
    {
      id: 3,
      personalId: spouse.personalId,
      bhxhCode: spouse.bhxhCode,
      legacyIdNumber: null,
      passportNumber: null,
      fullName: spouse.fullName,
      foldedName: foldVietnamese(spouse.fullName),
      birthYear: 1980,
      birthMonth: 7,
      birthDay: 21,
      gender: 'male',
      ...home,
      phone: '0901234568',
      email: null,
      householdRelation: 'chồng',
    },
    {
      id: 4,
      personalId: mother.personalId,
      bhxhCode: mother.bhxhCode,
      legacyIdNumber: null,
      passportNumber: null,
      fullName: mother.fullName,
      foldedName: foldVietnamese(mother.fullName),
      birthYear: 1950,
      birthMonth: 11,
      birthDay: 2,
      gender: 'female',
      ...home,
      phone: '0901234569',
      email: null,
      householdRelation: 'mẹ',
    },
  )
  addCitizenHistory(batch, asOf)
  addChildHistory(batch, asOf)
  addCards(batch, reference, asOfDate)
  addVisits(batch, reference, asOfDate)
  return batch
}

function citizenHealthRuns(): HealthRun[] {
  const runs: HealthRun[] = workHistory.map(([employer, from, to, base]) => ({
    from: indexFromYyyymm(from),
    to: to === null ? null : indexFromYyyymm(to),
    group: 'DN',
    base,
    employerId: employer,
    managingOfficeCode: quan5,
  }))
  // While on unemployment benefit the unemployment fund paid her BHYT (group TN).
  runs.splice(7, 0, {
    from: indexFromYyyymm(201108),
    to: indexFromYyyymm(201110),
    group: 'TN',
    base: 1_260_000,
    employerId: null,
    managingOfficeCode: null,
  })
  return runs
}

function addCitizenHistory(batch: PopulationBatch, asOf: number) {
  let periodId = 0
  const emit = (row: Omit<PopulationBatch['participationPeriods'][number], 'id'>) =>
    batch.participationPeriods.push({ ...row, id: ++periodId })
  // Her employer has not paid the last two months' BHXH: the app shows them in red with the amount.
  const owedFrom = yyyymm(asOf - 2)
  for (const [employer, from, to, base, position] of workHistory) {
    const common = { personId: 1, employerId: employer, position, contributionBase: base, owedAmount: 0 }
    if (to === null && from < owedFrom) {
      emit({ ...common, scheme: 'compulsory_social', fromMonth: from, toMonth: yyyymm(asOf - 3) })
      emit({
        ...common,
        scheme: 'compulsory_social',
        fromMonth: owedFrom,
        toMonth: null,
        owedAmount: 2 * base * socialRate,
      })
    } else emit({ ...common, scheme: 'compulsory_social', fromMonth: from, toMonth: to })
    if (to === null || to >= 200901)
      emit({ ...common, scheme: 'unemployment', fromMonth: Math.max(from, 200901), toMonth: to })
    if (to === null || to >= 201607)
      emit({ ...common, scheme: 'occupational', fromMonth: Math.max(from, 201607), toMonth: to })
  }
  emitPeriods(1, null, citizenHealthRuns(), asOf, emit)
  // biome-ignore format: a table
  const benefits = [
    ['unemployment', '2011-08-01', '2011-10-31', 1_260_000, '2011-08-15'], // 60 % of the last six months' base, per month
    ['maternity', '2014-08-20', '2015-02-18', 27_500_000, '2014-09-10'], // 6 × base + 2 × lương cơ sở
    ['convalescence', '2015-02-19', '2015-02-25', 2_415_000, '2015-03-10'], // 7 days × 30 % × lương cơ sở
    ['sickness', '2017-03-13', '2017-03-16', 650_000, '2017-04-05'], // 4 days × base / 24 × 75 %
    ['sickness', '2023-05-08', '2023-05-12', 1_953_125, '2023-06-05'], // 5 days × base / 24 × 75 %
  ] as const
  benefits.forEach(([kind, fromDate, toDate, amount, paidOn], index) => {
    batch.benefits.push({
      id: index + 1,
      personId: 1,
      kind,
      fromDate,
      toDate,
      amount,
      paidOn,
      officeCode: quan5,
    })
  })
}

function childHealthRuns(): HealthRun[] {
  const state = { employerId: null, managingOfficeCode: null }
  return [
    { from: indexFromYyyymm(201409), to: indexFromYyyymm(202008), group: 'TE', base: 1_150_000, ...state },
    { from: indexFromYyyymm(202009), to: null, group: 'HS', base: 1_490_000, ...state },
  ]
}

function addChildHistory(batch: PopulationBatch, asOf: number) {
  let periodId = batch.participationPeriods.length
  emitPeriods(2, null, childHealthRuns(), asOf, (row) =>
    batch.participationPeriods.push({ ...row, id: ++periodId }),
  )
}

/** First facility of HCMC in code order that fits, so the choice is stable for a given directory. */
function facilityIn(reference: DemoReference, fits: (facility: FacilityRef) => boolean): FacilityRef {
  const inHcmc = reference.facilities.filter((facility) => facility.provinceCode === '79')
  const found = inHcmc.find(fits) ?? inHcmc[0] ?? reference.facilities[0]
  if (!found) throw new Error('Reference data has no medical facilities')
  return found
}

function addCards(batch: PopulationBatch, reference: DemoReference, asOfDate: string) {
  const primary = facilityIn(
    reference,
    (facility) => facility.acceptsPrimaryRegistration && facility.level === 'district',
  )
  const citizenRuns = citizenHealthRuns()
  const current = citizenRuns[citizenRuns.length - 1] as HealthRun
  const fiveYears = isoDay(continuousSince(citizenRuns, current) + 60, 1)
  const year = asOfDate.slice(0, 4)
  const { citizen, child } = demoAccounts
  batch.healthCards.push(
    {
      id: 1,
      personId: 1,
      cardNumber: citizen.bhxhCode,
      legacyCardNumber: `DN479${citizen.bhxhCode}`,
      groupCode: 'DN',
      benefitLevel: 4,
      issuingProvinceCode: '79',
      primaryFacilityCode: primary.code,
      livingArea: null,
      validFrom: '2020-01-01',
      validTo: null,
      fiveYearsContinuousFrom: fiveYears,
      issuedOn: '2021-06-01',
      issuingOfficeCode: quan5,
    },
    {
      id: 2,
      personId: 2,
      cardNumber: child.bhxhCode,
      legacyCardNumber: `HS479${child.bhxhCode}`,
      groupCode: 'HS',
      benefitLevel: 4,
      issuingProvinceCode: '79',
      primaryFacilityCode: primary.code,
      livingArea: null,
      validFrom: `${year}-01-01`,
      validTo: `${year}-12-31`,
      fiveYearsContinuousFrom: null,
      issuedOn: `${year}-01-01`,
      issuingOfficeCode: quan5,
    },
  )
}

/** [person, local date-time, days in hospital (0 = outpatient), ICD-10, total cost, level] */
type VisitSpec = readonly [
  person: number,
  at: string,
  days: number,
  icd: string,
  total: number,
  level: number,
]
// biome-ignore format: a table
const visitSpecs: readonly VisitSpec[] = [
  [2, '2019-04-16T08:30', 0, 'J06.9', 150_000, 1],
  [1, '2024-03-12T09:20', 0, 'J06.9', 185_000, 4],
  [2, '2024-10-03T15:10', 0, 'A09', 230_000, 4],
  [1, '2024-11-05T08:10', 0, 'K29.7', 420_000, 4],
  [1, '2025-06-18T10:40', 0, 'I10', 350_000, 4],
  [1, '2025-09-22T21:15', 3, 'K35.8', 14_500_000, 4],
  [2, '2025-12-09T09:00', 0, 'J02.9', 190_000, 4],
  [1, '2026-02-10T14:05', 0, 'M54.5', 260_000, 4],
]

function addVisits(batch: PopulationBatch, reference: DemoReference, asOfDate: string) {
  const primary = facilityIn(
    reference,
    (facility) => facility.acceptsPrimaryRegistration && facility.level === 'district',
  )
  const hospital = facilityIn(reference, (facility) => facility.level === 'province')
  const diagnosis = (code: string): DiagnosisRef =>
    reference.diagnoses.find((entry) => entry.code === code) ?? reference.diagnoses[0] ?? { code, name: code }
  let id = 0
  for (const [personId, at, days, icd, total, level] of visitSpecs) {
    if (at.slice(0, 10) >= asOfDate) continue
    const admitted = new Date(`${at}:00+07:00`)
    const discharged = days > 0 ? `${addDays(at.slice(0, 10), days)}T09:00:00+07:00` : null
    const { code, name } = diagnosis(icd)
    const row: MedicalVisitRow = {
      id: ++id,
      personId,
      facilityCode: days > 0 ? hospital.code : primary.code,
      claimKey: `DEMO-${String(id).padStart(4, '0')}`,
      visitType: days > 0 ? '03' : '01',
      admittedAt: admitted,
      dischargedAt: discharged ? new Date(discharged) : new Date(admitted.getTime() + 45 * 60_000),
      diagnosisCode: code,
      diagnosisName: name,
      ...costShares(total, level, indexOfDate(at.slice(0, 10))),
    }
    batch.medicalVisits.push(row)
  }
}
