import { ErrorCode, managesRole, type NewStaffAccountBody, type StaffAccountView } from '@ansinh/domain'
import type { Transaction } from '../../db/client'
import { DomainError, notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { officeOfReachableOrganisation } from '../organisations/service'
import { createStaffAccount } from './accounts'
import { generateTemporaryPassword } from './password'
import type { StaffActor } from './staff-actor'
import {
  deleteRecoveryCodes,
  endStaffSessions,
  findStaff,
  findStaffListRow,
  listStaffOfOffices,
  requirePasswordChange,
  type StaffAccountRow,
  type StaffListRow,
  saveTotpState,
  setStaffStatus,
} from './staff-repo'
import type { StaffAuthDeps } from './staff-sessions'

/**
 * Administrators manage the staff of their office tree: an office administrator the reviewers, office
 * administrators, news editors and organisation administrators at or below their office, a system
 * administrator everyone at or below theirs.
 * An account outside that is answered 404, like one that does not exist.
 */

function canManage(actor: StaffActor, target: Pick<StaffAccountRow, 'officeCode' | 'role'>): boolean {
  return actor.reach.includes(target.officeCode) && managesRole(actor.role, target.role)
}

export function presentStaffAccount(row: StaffListRow): StaffAccountView {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    officeCode: row.officeCode,
    officeName: row.officeName,
    role: row.role,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    status: row.status,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    secondFactorEnrolled: row.totpEnabledAt !== null,
    createdAt: row.createdAt.toISOString(),
  }
}

export async function listStaffAccounts(
  deps: StaffAuthDeps,
  actor: StaffActor,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: StaffAccountView[]; nextCursor: string | null }> {
  const afterId = page.cursor === undefined ? 0 : Number(page.cursor)
  if (!Number.isSafeInteger(afterId) || afterId < 0)
    throw new DomainError(ErrorCode.ValidationFailed, 'bad cursor', {
      fields: { cursor: ['Con trỏ trang không hợp lệ.'] },
    })
  return deps.database.db.transaction(async (tx) => {
    const rows = await listStaffOfOffices(tx, { officeCodes: actor.reach, afterId, limit: page.limit + 1 })
    const items = rows.slice(0, page.limit)
    await recordAudit(tx, {
      actor,
      action: 'staff.accounts_listed',
      detail: { count: items.length, afterId },
    })
    const last = items.at(-1)
    return {
      items: items.map(presentStaffAccount),
      nextCursor: rows.length > page.limit && last ? String(last.id) : null,
    }
  })
}

export async function createStaffAccountBy(
  deps: StaffAuthDeps,
  actor: StaffActor,
  input: NewStaffAccountBody,
): Promise<{ account: StaffAccountView; oneTimePassword: string }> {
  if (!actor.reach.includes(input.officeCode)) throw notFound('office')
  if (!managesRole(actor.role, input.role))
    throw new DomainError(ErrorCode.ValidationFailed, 'role beyond the administrator', {
      fields: { role: ['Bạn không được tạo tài khoản với vai trò này.'] },
    })
  const oneTimePassword = generateTemporaryPassword(12)
  try {
    return await deps.database.db.transaction(async (tx) => {
      // An organisation administrator belongs to the office its organisation hangs under; the
      // organisation must be one the creator reaches (404 otherwise).
      const officeCode =
        input.organisationId === undefined
          ? input.officeCode
          : await officeOfReachableOrganisation(tx, actor, input.organisationId)
      const { id } = await createStaffAccount(tx, {
        ...input,
        officeCode,
        organisationId: input.organisationId ?? null,
        email: input.email ?? null,
        password: oneTimePassword,
      })
      // The administrator has seen the one-time password: the person replaces it before any work.
      await requirePasswordChange(tx, id)
      await recordAudit(tx, {
        actor,
        action: 'staff.account_created',
        recordType: 'staff_account',
        recordId: id,
        detail: { role: input.role, officeCode, organisationId: input.organisationId ?? null },
      })
      return { account: await viewOf(tx, id), oneTimePassword }
    })
  } catch (error) {
    throw usernameTaken(error) ?? error
  }
}

export async function lockStaffAccount(deps: StaffAuthDeps, actor: StaffActor, id: number) {
  return manage(deps, actor, id, 'staff.account_locked', async (tx, target, now) => {
    await setStaffStatus(tx, target.id, 'locked', now)
    return { sessionsEnded: await endStaffSessions(tx, target.id, now) }
  })
}

export async function unlockStaffAccount(deps: StaffAuthDeps, actor: StaffActor, id: number) {
  return manage(deps, actor, id, 'staff.account_unlocked', async (tx, target, now) => {
    await setStaffStatus(tx, target.id, 'active', now)
    return {}
  })
}

/** For a lost authenticator: the person enrols a new one at the next sign-in (with their password). */
export async function resetStaffSecondFactor(deps: StaffAuthDeps, actor: StaffActor, id: number) {
  return manage(deps, actor, id, 'staff.second_factor_reset', async (tx, target, now) => {
    await saveTotpState(tx, target.id, { sealed: null, enabledAt: null, now })
    await deleteRecoveryCodes(tx, target.id)
    return { sessionsEnded: await endStaffSessions(tx, target.id, now) }
  })
}

/**
 * One administrative action on one account, in one transaction with its audit entry. An account out
 * of reach is refused as absent; the refusal is recorded too (someone is looking beyond their tree).
 */
async function manage(
  deps: StaffAuthDeps,
  actor: StaffActor,
  id: number,
  action: string,
  change: (tx: Transaction, target: StaffAccountRow, now: Date) => Promise<Record<string, unknown>>,
): Promise<StaffAccountView> {
  const now = deps.clock()
  const outcome = await deps.database.db.transaction(async (tx) => {
    const target = await findStaff(tx, id, { lock: true })
    if (!target || !canManage(actor, target)) {
      await recordAudit(tx, {
        actor,
        action: 'staff.account_denied',
        recordType: 'staff_account',
        recordId: id,
        detail: { attempted: action },
      })
      return null
    }
    if (target.id === actor.id) throw ownAccount()
    const detail = await change(tx, target, now)
    await recordAudit(tx, { actor, action, recordType: 'staff_account', recordId: id, detail })
    return viewOf(tx, id)
  })
  if (!outcome) throw notFound('staff account')
  return outcome
}

async function viewOf(tx: Transaction, id: number): Promise<StaffAccountView> {
  const row = await findStaffListRow(tx, id)
  if (!row) throw new Error('staff account vanished inside its transaction')
  return presentStaffAccount(row)
}

// Locking or resetting oneself needs another administrator: a stolen session cannot lock its owner out.
function ownAccount(): DomainError {
  return new DomainError(ErrorCode.Conflict, 'administrator acting on their own account', {
    userMessage: {
      vi: 'Không thể thực hiện thao tác này trên tài khoản của chính mình. Vui lòng nhờ quản trị viên khác.',
      en: 'You cannot do this to your own account. Please ask another administrator.',
    },
  })
}

function usernameTaken(error: unknown): DomainError | null {
  const cause =
    (error as { cause?: { code?: string; constraint?: string } }).cause ??
    (error as { code?: string; constraint?: string })
  if (cause?.code !== '23505' || cause.constraint !== 'staff_accounts_username_uq') return null
  return new DomainError(ErrorCode.Conflict, 'staff username taken', {
    fields: { username: ['Tên đăng nhập này đã được dùng.'] },
    userMessage: { vi: 'Tên đăng nhập này đã được dùng.', en: 'This username is already taken.' },
  })
}
