import { baseSalary } from '@ansinh/domain'
import type { ProvinceAtlas } from './addresses'
import { daysIn, monthOf, yearOf, yyyymm } from './months'
import type { Random, WeightedPicker } from './prng'
import { weightedPicker } from './prng'
import type { DiagnosisRef } from './reference'
import type { HealthCardRow, MedicalVisitRow } from './types'

/**
 * Insured visits for the medical-visit book (sổ khám chữa bệnh), shaped like XML1 summaries:
 * mostly outpatient visits at the registered facility, some inpatient stays at hospitals.
 */

// Everyday diagnoses of Vietnamese outpatient clinics, with rough relative frequencies.
// biome-ignore format: a frequency table
const commonOutpatient: readonly (readonly [string, number])[] = [
  ['J06.9', 20], ['J00', 8], ['J02.9', 8], ['J03.9', 5], ['J20.9', 6], ['I10', 14], ['E11.9', 7], ['E11', 3],
  ['K29.7', 6], ['K21.9', 3], ['K30', 3], ['M54.5', 5], ['M54.2', 3], ['M17.9', 2], ['A09', 4], ['N39.0', 2],
  ['J45.9', 2], ['H10.9', 2], ['L30.9', 2], ['E78.5', 4], ['R51', 2], ['R50.9', 2], ['B34.9', 3], ['K02.9', 2],
  ['Z00.0', 3], ['H52.1', 1],
]
// biome-ignore format: a frequency table
const commonInpatient: readonly (readonly [string, number])[] = [
  ['J18.9', 10], ['I63.9', 5], ['I21.9', 2], ['I50.9', 3], ['J44.9', 4], ['A90', 4], ['A91', 2], ['K35.8', 3],
  ['O80', 4], ['S72.0', 2], ['N18.9', 2], ['K80.2', 2], ['E11.9', 3], ['A09', 4], ['I10', 4],
]

export type DiagnosisPickers = {
  outpatient: WeightedPicker<DiagnosisRef>
  inpatient: WeightedPicker<DiagnosisRef>
}

const compactCode = (code: string) => code.replace('.', '').toUpperCase()

/**
 * Common diagnoses found in the ICD-10 table carry most of the weight; every other code shares a
 * tenth, so the data stays plausible whatever list the directory loaded. Null when the table is empty.
 */
export function buildDiagnosisPickers(diagnoses: readonly DiagnosisRef[]): DiagnosisPickers | null {
  if (diagnoses.length === 0) return null
  const byCode = new Map(diagnoses.map((diagnosis) => [compactCode(diagnosis.code), diagnosis]))
  const build = (common: readonly (readonly [string, number])[]) => {
    const entries: (readonly [DiagnosisRef, number])[] = []
    for (const [code, weight] of common) {
      const found = byCode.get(compactCode(code))
      if (found) entries.push([found, weight])
    }
    const commonTotal = entries.reduce((sum, [, weight]) => sum + weight, 0)
    const tail = commonTotal > 0 ? (commonTotal * 0.1) / diagnoses.length : 1
    for (const diagnosis of diagnoses) entries.push([diagnosis, tail])
    return weightedPicker(entries)
  }
  return { outpatient: build(commonOutpatient), inpatient: build(commonInpatient) }
}

export type VisitContext = {
  personId: number
  ageYears: number
  card: Pick<HealthCardRow, 'primaryFacilityCode' | 'benefitLevel'>
  province: ProvinceAtlas
  /** First and last month (indices) in which visits may fall. */
  fromMonth: number
  toMonth: number
  diagnoses: DiagnosisPickers
  claimKey: () => string
}

type VisitSink = (row: Omit<MedicalVisitRow, 'id'>) => void

/** Visits over three years: children and the elderly see doctors more often. */
export function emitVisits(random: Random, context: VisitContext, emit: VisitSink) {
  const months = context.toMonth - context.fromMonth + 1
  if (months <= 0) return
  const age = context.ageYears
  const perThreeYears = age < 6 ? 6 : age < 18 ? 3 : age < 40 ? 2.5 : age < 60 ? 4 : 7
  const count = Math.min(15, poisson(random, (perThreeYears * months) / 36))
  const inpatientShare = age >= 60 ? 0.15 : 0.07
  for (let i = 0; i < count; i++) {
    const month = context.fromMonth + random.int(0, months - 1)
    const inpatient = random.chance(inpatientShare)
    emit(inpatient ? inpatientVisit(random, context, month) : outpatientVisit(random, context, month))
  }
}

function outpatientVisit(random: Random, context: VisitContext, month: number): Omit<MedicalVisitRow, 'id'> {
  const facility = random.chance(0.75)
    ? context.card.primaryFacilityCode
    : random.pick(random.chance(0.5) ? context.province.primaryFacilities : context.province.hospitals).code
  const diagnosis = context.diagnoses.outpatient.pick(random)
  const admitted = localTime(month, random.int(1, daysIn(month)), random.int(7, 16), random.int(0, 59))
  const total = roundHundred(Math.exp(random.normal(Math.log(250_000), 0.7)))
  return {
    personId: context.personId,
    facilityCode: facility,
    claimKey: context.claimKey(),
    visitType: random.chance(0.04) ? '02' : '01', // MA_LOAI_KCB: 01 outpatient visit, 02 outpatient treatment
    admittedAt: admitted,
    dischargedAt: new Date(admitted.getTime() + random.int(20, 180) * 60_000),
    diagnosisCode: diagnosis.code,
    diagnosisName: diagnosis.name,
    ...costShares(total, context.card.benefitLevel, month),
  }
}

function inpatientVisit(random: Random, context: VisitContext, month: number): Omit<MedicalVisitRow, 'id'> {
  const facility = random.pick(context.province.hospitals).code
  const diagnosis = context.diagnoses.inpatient.pick(random)
  const admitted = localTime(month, random.int(1, daysIn(month)), random.int(0, 23), random.int(0, 59))
  const days = random.int(2, 10)
  const total = roundHundred(Math.exp(random.normal(Math.log(6_000_000), 0.8)))
  return {
    personId: context.personId,
    facilityCode: facility,
    claimKey: context.claimKey(),
    visitType: '03', // inpatient treatment
    admittedAt: admitted,
    dischargedAt: new Date(admitted.getTime() + (days * 24 + random.int(-6, 6)) * 3_600_000),
    diagnosisCode: diagnosis.code,
    diagnosisName: diagnosis.name,
    ...costShares(total, context.card.benefitLevel, month),
  }
}

/**
 * The fund's share by benefit level (100 % for levels 1, 2 and 5, 95 % for 3, 80 % for 4), and 100 % for
 * any visit cheaper than 15 % of the base salary.
 */
export function costShares(total: number, level: number, month: number) {
  const share = total < 0.15 * baseSalary(yyyymm(month)) ? 1 : level === 3 ? 0.95 : level === 4 ? 0.8 : 1
  const fundPaid = Math.round(total * share)
  return { totalCost: total, fundPaid, patientPaid: total - fundPaid }
}

/** A wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) as an instant. */
function localTime(month: number, day: number, hour: number, minute: number): Date {
  return new Date(Date.UTC(yearOf(month), monthOf(month) - 1, day, hour - 7, minute))
}

function roundHundred(amount: number): number {
  return Math.max(10_000, Math.round(amount / 100) * 100)
}

function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean)
  let count = 0
  let product = random.next()
  while (product > limit) {
    count++
    product *= random.next()
  }
  return count
}
