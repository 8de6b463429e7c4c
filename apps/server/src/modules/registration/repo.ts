import type { DossierFileKind, DossierStatus } from '@ansinh/domain'
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../db/client'
import {
  citizenAccounts,
  dossierEvents,
  dossierNumberSequence,
  dossierPhotos,
  dossiers,
  people,
  type RequestPhoto,
  registrationRequests,
} from '../../db/schema'

export type Dossier = typeof dossiers.$inferSelect
export type NewDossier = typeof dossiers.$inferInsert

/**
 * A dossier filed with the paper declaration (tờ khai mẫu 01): it names an ID document and has a
 * deadline for the paper. Child, change and stop dossiers, filed from an account, do not.
 */
export type PaperDossier = Dossier & {
  idKind: NonNullable<Dossier['idKind']>
  idNumber: string
  paperDeadline: string
}

export function isPaperDossier(dossier: Dossier): dossier is PaperDossier {
  return dossier.idKind !== null && dossier.idNumber !== null && dossier.paperDeadline !== null
}

/** For code paths that only ever see Mẫu 01 dossiers (the database checks the pairing too). */
export function asPaperDossier(dossier: Dossier): PaperDossier {
  if (!isPaperDossier(dossier)) throw new Error(`dossier ${dossier.id} is not a paper dossier`)
  return dossier
}
export type DossierEvent = typeof dossierEvents.$inferInsert
export type RegistrationRequest = typeof registrationRequests.$inferSelect

export async function findRequest(db: Executor, id: string): Promise<RegistrationRequest | null> {
  const [request] = await db.select().from(registrationRequests).where(eq(registrationRequests.id, id))
  return request ?? null
}

export async function lockRequest(db: Executor, id: string): Promise<RegistrationRequest | null> {
  const [request] = await db
    .select()
    .from(registrationRequests)
    .where(eq(registrationRequests.id, id))
    .for('update')
  return request ?? null
}

export async function insertRequest(db: Executor, values: typeof registrationRequests.$inferInsert) {
  const [row] = await db.insert(registrationRequests).values(values).returning()
  if (!row) throw new Error('registration request not inserted')
  return row
}

export async function updateRequest(
  db: Executor,
  id: string,
  values: Partial<typeof registrationRequests.$inferInsert>,
): Promise<void> {
  await db.update(registrationRequests).set(values).where(eq(registrationRequests.id, id))
}

/** Deletes requests past their expiry; answers the photos of those never confirmed (theirs to delete). */
export async function deleteExpiredRequests(db: Executor, now: Date): Promise<RequestPhoto[]> {
  const rows = await db
    .delete(registrationRequests)
    .where(lt(registrationRequests.expiresAt, now))
    .returning({ photos: registrationRequests.photos, dossierId: registrationRequests.dossierId })
  return rows.filter((row) => row.dossierId === null).flatMap((row) => row.photos)
}

export async function nextDossierSequence(db: Executor): Promise<number> {
  const [row] = await queryRows<{ value: string }>(
    db,
    sql`select nextval(${dossierNumberSequence.seqName}) as value`,
  )
  return Number(row?.value)
}

export async function insertDossier(db: Executor, values: NewDossier): Promise<Dossier> {
  const [row] = await db.insert(dossiers).values(values).returning()
  if (!row) throw new Error('dossier not inserted')
  return row
}

export async function appendEvent(db: Executor, event: DossierEvent): Promise<void> {
  await db.insert(dossierEvents).values(event)
}

export async function insertPhotos(
  db: Executor,
  dossierId: number,
  photos: Array<Omit<RequestPhoto, 'kind'> & { kind: DossierFileKind }>,
): Promise<void> {
  if (photos.length === 0) return
  await db.insert(dossierPhotos).values(photos.map((photo) => ({ ...photo, dossierId })))
}

/** Deletes a dossier's photo rows and answers their file ids, for the caller to remove after commit. */
export async function deletePhotos(db: Executor, dossierId: number): Promise<string[]> {
  const rows = await db
    .delete(dossierPhotos)
    .where(eq(dossierPhotos.dossierId, dossierId))
    .returning({ fileId: dossierPhotos.fileId, thumbnailFileId: dossierPhotos.thumbnailFileId })
  return rows.flatMap((row) => [row.fileId, row.thumbnailFileId])
}

export async function findDossierById(db: Executor, id: number): Promise<Dossier | null> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id))
  return row ?? null
}

/** The dossier with this number and phone; "missing" and "not this phone" are one answer. */
export async function findDossierByNumberAndPhone(
  db: Executor,
  dossierNumber: string,
  phone: string,
): Promise<Dossier | null> {
  const [row] = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.dossierNumber, dossierNumber), eq(dossiers.phone, phone)))
  return row ?? null
}

export async function findPendingDossier(
  db: Executor,
  bhxhCode: string,
  options: { lock?: boolean } = {},
): Promise<Dossier | null> {
  const query = db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.bhxhCode, bhxhCode), eq(dossiers.status, 'pending')))
  const [row] = options.lock ? await query.for('update') : await query
  return row ?? null
}

/**
 * Where messages about a dossier go: the one contact its OTP proved (an unproved phone gets nothing).
 * A change of information is about the account, whose phone is proved; the number it asks for is not
 * yet, so it hears only of an approval (with the account's phone).
 */
export function verifiedContact(dossier: Dossier): { channel: 'sms' | 'email'; to: string } {
  if (dossier.kind === 'change' && dossier.previousContact?.phone)
    return { channel: 'sms', to: dossier.previousContact.phone }
  return dossier.contactChannel === 'email' && dossier.email
    ? { channel: 'email', to: dossier.email }
    : { channel: 'sms', to: dossier.phone }
}

/**
 * A dossier that ended without a decision (expired, replaced) keeps its number, office, dates, phone
 * (the key of the public status check) and history; the rest of what the person declared goes.
 */
export async function erasePersonalData(db: Executor, id: number): Promise<void> {
  await db
    .update(dossiers)
    .set({ fullName: '', foldedName: '', idNumber: '', street: '', email: null, districtCode: null })
    .where(eq(dossiers.id, id))
}

/** Moves a dossier on only from the status it is expected in; false when someone else moved it first. */
export async function moveDossier(
  db: Executor,
  id: number,
  from: { status: DossierStatus; condition?: Dossier['condition'] },
  to: Partial<Pick<Dossier, 'status' | 'condition' | 'decidedAt' | 'decisionReason'>> & { updatedAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(dossiers)
    .set(to)
    .where(
      and(
        eq(dossiers.id, id),
        eq(dossiers.status, from.status),
        from.condition ? eq(dossiers.condition, from.condition) : undefined,
      ),
    )
    .returning({ id: dossiers.id })
  return rows.length === 1
}

/**
 * Pending dossiers still waiting for their papers whose deadline is before a day (overdue) or on a day
 * (due soon), in id order after `afterId`.
 */
export async function listAwaitingPaper(
  db: Executor,
  deadline: { before: string } | { on: string },
  afterId: number,
  limit: number,
): Promise<Dossier[]> {
  return db
    .select()
    .from(dossiers)
    .where(
      and(
        eq(dossiers.status, 'pending'),
        eq(dossiers.condition, 'awaiting_paper'),
        'before' in deadline
          ? lt(dossiers.paperDeadline, deadline.before)
          : eq(dossiers.paperDeadline, deadline.on),
        gt(dossiers.id, afterId),
      ),
    )
    .orderBy(dossiers.id)
    .limit(limit)
}

/** Who already uses a phone: a pending dossier of another BHXH code, or another person's account. */
export async function phoneTakenByOther(db: Executor, phone: string, bhxhCode: string): Promise<boolean> {
  const [pending] = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.phone, phone),
        eq(dossiers.status, 'pending'),
        eq(dossiers.contactChannel, 'sms'), // only a phone proved by its OTP holds its place
        sql`${dossiers.bhxhCode} <> ${bhxhCode}`,
      ),
    )
    .limit(1)
  if (pending) return true
  const [account] = await db
    .select({ id: citizenAccounts.id })
    .from(citizenAccounts)
    .innerJoin(people, eq(people.id, citizenAccounts.personId))
    .where(
      and(
        eq(people.phone, phone),
        inArray(citizenAccounts.status, ['active', 'locked']),
        sql`${citizenAccounts.username} <> ${bhxhCode}`,
      ),
    )
    .limit(1)
  return account !== undefined
}

export async function hasActiveAccount(db: Executor, bhxhCode: string): Promise<boolean> {
  const [account] = await db
    .select({ id: citizenAccounts.id })
    .from(citizenAccounts)
    .where(and(eq(citizenAccounts.username, bhxhCode), inArray(citizenAccounts.status, ['active', 'locked'])))
    .limit(1)
  return account !== undefined
}
