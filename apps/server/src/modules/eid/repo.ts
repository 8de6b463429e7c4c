import { and, eq, lt, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { citizenEidLinks, eidFlows } from '../../db/schema'

/** SQL of the e-ID sign-in: the flows in progress and the accounts' links; executor first, no rules. */

export type EidFlowRow = typeof eidFlows.$inferSelect
export type NewEidFlow = Omit<typeof eidFlows.$inferInsert, 'createdAt'>
export type EidLinkRow = typeof citizenEidLinks.$inferSelect

export async function insertEidFlow(db: Executor, flow: NewEidFlow): Promise<void> {
  await db.insert(eidFlows).values(flow)
}

/**
 * Takes the flow (deletes it) whatever happens next, so a callback answers once: a replay of the same
 * state and code finds nothing. Null when unknown; the caller checks the expiry.
 */
export async function takeEidFlow(db: Executor, tokenHash: string): Promise<EidFlowRow | null> {
  const [row] = await db.delete(eidFlows).where(eq(eidFlows.tokenHash, tokenHash)).returning()
  return row ?? null
}

export async function deleteExpiredEidFlows(db: Executor, before: Date): Promise<number> {
  const rows = await db
    .delete(eidFlows)
    .where(lt(eidFlows.expiresAt, before))
    .returning({ tokenHash: eidFlows.tokenHash })
  return rows.length
}

export async function findEidLink(db: Executor, accountId: number): Promise<EidLinkRow | null> {
  const [row] = await db.select().from(citizenEidLinks).where(eq(citizenEidLinks.accountId, accountId))
  return row ?? null
}

/** The account of an e-ID subject, linked or unlinked. */
export async function findEidLinkBySubject(
  db: Executor,
  issuer: string,
  subject: string,
): Promise<EidLinkRow | null> {
  const [row] = await db
    .select()
    .from(citizenEidLinks)
    .where(and(eq(citizenEidLinks.issuer, issuer), eq(citizenEidLinks.subject, subject)))
  return row ?? null
}

/** Links the account (again): the subject and level of this sign-in; `linkedAt` is kept while linked. */
export async function saveEidLink(
  db: Executor,
  link: { accountId: number; issuer: string; subject: string; level: number; now: Date },
): Promise<void> {
  await db
    .insert(citizenEidLinks)
    .values({
      accountId: link.accountId,
      issuer: link.issuer,
      subject: link.subject,
      status: 'linked',
      level: link.level,
      linkedAt: link.now,
      updatedAt: link.now,
    })
    .onConflictDoUpdate({
      target: citizenEidLinks.accountId,
      set: {
        issuer: link.issuer,
        subject: link.subject,
        level: link.level,
        // A new link starts now; the same link signing in again keeps its date.
        linkedAt: sql`case when ${citizenEidLinks.status} = 'linked' then ${citizenEidLinks.linkedAt} else ${link.now.toISOString()}::timestamptz end`,
        status: 'linked',
        updatedAt: link.now,
      },
    })
}

/** Marks the link unlinked; false when the account had none linked. */
export async function unlinkEid(db: Executor, accountId: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(citizenEidLinks)
    .set({ status: 'unlinked', updatedAt: now })
    .where(and(eq(citizenEidLinks.accountId, accountId), eq(citizenEidLinks.status, 'linked')))
    .returning({ accountId: citizenEidLinks.accountId })
  return rows.length === 1
}
