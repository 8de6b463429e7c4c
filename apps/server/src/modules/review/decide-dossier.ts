import {
  type DecisionOutcome,
  type DecisionResult,
  DossierCondition,
  type DossierDecision,
  DossierStatus,
  ErrorCode,
  namesMatch,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { DomainError, notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { createCitizenAccount } from '../identity/accounts'
import { generateTemporaryPassword } from '../identity/password'
import type { StaffActor } from '../identity/staff-actor'
import { queueMessage, queueOptionsFrom } from '../notify/service'
import { dossierOffice } from '../registration/dossier-office'
import { appendEvent, hasActiveAccount, verifiedContact } from '../registration/repo'
import { findPersonByBhxhCode } from '../registry/service'
import { type Dossier, findDossierInReach, updateDossierAt } from './repo'
import { presentDetail } from './view-dossiers'

/**
 * "Đánh giá hồ sơ" → "Ghi nhận" (seed 002, Appendix 02, steps 6–7). In one transaction: the dossier
 * is locked and checked (reach, status, holder, version), the outcome is applied — valid and found in
 * the registry: the account with a one-time password, sent by SMS (and e-mail); valid but not found:
 * "cần cấp mã số BHXH" and a message saying how to get one; not valid: the reason to the person —
 * and the history, the audit entry and the messages are written. Nothing is half done.
 */
export async function decideDossier(
  deps: Deps,
  staff: StaffActor,
  id: number,
  decision: DossierDecision,
): Promise<DecisionResult> {
  const result = await deps.database.db.transaction(async (tx) => {
    const dossier = await lockForDecision(tx, staff, id, decision.version)
    const outcome = decision.valid
      ? await approve(tx, deps, staff, dossier)
      : await reject(tx, deps, staff, dossier, decision.reason)
    await recordAudit(tx, {
      actor: staff,
      action: 'dossier.decide',
      recordType: 'dossier',
      recordId: id,
      detail: { valid: decision.valid, outcome },
    })
    const decided = await findDossierInReach(tx, id, staff.reach)
    if (!decided) throw notFound('dossier')
    return { outcome, dossier: await presentDetail(tx, decided) }
  })
  deps.kick()
  return result
}

async function lockForDecision(
  tx: Executor,
  staff: StaffActor,
  id: number,
  version: number,
): Promise<Dossier> {
  const dossier = await findDossierInReach(tx, id, staff.reach, { lock: true })
  if (!dossier) throw notFound('dossier')
  if (dossier.status !== DossierStatus.Pending)
    throw conflict('dossier already decided', {
      vi: 'Hồ sơ này đã được đánh giá hoặc không còn chờ duyệt; không thể đánh giá lại.',
      en: 'This dossier has already been decided or is no longer pending; it cannot be decided again.',
    })
  if (dossier.version !== version) throw changedMeanwhile()
  if (dossier.assignedStaffId !== staff.id)
    throw conflict('dossier not held by this reviewer', {
      vi: 'Vui lòng nhận xử lý hồ sơ trước khi đánh giá (hồ sơ đang chưa giao hoặc do cán bộ khác giữ).',
      en: 'Please take the dossier before deciding it (it is unassigned or held by someone else).',
    })
  return dossier
}

async function approve(
  tx: Executor,
  deps: Deps,
  staff: StaffActor,
  dossier: Dossier,
): Promise<DecisionOutcome> {
  // An account is issued only to someone whose papers and ID were checked at the office.
  if (dossier.condition !== DossierCondition.Received)
    throw conflict('papers not received', {
      vi: 'Chưa thể duyệt hợp lệ: cơ quan BHXH chưa tiếp nhận tờ khai giấy và đối chiếu giấy tờ tùy thân.',
      en: 'Cannot approve yet: the office has not received the signed declaration and checked the ID.',
    })
  const person = await findPersonByBhxhCode(tx, dossier.bhxhCode)
  const now = deps.clock()
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
  const temporaryPassword = generateTemporaryPassword()
  const account = await createCitizenAccount(tx, {
    personId: person.id,
    username: dossier.bhxhCode,
    password: temporaryPassword,
    mustChangePassword: true,
  })
  await settle(tx, deps, staff, dossier, DossierStatus.Valid, null, { registryMatch: true })
  await appendEvent(tx, {
    dossierId: dossier.id,
    kind: 'account_created',
    at: now,
    actorKind: 'staff',
    actorId: staff.id,
    detail: { accountId: account.id },
  })
  await notify(tx, deps, dossier, 'account_created', { bhxhCode: dossier.bhxhCode, temporaryPassword }, true)
  return 'account_created'
}

async function reject(tx: Executor, deps: Deps, staff: StaffActor, dossier: Dossier, reason: string) {
  await settle(tx, deps, staff, dossier, DossierStatus.Invalid, reason, {})
  await notify(tx, deps, dossier, 'dossier_rejected', { dossierNumber: dossier.dossierNumber, reason })
  return 'rejected' as const
}

/** Records the decision on the dossier (guarded by its version) and in its history. */
async function settle(
  tx: Executor,
  deps: Deps,
  staff: StaffActor,
  dossier: Dossier,
  status: DossierStatus,
  reason: string | null,
  detail: Record<string, unknown>,
) {
  const now = deps.clock()
  const applied = await updateDossierAt(tx, dossier.id, dossier.version, {
    status,
    decidedAt: now,
    decidedBy: staff.id,
    decisionReason: reason,
    assignedStaffId: null,
    updatedAt: now,
  })
  if (!applied) throw changedMeanwhile()
  await appendEvent(tx, {
    dossierId: dossier.id,
    kind: 'decided',
    at: now,
    actorKind: 'staff',
    actorId: staff.id,
    detail: { status, ...detail },
  })
}

type Notice =
  | { kind: 'account_created'; variables: { bhxhCode: string; temporaryPassword: string } }
  | { kind: 'dossier_rejected'; variables: { dossierNumber: string; reason: string } }
  | { kind: 'bhxh_code_needed'; variables: { dossierNumber: string; officeName: string } }

/**
 * Queues the message to the contact the person proved; the account's password goes by SMS to the
 * registered phone and, when the person gave one, by e-mail too (seed 002).
 */
async function notify<N extends Notice>(
  tx: Executor,
  deps: Deps,
  dossier: Dossier,
  kind: N['kind'],
  variables: N['variables'],
  alsoByEmail = false,
) {
  const options = queueOptionsFrom(deps, deps.recipientCounters)
  const base = { kind, language: dossier.language, variables } as Notice & { language: 'vi' | 'en' }
  const contact = alsoByEmail ? { channel: 'sms' as const, to: dossier.phone } : verifiedContact(dossier)
  await queueMessage(
    tx,
    { ...base, ...contact, dedupeKey: `${kind}:${dossier.id}:${contact.channel}` },
    options,
  )
  if (alsoByEmail && dossier.email)
    await queueMessage(
      tx,
      { ...base, channel: 'email', to: dossier.email, dedupeKey: `${kind}:${dossier.id}:email` },
      options,
    )
  await appendEvent(tx, {
    dossierId: dossier.id,
    kind: 'message_sent',
    at: deps.clock(),
    actorKind: 'system',
    detail: { template: kind },
  })
}

function changedMeanwhile() {
  return conflict('dossier changed meanwhile', {
    vi: 'Hồ sơ vừa được cán bộ khác thay đổi. Vui lòng tải lại hồ sơ và thực hiện lại.',
    en: 'Someone else has just changed this dossier. Please reload it and try again.',
  })
}

function conflict(log: string, userMessage: { vi: string; en: string }) {
  return new DomainError(ErrorCode.Conflict, log, { userMessage })
}
