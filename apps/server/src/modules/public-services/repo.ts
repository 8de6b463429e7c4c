import { and, desc, eq, inArray, or } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { citizenAccounts, dossiers, offices } from '../../db/schema'

/**
 * The dossiers of one account, newest first: those it filed (child, change, stop) and the new
 * registration that opened it, found by its BHXH code among the dossiers found valid (an account is
 * opened only by a valid one; refused ones for the same code may be someone else's attempt).
 */
export async function selectAccountDossiers(db: Executor, accountId: number, limit: number) {
  const ownBhxhCode = db
    .select({ code: citizenAccounts.username })
    .from(citizenAccounts)
    .where(eq(citizenAccounts.id, accountId))
  return db
    .select({
      dossierNumber: dossiers.dossierNumber,
      kind: dossiers.kind,
      status: dossiers.status,
      submittedAt: dossiers.submittedAt,
      decidedAt: dossiers.decidedAt,
      decisionReason: dossiers.decisionReason,
      fullName: dossiers.fullName,
      officeCode: dossiers.officeCode,
      officeName: offices.name,
    })
    .from(dossiers)
    .leftJoin(offices, eq(offices.code, dossiers.officeCode))
    .where(
      or(
        eq(dossiers.filedByAccountId, accountId),
        and(eq(dossiers.kind, 'new'), eq(dossiers.status, 'valid'), inArray(dossiers.bhxhCode, ownBhxhCode)),
      ),
    )
    .orderBy(desc(dossiers.submittedAt), desc(dossiers.id))
    .limit(limit)
}

export type AccountDossierRow = Awaited<ReturnType<typeof selectAccountDossiers>>[number]
