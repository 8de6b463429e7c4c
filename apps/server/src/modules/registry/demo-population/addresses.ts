import type { Random, WeightedPicker } from './prng'
import { weightedPicker } from './prng'
import type { AdminUnitRef, DemoReference, FacilityRef, OfficeRef } from './reference'

/**
 * The 63 pre-2025 provinces (GSO codes, still used in personal IDs, BHYT card numbers and facility
 * codes) with their population in thousands (2019 census, rounded) and the 2025 province that
 * absorbed them (Resolution 202/2025/QH15). Static because these codes are frozen history.
 */
// biome-ignore format: one province per cell reads better than 63 lines
export const legacyProvinces: readonly (readonly [code: string, population: number, province2025: string])[] = [
  ['01', 8054, '01'], ['02', 854, '08'], ['04', 530, '04'], ['06', 314, '19'], ['08', 785, '08'],
  ['10', 731, '15'], ['11', 599, '11'], ['12', 461, '12'], ['14', 1248, '14'], ['15', 822, '15'],
  ['17', 855, '25'], ['19', 1287, '19'], ['20', 782, '20'], ['22', 1321, '22'], ['24', 1804, '24'],
  ['25', 1464, '25'], ['26', 1152, '25'], ['27', 1369, '24'], ['30', 1893, '31'], ['31', 2029, '31'],
  ['33', 1253, '33'], ['34', 1861, '33'], ['35', 853, '37'], ['36', 1781, '37'], ['37', 983, '37'],
  ['38', 3641, '38'], ['40', 3327, '40'], ['42', 1289, '42'], ['44', 896, '44'], ['45', 633, '44'],
  ['46', 1129, '46'], ['48', 1135, '48'], ['49', 1496, '48'], ['51', 1232, '51'], ['52', 1487, '52'],
  ['54', 872, '66'], ['56', 1232, '56'], ['58', 591, '56'], ['60', 1231, '68'], ['62', 541, '51'],
  ['64', 1514, '52'], ['66', 1870, '66'], ['67', 623, '68'], ['68', 1297, '68'], ['70', 995, '75'],
  ['72', 1170, '80'], ['74', 2456, '79'], ['75', 3097, '75'], ['77', 1149, '79'], ['79', 8993, '79'],
  ['80', 1689, '80'], ['82', 1765, '82'], ['83', 1289, '86'], ['84', 1009, '86'], ['86', 1023, '86'],
  ['87', 1600, '82'], ['89', 1908, '91'], ['91', 1723, '91'], ['92', 1236, '92'], ['93', 733, '92'],
  ['94', 1200, '92'], ['95', 908, '96'], ['96', 1194, '96'],
]

/** Minimum-wage region (vùng I–IV) of the bulk of each 2025 province; the rest default to III. */
// biome-ignore format: a lookup table
const wageRegions: Record<string, 1 | 2 | 3 | 4> = {
  '01': 1, '79': 1, '31': 1, '75': 1, '22': 2, '24': 2, '48': 2, '56': 2, '92': 2, '19': 2, '25': 2,
  '04': 4, '08': 4, '11': 4, '12': 4, '14': 4, '15': 4, '20': 4, '42': 4,
}

/** Provinces whose older residents mostly write Huỳnh/Võ rather than Hoàng/Vũ (from Quảng Nam south). */
export function isSouthern(legacyProvinceCode: string): boolean {
  return legacyProvinceCode >= '49'
}

export type LegacyProvince = {
  code: string
  districts: AdminUnitRef[]
  communesByDistrict: Map<string, AdminUnitRef[]>
}

/** Everything the generator needs about one 2025 province, indexed once. */
export type ProvinceAtlas = {
  code: string
  name: string
  region: 1 | 2 | 3 | 4
  communes: AdminUnitRef[]
  /** Pre-2025 provinces merged into this one, weighted by population; used for birth places and old addresses. */
  legacy: WeightedPicker<string>
  legacyWithUnits: WeightedPicker<LegacyProvince> | null
  grassrootsOffices: OfficeRef[]
  /** The office that answers for the province: a grassroots office, else the provincial one. */
  offices: OfficeRef[]
  primaryFacilities: FacilityRef[]
  hospitals: FacilityRef[]
}

export type Atlas = {
  provinces: WeightedPicker<ProvinceAtlas>
  byCode: Map<string, ProvinceAtlas>
  /** All pre-2025 provinces by population, for people born elsewhere. */
  birthProvinces: WeightedPicker<string>
  legacyToNew: Map<string, string>
  legacyNames: Map<string, string>
  provinceNames: Map<string, string>
  communeNames: Map<string, string>
}

export function buildAtlas(reference: DemoReference): Atlas {
  if (reference.offices.length === 0 || reference.facilities.length === 0) {
    throw new Error('Reference data is missing offices or medical facilities: load the directory first')
  }
  const legacyToNew = new Map(legacyProvinces.map(([code, , next]) => [code, next]))
  const communesByProvince = groupBy(reference.communes2025, (unit) => unit.provinceCode)
  const legacyByCode = buildLegacyProvinces(reference)
  const officeProvince = (office: OfficeRef) => office.provinceCode ?? office.code.slice(1, 3)
  const central = reference.offices.filter((office) => office.kind === 'central')
  const fallbackOffices = central.length > 0 ? central : reference.offices
  const entries: (readonly [ProvinceAtlas, number])[] = []
  const byCode = new Map<string, ProvinceAtlas>()
  for (const province of reference.provinces2025) {
    const communes = communesByProvince.get(province.code)
    if (!communes || communes.length === 0) continue
    const members = legacyProvinces.filter(([, , next]) => next === province.code)
    const population = members.reduce((sum, [, people]) => sum + people, 0)
    if (population === 0) continue
    const officesHere = reference.offices.filter((office) => officeProvince(office) === province.code)
    const grassroots = officesHere.filter((office) => office.kind === 'grassroots')
    const facilities = reference.facilities.filter((facility) => facility.provinceCode === province.code)
    const primary = facilities.filter((facility) => facility.acceptsPrimaryRegistration)
    const hospitals = facilities.filter((facility) => facility.level !== 'commune')
    const withUnits = members
      .map(([code, people]) => [legacyByCode.get(code), people] as const)
      .filter((entry): entry is readonly [LegacyProvince, number] => entry[0] !== undefined)
    const atlas: ProvinceAtlas = {
      code: province.code,
      name: province.fullName,
      region: wageRegions[province.code] ?? 3,
      communes,
      legacy: weightedPicker(members.map(([code, people]) => [code, people] as const)),
      legacyWithUnits: withUnits.length > 0 ? weightedPicker(withUnits) : null,
      grassrootsOffices: grassroots,
      offices: grassroots.length > 0 ? grassroots : officesHere.length > 0 ? officesHere : fallbackOffices,
      primaryFacilities: primary.length > 0 ? primary : reference.facilities,
      hospitals: hospitals.length > 0 ? hospitals : facilities.length > 0 ? facilities : reference.facilities,
    }
    entries.push([atlas, population])
    byCode.set(province.code, atlas)
  }
  if (entries.length === 0) throw new Error('Reference data has no 2025 provinces with communes')
  const names = (units: AdminUnitRef[]) => new Map(units.map((unit) => [unit.code, unit.fullName]))
  return {
    provinces: weightedPicker(entries),
    byCode,
    birthProvinces: weightedPicker(legacyProvinces.map(([code, people]) => [code, people] as const)),
    legacyToNew,
    legacyNames: names(reference.provincesPre2025),
    provinceNames: names(reference.provinces2025),
    communeNames: names(reference.communes2025),
  }
}

function buildLegacyProvinces(reference: DemoReference): Map<string, LegacyProvince> {
  const communesByDistrict = groupBy(reference.communesPre2025, (unit) => unit.parentCode ?? '')
  const result = new Map<string, LegacyProvince>()
  for (const district of reference.districtsPre2025) {
    const communes = communesByDistrict.get(district.code)
    if (!communes || communes.length === 0) continue // island districts have no communes
    let province = result.get(district.provinceCode)
    if (!province) {
      province = { code: district.provinceCode, districts: [], communesByDistrict: new Map() }
      result.set(district.provinceCode, province)
    }
    province.districts.push(district)
    province.communesByDistrict.set(district.code, communes)
  }
  return result
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

export type Address = {
  codeSet: '2025-07-01' | '2004-2025'
  provinceCode: string
  districtCode: string | null
  communeCode: string
  street: string
  /** The 2025 province, whatever code set the address itself uses. */
  province: ProvinceAtlas
}

/** A home address; `preferOld` households keep pre-2025 codes (records not yet updated after the reform). */
export function pickAddress(random: Random, province: ProvinceAtlas, preferOld: boolean): Address {
  if (preferOld && province.legacyWithUnits) {
    const legacy = province.legacyWithUnits.pick(random)
    const district = random.pick(legacy.districts)
    const commune = random.pick(legacy.communesByDistrict.get(district.code) ?? [])
    return {
      codeSet: '2004-2025',
      provinceCode: legacy.code,
      districtCode: district.code,
      communeCode: commune.code,
      street: pickStreet(random, commune.fullName, legacy.code),
      province,
    }
  }
  const commune = random.pick(province.communes)
  return {
    codeSet: '2025-07-01',
    provinceCode: province.code,
    districtCode: null,
    communeCode: commune.code,
    street: pickStreet(random, commune.fullName, province.code),
    province,
  }
}

/** Streets named after national figures, found in nearly every Vietnamese town. */
// biome-ignore format: a word list
export const streetNames = [
  'Trần Hưng Đạo', 'Lê Lợi', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Quang Trung',
  'Nguyễn Trãi', 'Lê Duẩn', 'Phan Chu Trinh', 'Phan Bội Châu', 'Nguyễn Du', 'Trần Phú',
  'Hùng Vương', 'Lê Hồng Phong', 'Nguyễn Văn Cừ', 'Võ Thị Sáu', 'Điện Biên Phủ', 'Cách Mạng Tháng Tám',
  'Nguyễn Thị Minh Khai', 'Lý Tự Trọng', 'Pasteur', 'Nguyễn Đình Chiểu', 'Bà Triệu', 'Lê Thánh Tông',
  'Ngô Quyền', 'Đinh Tiên Hoàng', 'Lạc Long Quân', 'Âu Cơ', 'Nguyễn Thái Học', 'Tôn Đức Thắng',
  'Phạm Văn Đồng', 'Võ Văn Kiệt', 'Trường Chinh', 'Hoàng Văn Thụ', 'Chu Văn An', 'Trần Quốc Toản',
  'Nguyễn Chí Thanh', 'Lê Văn Sỹ', 'Nguyễn Tri Phương', 'Châu Văn Liêm', 'Hàm Nghi', 'Yersin',
]

const hamletNames = [
  'Bình An',
  'Tân Phú',
  'Phú Hòa',
  'Long Thạnh',
  'An Lạc',
  'Thạnh Mỹ',
  'Hòa Bình',
  'Tân Lập',
]
const villageNames = ['Đông', 'Tây', 'Thượng', 'Hạ', 'Trung', 'Nam', 'Bắc', 'Đình']

/** "Số 12 Đường Trần Hưng Đạo" in wards, "Thôn 3" / "Ấp Bình An" / "Xóm Đông" in rural communes. */
export function pickStreet(random: Random, communeName: string, legacyProvinceCode: string): string {
  const urban = communeName.startsWith('Phường')
  if (urban) {
    const street = random.pick(streetNames)
    const number = random.int(1, 420)
    if (random.chance(0.25)) return `Số ${number}/${random.int(1, 60)} Đường ${street}`
    if (legacyProvinceCode === '01' && random.chance(0.5)) return `Số ${number} Phố ${street}`
    return `Số ${number} Đường ${street}`
  }
  if (isSouthern(legacyProvinceCode)) return `Ấp ${random.pick(hamletNames)}`
  return random.chance(0.5) ? `Thôn ${random.int(1, 12)}` : `Xóm ${random.pick(villageNames)}`
}

/** "Số 12 Đường Trần Hưng Đạo, Phường Chợ Quán, Thành phố Hồ Chí Minh" for employers' address column. */
export function formatAddress(street: string, communeName: string | undefined, provinceName: string): string {
  return [street, communeName, provinceName].filter((part) => part).join(', ')
}
