import { DossierKind, DossierStatus, type MyDossier } from '@ansinh/domain'
import type { Deps } from '../../app'
import { type AccountDossierRow, selectAccountDossiers } from './repo'

/**
 * A person files a handful of dossiers in a lifetime (one pending per BHXH code at a time): one page
 * holds them all; the cap only bounds a pathological account.
 */
const MAX_DOSSIERS = 100

/** "Tra cứu hồ sơ": every dossier the signed-in person filed, and how it ended, newest first. */
export async function listMyDossiers(deps: Deps, accountId: number): Promise<MyDossier[]> {
  const rows = await selectAccountDossiers(deps.database.db, accountId, MAX_DOSSIERS)
  return rows.map(presentDossier)
}

function presentDossier(row: AccountDossierRow): MyDossier {
  return {
    dossierNumber: row.dossierNumber,
    kind: row.kind,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    // The office's code stands in for its name if the directory lost it, as elsewhere.
    office: { code: row.officeCode, name: row.officeName ?? row.officeCode },
    reason: row.status === DossierStatus.Invalid ? row.decisionReason : null,
    childName: row.kind === DossierKind.Child ? row.fullName : null,
  }
}
