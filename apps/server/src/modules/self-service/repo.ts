import { and, desc, eq, gte, lt, ne, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import {
  benefits,
  citizenAccounts,
  employers,
  healthCards,
  medicalFacilities,
  medicalVisits,
  offices,
  participationPeriods,
  people,
} from '../../db/schema'

/**
 * Reads of one person's own record, always by the person id the session (or a child account the
 * session holds) resolved to: nothing here takes an identifier a caller typed.
 */

// What the parent's list of children shows of each child.
const childColumns = {
  bhxhCode: people.bhxhCode,
  fullName: people.fullName,
  birthYear: people.birthYear,
  birthMonth: people.birthMonth,
  birthDay: people.birthDay,
  gender: people.gender,
}

/** The person behind a signed-in account, and whether it is a child's account. */
export async function findAccountPerson(db: Executor, accountId: number) {
  const [row] = await db
    .select({ personId: citizenAccounts.personId, guardianAccountId: citizenAccounts.guardianAccountId })
    .from(citizenAccounts)
    .where(eq(citizenAccounts.id, accountId))
  return row ?? null
}

const liveChildOf = (parentAccountId: number) =>
  and(eq(citizenAccounts.guardianAccountId, parentAccountId), ne(citizenAccounts.status, 'stopped'))

/** The children's accounts a parent holds (stopped ones are gone from the parent's view). */
export function findChildren(db: Executor, parentAccountId: number) {
  return db
    .select({ accountId: citizenAccounts.id, person: childColumns })
    .from(citizenAccounts)
    .innerJoin(people, eq(people.id, citizenAccounts.personId))
    .where(liveChildOf(parentAccountId))
    .orderBy(citizenAccounts.id)
}

/** The person of one child account, only when `parentAccountId` holds it. */
export async function findChildPersonId(db: Executor, parentAccountId: number, childAccountId: number) {
  const [row] = await db
    .select({ personId: citizenAccounts.personId })
    .from(citizenAccounts)
    .where(and(eq(citizenAccounts.id, childAccountId), liveChildOf(parentAccountId)))
  return row?.personId ?? null
}

/** Every card of the person, the latest first (a handful at most: one per re-issue). */
export function findHealthCards(db: Executor, personId: number) {
  return db
    .select({
      card: healthCards,
      facilityName: medicalFacilities.name,
      officeName: offices.name,
    })
    .from(healthCards)
    .leftJoin(medicalFacilities, eq(medicalFacilities.code, healthCards.primaryFacilityCode))
    .leftJoin(offices, eq(offices.code, healthCards.issuingOfficeCode))
    .where(eq(healthCards.personId, personId))
    .orderBy(desc(healthCards.validFrom), desc(healthCards.id))
}

/** All periods of every scheme, newest first: one index range scan on `participation_person_idx`. */
export function findParticipation(db: Executor, personId: number) {
  return db
    .select({
      scheme: participationPeriods.scheme,
      fromMonth: participationPeriods.fromMonth,
      toMonth: participationPeriods.toMonth,
      position: participationPeriods.position,
      contributionBase: participationPeriods.contributionBase,
      owedAmount: participationPeriods.owedAmount,
      employerCode: employers.unitCode,
      employerName: employers.name,
    })
    .from(participationPeriods)
    .leftJoin(employers, eq(employers.id, participationPeriods.employerId))
    .where(eq(participationPeriods.personId, personId))
    .orderBy(desc(participationPeriods.fromMonth), participationPeriods.scheme)
}

export function findBenefits(db: Executor, personId: number) {
  return db
    .select({ benefit: benefits, officeName: offices.name })
    .from(benefits)
    .leftJoin(offices, eq(offices.code, benefits.officeCode))
    .where(eq(benefits.personId, personId))
    .orderBy(desc(benefits.fromDate), desc(benefits.id))
}

export function findMedicalVisits(db: Executor, personId: number, range: { from: Date; to: Date }) {
  return db
    .select({ visit: medicalVisits, facilityName: medicalFacilities.name })
    .from(medicalVisits)
    .leftJoin(medicalFacilities, eq(medicalFacilities.code, medicalVisits.facilityCode))
    .where(
      and(
        eq(medicalVisits.personId, personId),
        gte(medicalVisits.admittedAt, range.from),
        lt(medicalVisits.admittedAt, range.to),
      ),
    )
    .orderBy(desc(medicalVisits.admittedAt), desc(medicalVisits.id))
}

/** The calendar years (Vietnam time, UTC+7 all year) with at least one visit, newest first. */
export async function findVisitYears(db: Executor, personId: number): Promise<number[]> {
  const year = sql<number>`extract(year from ${medicalVisits.admittedAt} at time zone 'UTC' + interval '7 hours')::int`
  const rows = await db
    .selectDistinct({ year })
    .from(medicalVisits)
    .where(eq(medicalVisits.personId, personId))
    .orderBy(desc(year))
  return rows.map((row) => row.year)
}
