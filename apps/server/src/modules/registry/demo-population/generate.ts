import { baseSalary, foldVietnamese, roundThousand, voluntaryFloor } from '@ansinh/domain'
import type { Address, Atlas, ProvinceAtlas } from './addresses'
import { buildAtlas, isSouthern, pickAddress } from './addresses'
import { emitCareerBenefits } from './benefits'
import { buildCard } from './cards'
import type { Career } from './careers'
import { planCareer } from './careers'
import type { HealthRun } from './coverage'
import { careerHealthRuns, continuousSince, currentRun, emitPeriods, stateRun } from './coverage'
import type { EmployerRoster } from './employers'
import { generateEmployers } from './employers'
import type { MemberSketch } from './households'
import { sketchHousehold } from './households'
import type { IdentifierIssuer } from './identifiers'
import { createIdentifierIssuer, makeEmail, pickPhone } from './identifiers'
import { indexOfDate, isoDay, monthIndex, yearOf, yyyymm } from './months'
import { pickFamilyName, pickPersonalName } from './names'
import type { Random } from './prng'
import { createRandom, textSeed } from './prng'
import type { DemoReference } from './reference'
import type { PopulationBatch } from './types'
import { emptyBatch } from './types'
import type { DiagnosisPickers } from './visits'
import { buildDiagnosisPickers, emitVisits } from './visits'

export type GenerateOptions = {
  /** How many people to generate (exactly). */
  people: number
  seed: number
  reference: DemoReference
  /**
   * The day the data describes (`yyyy-mm-dd`, first of a month): open periods run up to it and cards are
   * valid on it. Defaults to the first day of the current month, so that the demo always looks current;
   * the same people, seed and `asOf` always give the same data.
   */
  asOf?: string
  /** People per yielded batch (whole households, so batches can be slightly larger). */
  batchSize?: number
}

/** First day of the current month in Asia/Ho_Chi_Minh. */
export function currentMonthStart(now = Date.now()): string {
  return `${new Date(now + 7 * 3_600_000).toISOString().slice(0, 7)}-01`
}

type Counters = {
  person: number
  household: number
  period: number
  benefit: number
  visit: number
  card: number
}

type Context = {
  seed: number
  asOf: number
  asOfDate: string
  atlas: Atlas
  ids: IdentifierIssuer
  employers: EmployerRoster
  diagnoses: DiagnosisPickers | null
  counters: Counters
}

/**
 * Generates a synthetic population household by household and yields it in batches, so that a
 * million people never sit in memory at once. Each household draws from its own seeded stream, so the
 * batch size does not change the data; identifiers come from counters, so they never repeat.
 */
export function* generateDemoPopulation(options: GenerateOptions): Generator<PopulationBatch> {
  const { seed, reference } = options
  const batchSize = options.batchSize ?? 5_000
  const asOfDate = options.asOf ?? currentMonthStart()
  const atlas = buildAtlas(reference)
  const ids = createIdentifierIssuer(seed)
  const employerCount = Math.max(10, Math.round(options.people / 40))
  const employers = generateEmployers(createRandom(seed, textSeed('employers')), atlas, ids, employerCount)
  const context: Context = {
    seed,
    asOf: indexOfDate(asOfDate),
    asOfDate,
    atlas,
    ids,
    employers,
    diagnoses: buildDiagnosisPickers(reference.diagnoses),
    counters: { person: 0, household: 0, period: 0, benefit: 0, visit: 0, card: 0 },
  }
  let batch = emptyBatch()
  batch.employers = employers.rows
  for (let household = 0; context.counters.person < options.people; household++) {
    const random = createRandom(seed, textSeed('household'), household)
    const room = options.people - context.counters.person
    addHousehold(random, context, sketchHouseholdWithin(random, context.asOf, room), batch)
    if (batch.people.length >= batchSize) {
      yield batch
      batch = emptyBatch()
    }
  }
  if (batch.people.length > 0 || batch.employers.length > 0) yield batch
}

function sketchHouseholdWithin(random: Random, asOf: number, room: number): MemberSketch[] {
  const members = sketchHousehold(random, asOf).slice(0, room)
  return members.map((member) => ({
    ...member,
    motherIndex:
      member.motherIndex !== null && member.motherIndex < members.length ? member.motherIndex : null,
    fatherIndex:
      member.fatherIndex !== null && member.fatherIndex < members.length ? member.fatherIndex : null,
  }))
}

function addHousehold(random: Random, context: Context, members: MemberSketch[], batch: PopulationBatch) {
  const { atlas, ids, counters } = context
  const province = atlas.provinces.pick(random)
  const head = members[0] as MemberSketch
  const headAge = (context.asOf - head.birthIndex) / 12
  // Older people's records are less often updated to the 2025 codes.
  const address = pickAddress(random, province, random.chance(headAge >= 50 ? 0.25 : 0.06))
  const homeLegacy = address.codeSet === '2004-2025' ? address.provinceCode : province.legacy.pick(random)
  const homeOfficeCode = random.pick(province.offices).code
  const householdId = ++counters.household
  const firstPersonId = counters.person + 1
  batch.households.push({
    id: householdId,
    householdCode: ids.householdCode(homeLegacy),
    headPersonId: firstPersonId,
    provinceCode: address.provinceCode,
    communeCode: address.communeCode,
  })
  const southern = isSouthern(homeLegacy)
  const familyNames = members.map(() => pickFamilyName(random, southern))
  members.forEach((member, index) => {
    const parent = member.fatherIndex ?? member.motherIndex
    if (parent !== null) familyNames[index] = familyNames[parent] as string
    if (member.relation === 'bố' && head.gender === 'male') familyNames[index] = familyNames[0] as string
  })
  members.forEach((member, index) => {
    const personId = firstPersonId + index
    const births = members
      .filter((child) => child.motherIndex === index || child.fatherIndex === index)
      .map((child) => isoDay(child.birthIndex, child.birthDay))
    addPerson(random, context, batch, {
      personId,
      householdId,
      member,
      familyName: familyNames[index] as string,
      address,
      homeLegacy,
      homeOfficeCode,
      childBirths: births,
    })
  })
  counters.person += members.length
}

type PersonInput = {
  personId: number
  householdId: number
  member: MemberSketch
  familyName: string
  address: Address
  homeLegacy: string
  homeOfficeCode: string
  childBirths: string[]
}

function addPerson(random: Random, context: Context, batch: PopulationBatch, input: PersonInput) {
  const { member, address, personId } = input
  const { ids, asOf } = context
  const birthYear = yearOf(member.birthIndex)
  const ageYears = Math.floor((asOf - member.birthIndex) / 12)
  const birthProvince = random.chance(ageYears < 18 ? 0.92 : 0.7)
    ? input.homeLegacy
    : context.atlas.birthProvinces.pick(random)
  const fullName = `${input.familyName} ${pickPersonalName(random, member.gender, birthYear)}`
  const precision = birthPrecision(random, birthYear)
  const bhxhCode = ids.bhxhCode(input.homeLegacy)
  const adult = ageYears >= 18
  batch.people.push({
    id: personId,
    personalId: ids.personalId(birthProvince, member.gender, birthYear),
    bhxhCode,
    legacyIdNumber: birthYear < 2002 && random.chance(0.4) ? ids.legacyIdNumber() : null,
    passportNumber: adult && random.chance(0.04) ? ids.passportNumber() : null,
    fullName,
    foldedName: foldVietnamese(fullName),
    birthYear,
    birthMonth: precision === 'year' ? null : (member.birthIndex % 12) + 1,
    birthDay: precision === 'day' ? member.birthDay : null,
    gender: member.gender,
    addressCodeSet: address.codeSet,
    provinceCode: address.provinceCode,
    districtCode: address.districtCode,
    communeCode: address.communeCode,
    street: address.street,
    phone: ageYears >= 16 && random.chance(adult ? 0.9 : 0.5) ? pickPhone(random) : null,
    email:
      adult && random.chance(birthYear >= 1985 ? 0.45 : 0.15) ? makeEmail(random, fullName, birthYear) : null,
    householdId: input.householdId,
    householdRelation: member.relation,
  })
  // Histories draw from a stream of their own, so that a person's identity does not depend on how many
  // employers the population has (which grows with its size).
  const history = createRandom(context.seed, textSeed('history'), personId)
  const { career, health } = adult
    ? adultHistory(history, context, member, address.province)
    : { career: null, health: childHealth(history, member, asOf) }
  const { counters } = context
  emitPeriods(personId, career, health, asOf, (row) => {
    row.id = ++counters.period
    batch.participationPeriods.push(row)
  })
  if (career) {
    const benefitContext = {
      personId,
      gender: member.gender,
      childBirths: input.childBirths,
      homeOfficeCode: input.homeOfficeCode,
      asOfDate: context.asOfDate,
    }
    emitCareerBenefits(history, career, benefitContext, (row) =>
      batch.benefits.push({ id: ++counters.benefit, ...row }),
    )
  }
  const birthDate = isoDay(member.birthIndex, member.birthDay)
  const card = buildCard(history, health, {
    personId,
    bhxhCode,
    birthDate,
    province: address.province,
    homeOfficeCode: input.homeOfficeCode,
    asOf,
    asOfDate: context.asOfDate,
  })
  if (!card) return
  batch.healthCards.push({ id: ++counters.card, ...card })
  const current = currentRun(health, asOf) as HealthRun
  if (!context.diagnoses) return
  const claimPrefix = `LK${context.seed}-`
  emitVisits(
    history,
    {
      personId,
      ageYears,
      card,
      province: address.province,
      fromMonth: Math.max(continuousSince(health, current), asOf - 36, member.birthIndex),
      toMonth: asOf - 1,
      diagnoses: context.diagnoses,
      claimKey: () => `${claimPrefix}${counters.visit + 1}`,
    },
    (row) => batch.medicalVisits.push({ id: ++counters.visit, ...row }),
  )
}

/** Most records hold a full date of birth; older ones often only month and year, or the year. */
function birthPrecision(random: Random, birthYear: number): 'day' | 'month' | 'year' {
  const roll = random.next()
  const [day, month] = birthYear < 1960 ? [0.7, 0.85] : birthYear < 2000 ? [0.86, 0.96] : [0.98, 0.995]
  return roll < day ? 'day' : roll < month ? 'month' : 'year'
}

/** Children: the free TE card until six, then BHYT through school (HS). */
function childHealth(random: Random, member: MemberSketch, asOf: number): HealthRun[] {
  const runs: HealthRun[] = []
  const sixth = member.birthIndex + 72
  if (random.chance(0.97)) {
    const to = Math.min(sixth - 1, asOf)
    runs.push(
      stateRun('TE', member.birthIndex, to >= asOf ? null : to, baseSalary(yyyymm(member.birthIndex))),
    )
  }
  if (sixth <= asOf && random.chance(0.92)) runs.push(stateRun('HS', sixth, null, baseSalary(yyyymm(sixth))))
  return runs
}

function adultHistory(
  random: Random,
  context: Context,
  member: MemberSketch,
  province: ProvinceAtlas,
): { career: Career | null; health: HealthRun[] } {
  const { asOf } = context
  const ageYears = (asOf - member.birthIndex) / 12
  const adultFrom = member.birthIndex + 18 * 12
  if (ageYears < 23 && random.chance(0.45)) {
    // Students: BHYT through their university or college (SV).
    return { career: null, health: [stateRun('SV', adultFrom, null, baseSalary(yyyymm(adultFrom)))] }
  }
  const roll = random.next()
  if (roll < 0.66) {
    const career = planCareer(random, {
      birthIndex: member.birthIndex,
      gender: member.gender,
      province,
      asOf,
      employers: context.employers,
    })
    if (career.spells.length > 0) return { career, health: careerHealthRuns(random, career, asOf) }
  } else if (roll < 0.72) {
    return voluntaryOnly(random, adultFrom, asOf)
  }
  return { career: null, health: householdCover(random, adultFrom, asOf) }
}

/** Self-employed people who pay voluntary BHXH (tự nguyện) and buy household BHYT. */
function voluntaryOnly(
  random: Random,
  adultFrom: number,
  asOf: number,
): { career: Career; health: HealthRun[] } {
  const from = Math.max(adultFrom, monthIndex(2008, 1) + random.int(0, 150))
  const career: Career = {
    spells: [],
    voluntary: [],
    unemployment: [],
    exit: { kind: 'stopped', month: from },
    contributionMonths: 0,
  }
  if (from > asOf) return { career, health: householdCover(random, adultFrom, asOf) }
  const base = roundThousand(voluntaryFloor(yyyymm(from)) * (1 + random.next() * 2))
  career.voluntary.push({ from, to: asOf, base })
  career.contributionMonths = asOf - from + 1
  return { career, health: householdCover(random, adultFrom, asOf) }
}

/** Household BHYT (GD), or the state-paid cards of near-poor (CN) and poor (HN) households. */
function householdCover(random: Random, adultFrom: number, asOf: number): HealthRun[] {
  if (!random.chance(0.7)) return []
  const from = Math.max(adultFrom, asOf - random.int(6, 120))
  if (from > asOf) return []
  const roll = random.next()
  const group = roll < 0.05 ? 'HN' : roll < 0.12 ? 'CN' : 'GD'
  return [stateRun(group, from, null, baseSalary(yyyymm(from)))]
}
