import { type AccountRequestOutcome, type ContactField, DossierStatus } from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import {
  type CitizenAccount,
  createCitizenAccount,
  endCitizenSessions,
  lockCitizenAccount,
  setCitizenAccountStatus,
} from '../identity/accounts'
import { generateTemporaryPassword } from '../identity/password'
import type { StaffActor } from '../identity/staff-actor'
import {
  type ContactData,
  contactDataOf,
  type RegistryPerson,
  updatePersonContact,
} from '../registry/service'
import { conflict } from './conflicts'
import { notify, recordAccountEvent, settle } from './decision-steps'
import type { Dossier } from './repo'

/**
 * What approving a dossier filed from an account does (seed 002, Appendix 02, "hồ sơ đăng ký thay
 * đổi thông tin"): a change of information updates the registry's contact data, which the account
 * reads; a stop closes the account and signs it out everywhere; a child's dossier creates the
 * child's account under the parent's. Each runs inside the decision's transaction.
 */

export async function applyChange(
  tx: Executor,
  deps: Deps,
  staff: StaffActor,
  dossier: Dossier,
): Promise<AccountRequestOutcome> {
  const account = await filingAccount(tx, dossier, ['active', 'locked'])
  const requested = contactDataOf(dossier)
  await updatePersonContact(tx, account.personId, requested, deps.clock())
  await settle(tx, deps, staff, dossier, DossierStatus.Valid, null, {})
  const fields = changedContactFields(dossier.previousContact, requested)
  await recordAccountEvent(tx, deps, staff, dossier, 'account_updated', { accountId: account.id, fields })
  await notify(
    tx,
    deps,
    dossier,
    'account_request_approved',
    { dossierNumber: dossier.dossierNumber, outcome: 'contact_changed' },
    { alsoToPhone: dossier.previousContact?.phone ?? null },
  )
  return 'contact_changed'
}

export async function applyStop(
  tx: Executor,
  deps: Deps,
  staff: StaffActor,
  dossier: Dossier,
): Promise<AccountRequestOutcome> {
  const account = await filingAccount(tx, dossier, ['active', 'locked'])
  const now = deps.clock()
  await setCitizenAccountStatus(tx, account.id, 'stopped', now)
  const sessionsEnded = await endCitizenSessions(tx, account.id, 'staff', now)
  await settle(tx, deps, staff, dossier, DossierStatus.Valid, null, {})
  await recordAccountEvent(tx, deps, staff, dossier, 'account_stopped', {
    accountId: account.id,
    sessionsEnded,
  })
  await notify(tx, deps, dossier, 'account_request_approved', {
    dossierNumber: dossier.dossierNumber,
    outcome: 'account_stopped',
  })
  return 'account_stopped'
}

/**
 * The child's account: the parent opens it from their own (seed 004), so its password is random and
 * never sent; the child can be given their own sign-in later at an office.
 */
export async function linkChild(
  tx: Executor,
  deps: Deps,
  staff: StaffActor,
  dossier: Dossier,
  child: RegistryPerson,
): Promise<AccountRequestOutcome> {
  const guardian = await filingAccount(tx, dossier, ['active'])
  const account = await createCitizenAccount(tx, {
    personId: child.id,
    username: dossier.bhxhCode,
    password: generateTemporaryPassword(),
    mustChangePassword: true,
    guardianAccountId: guardian.id,
  })
  await settle(tx, deps, staff, dossier, DossierStatus.Valid, null, { registryMatch: true })
  await recordAccountEvent(tx, deps, staff, dossier, 'account_created', {
    accountId: account.id,
    guardianAccountId: guardian.id,
  })
  await notify(tx, deps, dossier, 'account_request_approved', {
    dossierNumber: dossier.dossierNumber,
    outcome: 'child_linked',
  })
  return 'child_linked'
}

/** The account that filed the dossier, locked; it must still be in one of `allowed` states. */
async function filingAccount(
  tx: Executor,
  dossier: Dossier,
  allowed: CitizenAccount['status'][],
): Promise<CitizenAccount> {
  const account =
    dossier.filedByAccountId === null ? null : await lockCitizenAccount(tx, dossier.filedByAccountId)
  if (!account || !allowed.includes(account.status))
    throw conflict('filing account not usable', {
      vi: 'Tài khoản gửi hồ sơ đã bị khóa hoặc ngừng sử dụng nên không thể duyệt hồ sơ này. Hãy đánh giá không hợp lệ với lý do phù hợp.',
      en: 'The account that filed this dossier is locked or closed, so it cannot be approved. Mark it not valid with a reason.',
    })
  return account
}

/** Which contact fields differ between the record as it was and as requested. */
export function changedContactFields(before: ContactData | null, after: ContactData): ContactField[] {
  const addressKeys = ['addressCodeSet', 'provinceCode', 'districtCode', 'communeCode', 'street'] as const
  const fields: ContactField[] = []
  if (before?.phone !== after.phone) fields.push('phone')
  if ((before?.email ?? null) !== after.email) fields.push('email')
  if (addressKeys.some((key) => (before?.[key] ?? null) !== (after[key] ?? null))) fields.push('address')
  return fields
}
