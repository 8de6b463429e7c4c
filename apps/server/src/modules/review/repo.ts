import {
  addDays,
  type DossierFileKind,
  type DossierSearchQuery,
  IdDocumentKind,
  startOfVietnamDay,
} from '@ansinh/domain'
import { and, asc, count, desc, eq, gte, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { dossierEvents, dossierPhotos, dossiers, staffAccounts } from '../../db/schema'
import { afterKeyset, type Keyset, withinReach as officesWithinReach } from '../../db/staff-lists'

export type Dossier = typeof dossiers.$inferSelect
export type { Keyset }

/** The person searched for: their BHXH code, if known, and the personal ID typed, if one was. */
export type SearchedPerson = { bhxhCode: string | null; personalId: string | null }

/** A search with the person resolved against the registry (view-dossiers.ts `resolveSearch`). */
export type DossierFilters = Omit<DossierSearchQuery, 'person'> & { person?: SearchedPerson }

/** Dossiers of the offices within reach; no condition at all for the national office's staff. */
function withinReach(reach: string[]): SQL | undefined {
  return officesWithinReach(dossiers.officeCode, reach)
}

/**
 * A person's dossiers: those naming their BHXH code, and those filed with their personal ID as the ID
 * document (a person the registry does not know by personal ID yet, or without a code of theirs).
 */
function personFilter(person: SearchedPerson | undefined): SQL | undefined {
  if (!person) return undefined
  const byPersonalId =
    person.personalId === null
      ? undefined
      : and(eq(dossiers.idKind, IdDocumentKind.PersonalId), eq(dossiers.idNumber, person.personalId))
  const byBhxhCode = person.bhxhCode === null ? undefined : eq(dossiers.bhxhCode, person.bhxhCode)
  return or(byBhxhCode, byPersonalId) ?? sql`false`
}

/** The filters of a search, within the offices a staff member reaches. */
function searchFilter(query: DossierFilters, reach: string[]): SQL | undefined {
  return and(
    withinReach(reach),
    query.dossierNumber ? eq(dossiers.dossierNumber, query.dossierNumber) : undefined,
    personFilter(query.person),
    query.from ? gte(dossiers.submittedAt, startOfVietnamDay(query.from)) : undefined,
    query.to ? lt(dossiers.submittedAt, startOfVietnamDay(addDays(query.to, 1))) : undefined,
    query.condition ? eq(dossiers.condition, query.condition) : undefined,
    query.status ? eq(dossiers.status, query.status) : undefined,
    query.kind ? eq(dossiers.kind, query.kind) : undefined,
  )
}

export async function searchDossiers(
  db: Executor,
  query: DossierFilters,
  reach: string[],
  keyset: Keyset | null,
) {
  const newestFirst = query.sort === 'newest'
  const order = newestFirst ? desc : asc
  return db
    .select({ dossier: dossiers, assigneeName: staffAccounts.fullName })
    .from(dossiers)
    .leftJoin(staffAccounts, eq(staffAccounts.id, dossiers.assignedStaffId))
    .where(and(searchFilter(query, reach), afterKeyset(dossiers, keyset, newestFirst)))
    .orderBy(order(dossiers.submittedAt), order(dossiers.id))
    .limit(query.limit + 1)
}

export async function countDossiers(db: Executor, query: DossierFilters, reach: string[]): Promise<number> {
  const [row] = await db.select({ total: count() }).from(dossiers).where(searchFilter(query, reach))
  return row?.total ?? 0
}

/** The dossier if it is within reach; "missing" and "not yours" are the same null. */
export async function findDossierInReach(
  db: Executor,
  id: number,
  reach: string[],
  options: { lock?: boolean } = {},
): Promise<Dossier | null> {
  const query = db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.id, id), withinReach(reach)))
  const [row] = options.lock ? await query.for('update') : await query
  return row ?? null
}

export async function listEvents(db: Executor, dossierId: number) {
  return db
    .select({ event: dossierEvents, actorName: staffAccounts.fullName })
    .from(dossierEvents)
    .leftJoin(staffAccounts, eq(staffAccounts.id, dossierEvents.actorId))
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.id)) // the order they were appended in
}

/** Every photo and scan of the dossier, replaced ones included, with the name of the staff member who added it. */
export async function listPhotos(db: Executor, dossierId: number) {
  return db
    .select({ photo: dossierPhotos, addedByName: staffAccounts.fullName })
    .from(dossierPhotos)
    .leftJoin(staffAccounts, eq(staffAccounts.id, dossierPhotos.addedBy))
    .where(eq(dossierPhotos.dossierId, dossierId))
    .orderBy(asc(dossierPhotos.id))
}

/** One photo or scan of the dossier by its id, replaced ones included; null when it is another dossier's. */
export async function findPhoto(db: Executor, dossierId: number, photoId: number) {
  const [row] = await db
    .select()
    .from(dossierPhotos)
    .where(and(eq(dossierPhotos.id, photoId), eq(dossierPhotos.dossierId, dossierId)))
  return row ?? null
}

/** Marks the dossier's current photo of a kind replaced; answers its id, or null when it had none. */
export async function markPhotoReplaced(
  db: Executor,
  dossierId: number,
  kind: DossierFileKind,
  at: Date,
): Promise<number | null> {
  const [row] = await db
    .update(dossierPhotos)
    .set({ replacedAt: at })
    .where(
      and(
        eq(dossierPhotos.dossierId, dossierId),
        eq(dossierPhotos.kind, kind),
        isNull(dossierPhotos.replacedAt),
      ),
    )
    .returning({ id: dossierPhotos.id })
  return row?.id ?? null
}

export async function insertPhoto(db: Executor, values: typeof dossierPhotos.$inferInsert): Promise<number> {
  const [row] = await db.insert(dossierPhotos).values(values).returning({ id: dossierPhotos.id })
  if (!row) throw new Error('dossier photo not inserted')
  return row.id
}

export async function findStaffName(db: Executor, id: number): Promise<string | null> {
  const [row] = await db
    .select({ fullName: staffAccounts.fullName })
    .from(staffAccounts)
    .where(eq(staffAccounts.id, id))
  return row?.fullName ?? null
}

/** Applies a change made on `version`, bumping it; false when the dossier moved on meanwhile. */
export async function updateDossierAt(
  db: Executor,
  id: number,
  version: number,
  values: Partial<typeof dossiers.$inferInsert> & { updatedAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(dossiers)
    .set({ ...values, version: version + 1 })
    .where(and(eq(dossiers.id, id), eq(dossiers.version, version)))
    .returning({ id: dossiers.id })
  return rows.length === 1
}
