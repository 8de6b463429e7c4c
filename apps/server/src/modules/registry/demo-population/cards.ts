import { expectedBenefitLevel } from '@ansinh/domain'
import type { ProvinceAtlas } from './addresses'
import type { HealthRun } from './coverage'
import { continuousSince, currentRun } from './coverage'
import { addDays, indexOfDate, isoDay, lastDay } from './months'
import type { Random } from './prng'
import type { HealthCardRow } from './types'

/** The current BHYT card (thẻ BHYT) of a person covered in the month `asOf`, or null when not covered. */
export type CardContext = {
  personId: number
  bhxhCode: string
  birthDate: string
  province: ProvinceAtlas
  homeOfficeCode: string
  asOf: number
  asOfDate: string
}

const mountainProvinces = new Set(['04', '08', '11', '12', '14', '15', '20'])
const newTemplateFrom = '2021-04-01' // QĐ 1666/QĐ-BHXH: every card reissued on the new template

export function buildCard(
  random: Random,
  runs: readonly HealthRun[],
  context: CardContext,
): Omit<HealthCardRow, 'id'> | null {
  const current = currentRun(runs, context.asOf)
  if (!current) return null
  const { validFrom, validTo } = validity(current, samePayerSince(runs, current), context)
  const issuedOn = issueDate(random, validFrom, context.asOfDate)
  const benefitLevel = expectedBenefitLevel(current.group, issuedOn)
  const officeCode = current.managingOfficeCode ?? context.homeOfficeCode
  const issuingProvinceCode = officeCode.slice(1, 3)
  const fiveYears = continuousSince(runs, current) + 60
  const coPays = benefitLevel === 3 || benefitLevel === 4
  const living = mountainProvinces.has(context.province.code) && random.chance(0.15)
  return {
    personId: context.personId,
    cardNumber: context.bhxhCode,
    legacyCardNumber: `${current.group}${benefitLevel}${issuingProvinceCode}${context.bhxhCode}`,
    groupCode: current.group,
    benefitLevel,
    issuingProvinceCode,
    primaryFacilityCode: random.pick(context.province.primaryFacilities).code,
    livingArea: living ? random.pick(['K1', 'K2', 'K3'] as const) : null,
    validFrom,
    validTo,
    // Printed once five years of unbroken cover are (or within a year will be) reached: co-payment ends then.
    fiveYearsContinuousFrom: coPays && fiveYears <= context.asOf + 12 ? isoDay(fiveYears, 1) : null,
    issuedOn,
    issuingOfficeCode: officeCode,
  }
}

/** First month of the unbroken stretch with the same payer (a raise does not start a new card). */
function samePayerSince(runs: readonly HealthRun[], current: HealthRun): number {
  let since = current.from
  for (let i = runs.indexOf(current) - 1; i >= 0; i--) {
    const run = runs[i] as HealthRun
    if (run.group !== current.group || run.employerId !== current.employerId || run.to !== since - 1) break
    since = run.from
  }
  return since
}

function validity(
  run: HealthRun,
  since: number,
  context: CardContext,
): { validFrom: string; validTo: string | null } {
  const start = isoDay(since, 1)
  const year = Math.floor(context.asOf / 12)
  switch (run.group) {
    case 'TE': {
      // Free card from birth to the day before the sixth birthday.
      const sixth = isoDay(indexOfDate(context.birthDate) + 72, Number(context.birthDate.slice(8, 10)))
      return { validFrom: context.birthDate, validTo: addDays(sixth, -1) }
    }
    case 'HS':
    case 'SV': {
      const from = `${year}-01-01` > start ? `${year}-01-01` : start
      return { validFrom: from, validTo: `${year}-12-31` }
    }
    case 'GD':
    case 'CN':
    case 'HN': {
      // Household cards run twelve months from the anniversary of the first payment.
      const anniversary = run.from + Math.floor((context.asOf - run.from) / 12) * 12
      return { validFrom: isoDay(anniversary, 1), validTo: lastDay(anniversary + 11) }
    }
    case 'TN':
      return { validFrom: start, validTo: run.until === undefined ? null : lastDay(run.until) }
    default:
      // Employees and pensioners: valid while the contributions continue, no printed end date.
      return { validFrom: start, validTo: null }
  }
}

function issueDate(random: Random, validFrom: string, asOfDate: string): string {
  if (validFrom >= newTemplateFrom) return validFrom < asOfDate ? validFrom : addDays(asOfDate, -1)
  const reissued = addDays(newTemplateFrom, random.int(0, 270))
  return reissued < asOfDate ? reissued : validFrom
}

/** Month index of a card's start, for choosing visit dates inside the cover. */
export function cardStartIndex(card: Pick<HealthCardRow, 'validFrom'>): number {
  return indexOfDate(card.validFrom)
}
