import type { EidLinkView } from '@ansinh/domain'
import { recordAudit } from '../audit/service'
import type { CitizenAuthDeps } from '../identity/citizen-sessions'
import { type EidLinkRow, findEidLink, unlinkEid } from './repo'

/** The profile's "Tài khoản định danh điện tử": whether the account is linked, and unlinking it. */

function viewOf(link: EidLinkRow | null): EidLinkView {
  const linked = link?.status === 'linked'
  return {
    linked,
    linkedAt: linked ? link.linkedAt.toISOString() : null,
    level: link && (link.level === 1 || link.level === 2) ? link.level : null,
  }
}

export async function readEidLink(deps: CitizenAuthDeps, accountId: number): Promise<EidLinkView> {
  return viewOf(await findEidLink(deps.database.db, accountId))
}

/**
 * Unlinks: e-ID sign-in to this account is refused (eid_unlinked) until the holder links it again
 * from a session. Unlinking what is not linked changes nothing and is no error.
 */
export async function unlinkAccount(
  deps: CitizenAuthDeps,
  accountId: number,
  client: { ip: string },
): Promise<EidLinkView> {
  return deps.database.db.transaction(async (tx) => {
    if (await unlinkEid(tx, accountId, deps.clock()))
      await recordAudit(tx, {
        actor: null,
        action: 'eid.unlink',
        recordType: 'citizen_account',
        recordId: accountId,
        detail: { outcome: 'unlinked' },
        ip: client.ip,
      })
    return viewOf(await findEidLink(tx, accountId))
  })
}
