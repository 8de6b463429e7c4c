import { addDays, type DossierSearchQuery, startOfVietnamDay } from '@ansinh/domain'
import { and, asc, count, desc, eq, gt, gte, inArray, lt, or, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { dossierEvents, dossierPhotos, dossiers, staffAccounts } from '../../db/schema'

export type Dossier = typeof dossiers.$inferSelect
export type Keyset = { submittedAt: string; id: number }

/** BHXH Việt Nam: whoever's reach includes it reaches every office. */
const NATIONAL_OFFICE = '000'

/** Dossiers of the offices within reach; no condition at all for the national office's staff. */
function withinReach(reach: string[]): SQL | undefined {
  return reach.includes(NATIONAL_OFFICE) ? undefined : inArray(dossiers.officeCode, reach)
}

/** The filters of a search, within the offices a staff member reaches. */
function searchFilter(query: DossierSearchQuery, reach: string[]): SQL | undefined {
  return and(
    withinReach(reach),
    query.dossierNumber ? eq(dossiers.dossierNumber, query.dossierNumber) : undefined,
    query.bhxhCode ? eq(dossiers.bhxhCode, query.bhxhCode) : undefined,
    query.from ? gte(dossiers.submittedAt, startOfVietnamDay(query.from)) : undefined,
    query.to ? lt(dossiers.submittedAt, startOfVietnamDay(addDays(query.to, 1))) : undefined,
    query.condition ? eq(dossiers.condition, query.condition) : undefined,
    query.status ? eq(dossiers.status, query.status) : undefined,
    query.kind ? eq(dossiers.kind, query.kind) : undefined,
  )
}

// Keyset on (submitted_at, id): stable under inserts, and each page is an index range scan.
function after(keyset: Keyset | null, newestFirst: boolean): SQL | undefined {
  if (!keyset) return undefined
  const at = new Date(keyset.submittedAt)
  const beyond = newestFirst ? lt : gt
  return or(
    beyond(dossiers.submittedAt, at),
    and(eq(dossiers.submittedAt, at), beyond(dossiers.id, keyset.id)),
  )
}

export async function searchDossiers(
  db: Executor,
  query: DossierSearchQuery,
  reach: string[],
  keyset: Keyset | null,
) {
  const newestFirst = query.sort === 'newest'
  const order = newestFirst ? desc : asc
  return db
    .select({ dossier: dossiers, assigneeName: staffAccounts.fullName })
    .from(dossiers)
    .leftJoin(staffAccounts, eq(staffAccounts.id, dossiers.assignedStaffId))
    .where(and(searchFilter(query, reach), after(keyset, newestFirst)))
    .orderBy(order(dossiers.submittedAt), order(dossiers.id))
    .limit(query.limit + 1)
}

export async function countDossiers(
  db: Executor,
  query: DossierSearchQuery,
  reach: string[],
): Promise<number> {
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
