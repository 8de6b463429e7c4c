import { type ContactField, contactFields, type Gender, type PartialDate } from '@ansinh/domain'
import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../db/client'
import { employers, healthCards, medicalVisits, people } from '../../db/schema'

/** What other modules may read of the registry (mã số BHXH → the insured person's record). */

export type RegistryPerson = {
  id: number
  bhxhCode: string | null
  personalId: string | null
  fullName: string
  phone: string | null
  email: string | null
  provinceCode: string
  /** Date of birth to the precision the record holds (năm sinh, or tháng/năm, or the full date). */
  birth: PartialDate
}

const personColumns = {
  id: people.id,
  bhxhCode: people.bhxhCode,
  personalId: people.personalId,
  fullName: people.fullName,
  phone: people.phone,
  email: people.email,
  provinceCode: people.provinceCode,
  birthYear: people.birthYear,
  birthMonth: people.birthMonth,
  birthDay: people.birthDay,
}

type PersonRow = { birthYear: number; birthMonth: number | null; birthDay: number | null }

/** A record's date of birth to the precision it holds. */
export function birthOfRecord({ birthYear, birthMonth, birthDay }: PersonRow): PartialDate {
  return {
    year: birthYear,
    ...(birthMonth === null ? {} : { month: birthMonth }),
    ...(birthDay === null ? {} : { day: birthDay }),
  }
}

function withBirth<T extends PersonRow>({ birthYear, birthMonth, birthDay, ...rest }: T) {
  return { ...rest, birth: birthOfRecord({ birthYear, birthMonth, birthDay }) }
}

export async function findPersonByBhxhCode(db: Executor, bhxhCode: string): Promise<RegistryPerson | null> {
  const [person] = await db.select(personColumns).from(people).where(eq(people.bhxhCode, bhxhCode))
  return person ? withBirth(person) : null
}

/** The contact data the registry holds for a person (thông tin liên hệ), as a change of information edits it. */
export type ContactData = {
  phone: string | null
  email: string | null
  addressCodeSet: (typeof people.$inferSelect)['addressCodeSet']
  provinceCode: string
  districtCode: string | null
  communeCode: string | null
  street: string | null
}

/** The columns behind each contact field a change of information may ask for. */
const contactFieldColumns: Record<ContactField, ReadonlyArray<keyof ContactData>> = {
  phone: ['phone'],
  email: ['email'],
  address: ['addressCodeSet', 'provinceCode', 'districtCode', 'communeCode', 'street'],
}

// A dossier's not-null columns hold '' where the registry holds nothing: both mean "none".
const contactValue = (data: ContactData | null, column: keyof ContactData) => data?.[column] || null

/** Which contact fields differ between two versions of a person's contact data. */
export function changedContactFields(before: ContactData | null, after: ContactData): ContactField[] {
  return contactFields.filter((field) =>
    contactFieldColumns[field].some((column) => contactValue(before, column) !== contactValue(after, column)),
  )
}

/** The columns of `fields`, taken from `data`: what a change of information writes. */
export function contactColumnsOf(fields: ContactField[], data: ContactData): Partial<ContactData> {
  const columns = fields.flatMap((field) => contactFieldColumns[field])
  return Object.fromEntries(columns.map((column) => [column, data[column] === '' ? null : data[column]]))
}

/** The contact data of any record that holds it (a person, a dossier), without the rest. */
export function contactDataOf(record: ContactData): ContactData {
  const { phone, email, addressCodeSet, provinceCode, districtCode, communeCode, street } = record
  return { phone, email, addressCodeSet, provinceCode, districtCode, communeCode, street }
}

/** An account holder's record: who they are, their ID documents and how to reach them. */
export type RegistryContact = RegistryPerson &
  ContactData & {
    legacyIdNumber: string | null
    passportNumber: string | null
    gender: (typeof people.$inferSelect)['gender']
  }

export async function findPersonById(db: Executor, id: number): Promise<RegistryContact | null> {
  const [person] = await db
    .select({
      ...personColumns,
      legacyIdNumber: people.legacyIdNumber,
      passportNumber: people.passportNumber,
      gender: people.gender,
      addressCodeSet: people.addressCodeSet,
      districtCode: people.districtCode,
      communeCode: people.communeCode,
      street: people.street,
    })
    .from(people)
    .where(eq(people.id, id))
  return person ? withBirth(person) : null
}

export async function updatePersonContact(db: Executor, id: number, contact: Partial<ContactData>, at: Date) {
  await db
    .update(people)
    .set({ ...contact, updatedAt: at })
    .where(eq(people.id, id))
}

/**
 * A record's date of birth agrees with a date someone typed: every part the record holds is typed and
 * equal (a record with only the year matches any date in that year; a full record needs the full date).
 */
function birthAgrees(birth: PartialDate) {
  const part = (column: typeof people.birthMonth | typeof people.birthDay, value: number | undefined) =>
    value === undefined ? isNull(column) : or(isNull(column), eq(column, value))
  return and(
    eq(people.birthYear, birth.year),
    part(people.birthMonth, birth.month),
    part(people.birthDay, birth.day),
  )
}

type NameAndBirthQuery = {
  provinceCodes: string[]
  foldedName: string
  birth: PartialDate
  gender?: Gender | undefined
  personalId?: string | undefined
}

/**
 * People with a BHXH code whose folded name and date of birth are exactly these, in one of the
 * province codes (tra cứu mã số BHXH): an index range on `people_lookup_idx` per code. At most
 * `limit` rows: the caller only needs to know one from several. The statement itself, so that a
 * benchmark can EXPLAIN it.
 */
export function peopleByNameAndBirth(db: Executor, query: NameAndBirthQuery, limit = 2) {
  return db
    .select({
      id: people.id,
      bhxhCode: people.bhxhCode,
      fullName: people.fullName,
      birthYear: people.birthYear,
    })
    .from(people)
    .where(
      and(
        inArray(people.provinceCode, query.provinceCodes),
        eq(people.foldedName, query.foldedName),
        birthAgrees(query.birth),
        isNotNull(people.bhxhCode),
        query.gender === undefined ? undefined : eq(people.gender, query.gender),
        query.personalId === undefined ? undefined : eq(people.personalId, query.personalId),
      ),
    )
    .limit(limit)
}

export async function findPeopleByNameAndBirth(
  db: Executor,
  query: NameAndBirthQuery,
): Promise<{ id: number; bhxhCode: string; fullName: string; birthYear: number }[]> {
  const rows = await peopleByNameAndBirth(db, query)
  return rows.flatMap((row) => (row.bhxhCode === null ? [] : [{ ...row, bhxhCode: row.bhxhCode }]))
}

/**
 * Whether a record is this name and date of birth (folded name, birth by `birthAgrees`' rule), the
 * record named by its BHXH code or by its personal ID (số định danh cá nhân).
 */
export async function findPersonByCodeNameAndBirth(
  db: Executor,
  query: ({ bhxhCode: string } | { personalId: string }) & { foldedName: string; birth: PartialDate },
): Promise<{ id: number } | null> {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        'personalId' in query ? eq(people.personalId, query.personalId) : eq(people.bhxhCode, query.bhxhCode),
        eq(people.foldedName, query.foldedName),
        birthAgrees(query.birth),
      ),
    )
  return row ?? null
}

/** A card holder as an import checks them: who, to compare the name and birth a file gives. */
export type CardHolder = {
  id: number
  personalId: string | null
  fullName: string
  birth: PartialDate
  gender: Gender
}

/**
 * The holders of these BHYT card numbers (the 10-digit number, which is the BHXH code: a legacy
 * 15-character number ends with it) and the people with these personal IDs, for a whole batch of
 * an import in two indexed queries (`health_cards_number_idx`, `people_personal_id_uq`).
 */
export async function findCardHolders(
  db: Executor,
  query: { cardNumbers: string[]; personalIds: string[] },
): Promise<{ byCard: Map<string, CardHolder>; byPersonalId: Map<string, CardHolder> }> {
  const columns = {
    id: people.id,
    personalId: people.personalId,
    fullName: people.fullName,
    gender: people.gender,
    birthYear: people.birthYear,
    birthMonth: people.birthMonth,
    birthDay: people.birthDay,
  }
  const cardNumbers = [...new Set(query.cardNumbers)]
  const personalIds = [...new Set(query.personalIds)]
  const cardRows =
    cardNumbers.length === 0
      ? []
      : await db
          .selectDistinct({ ...columns, cardNumber: healthCards.cardNumber })
          .from(healthCards)
          .innerJoin(people, eq(people.id, healthCards.personId))
          .where(inArray(healthCards.cardNumber, cardNumbers))
  const idRows =
    personalIds.length === 0
      ? []
      : await db.select(columns).from(people).where(inArray(people.personalId, personalIds))
  const holder = (row: (typeof idRows)[number]): CardHolder => ({
    id: row.id,
    personalId: row.personalId,
    fullName: row.fullName,
    gender: row.gender,
    birth: birthOfRecord(row),
  })
  return {
    byCard: new Map(cardRows.map((row) => [row.cardNumber, holder(row)])),
    byPersonalId: new Map(
      idRows.flatMap((row) => (row.personalId === null ? [] : [[row.personalId, holder(row)] as const])),
    ),
  }
}

/** The BHXH code and name of the person with this personal ID (số định danh cá nhân), or null. */
export async function findPersonByPersonalId(
  db: Executor,
  personalId: string,
): Promise<{ bhxhCode: string | null; fullName: string } | null> {
  const [row] = await db
    .select({ bhxhCode: people.bhxhCode, fullName: people.fullName })
    .from(people)
    .where(eq(people.personalId, personalId))
  return row ?? null
}

/** The BHXH code of the person with this personal ID (số định danh cá nhân), or null. */
export async function bhxhCodeOfPersonalId(db: Executor, personalId: string): Promise<string | null> {
  return (await findPersonByPersonalId(db, personalId))?.bhxhCode ?? null
}

export type NewMedicalVisit = typeof medicalVisits.$inferInsert

/**
 * Claims received from facilities become visits of the medical-visit book; a claim already there
 * (same facility and MA_LK) is left as it is. Answers how many were new.
 */
export async function recordMedicalVisits(db: Executor, visits: NewMedicalVisit[]): Promise<number> {
  if (visits.length === 0) return 0
  // The rows travel as one JSON parameter rather than eleven bound values each: for a batch of 500
  // claims both drivers and the planner handle one parameter far faster than 5,500.
  const rows = visits.map((visit) => ({
    person_id: visit.personId,
    facility_code: visit.facilityCode,
    claim_key: visit.claimKey,
    visit_type: visit.visitType,
    admitted_at: visit.admittedAt.toISOString(),
    discharged_at: visit.dischargedAt?.toISOString() ?? null,
    diagnosis_code: visit.diagnosisCode,
    diagnosis_name: visit.diagnosisName,
    total_cost: visit.totalCost,
    fund_paid: visit.fundPaid,
    patient_paid: visit.patientPaid,
  }))
  const inserted = await queryRows<{ id: number }>(
    db,
    sql`insert into ${medicalVisits} (person_id, facility_code, claim_key, visit_type, admitted_at,
        discharged_at, diagnosis_code, diagnosis_name, total_cost, fund_paid, patient_paid)
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(person_id bigint,
        facility_code text, claim_key text, visit_type text, admitted_at timestamptz,
        discharged_at timestamptz, diagnosis_code text, diagnosis_name text, total_cost bigint,
        fund_paid bigint, patient_paid bigint)
      on conflict (facility_code, claim_key) where claim_key is not null do nothing
      returning id`,
  )
  return inserted.length
}

/** Whether an employer unit (đơn vị) with this code is on record, whatever its status. */
export async function employerExists(db: Executor, unitCode: string): Promise<boolean> {
  const [row] = await db
    .select({ id: employers.id })
    .from(employers)
    .where(eq(employers.unitCode, unitCode))
    .limit(1)
  return row !== undefined
}

export {
  type DeclaredPerson,
  type DeclaringEmployer,
  findPeopleByIdentifiers,
  lockEmployerPeriods,
  lockEmployersByUnitCode,
  type NewEmployerPeriod,
  writeEmployerPeriods,
} from './participation-store'
