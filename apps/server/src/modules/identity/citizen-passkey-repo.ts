import { and, asc, eq, lt } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { citizenPasskeyChallenges, citizenPasskeys } from '../../db/schema'

/** SQL of citizen passkeys and their WebAuthn challenges; executor first, no rules. */

export type CitizenPasskeyRow = typeof citizenPasskeys.$inferSelect
export type PasskeyChallengePurpose = (typeof citizenPasskeyChallenges.$inferSelect)['purpose']

export async function insertPasskeyChallenge(
  db: Executor,
  values: { purpose: PasskeyChallengePurpose; challenge: string; accountId: number | null; expiresAt: Date },
): Promise<string> {
  const [row] = await db
    .insert(citizenPasskeyChallenges)
    .values(values)
    .returning({ id: citizenPasskeyChallenges.id })
  if (!row) throw new Error('passkey challenge insert returned no row')
  return row.id
}

/**
 * Takes the challenge (deletes it) when it is live, of this purpose and, for a registration, of this
 * account: whatever the verification's outcome, a challenge answers once.
 */
export async function takePasskeyChallenge(
  db: Executor,
  id: string,
  expect: { purpose: PasskeyChallengePurpose; accountId: number | null; now: Date },
): Promise<string | null> {
  const rows = await db
    .delete(citizenPasskeyChallenges)
    .where(eq(citizenPasskeyChallenges.id, id))
    .returning()
  const row = rows[0]
  if (!row || row.purpose !== expect.purpose || row.accountId !== expect.accountId) return null
  return row.expiresAt > expect.now ? row.challenge : null
}

export async function deleteExpiredPasskeyChallenges(db: Executor, before: Date): Promise<number> {
  const rows = await db
    .delete(citizenPasskeyChallenges)
    .where(lt(citizenPasskeyChallenges.expiresAt, before))
    .returning({ id: citizenPasskeyChallenges.id })
  return rows.length
}

export async function insertPasskey(
  db: Executor,
  values: Omit<typeof citizenPasskeys.$inferInsert, 'id' | 'createdAt' | 'lastUsedAt'>,
): Promise<CitizenPasskeyRow> {
  const [row] = await db.insert(citizenPasskeys).values(values).returning()
  if (!row) throw new Error('passkey insert returned no row')
  return row
}

export async function listPasskeys(db: Executor, accountId: number): Promise<CitizenPasskeyRow[]> {
  return db
    .select()
    .from(citizenPasskeys)
    .where(eq(citizenPasskeys.accountId, accountId))
    .orderBy(asc(citizenPasskeys.createdAt))
}

export async function findPasskeyByCredentialId(
  db: Executor,
  credentialId: string,
): Promise<CitizenPasskeyRow | undefined> {
  const [row] = await db
    .select()
    .from(citizenPasskeys)
    .where(eq(citizenPasskeys.credentialId, credentialId))
    .limit(1)
  return row
}

/**
 * The new signature counter and the time of use. Only a counter above the stored one is written
 * (or 0 for authenticators that keep none): two sign-ins racing cannot move it back.
 */
export async function recordPasskeyUse(
  db: Executor,
  id: string,
  use: { counter: number; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(citizenPasskeys)
    .set({ counter: use.counter, lastUsedAt: use.now })
    .where(
      and(
        eq(citizenPasskeys.id, id),
        use.counter === 0 ? eq(citizenPasskeys.counter, 0) : lt(citizenPasskeys.counter, use.counter),
      ),
    )
    .returning({ id: citizenPasskeys.id })
  return rows.length === 1
}

export async function deletePasskey(db: Executor, accountId: number, id: string): Promise<boolean> {
  const rows = await db
    .delete(citizenPasskeys)
    .where(and(eq(citizenPasskeys.id, id), eq(citizenPasskeys.accountId, accountId)))
    .returning({ id: citizenPasskeys.id })
  return rows.length === 1
}
