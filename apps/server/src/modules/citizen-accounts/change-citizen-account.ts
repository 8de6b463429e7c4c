import {
  type CitizenAccountActionResult,
  CitizenAccountStatus,
  ErrorCode,
  type PasswordChannel,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Transaction } from '../../db/client'
import { DomainError, notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { endCitizenSessions, setCitizenAccountStatus } from '../identity/accounts'
import type { StaffActor } from '../identity/staff-actor'
import { scopeOf } from './reach'
import type { CitizenAccount } from './repo'
import { findAccountInScope, type PlacedAccount, presentDetail } from './view-citizen-accounts'

/**
 * What staff do to a citizen account: lock it, unlock it, sign it out of every device (and, in
 * reset-citizen-password.ts, give it a new one-time password). Each is one transaction: the account
 * row is locked and checked (reach, status), changed, and the audit entry written. The reason given
 * for a lock or an unlock is kept with the account (`status_reason`), not in the audit entry: it is
 * free text that may name people or numbers, and the audit log can never be erased.
 */

export type AccountChange = {
  endedSessions: number
  sentBy?: PasswordChannel[]
  /** Codes and outcomes for the audit entry; never free text. */
  audit?: Record<string, unknown>
}

export type AccountAction =
  | 'citizen_account.lock'
  | 'citizen_account.unlock'
  | 'citizen_account.sign_out_everywhere'
  | 'citizen_account.reset_password'

export async function changeCitizenAccount(
  deps: Deps,
  staff: StaffActor,
  id: number,
  action: AccountAction,
  change: (tx: Transaction, account: PlacedAccount, now: Date) => Promise<AccountChange>,
): Promise<CitizenAccountActionResult> {
  return deps.database.db.transaction(async (tx) => {
    const now = deps.clock()
    const scope = scopeOf(staff, now)
    const before = await findAccountInScope(tx, scope, id, { lock: true })
    if (!before) throw notFound('citizen account')
    const { endedSessions, sentBy = [], audit = {} } = await change(tx, before, now)
    await recordAudit(tx, {
      actor: staff,
      action,
      recordType: 'citizen_account',
      recordId: id,
      detail: { ...audit, endedSessions },
    })
    const after = await findAccountInScope(tx, scope, id)
    if (!after) throw notFound('citizen account')
    return { account: await presentDetail(tx, scope, after, now), endedSessions, sentBy }
  })
}

export async function lockAccount(
  deps: Deps,
  staff: StaffActor,
  id: number,
  reason: string,
): Promise<CitizenAccountActionResult> {
  return changeCitizenAccount(deps, staff, id, 'citizen_account.lock', async (tx, { account }, now) => {
    refuseStopped(account)
    if (account.status === CitizenAccountStatus.Locked)
      throw conflict('account already locked', {
        vi: 'Tài khoản đã bị khóa trước đó.',
        en: 'The account is already locked.',
      })
    await setCitizenAccountStatus(tx, account.id, { status: CitizenAccountStatus.Locked, reason }, now)
    return {
      endedSessions: await endCitizenSessions(tx, account.id, 'staff', now),
      audit: { reasonGiven: true },
    }
  })
}

export async function unlockAccount(
  deps: Deps,
  staff: StaffActor,
  id: number,
  reason: string,
): Promise<CitizenAccountActionResult> {
  return changeCitizenAccount(deps, staff, id, 'citizen_account.unlock', async (tx, { account }, now) => {
    refuseStopped(account)
    if (account.status !== CitizenAccountStatus.Locked)
      throw conflict('account not locked', {
        vi: 'Tài khoản không bị khóa.',
        en: 'The account is not locked.',
      })
    await setCitizenAccountStatus(tx, account.id, { status: CitizenAccountStatus.Active, reason }, now)
    return { endedSessions: 0, audit: { reasonGiven: true } }
  })
}

/** "Đăng xuất khỏi mọi thiết bị": allowed whatever the status, since it only takes access away. */
export async function signOutEverywhere(
  deps: Deps,
  staff: StaffActor,
  id: number,
): Promise<CitizenAccountActionResult> {
  return changeCitizenAccount(
    deps,
    staff,
    id,
    'citizen_account.sign_out_everywhere',
    async (tx, { account }, now) => ({
      endedSessions: await endCitizenSessions(tx, account.id, 'staff', now),
    }),
  )
}

/** A stopped account (ngừng sử dụng, at the person's request) is closed for good. */
export function refuseStopped(account: CitizenAccount): void {
  if (account.status === CitizenAccountStatus.Stopped)
    throw conflict('account stopped', {
      vi: 'Tài khoản này đã ngừng sử dụng theo yêu cầu của người tham gia, nên không thể khóa, mở khóa hay cấp lại mật khẩu.',
      en: 'This account was stopped at the person’s request, so it cannot be locked, unlocked or have its password reset.',
    })
}

export function conflict(log: string, userMessage: { vi: string; en: string }): DomainError {
  return new DomainError(ErrorCode.Conflict, log, { userMessage })
}
