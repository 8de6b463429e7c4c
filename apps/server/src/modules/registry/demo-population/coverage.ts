import { baseSalary } from '@ansinh/domain'
import type { Career, Segment } from './careers'
import { occupationalStart, unemploymentStart } from './careers'
import { yyyymm } from './months'
import type { Random } from './prng'
import type { HealthGroup, ParticipationPeriodRow } from './types'

/**
 * Health coverage (BHYT) as a list of non-overlapping runs, each with the group that paid for it, and
 * the participation rows for every scheme. Kept separate from careers because children, students,
 * pensioners and household members are covered without any employment.
 */
export type HealthRun = {
  from: number
  /** Last month covered; `null` while the coverage is open. */
  to: number | null
  group: HealthGroup
  base: number
  employerId: number | null
  managingOfficeCode: string | null
  /** Planned last month of an open run that has a known end (unemployment benefit), for the card's expiry. */
  until?: number
}

/** Coverage through work, unemployment benefit and retirement, in date order. */
export function careerHealthRuns(random: Random, career: Career, asOf: number): HealthRun[] {
  const runs: HealthRun[] = []
  for (const spell of career.spells) {
    for (const [index, segment] of spell.segments.entries()) {
      const open = spell.open && index === spell.segments.length - 1
      runs.push({
        from: segment.from,
        to: open ? null : segment.to,
        group: spell.employer.group,
        base: segment.base,
        employerId: spell.employer.id,
        managingOfficeCode: spell.employer.managingOfficeCode,
      })
    }
  }
  for (const benefit of career.unemployment) {
    if (benefit.from > asOf) continue
    // The unemployment fund pays the BHYT contribution while the benefit runs.
    runs.push({
      ...stateRun('TN', benefit.from, benefit.to >= asOf ? null : benefit.to, benefit.base),
      until: benefit.to,
    })
  }
  const exit = career.exit
  if (exit.kind === 'retired') runs.push(stateRun('HT', exit.month, null, exit.pensionPerMonth))
  if ((exit.kind === 'withdrew' || exit.kind === 'stopped') && random.chance(0.5)) {
    const from = exit.month + random.int(1, 24)
    if (from <= asOf) runs.push(stateRun('GD', from, null, baseSalary(yyyymm(from))))
  }
  return runs.sort((a, b) => a.from - b.from)
}

export function stateRun(group: HealthGroup, from: number, to: number | null, base: number): HealthRun {
  return { from, to, group, base, employerId: null, managingOfficeCode: null }
}

/** The run covering the month `asOf`, which decides the current card. */
export function currentRun(runs: readonly HealthRun[], asOf: number): HealthRun | undefined {
  return runs.find((run) => run.from <= asOf && (run.to === null || run.to >= asOf))
}

/** Start of the unbroken coverage that includes the current run (gaps under three months do not break it). */
export function continuousSince(runs: readonly HealthRun[], current: HealthRun): number {
  let since = current.from
  for (let i = runs.indexOf(current) - 1; i >= 0; i--) {
    const run = runs[i] as HealthRun
    if (run.to === null || since - run.to > 3) break
    since = run.from
  }
  return since
}

/** Receives each row with `id` 0; the caller numbers it (saves a copy per row on a million people). */
type PeriodSink = (row: ParticipationPeriodRow) => void

function period(
  personId: number,
  scheme: ParticipationPeriodRow['scheme'],
  from: number,
  toMonth: number | null,
  employerId: number | null,
  position: string | null,
  contributionBase: number,
  owedAmount: number,
): ParticipationPeriodRow {
  return {
    id: 0,
    personId,
    scheme,
    fromMonth: yyyymm(from),
    toMonth,
    employerId,
    position,
    contributionBase,
    owedAmount,
  }
}

/** Rows of every scheme for one person: compulsory, unemployment and occupational per segment, voluntary runs, health runs. */
export function emitPeriods(
  personId: number,
  career: Career | null,
  health: readonly HealthRun[],
  asOf: number,
  emit: PeriodSink,
) {
  for (const spell of career?.spells ?? []) {
    const { employer } = spell
    const last = spell.segments.length - 1
    for (let index = 0; index <= last; index++) {
      const segment = spell.segments[index] as Segment
      const open = spell.open && index === last
      const toMonth = open ? null : yyyymm(segment.to)
      const owed = open ? employer.arrearsMonths * segment.base : 0
      const { base, position } = segment
      // Arrears (nợ đóng) of the employer for the open period, at the BHXH (25.5 %) and BHTN (2 %) rates.
      emit(
        period(
          personId,
          'compulsory_social',
          segment.from,
          toMonth,
          employer.id,
          position,
          base,
          Math.round(owed * 0.255),
        ),
      )
      if (employer.paysUnemployment && segment.to >= unemploymentStart) {
        const from = Math.max(segment.from, unemploymentStart)
        emit(
          period(
            personId,
            'unemployment',
            from,
            toMonth,
            employer.id,
            position,
            base,
            Math.round(owed * 0.02),
          ),
        )
      }
      if (segment.to >= occupationalStart) {
        const from = Math.max(segment.from, occupationalStart)
        emit(period(personId, 'occupational', from, toMonth, employer.id, position, base, 0))
      }
    }
  }
  for (const run of career?.voluntary ?? []) {
    emit(
      period(
        personId,
        'voluntary_social',
        run.from,
        run.to >= asOf ? null : yyyymm(run.to),
        null,
        null,
        run.base,
        0,
      ),
    )
  }
  for (const run of health) {
    emit(
      period(
        personId,
        'health',
        run.from,
        run.to === null ? null : yyyymm(run.to),
        run.employerId,
        null,
        run.base,
        0,
      ),
    )
  }
}
