/**
 * Tra cứu trực tuyến without sign-in: BHXH offices, medical facilities (CSKCB), employer units and
 * collection points. Queries and answers, shared by the server (validation, OpenAPI) and the citizen app.
 */
import { z } from 'zod'
import { OfficeKind } from './directory'

const ProvinceCode = z.string().regex(/^\d{2}$/, { error: 'Mã tỉnh gồm 2 chữ số' })
const CommuneCode = z.string().regex(/^\d{5}$/, { error: 'Mã xã/phường gồm 5 chữ số' })

/** `near=lat,lng` in decimal degrees, as the browser's geolocation gives them. */
export const NearParam = z
  .string()
  .regex(/^-?\d{1,2}(\.\d{1,8})?,-?\d{1,3}(\.\d{1,8})?$/, { error: 'Toạ độ theo dạng vĩ độ,kinh độ' })
  .refine(
    (value) => {
      const [latitude = 0, longitude = 0] = value.split(',').map(Number)
      return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180
    },
    { error: 'Toạ độ ngoài phạm vi' },
  )

export type GeoPoint = { latitude: number; longitude: number }

export function parseNear(value: string): GeoPoint {
  const [latitude = 0, longitude = 0] = value.split(',').map(Number)
  return { latitude, longitude }
}

export function formatNear(point: GeoPoint): string {
  return `${point.latitude.toFixed(5)},${point.longitude.toFixed(5)}`
}

/**
 * Where "gần tôi" measures from: the device's coordinates, or a chosen commune (the administrative
 * units carry no coordinates, so the server measures from the office that serves the commune).
 */
const placeFields = {
  near: NearParam.optional().describe('Sort nearest first from these coordinates (lat,lng)'),
  provinceCode: ProvinceCode.optional().describe('Only this province (2025 code)'),
  communeCode: CommuneCode.optional().describe(
    'Sort nearest first from this commune (2025 code; needs provinceCode)',
  ),
}

function pageFields(maxLimit: number, maxOffset: number) {
  return {
    offset: z.coerce.number().int().min(0).max(maxOffset).default(0),
    limit: z.coerce.number().int().min(1).max(maxLimit).default(Math.min(20, maxLimit)),
  }
}

const communeNeedsProvince = {
  check: (query: { communeCode?: string | undefined; provinceCode?: string | undefined }) =>
    query.communeCode === undefined || query.provinceCode !== undefined,
  message: { error: 'Chọn tỉnh/thành phố của xã/phường', path: ['provinceCode'] },
}

const NameFilter = z.string().trim().min(2).max(100).optional().describe('Part of the name, accents optional')
const Flag = z.enum(['true', 'false']).optional()

export const OfficeSearchQuery = z
  .object({ ...placeFields, name: NameFilter, ...pageFields(50, 1000) })
  .refine(communeNeedsProvince.check, communeNeedsProvince.message)

export const FacilityLevel = z.enum(['central', 'province', 'district', 'commune'])
export const FacilitySearchQuery = z
  .object({
    ...placeFields,
    name: NameFilter,
    level: FacilityLevel.optional(),
    primaryRegistration: Flag.describe('Accepts primary-care registration (đăng ký KCB ban đầu)'),
    sickLeave: Flag.describe('Issues sick-leave certificates (cấp giấy nghỉ việc hưởng BHXH)'),
    ...pageFields(50, 2000),
  })
  .refine(communeNeedsProvince.check, communeNeedsProvince.message)

export const CollectionPointKind = z.enum(['collection_point', 'agent'])
export const CollectionPointSearchQuery = z
  .object({ ...placeFields, kind: CollectionPointKind.optional(), ...pageFields(50, 1000) })
  .refine(communeNeedsProvince.check, communeNeedsProvince.message)

/** Employer units: a small page and a short reach, so the register cannot be walked page by page. */
export const employerPageSize = 10
export const employerMaxResults = 50
export const EmployerSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(3, { error: 'Nhập ít nhất 3 ký tự' })
    .max(100)
    .describe('Unit code, tax code, or part of the name'),
  ...pageFields(employerPageSize, employerMaxResults - employerPageSize),
})

const Origin = z.object({ latitude: z.number(), longitude: z.number() }).nullable()
const placeView = {
  address: z.string().nullable(),
  phone: z.string().nullable(),
  provinceCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** Kilometres from the origin, when one was given. */
  distanceKm: z.number().nullable(),
}

function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    /** The offset of the next page, or null on the last one. */
    nextOffset: z.number().int().nullable(),
    /** Where distances were measured from. */
    origin: Origin,
  })
}

export const OfficeListing = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  kind: z.enum(OfficeKind),
  name: z.string(),
  openingHours: z.string().nullable(),
  ...placeView,
})
export const OfficeListingPage = pageOf(OfficeListing)

export const FacilityListing = z.object({
  code: z.string(),
  name: z.string(),
  level: FacilityLevel,
  acceptsPrimaryRegistration: z.boolean(),
  issuesSickLeave: z.boolean(),
  ...placeView,
})
export const FacilityListingPage = pageOf(FacilityListing)

export const CollectionPointListing = z.object({
  code: z.string(),
  kind: CollectionPointKind,
  name: z.string(),
  officeCode: z.string(),
  ...placeView,
})
export const CollectionPointListingPage = pageOf(CollectionPointListing)

/** Number of participants today, shown as a band: the exact head count is the employer's business. */
export const ParticipantBand = z.enum(['under_10', '10_49', '50_199', '200_plus'])
export type ParticipantBand = z.infer<typeof ParticipantBand>

export function participantBand(count: number): ParticipantBand {
  if (count < 10) return 'under_10'
  if (count < 50) return '10_49'
  if (count < 200) return '50_199'
  return '200_plus'
}

export const EmployerUnitView = z.object({
  unitCode: z.string(),
  taxCode: z.string().nullable(),
  name: z.string(),
  address: z.string(),
  managingOfficeCode: z.string(),
  managingOfficeName: z.string().nullable(),
  participantBand: ParticipantBand,
  status: z.enum(['active', 'suspended', 'closed']),
})
export const EmployerUnitPage = pageOf(EmployerUnitView)

export type OfficeSearchQuery = z.infer<typeof OfficeSearchQuery>
export type FacilitySearchQuery = z.infer<typeof FacilitySearchQuery>
export type CollectionPointSearchQuery = z.infer<typeof CollectionPointSearchQuery>
export type EmployerSearchQuery = z.infer<typeof EmployerSearchQuery>
export type OfficeListing = z.infer<typeof OfficeListing>
export type FacilityListing = z.infer<typeof FacilityListing>
export type CollectionPointListing = z.infer<typeof CollectionPointListing>
export type EmployerUnitView = z.infer<typeof EmployerUnitView>
export type OfficeListingPage = z.infer<typeof OfficeListingPage>
export type FacilityListingPage = z.infer<typeof FacilityListingPage>
export type CollectionPointListingPage = z.infer<typeof CollectionPointListingPage>
export type EmployerUnitPage = z.infer<typeof EmployerUnitPage>
