import type { ParticipationScheme } from '@ansinh/domain'
import { and, asc, gte, inArray, isNull, or, sql } from 'drizzle-orm'
import { arrayLiteral } from '../../db/array-literal'
import type { Executor } from '../../db/client'
import { employers, participationPeriods, people } from '../../db/schema'

/**
 * The registry's side of applying employers' declarations (D02-LT) in batches: a fixed number of
 * set-based statements whatever the batch's size, the rows travelling as one parameter (an array
 * literal or a JSON record set) rather than thousands of bound values, which both drivers and the
 * planner handle far faster. The rules that decide what changes live with the import
 * (integration/declarations-apply.ts); this file only reads, locks and writes.
 */

export type DeclaringEmployer = { id: number; unitCode: string; status: string }

export type DeclaredPerson = {
  id: number
  bhxhCode: string | null
  personalId: string | null
  foldedName: string
  birthYear: number
  birthMonth: number | null
  birthDay: number | null
}

/** A participation period at an employer, as stored (quá trình tham gia). */
export type EmployerPeriod = {
  id: number
  personId: number
  employerId: number
  scheme: ParticipationScheme
  fromMonth: number
  toMonth: number | null
  position: string | null
  contributionBase: number
}
export type NewEmployerPeriod = Omit<EmployerPeriod, 'id'>
export type PeriodChange = Pick<EmployerPeriod, 'id' | 'toMonth' | 'position' | 'contributionBase'>

/**
 * The employers with these unit codes, locked in id order: two imports for the same employer apply one
 * after the other, so neither works from periods the other is changing. `no key update` leaves
 * foreign-key checks of other writers unblocked.
 */
export async function lockEmployersByUnitCode(
  tx: Executor,
  unitCodes: string[],
): Promise<Map<string, DeclaringEmployer>> {
  if (unitCodes.length === 0) return new Map()
  const rows = await tx
    .select({ id: employers.id, unitCode: employers.unitCode, status: employers.status })
    .from(employers)
    .where(inArray(employers.unitCode, unitCodes))
    .orderBy(asc(employers.id))
    .for('no key update')
  return new Map(rows.map((row) => [row.unitCode, row]))
}

/** The people with any of these BHXH codes or personal IDs (checked to be digits), in one query. */
export async function findPeopleByIdentifiers(
  db: Executor,
  query: { bhxhCodes: string[]; personalIds: string[] },
): Promise<DeclaredPerson[]> {
  const conditions = [
    ...(query.bhxhCodes.length > 0
      ? [sql`${people.bhxhCode} = any(${arrayLiteral(query.bhxhCodes)}::bpchar[])`]
      : []),
    ...(query.personalIds.length > 0
      ? [sql`${people.personalId} = any(${arrayLiteral(query.personalIds)}::bpchar[])`]
      : []),
  ]
  if (conditions.length === 0) return []
  return db
    .select({
      id: people.id,
      bhxhCode: people.bhxhCode,
      personalId: people.personalId,
      foldedName: people.foldedName,
      birthYear: people.birthYear,
      birthMonth: people.birthMonth,
      birthDay: people.birthDay,
    })
    .from(people)
    .where(or(...conditions))
}

/**
 * The periods of these people at these employers that are open or reach `fromMonth`, locked, oldest
 * first. Older periods cannot matter to a declaration of `fromMonth` or later.
 */
export async function lockEmployerPeriods(
  tx: Executor,
  query: { personIds: number[]; employerIds: number[]; fromMonth: number },
): Promise<EmployerPeriod[]> {
  if (query.personIds.length === 0 || query.employerIds.length === 0) return []
  const rows = await tx
    .select({
      id: participationPeriods.id,
      personId: participationPeriods.personId,
      employerId: participationPeriods.employerId,
      scheme: participationPeriods.scheme,
      fromMonth: participationPeriods.fromMonth,
      toMonth: participationPeriods.toMonth,
      position: participationPeriods.position,
      contributionBase: participationPeriods.contributionBase,
    })
    .from(participationPeriods)
    .where(
      and(
        sql`${participationPeriods.personId} = any(${arrayLiteral(query.personIds)}::bigint[])`,
        sql`${participationPeriods.employerId} = any(${arrayLiteral(query.employerIds)}::bigint[])`,
        or(isNull(participationPeriods.toMonth), gte(participationPeriods.toMonth, query.fromMonth)),
      ),
    )
    .orderBy(asc(participationPeriods.fromMonth), asc(participationPeriods.id))
    .for('update')
  return rows.flatMap((row) => (row.employerId === null ? [] : [{ ...row, employerId: row.employerId }]))
}

/** New periods and changes to existing ones, each set in one statement whatever its size. */
export async function writeEmployerPeriods(
  tx: Executor,
  periods: { added: NewEmployerPeriod[]; changed: PeriodChange[] },
): Promise<void> {
  if (periods.added.length > 0) {
    const rows = periods.added.map((period) => ({
      person_id: period.personId,
      scheme: period.scheme,
      from_month: period.fromMonth,
      to_month: period.toMonth,
      employer_id: period.employerId,
      position: period.position,
      contribution_base: period.contributionBase,
    }))
    await tx.execute(sql`
      insert into ${participationPeriods}
        (person_id, scheme, from_month, to_month, employer_id, position, contribution_base)
      select person_id, scheme, from_month, to_month, employer_id, position, contribution_base
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
        person_id bigint, scheme text, from_month integer, to_month integer, employer_id bigint,
        position text, contribution_base bigint)`)
  }
  if (periods.changed.length > 0) {
    const rows = periods.changed.map((period) => ({
      id: period.id,
      to_month: period.toMonth,
      position: period.position,
      contribution_base: period.contributionBase,
    }))
    await tx.execute(sql`
      update ${participationPeriods} as p
      set to_month = v.to_month, position = v.position, contribution_base = v.contribution_base
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as v(id bigint, to_month integer, position text, contribution_base bigint)
      where p.id = v.id`)
  }
}
