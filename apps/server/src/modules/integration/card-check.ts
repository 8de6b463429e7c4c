import {
  type CardCheckAnswer,
  CardCheckReason,
  type CardCheckRequest,
  CardStatus,
  foldVietnamese,
  todayInVietnam,
} from '@ansinh/domain'
import { Counter, type Registry } from 'prom-client'
import type { Deps } from '../../app'
import { bhxhCodeOfPersonalId, findPersonByBhxhCode, findPersonByCodeNameAndBirth } from '../registry/service'
import { healthCardInForce } from '../self-service/service'

/**
 * The hospitals' card check (kiểm tra thông tin thẻ BHYT at the reception desk). It finds the card as
 * the public look-up and the holder's own screen do (the card in force on the day, else the next,
 * else the last), but answers a calling facility precisely: valid, or why not. A name or date of
 * birth that does not fit the record answers `identity_mismatch` and nothing of the card.
 */

type CheckDeps = Pick<Deps, 'database' | 'clock' | 'metrics'>

const checks = new WeakMap<Registry, Counter<'outcome'>>()

/** `ansinh_card_checks_total{outcome}`: valid, or the reason; never who or which card. */
function checkCounter(registry: Registry): Counter<'outcome'> {
  let counter = checks.get(registry)
  if (!counter) {
    counter = new Counter({
      name: 'ansinh_card_checks_total',
      help: 'Card checks by hospitals (integration API), by outcome: valid or the reason it is not',
      labelNames: ['outcome'] as const,
      registers: [registry],
    })
    checks.set(registry, counter)
  }
  return counter
}

export async function checkCard(
  deps: CheckDeps,
  facility: { facilityCode: string },
  request: CardCheckRequest,
): Promise<CardCheckAnswer> {
  const answer = await answerCheck(deps, facility, request)
  checkCounter(deps.metrics.registry)
    .labels(answer.valid ? 'valid' : (answer.reason ?? 'unknown'))
    .inc()
  return answer
}

async function answerCheck(
  deps: CheckDeps,
  facility: { facilityCode: string },
  request: CardCheckRequest,
): Promise<CardCheckAnswer> {
  const db = deps.database.db
  const checkedOn = request.onDate ?? todayInVietnam(deps.clock())
  const refused = (reason: CardCheckReason): CardCheckAnswer => ({ valid: false, reason, checkedOn })

  const bhxhCode =
    request.cardNumber ??
    (request.personalId === undefined ? null : await bhxhCodeOfPersonalId(db, request.personalId))
  if (bhxhCode === null) return refused(CardCheckReason.NotFound)
  const person = await findPersonByCodeNameAndBirth(db, {
    bhxhCode,
    foldedName: foldVietnamese(request.fullName),
    birth: request.dateOfBirth,
  })
  if (!person) {
    const exists = await findPersonByBhxhCode(db, bhxhCode)
    return refused(exists ? CardCheckReason.IdentityMismatch : CardCheckReason.NotFound)
  }

  const chosen = await healthCardInForce(db, person.id, checkedOn)
  if (!chosen) return refused(CardCheckReason.NoCard)
  const { card, facilityName, status } = chosen
  const details = {
    cardNumber: card.cardNumber,
    legacyCardNumber: card.legacyCardNumber,
    benefitLevel: card.benefitLevel,
    groupCode: card.groupCode,
    primaryFacility: { code: card.primaryFacilityCode, name: facilityName ?? card.primaryFacilityCode },
    atPrimaryFacility: card.primaryFacilityCode === facility.facilityCode,
    validFrom: card.validFrom,
    validTo: card.validTo,
    fiveYearsContinuousFrom: card.fiveYearsContinuousFrom,
    livingArea: card.livingArea,
  }
  const reasons: Record<CardStatus, CardCheckReason | undefined> = {
    [CardStatus.Valid]: undefined,
    [CardStatus.Expired]: CardCheckReason.Expired,
    [CardStatus.NotYetValid]: CardCheckReason.NotYetValid,
  }
  const reason = reasons[status]
  return reason === undefined
    ? { valid: true, checkedOn, card: details }
    : { valid: false, reason, checkedOn, card: details }
}
