import {
  CardStatus,
  coveredMonths,
  ErrorCode,
  generateHealthCardQr,
  healthCardManagingCode,
  type IsoDate,
  type LivingArea,
  type MyBenefits,
  type MyChildren,
  type MyHealthCard,
  type MyMedicalVisits,
  type MyParticipation,
  type MyProfile,
  monthlyBenefitKinds,
  type ParticipationRow,
  type ParticipationScheme,
  ParticipationTab,
  startOfVietnamDay,
  todayInVietnam,
  yyyymmOf,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { DomainError, notFound } from '../../platform/errors'
import { contactAddressOf, presentAddress } from '../directory/service'
import { birthOfRecord, findPersonById, type RegistryContact } from '../registry/service'
import {
  findAccountPerson,
  findBenefits,
  findChildPersonId,
  findChildren,
  findHealthCards,
  findMedicalVisits,
  findParticipation,
  findVisitYears,
} from './repo'

/**
 * What a signed-in person sees of their own record, and of the children whose accounts they hold.
 * Every function takes a person id that `selfOf` or `childOf` resolved from the session: a person id
 * never comes from the request, so one person cannot read another's record by changing a number.
 */

export type Subject = { personId: number; isChild: boolean }

/** The signed-in account's own person. */
export async function selfOf(deps: Deps, accountId: number): Promise<Subject> {
  const found = await findAccountPerson(deps.database.db, accountId)
  if (!found) throw notFound('account')
  return { personId: found.personId, isChild: found.guardianAccountId !== null }
}

/** A child account the signed-in parent holds; 404 for any other id, so ids reveal nothing. */
export async function childOf(deps: Deps, parentAccountId: number, childAccountId: number): Promise<Subject> {
  const personId = await findChildPersonId(deps.database.db, parentAccountId, childAccountId)
  if (personId === null) throw notFound('child account')
  return { personId, isChild: true }
}

async function personOf(db: Executor, personId: number): Promise<RegistryContact> {
  const person = await findPersonById(db, personId)
  if (!person) throw notFound('person')
  return person
}

export async function myProfile(deps: Deps, subject: Subject): Promise<MyProfile> {
  const db = deps.database.db
  const person = await personOf(db, subject.personId)
  return {
    bhxhCode: person.bhxhCode ?? '',
    personalId: person.personalId,
    legacyIdNumber: person.legacyIdNumber,
    fullName: person.fullName,
    birth: person.birth,
    gender: person.gender,
    phone: person.phone,
    email: person.email,
    ...(await presentAddress(db, contactAddressOf(person))),
    isChild: subject.isChild,
  }
}

function cardStatus(card: { validFrom: IsoDate; validTo: IsoDate | null }, today: IsoDate): CardStatus {
  if (card.validFrom > today) return CardStatus.NotYetValid
  return card.validTo !== null && card.validTo < today ? CardStatus.Expired : CardStatus.Valid
}

export const noHealthCard = () =>
  new DomainError(ErrorCode.NotFound, 'no health card', {
    userMessage: {
      vi: 'Chưa có thẻ BHYT trên hệ thống. Nếu bạn đang tham gia BHYT, vui lòng liên hệ cơ quan BHXH nơi bạn tham gia.',
      en: 'No health insurance card is on record. If you are insured, please contact your BHXH office.',
    },
  })

/**
 * The card in force today; else the one that starts soonest, else the last that ended. The public
 * card look-up (tra cứu giá trị sử dụng thẻ BHYT) shows the same card as its holder's own screen.
 */
export async function healthCardInForce(db: Executor, personId: number, today: IsoDate) {
  const cards = await findHealthCards(db, personId)
  const chosen =
    cards.find(({ card }) => cardStatus(card, today) === CardStatus.Valid) ??
    cards.find(({ card }) => cardStatus(card, today) === CardStatus.NotYetValid) ??
    cards[0]
  return chosen ? { ...chosen, status: cardStatus(chosen.card, today) } : null
}

export async function myHealthCard(deps: Deps, subject: Subject): Promise<MyHealthCard> {
  const db = deps.database.db
  const now = deps.clock()
  const today = todayInVietnam(now)
  const [person, chosen] = await Promise.all([
    personOf(db, subject.personId),
    healthCardInForce(db, subject.personId, today),
  ])
  if (!chosen) throw noHealthCard()
  const { card, facilityName, officeName } = chosen
  const { address, currentUnits } = await presentAddress(db, contactAddressOf(person))
  const birth = person.birth
  return {
    cardNumber: card.cardNumber,
    legacyCardNumber: card.legacyCardNumber,
    fullName: person.fullName,
    birth,
    gender: person.gender,
    address,
    currentUnits,
    groupCode: card.groupCode,
    benefitLevel: card.benefitLevel,
    livingArea: card.livingArea,
    primaryFacility: { code: card.primaryFacilityCode, name: facilityName ?? card.primaryFacilityCode },
    validFrom: card.validFrom,
    validTo: card.validTo,
    fiveYearsContinuousFrom: card.fiveYearsContinuousFrom,
    issuedOn: card.issuedOn,
    issuingOffice: { code: card.issuingOfficeCode, name: officeName ?? card.issuingOfficeCode },
    status: chosen.status,
    qrPayload: generateHealthCardQr({
      bhxhCode: card.cardNumber,
      fullName: person.fullName,
      dateOfBirth: birth,
      gender: person.gender,
      address,
      primaryFacilityCode: card.primaryFacilityCode,
      validFrom: card.validFrom,
      validTo: card.validTo,
      issuedOn: card.issuedOn,
      managingCode: healthCardManagingCode(card.issuingOfficeCode, card.cardNumber),
      livingArea: card.livingArea as LivingArea | null,
      fiveYearsContinuousFrom: card.fiveYearsContinuousFrom,
    }),
    loadedAt: now.toISOString(),
  }
}

const tabOfScheme: Record<ParticipationScheme, ParticipationTab> = {
  compulsory_social: ParticipationTab.Social,
  voluntary_social: ParticipationTab.Social,
  unemployment: ParticipationTab.Unemployment,
  occupational: ParticipationTab.Occupational,
  health: ParticipationTab.Health,
}

/** Every scheme's periods in one query; totals count each month once, open periods to this month. */
export async function myParticipation(deps: Deps, subject: Subject): Promise<MyParticipation> {
  const asOfMonth = yyyymmOf(todayInVietnam(deps.clock()))
  const rows = await findParticipation(deps.database.db, subject.personId)
  const tabs = Object.values(ParticipationTab).map((tab) => {
    const tabRows: ParticipationRow[] = rows
      .filter((row) => tabOfScheme[row.scheme] === tab)
      .map(({ employerCode, employerName, ...row }) => ({
        ...row,
        employer: employerCode === null ? null : { code: employerCode, name: employerName ?? employerCode },
      }))
    const periods = tabRows.map((row) => ({
      from: row.fromMonth,
      to: Math.min(row.toMonth ?? asOfMonth, asOfMonth),
    }))
    return {
      tab,
      totalMonths: coveredMonths(periods),
      owedAmount: tabRows.reduce((total, row) => total + row.owedAmount, 0),
      rows: tabRows,
    }
  })
  return { tabs, asOfMonth }
}

export async function myBenefits(deps: Deps, subject: Subject): Promise<MyBenefits> {
  const rows = await findBenefits(deps.database.db, subject.personId)
  return {
    items: rows.map(({ benefit, officeName }) => ({
      kind: benefit.kind,
      fromDate: benefit.fromDate,
      toDate: benefit.toDate,
      amount: benefit.amount,
      perMonth: monthlyBenefitKinds.has(benefit.kind),
      paidOn: benefit.paidOn,
      office:
        benefit.officeCode === null
          ? null
          : { code: benefit.officeCode, name: officeName ?? benefit.officeCode },
    })),
  }
}

/** One calendar year of the visit book (default: the latest year with a visit, else this year). */
export async function myMedicalVisits(
  deps: Deps,
  subject: Subject,
  requestedYear: number | undefined,
): Promise<MyMedicalVisits> {
  const db = deps.database.db
  const years = await findVisitYears(db, subject.personId)
  const year = requestedYear ?? years[0] ?? Number(todayInVietnam(deps.clock()).slice(0, 4))
  const rows = await findMedicalVisits(db, subject.personId, {
    from: startOfVietnamDay(`${year}-01-01`),
    to: startOfVietnamDay(`${year + 1}-01-01`),
  })
  const items = rows.map(({ visit, facilityName }) => ({
    id: visit.id,
    facility: { code: visit.facilityCode, name: facilityName ?? visit.facilityCode },
    visitType: visit.visitType,
    admittedAt: visit.admittedAt.toISOString(),
    dischargedAt: visit.dischargedAt?.toISOString() ?? null,
    diagnosis: { code: visit.diagnosisCode, name: visit.diagnosisName },
    totalCost: visit.totalCost,
    fundPaid: visit.fundPaid,
    patientPaid: visit.patientPaid,
  }))
  const sum = (pick: (item: (typeof items)[number]) => number) =>
    items.reduce((total, item) => total + pick(item), 0)
  return {
    year,
    years,
    items,
    totals: {
      visits: items.length,
      totalCost: sum((item) => item.totalCost),
      fundPaid: sum((item) => item.fundPaid),
      patientPaid: sum((item) => item.patientPaid),
    },
  }
}

export async function myChildren(deps: Deps, parentAccountId: number): Promise<MyChildren> {
  const rows = await findChildren(deps.database.db, parentAccountId)
  return {
    items: rows.map(({ accountId, person }) => ({
      id: accountId,
      bhxhCode: person.bhxhCode ?? '',
      fullName: person.fullName,
      birth: birthOfRecord(person),
      gender: person.gender,
    })),
  }
}
