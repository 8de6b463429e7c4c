import type { Executor } from '../../db/client'
import { auditLog } from '../../db/schema'
import type { StaffActor } from '../identity/staff-actor'

/**
 * Writes one audit entry in the caller's transaction, so the entry exists if and only if the action
 * does. `detail` holds codes and outcomes, never personal data (names, ID numbers, phones).
 */
export async function recordAudit(
  tx: Executor,
  entry: {
    actor: StaffActor | null
    action: string
    recordType?: string
    recordId?: string | number
    detail?: Record<string, unknown>
    /** For an action with no signed-in staff member (a failed sign-in): the client address. */
    ip?: string
    /**
     * For an action with no signed-in staff member: the office whose administrators should see it
     * (the office of the account someone failed to sign in to).
     */
    officeCode?: string
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorKind: entry.actor ? 'staff' : 'system',
    staffId: entry.actor?.id ?? null,
    officeCode: entry.actor?.officeCode ?? entry.officeCode ?? null,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId === undefined ? null : String(entry.recordId),
    ip: entry.actor?.ip ?? entry.ip ?? null,
    detail: entry.detail ?? null,
  })
}
