import { AddressCodeSet, type ContactAddress, type CurrentUnits, currentUnitsOf } from '@ansinh/domain'
import type { Executor } from '../../db/client'
import {
  type AdminUnit,
  findAdminUnits,
  findOffice,
  mapOldCommuneToNew,
  type Office,
  officesServing,
  oldDistrictsOfNewCommune,
} from './repo'

/**
 * What other modules ask of the directory: is an address made of real units, how does it read, which
 * office serves it, and an office with its parent for display.
 */

/** An address as stored in a table's columns (a dossier, a person, a snapshot of either). */
export type AddressColumns = {
  addressCodeSet: ContactAddress['codeSet'] | null
  provinceCode: string | null
  districtCode: string | null
  communeCode: string | null
  street: string | null
}

export function contactAddressOf(columns: AddressColumns): ContactAddress {
  return {
    codeSet: columns.addressCodeSet ?? AddressCodeSet.Current,
    provinceCode: columns.provinceCode ?? '',
    communeCode: columns.communeCode ?? '',
    street: columns.street ?? '',
    districtCode: columns.districtCode ?? undefined,
  }
}

export type AddressProblems = Partial<Record<'provinceCode' | 'districtCode' | 'communeCode', string>>

type AddressUnits = { province?: AdminUnit; district?: AdminUnit; commune?: AdminUnit }

async function unitsOf(db: Executor, address: ContactAddress): Promise<AddressUnits> {
  const codes = [address.provinceCode, address.communeCode, address.districtCode].filter(
    (code): code is string => code !== undefined,
  )
  const units = await findAdminUnits(db, address.codeSet, codes)
  const at = (level: AdminUnit['level'], code: string | undefined) =>
    units.find((unit) => unit.level === level && unit.code === code)
  return {
    province: at('province', address.provinceCode),
    district: at('district', address.districtCode),
    commune: at('commune', address.communeCode),
  }
}

/** Field-level problems of an address: unknown codes, or a commune outside its province or district. */
export async function checkAddress(db: Executor, address: ContactAddress): Promise<AddressProblems> {
  const { province, district, commune } = await unitsOf(db, address)
  const problems: AddressProblems = {}
  if (!province) problems.provinceCode = 'Tỉnh/thành phố không có trong danh mục.'
  const legacy = address.codeSet === AddressCodeSet.Legacy
  if (legacy && (!district || district.provinceCode !== address.provinceCode))
    problems.districtCode = 'Quận/huyện không thuộc tỉnh/thành phố đã chọn.'
  const communeParent = legacy ? address.districtCode : address.provinceCode
  if (!commune || commune.provinceCode !== address.provinceCode || commune.parentCode !== communeParent)
    problems.communeCode = legacy
      ? 'Xã/phường không thuộc quận/huyện đã chọn.'
      : 'Xã/phường không thuộc tỉnh/thành phố đã chọn.'
  return problems
}

/** "Số 12 Trần Hưng Đạo, Phường Chợ Quán, Thành phố Hồ Chí Minh" (with the district for old units). */
export async function describeAddress(db: Executor, address: ContactAddress): Promise<string> {
  const { province, district, commune } = await unitsOf(db, address)
  return [address.street, commune?.fullName, district?.fullName, province?.fullName]
    .filter((part): part is string => Boolean(part))
    .join(', ')
}

/**
 * Where an address recorded in old three-level units lies since 1 Jul 2025 (null for an address
 * already in new units, or a commune the mapping does not know).
 */
export async function currentUnitsOfAddress(
  db: Executor,
  address: ContactAddress,
): Promise<CurrentUnits | null> {
  if (address.codeSet !== AddressCodeSet.Legacy) return null
  const successors = await mapOldCommuneToNew(db, address.communeCode)
  const [first] = successors
  if (!first) return null
  const [province] = await findAdminUnits(db, AddressCodeSet.Current, [first.newProvinceCode])
  if (!province) return null
  return currentUnitsOf(
    { code: province.code, fullName: province.fullName },
    successors.map(({ newCommuneCode, fullName, kind }) => ({ code: newCommuneCode, fullName, kind })),
  )
}

/** An address in words with, for one in old units, the units it belongs to now: what screens show. */
export async function presentAddress(db: Executor, address: ContactAddress) {
  return {
    address: await describeAddress(db, address),
    currentUnits: await currentUnitsOfAddress(db, address),
  }
}

/** The grassroots office that serves an address (the province office when none is known). */
export async function suggestOffice(db: Executor, address: Omit<ContactAddress, 'street'>, validOn: string) {
  const area = await areaOf(db, address)
  if (!area) return null
  const [office] = await officesServing(db, area, validOn)
  return office ?? null
}

async function areaOf(db: Executor, address: Omit<ContactAddress, 'street'>) {
  if (address.codeSet === AddressCodeSet.Current) {
    return {
      provinceCode: address.provinceCode,
      newCommuneCode: address.communeCode,
      oldDistrictCodes: await oldDistrictsOfNewCommune(db, address.communeCode),
    }
  }
  const [successor] = await mapOldCommuneToNew(db, address.communeCode)
  if (!successor) return null
  return {
    provinceCode: successor.newProvinceCode,
    newCommuneCode: successor.newCommuneCode,
    oldDistrictCodes: address.districtCode ? [address.districtCode] : [],
  }
}

export type OfficeWithParent = Office & { parentName: string | null }

/** An office valid on `validOn` that can receive dossiers (not the central agency), with its parent's name. */
export async function receivingOffice(
  db: Executor,
  code: string,
  validOn: string,
): Promise<OfficeWithParent | null> {
  const office = await findOffice(db, code)
  if (!office || office.kind === 'central') return null
  if (office.validFrom > validOn || (office.validTo !== null && office.validTo < validOn)) return null
  return withParent(db, office)
}

export async function officeWithParent(db: Executor, code: string): Promise<OfficeWithParent | null> {
  const office = await findOffice(db, code)
  return office ? withParent(db, office) : null
}

async function withParent(db: Executor, office: Office): Promise<OfficeWithParent> {
  const parent = office.parentCode ? await findOffice(db, office.parentCode) : null
  return { ...office, parentName: parent && parent.kind !== 'central' ? parent.name : null }
}

export { officeNames } from './public-lookup-repo'
export { findFacility, findProvinceOffice, provinceWithPredecessors } from './repo'
