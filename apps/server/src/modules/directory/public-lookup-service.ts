import {
  AddressCodeSet,
  type CollectionPointSearchQuery,
  type EmployerSearchQuery,
  type FacilitySearchQuery,
  foldVietnamese,
  type GeoPoint,
  type OfficeSearchQuery,
  parseNear,
  participantBand,
} from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { notFound } from '../../platform/errors'
import { type EmployerMatch, searchEmployers } from '../registry/search-employers'
import {
  officeNames,
  searchCollectionPoints,
  searchFacilities,
  searchOffices,
  toPage,
} from './public-lookup-repo'
import { suggestOffice } from './service'

/** Tra cứu trực tuyến: the public look-ups of offices, facilities, employers and collection points. */

type PlaceQuery = {
  near?: string | undefined
  provinceCode?: string | undefined
  communeCode?: string | undefined
}

/**
 * Where distances are measured from: the given coordinates, or the seat of the office that serves the
 * chosen commune (the administrative-unit tables carry no coordinates; the office is the nearest
 * official place we know to every address of the commune).
 */
async function originOf(db: Executor, query: PlaceQuery, today: string): Promise<GeoPoint | null> {
  if (query.near) return parseNear(query.near)
  if (!query.communeCode || !query.provinceCode) return null
  const office = await suggestOffice(
    db,
    { codeSet: AddressCodeSet.Current, provinceCode: query.provinceCode, communeCode: query.communeCode },
    today,
  )
  if (!office) throw notFound('commune')
  return office.latitude === null || office.longitude === null
    ? null
    : { latitude: office.latitude, longitude: office.longitude }
}

const folded = (name: string | undefined) => (name ? foldVietnamese(name) : undefined)
const flag = (value: 'true' | 'false' | undefined) => (value === undefined ? undefined : value === 'true')

async function placeFilter(db: Executor, query: PlaceQuery, today: string) {
  return { origin: await originOf(db, query, today), provinceCode: query.provinceCode }
}

export async function findOffices(db: Executor, query: OfficeSearchQuery, today: string) {
  const place = await placeFilter(db, query, today)
  const rows = await searchOffices(db, { ...place, foldedName: folded(query.name), validOn: today }, query)
  return { ...toPage(rows, query), origin: place.origin }
}

export async function findFacilities(db: Executor, query: FacilitySearchQuery, today: string) {
  const place = await placeFilter(db, query, today)
  const filter = {
    ...place,
    foldedName: folded(query.name),
    level: query.level,
    acceptsPrimaryRegistration: flag(query.primaryRegistration),
    issuesSickLeave: flag(query.sickLeave),
    validOn: today,
  }
  return { ...toPage(await searchFacilities(db, filter, query), query), origin: place.origin }
}

export async function findCollectionPoints(db: Executor, query: CollectionPointSearchQuery, today: string) {
  const place = await placeFilter(db, query, today)
  const rows = await searchCollectionPoints(db, { ...place, kind: query.kind }, query)
  return { ...toPage(rows, query), origin: place.origin }
}

/** mã số thuế: 10 digits, a branch adds 3 (written with or without the dash). */
const taxCodePattern = /^\d{10}(-?\d{3})?$/
/** mã đơn vị: letters and digits, e.g. TA0001A; never all digits, never with a space. */
const unitCodePattern = /^(?=.*\d)(?=.*[a-z])[a-z0-9]{5,10}$/i

export function employerMatchOf(text: string): EmployerMatch {
  const compact = text.trim()
  if (taxCodePattern.test(compact)) return { taxCode: compact }
  if (unitCodePattern.test(compact)) return { unitCode: compact.toUpperCase() }
  return { foldedName: foldVietnamese(compact) }
}

/** Employer units with their managing office's name and a band instead of the exact head count. */
export async function findEmployers(db: Executor, query: EmployerSearchQuery) {
  const rows = await searchEmployers(db, employerMatchOf(query.q), query)
  const names = await officeNames(db, [...new Set(rows.map((row) => row.managingOfficeCode))])
  const items = rows.map(({ participants, ...employer }) => ({
    ...employer,
    managingOfficeName: names.get(employer.managingOfficeCode) ?? null,
    participantBand: participantBand(participants),
  }))
  return { ...toPage(items, query), origin: null }
}
