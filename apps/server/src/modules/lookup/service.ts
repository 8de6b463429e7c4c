import {
  type BhxhCodeLookupAnswer,
  type BhxhCodeLookupRequest,
  ErrorCode,
  foldVietnamese,
  type HealthCardLookupAnswer,
  type HealthCardLookupRequest,
  LookupNarrowing,
  maskName,
  PersonIdentifierKind,
  todayInVietnam,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import { DomainError } from '../../platform/errors'
import { provinceWithPredecessors } from '../directory/service'
import { findPeopleByNameAndBirth, findPersonByCodeNameAndBirth } from '../registry/service'
import { healthCardInForce, noHealthCard } from '../self-service/service'

/**
 * Public look-ups (tra cứu trực tuyến). Anyone may ask, so an answer names at most the one person
 * the question fits exactly, and of them only what the look-up is for: the BHXH code (the rest
 * masked), or the validity of the card. Everything else answers as "not found".
 */

type LookupDeps = Pick<Deps, 'database' | 'clock'>
type Fields<T> = Omit<T, 'proof'>
type Province = Awaited<ReturnType<typeof provinceWithPredecessors>>

// The provinces and the old codes merged into each are reference data, loaded by `migrate` and fixed
// until the next release: read once per database and process instead of on every look-up (the read
// is most of a look-up's time; bench/README.md). Keyed by the database so that tests never share it.
const provinces = new WeakMap<object, Map<string, Promise<Province>>>()

function provinceOf(deps: LookupDeps, code: string): Promise<Province> {
  const known = provinces.get(deps.database) ?? new Map<string, Promise<Province>>()
  provinces.set(deps.database, known)
  let province = known.get(code)
  if (!province) {
    province = provinceWithPredecessors(deps.database.db, code)
    known.set(code, province)
    // A failed read is not remembered.
    province.catch(() => known.delete(code))
  }
  return province
}

const noPerson = () =>
  new DomainError(ErrorCode.NotFound, 'no person for the look-up', {
    userMessage: {
      vi:
        'Không tìm thấy mã số BHXH phù hợp với thông tin đã nhập. Vui lòng kiểm tra lại tỉnh/thành phố, họ tên ' +
        'và ngày sinh (có thể thêm số CCCD). Nếu vẫn không tìm thấy, hãy gọi tổng đài 1900 9068 hoặc liên hệ ' +
        'cơ quan BHXH nơi bạn cư trú.',
      en:
        'No BHXH code fits what you entered. Check the province, the full name and the date of birth (you may ' +
        'add your personal ID). If it still is not found, call the hotline 1900 9068 or contact the BHXH ' +
        'office where you live.',
    },
  })

const noCard = () =>
  new DomainError(ErrorCode.NotFound, 'no card for the look-up', {
    userMessage: {
      vi:
        'Không tìm thấy thẻ BHYT phù hợp với thông tin đã nhập. Vui lòng kiểm tra lại mã thẻ, họ tên và ngày ' +
        'sinh. Nếu vẫn không tìm thấy, hãy gọi tổng đài 1900 9068 hoặc liên hệ cơ quan BHXH nơi bạn tham gia.',
      en:
        'No health insurance card fits what you entered. Check the card number, the full name and the date ' +
        'of birth. If it still is not found, call the hotline 1900 9068 or contact your BHXH office.',
    },
  })

/** Tra cứu mã số BHXH: the code of the one person who fits, or which field would tell several apart. */
export async function lookUpBhxhCode(
  deps: LookupDeps,
  request: Fields<BhxhCodeLookupRequest>,
): Promise<BhxhCodeLookupAnswer> {
  const db = deps.database.db
  const province = await provinceOf(deps, request.provinceCode)
  if (!province) throw noPerson()
  const found = await findPeopleByNameAndBirth(db, {
    provinceCodes: province.codes,
    foldedName: foldVietnamese(request.fullName),
    birth: request.dateOfBirth,
    gender: request.gender,
    personalId: request.personalId,
  })
  const [person, another] = found
  if (!person) throw noPerson()
  if (another) {
    const given = { personalId: request.personalId, gender: request.gender }
    return {
      match: 'several',
      narrowBy: Object.values(LookupNarrowing).filter((field) => given[field] === undefined),
    }
  }
  return {
    match: 'one',
    bhxhCode: person.bhxhCode,
    fullName: maskName(person.fullName),
    birthYear: person.birthYear,
    provinceName: province.fullName,
  }
}

/**
 * Tra cứu giá trị sử dụng thẻ BHYT: the card in force of the person with this card number (or BHXH
 * code, or personal ID), name and date of birth. A name or date that does not fit answers exactly as an
 * unknown card.
 *
 * A personal ID is taken here (issue 11: every look-up of a person takes either identifier) because it
 * gives nothing away: its first three digits already name the province it was registered in, and
 * the ID is a stronger secret than the province, name and date of birth that the BHXH-code look-up
 * asks, so the answer (the card, whose number is the BHXH code) tells the asker nothing they could
 * not already find out. The proof of work and the limits apply unchanged, and an ID that is unknown
 * or does not fit the name and date answers exactly as a card number that misses (`noCard`).
 */
export async function lookUpHealthCard(
  deps: LookupDeps,
  request: Fields<HealthCardLookupRequest>,
): Promise<HealthCardLookupAnswer> {
  const db = deps.database.db
  const { kind, value } = request.cardNumber
  const person = await findPersonByCodeNameAndBirth(db, {
    ...(kind === PersonIdentifierKind.PersonalId ? { personalId: value } : { bhxhCode: value }),
    foldedName: foldVietnamese(request.fullName),
    birth: request.dateOfBirth,
  })
  if (!person) throw noCard()
  const chosen = await healthCardInForce(db, person.id, todayInVietnam(deps.clock()))
  if (!chosen) throw noHealthCard()
  const { card, facilityName, status } = chosen
  return {
    cardNumber: card.cardNumber,
    status,
    validFrom: card.validFrom,
    validTo: card.validTo,
    benefitLevel: card.benefitLevel,
    primaryFacility: { code: card.primaryFacilityCode, name: facilityName ?? card.primaryFacilityCode },
  }
}
