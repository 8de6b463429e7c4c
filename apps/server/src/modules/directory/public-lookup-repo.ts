import type { GeoPoint } from '@ansinh/domain'
import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Executor } from '../../db/client'
import { collectionAgents, medicalFacilities, offices } from '../../db/schema/directory'
import { containsText } from '../../db/text-search'

/**
 * SQL of the public look-ups (tra cứu cơ quan BHXH, CSKCB, đơn vị, điểm thu). Offices (~760),
 * facilities (~1,300) and collection points (~220) are small: a filter and a distance sort over the
 * whole table cost about a millisecond, so they use no index beyond the province one. Employers
 * (registry) are searched in registry/search-employers.ts.
 */

export type Page = { offset: number; limit: number }
export type PlaceFilter = { origin: GeoPoint | null; provinceCode?: string | undefined }

/** Great-circle distance in kilometres (haversine), null where the row has no coordinates. */
function distanceKm(
  latitude: AnyPgColumn,
  longitude: AnyPgColumn,
  origin: GeoPoint | null,
): SQL<number | null> {
  if (!origin) return sql<null>`null::float8`
  // least(1, …): rounding may push the haversine term a hair over 1, where asin is undefined.
  return sql<number | null>`round((6371 * 2 * asin(sqrt(least(1,
      power(sin(radians(${latitude} - ${origin.latitude}) / 2), 2)
      + cos(radians(${origin.latitude})) * cos(radians(${latitude}))
        * power(sin(radians(${longitude} - ${origin.longitude}) / 2), 2)))))::numeric, 2)::float8`
}

/** Nearest first (rows without coordinates last) when there is an origin, else the given order. */
function placeOrder(distance: SQL<number | null>, origin: GeoPoint | null, otherwise: SQL[]): SQL[] {
  return origin ? [sql`${distance} asc nulls last`, ...otherwise] : otherwise
}

const byteOrder = (column: AnyPgColumn) => sql`${column} collate "C"`

function validOn(from: AnyPgColumn, to: AnyPgColumn, day: string) {
  return and(lte(from, day), or(isNull(to), gte(to, day)))
}

/** One more row than the page tells whether another page follows. */
export function toPage<Row>(rows: Row[], page: Page): { items: Row[]; nextOffset: number | null } {
  return {
    items: rows.slice(0, page.limit),
    nextOffset: rows.length > page.limit ? page.offset + page.limit : null,
  }
}

export async function searchOffices(
  db: Executor,
  filter: PlaceFilter & { foldedName?: string | undefined; validOn: string },
  page: Page,
) {
  const parent = sql`(select p.name from ${offices} p where p.code = ${offices.parentCode} and p.kind <> 'central')`
  const distance = distanceKm(offices.latitude, offices.longitude, filter.origin)
  return (
    db
      .select({
        code: offices.code,
        parentCode: offices.parentCode,
        parentName: sql<string | null>`${parent}`,
        kind: offices.kind,
        name: offices.name,
        openingHours: offices.openingHours,
        address: offices.address,
        phone: offices.phone,
        provinceCode: offices.provinceCode,
        latitude: offices.latitude,
        longitude: offices.longitude,
        distanceKm: distance,
      })
      .from(offices)
      .where(
        and(
          validOn(offices.validFrom, offices.validTo, filter.validOn),
          filter.provinceCode ? eq(offices.provinceCode, filter.provinceCode) : undefined,
          filter.foldedName ? containsText(offices.foldedName, filter.foldedName) : undefined,
        ),
      )
      // Without an origin, code order is the tree's order: a province office, then its grassroots offices.
      .orderBy(...placeOrder(distance, filter.origin, [asc(offices.code)]))
      .limit(page.limit + 1)
      .offset(page.offset)
  )
}

export type FacilityFilter = PlaceFilter & {
  foldedName?: string | undefined
  level?: (typeof medicalFacilities.$inferSelect)['level'] | undefined
  acceptsPrimaryRegistration?: boolean | undefined
  issuesSickLeave?: boolean | undefined
  validOn: string
}

/** Facilities under a BHYT contract (the only ones a card holder can use). */
export async function searchFacilities(db: Executor, filter: FacilityFilter, page: Page) {
  const f = medicalFacilities
  const distance = distanceKm(f.latitude, f.longitude, filter.origin)
  const flag = (column: AnyPgColumn, value: boolean | undefined) =>
    value === undefined ? undefined : eq(column, value)
  return db
    .select({
      code: f.code,
      name: f.name,
      level: f.level,
      acceptsPrimaryRegistration: f.acceptsPrimaryRegistration,
      issuesSickLeave: f.issuesSickLeave,
      address: f.address,
      phone: f.phone,
      provinceCode: f.provinceCode,
      latitude: f.latitude,
      longitude: f.longitude,
      distanceKm: distance,
    })
    .from(f)
    .where(
      and(
        eq(f.hasHealthInsuranceContract, true),
        validOn(f.validFrom, f.validTo, filter.validOn),
        filter.provinceCode ? eq(f.provinceCode, filter.provinceCode) : undefined,
        filter.level ? eq(f.level, filter.level) : undefined,
        filter.foldedName ? containsText(f.foldedName, filter.foldedName) : undefined,
        flag(f.acceptsPrimaryRegistration, filter.acceptsPrimaryRegistration),
        flag(f.issuesSickLeave, filter.issuesSickLeave),
      ),
    )
    .orderBy(...placeOrder(distance, filter.origin, [byteOrder(f.foldedName), asc(f.code)]))
    .limit(page.limit + 1)
    .offset(page.offset)
}

export async function searchCollectionPoints(
  db: Executor,
  filter: PlaceFilter & { kind?: (typeof collectionAgents.$inferSelect)['kind'] | undefined },
  page: Page,
) {
  const a = collectionAgents
  const distance = distanceKm(a.latitude, a.longitude, filter.origin)
  return db
    .select({
      code: a.code,
      kind: a.kind,
      name: a.name,
      officeCode: a.officeCode,
      address: a.address,
      phone: a.phone,
      provinceCode: a.provinceCode,
      latitude: a.latitude,
      longitude: a.longitude,
      distanceKm: distance,
    })
    .from(a)
    .where(
      and(
        filter.provinceCode ? eq(a.provinceCode, filter.provinceCode) : undefined,
        filter.kind ? eq(a.kind, filter.kind) : undefined,
      ),
    )
    .orderBy(...placeOrder(distance, filter.origin, [byteOrder(a.foldedName), asc(a.code)]))
    .limit(page.limit + 1)
    .offset(page.offset)
}

/** The names of offices by code, for the employers' managing offices. */
export async function officeNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map()
  const rows = await db
    .select({ code: offices.code, name: offices.name })
    .from(offices)
    .where(inArray(offices.code, codes))
  return new Map(rows.map((row) => [row.code, row.name]))
}
