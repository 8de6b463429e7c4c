import {
  ADULTHOOD_AGE,
  ageOn,
  type DecisionOutcome,
  type DecisionResult,
  DossierCondition,
  type DossierDecision,
  DossierKind,
  DossierStatus,
  namesMatch,
  todayInVietnam,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { createCitizenAccount } from '../identity/accounts'
import { generateTemporaryPassword } from '../identity/password'
import type { StaffActor } from '../identity/staff-actor'
import { dossierOffice } from '../registration/dossier-office'
import { hasActiveAccount } from '../registration/repo'
import { findPersonByBhxhCode, type RegistryPerson } from '../registry/service'
import { applyChange, applyStop, linkChild } from './apply-account-request'
import { conflict, heldForChange } from './conflicts'
import { notify, recordAccountEvent, settle } from './decision-steps'
import { type Dossier, findDossierInReach } from './repo'
import { presentDetail } from './view-dossiers'

/**
 * "Đánh giá hồ sơ" → "Ghi nhận" (seed 002, Appendix 02, steps 6–7). In one transaction: the dossier
 * is locked and checked (reach, status, holder, version), the outcome is applied — a new
 * registration found in the registry: the account with a one-time password, sent by SMS (and
 * e-mail); not found: "cần cấp mã số BHXH" and a message saying how to get one; a child, change or
 * stop dossier: what it asks for (`apply-account-request.ts`); not valid: the reason to the person —
 * and the history, the audit entry and the messages are written. Nothing is half done.
 */
export async function decideDossier(
  deps: Deps,
  staff: StaffActor,
  id: number,
  decision: DossierDecision,
): Promise<DecisionResult> {
  const result = await deps.database.db.transaction(async (tx) => {
    const dossier = heldForChange(
      await findDossierInReach(tx, id, staff.reach, { lock: true }),
      staff,
      decision.version,
    )
    const outcome = decision.valid
      ? await approve(tx, deps, staff, dossier)
      : await reject(tx, deps, staff, dossier, decision.reason)
    await recordAudit(tx, {
      actor: staff,
      action: 'dossier.decide',
      recordType: 'dossier',
      recordId: id,
      detail: { valid: decision.valid, outcome, kind: dossier.kind },
    })
    const decided = await findDossierInReach(tx, id, staff.reach)
    if (!decided) throw notFound('dossier')
    return { outcome, dossier: await presentDetail(tx, decided) }
  })
  deps.kick()
  return result
}

async function approve(
  tx: Executor,
  deps: Deps,
  staff: StaffActor,
  dossier: Dossier,
): Promise<DecisionOutcome> {
  switch (dossier.kind) {
    case DossierKind.Change:
      return applyChange(tx, deps, staff, dossier)
    case DossierKind.Stop:
      return applyStop(tx, deps, staff, dossier)
    case DossierKind.Child:
      return approveAccount(tx, deps, staff, dossier)
    case DossierKind.New:
      // An account is issued only to someone whose papers and ID were checked at the office.
      if (dossier.condition !== DossierCondition.Received)
        throw conflict('papers not received', {
          vi: 'Chưa thể duyệt hợp lệ: cơ quan BHXH chưa tiếp nhận tờ khai giấy và đối chiếu giấy tờ tùy thân.',
          en: 'Cannot approve yet: the office has not received the signed declaration and checked the ID.',
        })
      return approveAccount(tx, deps, staff, dossier)
  }
}

/** A new registration or a child's: the BHXH code and the name must match the registry. */
async function approveAccount(
  tx: Executor,
  deps: Deps,
  staff: StaffActor,
  dossier: Dossier,
): Promise<DecisionOutcome> {
  const person = await findPersonByBhxhCode(tx, dossier.bhxhCode)
  if (!person || !namesMatch(person.fullName, dossier.fullName)) {
    await settle(tx, deps, staff, dossier, DossierStatus.NeedsBhxhCode, null, { registryMatch: false })
    const office = await dossierOffice(tx, dossier.officeCode)
    await notify(tx, deps, dossier, 'bhxh_code_needed', {
      dossierNumber: dossier.dossierNumber,
      officeName: office.name,
    })
    return 'needs_bhxh_code'
  }
  if (await hasActiveAccount(tx, dossier.bhxhCode))
    throw conflict('account already exists', {
      vi: 'Mã số BHXH này đã có tài khoản giao dịch điện tử.',
      en: 'This BHXH code already has an e-transaction account.',
    })
  if (dossier.kind === DossierKind.Child) {
    if (ageOn(person.birth, todayInVietnam(deps.clock())) >= ADULTHOOD_AGE)
      throw conflict('not a minor', {
        vi: 'Theo dữ liệu quản lý, người này đã đủ 18 tuổi: không đăng ký tài khoản theo diện trẻ em. Hãy đánh giá không hợp lệ; người này tự đăng ký tài khoản.',
        en: 'The registry says this person is 18 or older: no child account. Mark it not valid; they register themselves.',
      })
    return linkChild(tx, deps, staff, dossier, person)
  }
  return issueAccount(tx, deps, staff, dossier, person)
}

async function issueAccount(
  tx: Executor,
  deps: Deps,
  staff: StaffActor,
  dossier: Dossier,
  person: RegistryPerson,
): Promise<DecisionOutcome> {
  const temporaryPassword = generateTemporaryPassword()
  const account = await createCitizenAccount(tx, {
    personId: person.id,
    username: dossier.bhxhCode,
    password: temporaryPassword,
    mustChangePassword: true,
  })
  await settle(tx, deps, staff, dossier, DossierStatus.Valid, null, { registryMatch: true })
  await recordAccountEvent(tx, deps, staff, dossier, 'account_created', { accountId: account.id })
  await notify(
    tx,
    deps,
    dossier,
    'account_created',
    { bhxhCode: dossier.bhxhCode, temporaryPassword },
    { alsoByEmail: true },
  )
  return 'account_created'
}

async function reject(tx: Executor, deps: Deps, staff: StaffActor, dossier: Dossier, reason: string) {
  await settle(tx, deps, staff, dossier, DossierStatus.Invalid, reason, {})
  await notify(tx, deps, dossier, 'dossier_rejected', { dossierNumber: dossier.dossierNumber, reason })
  return 'rejected' as const
}
