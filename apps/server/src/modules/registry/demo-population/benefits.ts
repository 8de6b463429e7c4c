import { baseSalary, roundThousand } from '@ansinh/domain'
import type { Career, Segment, Spell } from './careers'
import { addDays, isoDay, lastDay, yyyymm } from './months'
import type { Random } from './prng'
import type { BenefitRow } from './types'

/**
 * Benefits paid out of a career (thông tin hưởng): sickness, maternity and convalescence while employed;
 * unemployment benefit in gaps; a lump sum or a monthly pension at the end.
 */
export type BenefitContext = {
  personId: number
  gender: 'male' | 'female'
  /** `yyyy-mm-dd` of the births of this person's children, for maternity (and paternity) leave. */
  childBirths: readonly string[]
  /** Office paying benefits that do not go through an employer. */
  homeOfficeCode: string
  asOfDate: string
}

type BenefitSink = (row: Omit<BenefitRow, 'id'>) => void

export function emitCareerBenefits(
  random: Random,
  career: Career,
  context: BenefitContext,
  emit: BenefitSink,
) {
  const { personId, asOfDate } = context
  const push = (row: Omit<BenefitRow, 'id' | 'personId' | 'paidOn'>, paidAfterDays: number | null) => {
    if (row.fromDate >= asOfDate) return
    const paidOn = paidAfterDays === null ? null : addDays(row.toDate ?? row.fromDate, paidAfterDays)
    emit({ ...row, personId, paidOn: paidOn !== null && paidOn < asOfDate ? paidOn : null })
  }
  for (const spell of career.spells) {
    for (const segment of spell.segments) sicknessSpells(random, spell, segment, push)
  }
  for (const birth of context.childBirths) {
    const found = segmentAt(career, birth)
    if (!found) continue
    const [spell, segment] = found
    const office = spell.employer.managingOfficeCode
    if (context.gender === 'female') {
      const from = addDays(birth, -random.int(7, 45))
      const to = addDays(from, 182)
      const amount = 6 * segment.base + 2 * baseSalary(yyyymm(segment.from))
      push(
        { kind: 'maternity', fromDate: from, toDate: to, amount: roundThousand(amount), officeCode: office },
        20,
      )
      if (random.chance(0.3)) convalescence(random, addDays(to, 1), office, push)
    } else if (random.chance(0.5)) {
      // Fathers get five working days of paternity leave under the maternity scheme.
      const amount = (segment.base / 24) * 5
      push(
        {
          kind: 'maternity',
          fromDate: birth,
          toDate: addDays(birth, 6),
          amount: Math.round(amount),
          officeCode: office,
        },
        30,
      )
    }
  }
  for (const run of career.unemployment) {
    const office = context.homeOfficeCode
    push(
      {
        kind: 'unemployment',
        fromDate: isoDay(run.from, 1),
        toDate: lastDay(run.to),
        amount: run.base,
        officeCode: office,
      },
      null,
    )
  }
  const exit = career.exit
  if (exit.kind === 'retired') {
    const from = isoDay(exit.month, 1)
    push(
      {
        kind: 'monthly_pension',
        fromDate: from,
        toDate: null,
        amount: exit.pensionPerMonth,
        officeCode: context.homeOfficeCode,
      },
      null,
    )
  }
  if (exit.kind === 'withdrew') {
    const on = isoDay(exit.month, random.int(5, 25))
    push(
      {
        kind: 'lump_sum',
        fromDate: on,
        toDate: on,
        amount: exit.lumpSum,
        officeCode: context.homeOfficeCode,
      },
      random.int(5, 20),
    )
  }
}

type Push = (row: Omit<BenefitRow, 'id' | 'personId' | 'paidOn'>, paidAfterDays: number | null) => void

/** About one sickness leave every eight years of work: 2–14 days at 75 % of the base. */
function sicknessSpells(random: Random, spell: Spell, segment: Segment, push: Push) {
  const months = segment.to - segment.from + 1
  if (!random.chance(Math.min(0.9, months / 96))) return
  const month = segment.from + random.int(0, months - 1)
  const from = isoDay(month, random.int(1, 28))
  const days = random.int(2, 14)
  const to = addDays(from, days - 1)
  const office = spell.employer.managingOfficeCode
  const amount = (segment.base / 24) * days * 0.75
  push(
    { kind: 'sickness', fromDate: from, toDate: to, amount: Math.round(amount), officeCode: office },
    random.int(15, 45),
  )
  if (random.chance(0.1)) convalescence(random, addDays(to, 1), office, push)
}

/** Dưỡng sức phục hồi sức khỏe: 5–10 days at 30 % of the base salary per day. */
function convalescence(random: Random, from: string, office: string, push: Push) {
  const days = random.int(5, 10)
  const amount = days * 0.3 * baseSalary(Number(from.slice(0, 4)) * 100 + Number(from.slice(5, 7)))
  push(
    {
      kind: 'convalescence',
      fromDate: from,
      toDate: addDays(from, days - 1),
      amount: Math.round(amount),
      officeCode: office,
    },
    20,
  )
}

function segmentAt(career: Career, date: string): [Spell, Segment] | undefined {
  const month = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
  for (const spell of career.spells) {
    if (month < spell.from || month > spell.to) continue
    const segment = spell.segments.find((s) => s.from <= month && s.to >= month)
    if (segment) return [spell, segment]
  }
  return undefined
}
