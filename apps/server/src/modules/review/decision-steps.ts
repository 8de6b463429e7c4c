import type { DossierStatus, MessageVariables } from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import type { StaffActor } from '../identity/staff-actor'
import { queueInboxCopy, queueMessage, queueOptionsFrom } from '../notify/service'
import { appendEvent, verifiedContact } from '../registration/repo'
import { changedMeanwhile } from './conflicts'
import { type Dossier, updateDossierAt } from './repo'

/** The steps every decision shares, whatever the kind of dossier: record it, tell the person. */

/** Records the decision on the dossier (guarded by its version) and in its history. */
export async function settle(
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

type DecisionMessage =
  | 'account_created'
  | 'dossier_rejected'
  | 'bhxh_code_needed'
  | 'account_request_approved'

/**
 * Queues the message to the contact the person proved. The account's password goes by SMS to the
 * registered phone and, when the person gave one, by e-mail too (seed 002); `alsoToPhone` also tells
 * another phone (the new number of a change of information).
 */
export async function notify<K extends DecisionMessage>(
  tx: Executor,
  deps: Deps,
  dossier: Dossier,
  kind: K,
  variables: MessageVariables[K],
  options: { alsoByEmail?: boolean; alsoToPhone?: string | null } = {},
) {
  const queueOptions = queueOptionsFrom(deps, deps.recipientCounters)
  const contact = options.alsoByEmail
    ? { channel: 'sms' as const, to: dossier.phone }
    : verifiedContact(dossier)
  const recipients: Array<{ channel: 'sms' | 'email'; to: string }> = [contact]
  if (options.alsoByEmail && dossier.email) recipients.push({ channel: 'email', to: dossier.email })
  if (options.alsoToPhone && options.alsoToPhone !== contact.to)
    recipients.push({ channel: 'sms', to: options.alsoToPhone })
  for (const recipient of recipients)
    await queueMessage(
      tx,
      {
        kind,
        language: dossier.language,
        variables,
        ...recipient,
        dedupeKey: `${kind}:${dossier.id}:${recipient.channel}${recipient.to === options.alsoToPhone ? ':also' : ''}`,
      },
      queueOptions,
    )
  // A dossier filed from an account: the outcome stays in that account's "Thông báo" too.
  if (dossier.filedByAccountId !== null)
    await queueInboxCopy(
      tx,
      {
        kind,
        language: dossier.language,
        variables,
        citizenAccountId: dossier.filedByAccountId,
        dedupeKey: `${kind}:${dossier.id}`,
      },
      queueOptions,
    )
  await appendEvent(tx, {
    dossierId: dossier.id,
    kind: 'message_sent',
    at: deps.clock(),
    actorKind: 'system',
    detail: { template: kind },
  })
}

/** What the decision did to an account, in the dossier's history. */
export async function recordAccountEvent(
  tx: Executor,
  deps: Deps,
  staff: StaffActor,
  dossier: Dossier,
  kind: 'account_created' | 'account_updated' | 'account_stopped',
  detail: Record<string, unknown>,
) {
  await appendEvent(tx, {
    dossierId: dossier.id,
    kind,
    at: deps.clock(),
    actorKind: 'staff',
    actorId: staff.id,
    detail,
  })
}
