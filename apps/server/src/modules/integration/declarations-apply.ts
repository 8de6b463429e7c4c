import { createHash } from 'node:crypto'
import {
  addMonths,
  foldVietnamese,
  formatMonth,
  type ParticipationScheme,
  type RowError,
  todayInVietnam,
  yyyymmOf,
} from '@ansinh/domain'
import { sql } from 'drizzle-orm'
import { arrayLiteral } from '../../db/array-literal'
import type { Executor } from '../../db/client'
import { appliedDeclarationRows } from '../../db/schema'
import {
  type DeclaredPerson,
  type DeclaringEmployer,
  findPeopleByIdentifiers,
  lockEmployerPeriods,
  lockEmployersByUnitCode,
  type NewEmployerPeriod,
  writeEmployerPeriods,
} from '../registry/service'
import { DeclarationColumn, type DeclarationFields, employeeSchemes } from './declarations-fields'
import type { BatchOutcome, ImportContext } from './import-format'

/**
 * Applies a batch of declaration rows to the participation periods, with a fixed number of queries
 * whatever the batch's size: lock the batch's employers, load its people, the row keys already
 * applied and the periods at stake, work every row out in memory (in file order, so a later row sees
 * an earlier one), then one insert, one update and one insert of row keys.
 *
 * The rules (see declarations-format.md):
 * - Tăng opens a period from the declared month for each scheme, with the base and position. It is
 *   refused when the person already has an open period of that scheme at the same employer, or a
 *   recorded one reaching the month. Periods at other employers are left alone: a person may lawfully
 *   work under two labour contracts, and an employer's file never changes another employer's record
 *   (that employer sends its own Giảm).
 * - Giảm closes the open period at this employer at the month before the declared one.
 * - Điều chỉnh closes the open period at the month before and opens one from the declared month with the
 *   new base (and position, kept when the cell is empty); from the period's own first month it corrects
 *   that period in place.
 * A row is applied whole or not at all: one scheme that cannot be changed refuses the row.
 */

const schemeLabels: Record<ParticipationScheme, string> = {
  compulsory_social: 'BHXH',
  voluntary_social: 'BHXH tự nguyện',
  unemployment: 'BHTN',
  occupational: 'BHTNLĐ-BNN',
  health: 'BHYT',
}

export const PERSON_NOT_FOUND =
  'Không tìm thấy người tham gia trong cơ sở dữ liệu; đề nghị đơn vị lập hồ sơ cấp mã số BHXH.'

export const NOT_THE_SENDER = 'Mã đơn vị không phải của đơn vị gửi tệp.'

type Row = { rowNumber: number; fields: DeclarationFields }
type Employer = DeclaringEmployer
type Person = DeclaredPerson
/** A period as the batch sees it: `id` null until inserted; `changed` once an existing one is edited. */
type Period = NewEmployerPeriod & { id: number | null; changed: boolean }

export async function applyDeclarations(
  tx: Executor,
  rows: Row[],
  context: ImportContext,
): Promise<BatchOutcome> {
  const errors: RowError[] = []
  const refuse = (row: Row, column: string, reason: string) =>
    errors.push({ rowNumber: row.rowNumber, column, reason })
  const currentMonth = yyyymmOf(todayInVietnam(context.now))

  const candidates = rows.filter((row) => {
    // A file an employer sends with its own key may only declare its own employees.
    if (context.employerUnitCode !== null && row.fields.unitCode !== context.employerUnitCode) {
      refuse(row, DeclarationColumn.UnitCode, NOT_THE_SENDER)
      return false
    }
    if (row.fields.month <= currentMonth) return true
    refuse(row, DeclarationColumn.Month, `Tháng ${formatMonth(row.fields.month)} chưa đến.`)
    return false
  })
  const employerOf = await lockEmployersByUnitCode(tx, unique(candidates.map((row) => row.fields.unitCode)))
  const personOf = await loadPeople(tx, candidates)

  // Each row resolved to its employer and person, with the key that makes it idempotent.
  const resolved: { row: Row; employer: Employer; person: Person; key: string }[] = []
  for (const row of candidates) {
    const { fields } = row
    const employer = employerOf.get(fields.unitCode)
    if (!employer) {
      refuse(row, DeclarationColumn.UnitCode, `Không tìm thấy đơn vị có mã ${fields.unitCode}.`)
      continue
    }
    const person = matchPerson(fields, personOf)
    if ('column' in person) {
      refuse(row, person.column, person.reason)
      continue
    }
    resolved.push({ row, employer, person, key: rowKey(fields, person.id) })
  }

  const applied = await appliedKeys(
    tx,
    resolved.map((item) => item.key),
  )
  const periods = await lockPeriods(
    tx,
    unique(resolved.map((item) => item.person.id)),
    unique(resolved.map((item) => item.employer.id)),
    Math.min(...resolved.map((item) => item.row.fields.month)),
  )

  let appliedRows = 0
  let unchanged = 0
  const newKeys: string[] = []
  for (const { row, employer, person, key } of resolved) {
    if (applied.has(key)) {
      unchanged++
      continue
    }
    const fault = applyRow(row.fields, employer, person.id, periods)
    if (fault) {
      refuse(row, fault.column, fault.reason)
      continue
    }
    applied.add(key)
    newKeys.push(key)
    appliedRows++
  }

  await writePeriods(tx, [...periods.values()].flat())
  if (newKeys.length > 0)
    await tx.execute(sql`
      insert into ${appliedDeclarationRows} (row_key, import_id)
      select unnest(${arrayLiteral(newKeys)}::text[]), ${context.importId}::bigint
      on conflict do nothing`)
  return { applied: appliedRows, unchanged, errors }
}

// ---------------------------------------------------------------------------------------------
// The rules, in memory

type Fault = { column: string; reason: string }

const periodKey = (personId: number, employerId: number, scheme: ParticipationScheme) =>
  `${personId}:${employerId}:${scheme}`

/** Changes `periods` as the row declares, or answers why it cannot (and then changes nothing). */
function applyRow(
  fields: DeclarationFields,
  employer: Employer,
  personId: number,
  periods: Map<string, Period[]>,
): Fault | null {
  const month = fields.month
  const at = (scheme: ParticipationScheme) => periods.get(periodKey(personId, employer.id, scheme)) ?? []
  const openAt = (scheme: ParticipationScheme) => at(scheme).find((period) => period.toMonth === null)
  const edits: (() => void)[] = []

  if (fields.change === 'increase') {
    if (employer.status === 'closed')
      return {
        column: DeclarationColumn.UnitCode,
        reason: `Đơn vị ${employer.unitCode} đã chấm dứt hoạt động.`,
      }
    for (const scheme of fields.schemes ?? employeeSchemes) {
      const open = openAt(scheme)
      if (open)
        return {
          column: DeclarationColumn.Change,
          reason:
            `Người lao động đang tham gia ${schemeLabels[scheme]} tại đơn vị từ tháng ` +
            `${formatMonth(open.fromMonth)}; để đổi mức đóng, khai "Điều chỉnh".`,
        }
      const overlap = at(scheme).find((period) => (period.toMonth ?? month) >= month)
      if (overlap)
        return {
          column: DeclarationColumn.Month,
          reason:
            `Tháng ${formatMonth(month)} trùng với thời gian tham gia ${schemeLabels[scheme]} đã ghi nhận ` +
            `tại đơn vị (${formatMonth(overlap.fromMonth)}–${formatMonth(overlap.toMonth ?? month)}).`,
        }
      edits.push(() => addPeriod(periods, newPeriod(fields, employer.id, personId, scheme)))
    }
  } else {
    const schemes = fields.schemes ?? employeeSchemes.filter((scheme) => openAt(scheme) !== undefined)
    const verb = fields.change === 'decrease' ? 'báo giảm' : 'điều chỉnh'
    if (schemes.length === 0)
      return {
        column: DeclarationColumn.Change,
        reason: `Người lao động không đang tham gia tại đơn vị để ${verb}.`,
      }
    for (const scheme of schemes) {
      const open = openAt(scheme)
      if (!open)
        return {
          column: DeclarationColumn.Change,
          reason: `Người lao động không đang tham gia ${schemeLabels[scheme]} tại đơn vị để ${verb}.`,
        }
      if (fields.change === 'decrease') {
        if (open.fromMonth >= month)
          return {
            column: DeclarationColumn.Month,
            reason: `Tháng báo giảm phải sau tháng bắt đầu tham gia (${formatMonth(open.fromMonth)}).`,
          }
        edits.push(() => edit(open, { toMonth: addMonths(month, -1) }))
      } else {
        if (open.fromMonth > month)
          return {
            column: DeclarationColumn.Month,
            reason: `Tháng điều chỉnh không được trước tháng bắt đầu tham gia (${formatMonth(open.fromMonth)}).`,
          }
        const position = fields.position ?? open.position
        const contributionBase = fields.contributionBase ?? open.contributionBase
        if (open.fromMonth === month) edits.push(() => edit(open, { position, contributionBase }))
        else
          edits.push(() => {
            edit(open, { toMonth: addMonths(month, -1) })
            addPeriod(periods, {
              ...newPeriod(fields, employer.id, personId, scheme),
              position,
              contributionBase,
            })
          })
      }
    }
  }
  for (const apply of edits) apply()
  return null
}

function newPeriod(
  fields: DeclarationFields,
  employerId: number,
  personId: number,
  scheme: ParticipationScheme,
): Period {
  return {
    id: null,
    personId,
    employerId,
    scheme,
    fromMonth: fields.month,
    toMonth: null,
    position: fields.position,
    contributionBase: fields.contributionBase ?? 0,
    changed: false,
  }
}

function addPeriod(periods: Map<string, Period[]>, period: Period): void {
  const key = periodKey(period.personId, period.employerId, period.scheme)
  periods.set(key, [...(periods.get(key) ?? []), period])
}

function edit(period: Period, change: Partial<Pick<Period, 'toMonth' | 'position' | 'contributionBase'>>) {
  Object.assign(period, change, { changed: period.id !== null })
}

// ---------------------------------------------------------------------------------------------
// Matching a row to the registry

/**
 * The person a row names. Either identifier finds them; when both are given they must be the same
 * person's (or the record lacks the other). The name must match after folding and the date of birth
 * at the precision both have (a year-only record matches 15/03/1990 if the year is 1990).
 */
function matchPerson(
  fields: DeclarationFields,
  personOf: Map<string, Person>,
): Person | { column: string; reason: string } {
  const byBhxh = fields.bhxhCode ? personOf.get(`b:${fields.bhxhCode}`) : undefined
  const byPersonalId = fields.personalId ? personOf.get(`p:${fields.personalId}`) : undefined
  const person = byBhxh ?? byPersonalId
  const idColumn = fields.bhxhCode ? DeclarationColumn.BhxhCode : DeclarationColumn.PersonalId
  if (!person) return { column: idColumn, reason: PERSON_NOT_FOUND }
  if (
    (byBhxh && byPersonalId && byBhxh.id !== byPersonalId.id) ||
    (fields.personalId && person.personalId !== null && person.personalId !== fields.personalId) ||
    (fields.bhxhCode && person.bhxhCode !== null && person.bhxhCode !== fields.bhxhCode)
  )
    return {
      column: DeclarationColumn.PersonalId,
      reason: 'Mã số BHXH và số định danh cá nhân không thuộc cùng một người.',
    }
  if (foldVietnamese(fields.fullName) !== person.foldedName)
    return {
      column: DeclarationColumn.FullName,
      reason: 'Họ và tên không khớp với hồ sơ của người tham gia.',
    }
  const { year, month, day } = fields.birth
  if (
    year !== person.birthYear ||
    (month !== undefined && person.birthMonth !== null && month !== person.birthMonth) ||
    (day !== undefined && person.birthDay !== null && day !== person.birthDay)
  )
    return { column: DeclarationColumn.Birth, reason: 'Ngày sinh không khớp với hồ sơ của người tham gia.' }
  return person
}

/**
 * SHA-256 of what the row declares, the person taken by registry id (so the same row written with the
 * BHXH code or the CCCD number is one row): the same declaration in any later file changes nothing,
 * while a corrected one (another base) is a new row, checked against the record as it then stands.
 */
function rowKey(fields: DeclarationFields, personId: number): string {
  const identity = [
    fields.unitCode,
    fields.month,
    personId,
    fields.change,
    fields.schemes?.join('+') ?? '',
    fields.contributionBase ?? '',
    foldVietnamese(fields.position ?? ''),
  ]
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex')
}

// ---------------------------------------------------------------------------------------------
// Queries (a fixed number per batch)

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

async function appliedKeys(tx: Executor, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const rows = await tx
    .select({ rowKey: appliedDeclarationRows.rowKey })
    .from(appliedDeclarationRows)
    .where(sql`${appliedDeclarationRows.rowKey} = any(${arrayLiteral(unique(keys))}::bpchar[])`)
  return new Set(rows.map((row) => row.rowKey))
}

/** The batch's people by either identifier, keyed `b:<BHXH code>` and `p:<personal ID>`. */
async function loadPeople(tx: Executor, rows: Row[]): Promise<Map<string, Person>> {
  const found = await findPeopleByIdentifiers(tx, {
    bhxhCodes: unique(rows.flatMap((row) => (row.fields.bhxhCode ? [row.fields.bhxhCode] : []))),
    personalIds: unique(rows.flatMap((row) => (row.fields.personalId ? [row.fields.personalId] : []))),
  })
  const byKey = new Map<string, Person>()
  for (const person of found) {
    if (person.bhxhCode) byKey.set(`b:${person.bhxhCode}`, person)
    if (person.personalId) byKey.set(`p:${person.personalId}`, person)
  }
  return byKey
}

/** The periods a row of the batch can touch or collide with, locked, by person, employer and scheme. */
async function lockPeriods(
  tx: Executor,
  personIds: number[],
  employerIds: number[],
  fromMonth: number,
): Promise<Map<string, Period[]>> {
  const grouped = new Map<string, Period[]>()
  for (const period of await lockEmployerPeriods(tx, { personIds, employerIds, fromMonth }))
    addPeriod(grouped, { ...period, changed: false })
  return grouped
}

async function writePeriods(tx: Executor, periods: Period[]): Promise<void> {
  await writeEmployerPeriods(tx, {
    added: periods.flatMap(({ id, changed, ...period }) => (id === null ? [period] : [])),
    changed: periods.flatMap(({ id, toMonth, position, contributionBase, changed }) =>
      id !== null && changed ? [{ id, toMonth, position, contributionBase }] : [],
    ),
  })
}
