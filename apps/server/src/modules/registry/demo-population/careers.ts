import { contributionCeiling, roundThousand, voluntaryFloor, wageFloor } from '@ansinh/domain'
import type { ProvinceAtlas } from './addresses'
import type { Employer, EmployerKind, EmployerRoster } from './employers'
import { monthIndex, retirementIndex, yyyymm } from './months'
import type { Random } from './prng'
import { weightedPicker } from './prng'

/**
 * A working life as the registry sees it: spells with employers (each split where the contribution
 * base changed), gaps between them (some with unemployment benefit, some with voluntary BHXH), and
 * how it ended (still working, retired on a pension, withdrew a lump sum, or left formal work).
 */

export type Segment = { from: number; to: number; base: number; position: string }
export type Spell = { employer: Employer; from: number; to: number; open: boolean; segments: Segment[] }
export type MonthRun = { from: number; to: number; base: number }
export type CareerExit =
  | { kind: 'working' }
  | { kind: 'between-jobs'; since: number }
  | { kind: 'retired'; month: number; pensionPerMonth: number }
  | { kind: 'withdrew'; month: number; lumpSum: number }
  | { kind: 'stopped'; month: number }

export type Career = {
  spells: Spell[]
  voluntary: MonthRun[]
  /** Unemployment benefit (trợ cấp thất nghiệp); `base` is the monthly amount. */
  unemployment: MonthRun[]
  exit: CareerExit
  contributionMonths: number
}

/** Social insurance as the registry holds it starts with the 1995 reform; unemployment in 2009; occupational as a separate fund in mid-2016. */
export const historyStart = monthIndex(1995, 1)
export const unemploymentStart = monthIndex(2009, 1)
export const occupationalStart = monthIndex(2016, 7)

// biome-ignore format: word lists with weights and pay multipliers
const positions: Record<EmployerKind, readonly (readonly [name: string, weight: number, pay: number])[]> = {
  enterprise: [
    ['Công nhân', 40, 1.15], ['Công nhân may', 10, 1.1], ['Nhân viên kinh doanh', 10, 1.5], ['Nhân viên văn phòng', 10, 1.4],
    ['Kế toán viên', 6, 1.6], ['Kỹ sư', 6, 2.2], ['Tài xế', 5, 1.4], ['Thủ kho', 3, 1.3], ['Bảo vệ', 4, 1.1],
    ['Trưởng phòng', 3, 3.2], ['Phó Giám đốc', 1, 4.5], ['Giám đốc', 0.5, 6],
  ],
  cooperative: [['Xã viên', 6, 1.07], ['Kế toán', 1, 1.3], ['Nhân viên kỹ thuật', 2, 1.2]],
  agency: [['Chuyên viên', 6, 1.5], ['Cán sự', 3, 1.2], ['Văn thư', 2, 1.1], ['Phó Trưởng phòng', 1, 2.2], ['Trưởng phòng', 0.5, 2.6]],
  school: [['Giáo viên', 8, 1.5], ['Nhân viên', 2, 1.1], ['Kế toán', 1, 1.3], ['Hiệu phó', 0.5, 2.2]],
  hospital: [['Điều dưỡng', 6, 1.4], ['Bác sĩ', 4, 2.4], ['Dược sĩ', 1.5, 1.8], ['Kỹ thuật viên', 2, 1.4], ['Hộ lý', 2, 1.1]],
}
const positionPickers = Object.fromEntries(
  Object.entries(positions).map(([kind, list]) => [
    kind,
    weightedPicker(list.map((entry) => [entry, entry[1]] as const)),
  ]),
) as Record<EmployerKind, ReturnType<typeof weightedPicker<readonly [string, number, number]>>>

export type CareerInput = {
  birthIndex: number
  gender: 'male' | 'female'
  province: ProvinceAtlas
  asOf: number
  employers: EmployerRoster
}

export function planCareer(random: Random, input: CareerInput): Career {
  const { birthIndex, gender, asOf } = input
  const retirement = retirementIndex(birthIndex, gender)
  const lastWorkMonth = Math.min(asOf, retirement - 1)
  let month = Math.max(
    birthIndex + random.int(18, 26) * 12 + random.int(0, 11),
    historyStart + random.int(0, 30),
  )
  const career: Career = {
    spells: [],
    voluntary: [],
    unemployment: [],
    exit: { kind: 'working' },
    contributionMonths: 0,
  }
  const talent = Math.exp(random.normal(0, 0.3))
  let unemploymentMonths = 0
  let exited = false
  while (month <= lastWorkMonth) {
    const employer = pickEmployer(random, input)
    const length = 6 + Math.min(300, Math.floor(-Math.log(1 - random.next()) * 54))
    const end = Math.min(month + length - 1, lastWorkMonth)
    const spell = buildSpell(random, employer, month, end, talent, (month - birthIndex) / 12 - 20)
    spell.open = end === asOf
    career.spells.push(spell)
    career.contributionMonths += end - month + 1
    if (employer.paysUnemployment)
      unemploymentMonths += Math.max(0, end - Math.max(month, unemploymentStart) + 1)
    if (end === lastWorkMonth) break
    const roll = random.next()
    if (roll >= 0.93) {
      exited = true
      career.exit = leaveFormalWork(random, career, end, birthIndex, asOf)
      break
    }
    const gap = roll < 0.5 ? 0 : roll < 0.8 ? random.int(1, 3) : random.int(4, 18)
    let cursor = end + 1
    if (gap >= 3 && unemploymentMonths >= 12 && end + 2 < lastWorkMonth && random.chance(0.7)) {
      const entitled = Math.min(12, Math.max(3, 3 + Math.floor((unemploymentMonths - 36) / 12)))
      // Never past retirement: the pensioner's BHYT takes over from then on.
      const months = Math.min(entitled, gap - 1, lastWorkMonth - end - 1)
      const perMonth = Math.min(
        roundThousand(0.6 * lastBase(spell)),
        5 * wageFloor(yyyymm(end), employer.province.region),
      )
      career.unemployment.push({ from: end + 2, to: end + 1 + months, base: perMonth })
      unemploymentMonths = 0
      cursor = end + 2 + months
    }
    const voluntaryRoom = end + gap - cursor + 1
    if (voluntaryRoom >= 6 && cursor + 3 <= lastWorkMonth && random.chance(0.25)) {
      const to = Math.min(cursor + random.int(3, voluntaryRoom - 1), end + gap, lastWorkMonth)
      career.voluntary.push({ from: cursor, to, base: voluntaryBase(random, cursor) })
      career.contributionMonths += to - cursor + 1
    }
    month = end + 1 + gap
    if (month > asOf) career.exit = { kind: 'between-jobs', since: end + 1 }
  }
  if (!exited && career.spells.length > 0 && retirement <= asOf)
    career.exit = retire(career, retirement, gender)
  return career
}

function pickEmployer(random: Random, input: CareerInput): Employer {
  const local = input.employers.byProvince.get(input.province.code)
  return local && random.chance(0.85) ? local.pick(random) : input.employers.all.pick(random)
}

function buildSpell(
  random: Random,
  employer: Employer,
  from: number,
  to: number,
  talent: number,
  experience: number,
): Spell {
  const [position, , pay] = positionPickers[employer.kind].pick(random)
  const segments: Segment[] = []
  let start = from
  let previous = 0
  let years = Math.max(0, experience)
  while (start <= to) {
    // Raises take effect in January, every one to three years.
    const end = Math.min(monthIndex(Math.floor(start / 12) + random.int(1, 3), 1) - 1, to)
    const floor = wageFloor(yyyymm(end), employer.province.region)
    const target = floor * talent * pay * (1 + 0.035 * years) * (0.95 + 0.15 * random.next())
    let base = Math.max(target, floor * 1.07, previous * 1.03)
    base = Math.min(base, contributionCeiling(yyyymm(start)))
    base = Math.max(Math.ceil(base / 1000) * 1000, floor)
    segments.push({ from: start, to: end, base, position })
    previous = base
    years += (end - start + 1) / 12
    start = end + 1
  }
  return { employer, from, to, open: false, segments }
}

function lastBase(spell: Spell): number {
  return spell.segments[spell.segments.length - 1]?.base ?? 0
}

function voluntaryBase(random: Random, month: number): number {
  return roundThousand(voluntaryFloor(yyyymm(month)) * (1 + random.next() * 1.5))
}

function averageBase(career: Career, lastMonths: number): number {
  let months = 0
  let total = 0
  for (let s = career.spells.length - 1; s >= 0 && months < lastMonths; s--) {
    const segments = career.spells[s]?.segments ?? []
    for (let i = segments.length - 1; i >= 0 && months < lastMonths; i--) {
      const segment = segments[i] as Segment
      const take = Math.min(segment.to - segment.from + 1, lastMonths - months)
      total += take * segment.base
      months += take
    }
  }
  return months === 0 ? 0 : total / months
}

/** Leaving formal work for good: about half of those under 50 withdraw their BHXH as a lump sum a year later. */
function leaveFormalWork(
  random: Random,
  career: Career,
  end: number,
  birthIndex: number,
  asOf: number,
): CareerExit {
  const age = (end - birthIndex) / 12
  const claimMonth = end + 12 // the law makes them wait twelve months
  if (age < 50 && career.contributionMonths >= 12 && claimMonth <= asOf && random.chance(0.5)) {
    let lumpSum = 0
    const average = averageBase(career, Number.POSITIVE_INFINITY)
    for (const spell of career.spells) {
      for (const segment of spell.segments) {
        const years = (segment.to - segment.from + 1) / 12
        lumpSum += years * average * (segment.from >= monthIndex(2014, 1) ? 2 : 1.5)
      }
    }
    return { kind: 'withdrew', month: claimMonth, lumpSum: roundThousand(lumpSum) }
  }
  return { kind: 'stopped', month: end + 1 }
}

/** Pension from 15 (women) / 20 (men) years: 45 % plus 2 % per further year, at most 75 %; else a lump sum. */
function retire(career: Career, retirement: number, gender: 'male' | 'female'): CareerExit {
  const years = career.contributionMonths / 12
  const needed = retirement >= monthIndex(2025, 7) ? 15 : 20
  const average = averageBase(career, 60)
  if (years >= needed) {
    const rate = Math.min(0.75, 0.45 + 0.02 * Math.max(0, Math.floor(years) - (gender === 'male' ? 20 : 15)))
    return { kind: 'retired', month: retirement, pensionPerMonth: roundThousand(rate * average) }
  }
  return { kind: 'withdrew', month: retirement, lumpSum: roundThousand(2 * average * years) }
}

/** Months of one scheme inside a segment: unemployment and occupational insurance started later. */
export function clipFrom(from: number, start: number): number {
  return Math.max(from, start)
}
