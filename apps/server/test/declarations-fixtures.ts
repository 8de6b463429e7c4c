import {
  addMonths,
  formatMonth,
  formatPartialDate,
  formatThousands,
  type PartialDate,
  todayInVietnam,
  yyyymmOf,
} from '@ansinh/domain'
import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import type { Executor } from '../src/db/client'
import { employers, participationPeriods, people } from '../src/db/schema'
import { DeclarationColumn } from '../src/modules/integration/declarations-fields'
import { createRandom } from '../src/modules/registry/demo-population/prng'

/**
 * Declaration files (danh sách D02-LT) for tests: CSV and XLSX writers, and a generated month's list
 * drawn from the people and employers of a test database, with a share of faulty rows whose expected
 * report (row, column) is known.
 */

/** A row by column header; a column left out is an empty cell. */
export type DeclarationRow = Partial<Record<DeclarationColumn, string>>

export const declarationHeader: DeclarationColumn[] = Object.values(DeclarationColumn)

export function declarationsCsv(
  rows: DeclarationRow[],
  options: { delimiter?: ',' | ';'; bom?: boolean; header?: readonly string[] } = {},
): Buffer {
  const delimiter = options.delimiter ?? ','
  const header = options.header ?? declarationHeader
  const quote = (value: string) =>
    value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
  const lines = [header, ...rows.map((row) => header.map((column) => row[column as DeclarationColumn] ?? ''))]
  const text = lines.map((cells) => cells.map(quote).join(delimiter)).join('\r\n')
  return Buffer.from(`${options.bom ? '\uFEFF' : ''}${text}\r\n`, 'utf8')
}

/**
 * The same rows as a workbook, typed as an employer's spreadsheet would be: months as dates shown
 * mm/yyyy, amounts as numbers, identifiers as numbers (so Excel has dropped their leading zeros).
 */
export async function declarationsXlsx(rows: DeclarationRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('D02-LT')
  sheet.addRow(declarationHeader)
  for (const row of rows)
    sheet.addRow(
      declarationHeader.map((column) => {
        const value = row[column] ?? ''
        if (column === DeclarationColumn.Month && /^(0[1-9]|1[0-2])\/\d{4}$/.test(value))
          return new Date(Date.UTC(Number(value.slice(3)), Number(value.slice(0, 2)) - 1, 1))
        if (column === DeclarationColumn.ContributionBase && /^[\d.]+$/.test(value))
          return Number(value.replaceAll('.', ''))
        if (
          (column === DeclarationColumn.BhxhCode || column === DeclarationColumn.PersonalId) &&
          /^\d+$/.test(value)
        )
          return Number(value)
        return value
      }),
    )
  sheet.getColumn(declarationHeader.indexOf(DeclarationColumn.Month) + 1).numFmt = 'mm/yyyy'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A good row's person and employer, to check what applying it did. */
export type DeclarationSample = {
  personId: number
  employerId: number
  month: number
  contributionBase: number
}

export type GeneratedDeclarations = {
  rows: DeclarationRow[]
  month: number
  /** The faulty rows as the report must show them: sheet row (header = 1) and column. */
  faults: { rowNumber: number; column: DeclarationColumn }[]
  samples: { increase: DeclarationSample[]; decrease: DeclarationSample[]; adjust: DeclarationSample[] }
}

type Person = {
  id: number
  bhxhCode: string | null
  personalId: string | null
  fullName: string
  birthYear: number
  birthMonth: number | null
  birthDay: number | null
}

/**
 * `count` rows for the current month, each a different person: about a third decreases and a third
 * adjustments of periods open at an employer, the rest increases at an employer the person never
 * worked for, and `badShare` of the rows (spread evenly) with one fault each, of twelve kinds.
 * Needs a registry with enough people (seedDemo with ~1,500 people for 1,000 rows).
 */
export async function generatedDeclarations(
  db: Executor,
  options: { count: number; badShare: number; seed?: number },
): Promise<GeneratedDeclarations> {
  const random = createRandom(options.seed ?? 42)
  const month = yyyymmOf(todayInVietnam(new Date()))
  const everyone: Person[] = await db
    .select({
      id: people.id,
      bhxhCode: people.bhxhCode,
      personalId: people.personalId,
      fullName: people.fullName,
      birthYear: people.birthYear,
      birthMonth: people.birthMonth,
      birthDay: people.birthDay,
    })
    .from(people)
    .orderBy(people.id)
  const units = await db.select({ id: employers.id, unitCode: employers.unitCode }).from(employers)
  const worked = await db
    .selectDistinct({ personId: participationPeriods.personId, employerId: participationPeriods.employerId })
    .from(participationPeriods)
    .where(isNotNull(participationPeriods.employerId))
  const workedAt = new Set(worked.map((row) => `${row.personId}:${row.employerId}`))
  const open = await db
    .select({
      personId: participationPeriods.personId,
      employerId: participationPeriods.employerId,
      fromMonth: participationPeriods.fromMonth,
      contributionBase: participationPeriods.contributionBase,
    })
    .from(participationPeriods)
    .where(
      and(
        isNull(participationPeriods.toMonth),
        isNotNull(participationPeriods.employerId),
        eq(participationPeriods.scheme, 'compulsory_social'),
      ),
    )
  // One open job per person (the first found), started before this month so that it can be closed.
  const jobOf = new Map<number, { employerId: number; contributionBase: number }>()
  const openAt = new Map<string, number>()
  for (const period of open) {
    openAt.set(
      `${period.personId}:${period.employerId}`,
      (openAt.get(`${period.personId}:${period.employerId}`) ?? 0) + 1,
    )
    if (period.fromMonth < month && period.employerId !== null && !jobOf.has(period.personId))
      jobOf.set(period.personId, { employerId: period.employerId, contributionBase: period.contributionBase })
  }
  const unitOf = new Map(units.map((unit) => [unit.id, unit.unitCode]))
  const withJob = everyone.filter(
    (person) => jobOf.has(person.id) && openAt.get(`${person.id}:${jobOf.get(person.id)?.employerId}`) === 1,
  )
  const withoutJob = everyone.filter((person) => !jobOf.has(person.id))
  const badEvery = Math.round(1 / options.badShare)
  const badCount = Math.floor(options.count / badEvery)
  const goodCount = options.count - badCount
  const changes = Math.min(Math.floor((goodCount * 2) / 3), withJob.length)
  if (withoutJob.length + withJob.length - changes < goodCount - changes + badCount)
    throw new Error(`not enough people for ${options.count} declaration rows; seed more`)

  const result: GeneratedDeclarations = {
    rows: [],
    month,
    faults: [],
    samples: { increase: [], decrease: [], adjust: [] },
  }
  const spare = [...withoutJob, ...withJob.slice(changes)]
  const newEmployerFor = (person: Person) => {
    for (;;) {
      const unit = random.pick(units)
      if (!workedAt.has(`${person.id}:${unit.id}`)) return unit
    }
  }
  const base = () => random.int(5_000, 30_000) * 1_000
  let changed = 0
  let badKind = 0
  for (let index = 0; index < options.count; index++) {
    const rowNumber = index + 2
    if (index % badEvery === badEvery - 1) {
      const person = spare.pop()
      if (!person) throw new Error('ran out of people')
      const unit = newEmployerFor(person)
      const fault = faultyRow(badKind++ % 12, personRow(person, random), unit.unitCode, month, base())
      result.rows.push(fault.row)
      result.faults.push({ rowNumber, column: fault.column })
      continue
    }
    if (changed < changes) {
      const person = withJob[changed] as Person
      const job = jobOf.get(person.id) as { employerId: number; contributionBase: number }
      const unitCode = unitOf.get(job.employerId) as string
      const decrease = changed % 2 === 0
      changed++
      const contributionBase = decrease ? job.contributionBase : job.contributionBase + 500_000
      result.rows.push({
        ...personRow(person, random),
        [DeclarationColumn.UnitCode]: unitCode,
        [DeclarationColumn.Month]: formatMonth(month),
        [DeclarationColumn.Change]: decrease
          ? random.pick(['Giảm', 'GH', 'giam'])
          : random.pick(['Điều chỉnh', 'DC']),
        [DeclarationColumn.ContributionBase]: decrease ? '' : amountText(contributionBase, random),
      })
      result.samples[decrease ? 'decrease' : 'adjust'].push({
        personId: person.id,
        employerId: job.employerId,
        month,
        contributionBase,
      })
      continue
    }
    const person = spare.pop()
    if (!person) throw new Error('ran out of people')
    const unit = newEmployerFor(person)
    const contributionBase = base()
    result.rows.push({
      ...personRow(person, random),
      [DeclarationColumn.UnitCode]: unit.unitCode,
      [DeclarationColumn.Month]: formatMonth(month),
      [DeclarationColumn.Change]: random.pick(['Tăng', 'TM', 'tăng']),
      [DeclarationColumn.Position]: random.pick([
        'Công nhân may',
        'Kế toán viên',
        'Nhân viên kinh doanh',
        '',
      ]),
      [DeclarationColumn.ContributionBase]: amountText(contributionBase, random),
      [DeclarationColumn.Schemes]: random.pick(['', 'BHXH, BHYT, BHTN, BHTNLĐ-BNN', 'BHXH,BHYT']),
    })
    result.samples.increase.push({ personId: person.id, employerId: unit.id, month, contributionBase })
  }
  return result
}

function personRow(person: Person, random: ReturnType<typeof createRandom>): DeclarationRow {
  const birth: PartialDate = { year: person.birthYear }
  if (person.birthMonth !== null) birth.month = person.birthMonth
  if (person.birthMonth !== null && person.birthDay !== null) birth.day = person.birthDay
  const ids = random.int(0, 2)
  return {
    [DeclarationColumn.BhxhCode]: ids !== 1 ? (person.bhxhCode ?? '') : '',
    [DeclarationColumn.PersonalId]: ids !== 0 || !person.bhxhCode ? (person.personalId ?? '') : '',
    [DeclarationColumn.FullName]: random.chance(0.2) ? person.fullName.toUpperCase() : person.fullName,
    [DeclarationColumn.Birth]: formatPartialDate(birth),
  }
}

function amountText(amount: number, random: ReturnType<typeof createRandom>): string {
  const dotted = formatThousands(amount)
  return random.pick([dotted, dotted.replaceAll('.', ','), String(amount)])
}

/** An increase row spoilt in one way, and the column the report must name. */
function faultyRow(
  kind: number,
  person: DeclarationRow,
  unitCode: string,
  month: number,
  contributionBase: number,
): { row: DeclarationRow; column: DeclarationColumn } {
  const row: DeclarationRow = {
    ...person,
    [DeclarationColumn.UnitCode]: unitCode,
    [DeclarationColumn.Month]: formatMonth(month),
    [DeclarationColumn.Change]: 'Tăng',
    [DeclarationColumn.ContributionBase]: formatThousands(contributionBase),
  }
  const spoil = (column: DeclarationColumn, value: string) => ({ row: { ...row, [column]: value }, column })
  switch (kind) {
    case 0: // a BHXH code nobody has
      return {
        row: { ...row, [DeclarationColumn.BhxhCode]: '9999999999', [DeclarationColumn.PersonalId]: '' },
        column: DeclarationColumn.BhxhCode,
      }
    case 1:
      return spoil(DeclarationColumn.BhxhCode, '12345')
    case 2:
      return spoil(DeclarationColumn.FullName, 'Người Khác Hẳn')
    case 3: {
      const birth = row[DeclarationColumn.Birth] ?? ''
      return spoil(
        DeclarationColumn.Birth,
        birth.replace(/\d{4}$/, (year) => String(Number(year) - 1)),
      )
    }
    case 4:
      return spoil(DeclarationColumn.UnitCode, 'KHONGCO01')
    case 5:
      return spoil(DeclarationColumn.Month, formatMonth(addMonths(month, 2)))
    case 6:
      return spoil(DeclarationColumn.Month, '13/2025')
    case 7:
      return spoil(DeclarationColumn.ContributionBase, '1.000.000')
    case 8:
      return spoil(DeclarationColumn.Change, 'Chuyển đơn vị')
    case 9: // a decrease where the person does not work
      return spoil(DeclarationColumn.Change, 'Giảm')
    case 10:
      return spoil(DeclarationColumn.Schemes, 'BHXH, BHXX')
    default:
      return spoil(DeclarationColumn.Birth, '31/02/1990')
  }
}
