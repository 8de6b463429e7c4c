import { type AccountRequestOutcome, DossierStatus } from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import {
  type CitizenAccount,
  createCitizenAccount,
  endCitizenSessions,
  lockCitizenAccount,
  setCitizenAccountStatus,
  stopChildAccounts,
} from '../identity/accounts'
import { generateTemporaryPassword } from '../identity/password'
import type { StaffActor } from '../identity/staff-actor'
import {
  changedContactFields,
  contactColumnsOf,
  contactDataOf,
  findPersonById,
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
  const fields = changedContactFields(dossier.previousContact, requested)
  // Only what was asked for is written, and only over what the person saw when they asked: an
  // office's update since then is not silently undone.
  const current = await findPersonById(tx, account.personId)
  if (
    !current ||
    changedContactFields(dossier.previousContact, contactDataOf(current)).some((field) =>
      fields.includes(field),
    )
  )
    throw conflict('contact changed since filing', {
      vi: 'Thông tin liên hệ của người này đã thay đổi kể từ khi nộp hồ sơ. Hãy đánh giá không hợp lệ và đề nghị nộp lại.',
      en: "The person's contact details have changed since the dossier was filed. Mark it not valid and ask for a new one.",
    })
  await updatePersonContact(tx, account.personId, contactColumnsOf(fields, requested), deps.clock())
  await settle(tx, deps, staff, dossier, DossierStatus.Valid, null, {})
  await recordAccountEvent(tx, deps, staff, dossier, 'account_updated', { accountId: account.id, fields })
  await notify(
    tx,
    deps,
    dossier,
    'account_request_approved',
    { dossierNumber: dossier.dossierNumber, outcome: 'contact_changed' },
    // The account's phone (verifiedContact) and the new number both hear of it, so a change nobody
    // asked for does not go unnoticed.
    { alsoToPhone: dossier.phone },
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
  const reason = `Ngừng sử dụng theo hồ sơ số ${dossier.dossierNumber}`
  await setCitizenAccountStatus(tx, account.id, { status: 'stopped', reason }, now)
  const childAccountIds = await stopChildAccounts(tx, account.id, reason, now)
  let sessionsEnded = 0
  for (const id of [account.id, ...childAccountIds])
    sessionsEnded += await endCitizenSessions(tx, id, 'staff', now)
  await settle(tx, deps, staff, dossier, DossierStatus.Valid, null, {})
  await recordAccountEvent(tx, deps, staff, dossier, 'account_stopped', {
    accountId: account.id,
    childAccountIds,
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
