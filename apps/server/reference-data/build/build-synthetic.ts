/**
 * Regenerates the synthetic directory files of `apps/server/reference-data/`:
 *
 *   offices.json              BHXH offices: VSS, 34 province offices, grassroots offices, 29 historical ones
 *   medical-facilities.json   KCB facilities: central, provincial, district hospitals, commune health stations
 *   collection-agents.json    collection points (post offices) and commune collection agents
 *
 * No public licensed list of any of these exists (DATA-FORMATS §7), so they are invented — plausibly
 * and deterministically — from the administrative-unit files and the hand tables in
 * `synthetic-tables.ts`. Run `build-admin-units.ts` first, then, from the repository root:
 *   npx tsx apps/server/reference-data/build/build-synthetic.ts
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { foldVietnamese as fold } from '@ansinh/domain'
import {
  centralHospitals,
  centralOffice,
  districtsWithoutServices,
  knownOfficePhones,
  officeNumberOverrides,
  oldProvinces,
  privateClinics,
  provincesCreated2004,
  provincialHospitalNames,
  streetNames,
} from './synthetic-tables'
import { referenceDataDir, writeTupleFile } from './tuple-file'

type Unit = { code: string; parent: string; name: string; unitType: string }
type MappingRow = { oldCode: string; newCode: string; kind: string }

function readTuples(fileName: string): Record<string, string[][]> {
  return JSON.parse(readFileSync(join(referenceDataDir, fileName), 'utf8')) as Record<string, string[][]>
}

function units(rows: string[][] | undefined): Unit[] {
  return (rows ?? []).map(([code = '', parent = '', name = '', , unitType = '']) => ({
    code,
    parent,
    name,
    unitType,
  }))
}

const pre = readTuples('admin-units-2004-2025.json')
const post = readTuples('admin-units-2025-07-01.json')
const mapping = readTuples('admin-unit-mapping-2025.json')

const oldProvinceUnits = units(pre.provinces?.map(([code = '', ...rest]) => [code, '', ...rest]))
const oldDistricts = units(pre.districts)
const oldCommunes = units(pre.communes)
const newProvinceUnits = units(post.provinces?.map(([code = '', ...rest]) => [code, '', ...rest]))
const newCommunes = units(post.communes)
const mappingRows: MappingRow[] = (mapping.communes ?? []).map(
  ([oldCode = '', newCode = '', , kind = '']) => ({
    oldCode,
    newCode,
    kind,
  }),
)
const newProvinceOfOld = new Map(
  (mapping.provinces ?? []).map(([oldCode = '', newCode = '']) => [oldCode, newCode]),
)

const byCode = <T extends { code: string }>(list: T[]) => new Map(list.map((item) => [item.code, item]))
const oldProvinceByCode = byCode(oldProvinceUnits)
const oldDistrictByCode = byCode(oldDistricts)
const oldCommuneByCode = byCode(oldCommunes)
const newProvinceByCode = byCode(newProvinceUnits)
const newCommuneByCode = byCode(newCommunes)

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing ${what}`)
  return value
}

// ---------------------------------------------------------------------------------------------------
// Deterministic pseudo-randomness: the same input always gives the same file.

function hash(text: string): number {
  let value = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i)
    value = Math.imul(value, 0x01000193) >>> 0
  }
  // FNV alone leaves keys that differ in the last character close together; mix the bits.
  value = Math.imul(value ^ (value >>> 16), 0x85ebca6b)
  value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35)
  return (value ^ (value >>> 16)) >>> 0
}

function unitInterval(key: string): number {
  return hash(key) / 0x1_0000_0000
}

function pick<T>(list: readonly T[], key: string): T {
  return required(list[hash(key) % list.length], 'list item')
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** A point near the old province's capital: approximate on purpose (no geodata is shipped). */
function nearCapital(oldProvinceCode: string, key: string, radius: number): [number, number] {
  const centre = required(oldProvinces[oldProvinceCode], `centre of ${oldProvinceCode}`)
  return [
    round(centre.latitude + (unitInterval(`lat:${key}`) - 0.5) * 2 * radius, 4),
    round(centre.longitude + (unitInterval(`lng:${key}`) - 0.5) * 2 * radius, 4),
  ]
}

/** How far from the provincial capital a district's buildings may be placed: urban districts stay close. */
function radiusOf(district: Unit): number {
  return district.unitType === 'Quận' ? 0.06 : 0.35
}

function phone(oldProvinceCode: string, key: string): string {
  const area = required(oldProvinces[oldProvinceCode], `area code of ${oldProvinceCode}`).areaCode
  const digits = pad(hash(`phone:${key}`) % 10_000_000, 7)
  // Hà Nội and HCMC have 8-digit subscriber numbers, the other provinces 7.
  return area.length === 3
    ? `${area} 3${digits.slice(0, 3)} ${digits.slice(3)}`
    : `${area} 3${digits.slice(0, 3)} ${digits.slice(3, 6)}`
}

// ---------------------------------------------------------------------------------------------------
// Names and addresses.

/** "Quận 5" keeps its capital (the number is the name); "huyện Sóc Sơn" is written in lower case mid-phrase. */
function named(unit: { unitType: string; name: string }): string {
  return /^\d/.test(unit.name)
    ? `${unit.unitType} ${unit.name}`
    : `${unit.unitType.toLowerCase()} ${unit.name}`
}

function fullName(unit: { unitType: string; name: string }): string {
  return `${unit.unitType} ${unit.name}`
}

/** A house number and street in towns; a village in a rural commune ("ấp" in the south, "thôn" elsewhere). */
function streetAddress(commune: Unit, oldProvinceCode: string, key: string): string {
  const number = 1 + (hash(`no:${key}`) % 300)
  if (commune.unitType === 'Xã') {
    const south = required(oldProvinces[oldProvinceCode], oldProvinceCode).latitude < 11.8
    return `${south ? 'Ấp' : 'Thôn'} ${1 + (number % 9)}`
  }
  return `Số ${number} ${pick(streetNames, `street:${key}`)}`
}

function newAddress(street: string, commune: Unit): string {
  const province = required(newProvinceByCode.get(commune.parent), `province ${commune.parent}`)
  return `${street}, ${fullName(commune)}, ${fullName(province)}`
}

// ---------------------------------------------------------------------------------------------------
// Old ↔ new administrative units.

const mappingByOld = new Map<string, MappingRow[]>()
const mappingByNew = new Map<string, MappingRow[]>()
for (const row of mappingRows) {
  mappingByOld.set(row.oldCode, [...(mappingByOld.get(row.oldCode) ?? []), row])
  mappingByNew.set(row.newCode, [...(mappingByNew.get(row.newCode) ?? []), row])
}
const fullFirst = (a: MappingRow, b: MappingRow) =>
  a.kind === b.kind ? (a.oldCode < b.oldCode ? -1 : 1) : a.kind === 'full' ? -1 : 1

/** The new commune that took (most of) an old commune, or an island district without communes. */
function newCommuneOfOld(oldCode: string): Unit | undefined {
  const row = [...(mappingByOld.get(oldCode) ?? [])].sort(fullFirst)[0]
  return row && newCommuneByCode.get(row.newCode)
}

const communesOfDistrict = new Map<string, Unit[]>()
for (const commune of oldCommunes) {
  communesOfDistrict.set(commune.parent, [...(communesOfDistrict.get(commune.parent) ?? []), commune])
}

/**
 * Where an office or hospital of an old district stands: the given old commune, else the old
 * commune whose successor bears the district's name (many 2025 communes took it: "Phường Ba Đình",
 * "Xã Sóc Sơn"), else the district's first commune.
 */
function seatOfDistrict(district: Unit, oldCommuneName?: string): { old: Unit | undefined; current: Unit } {
  const communes = communesOfDistrict.get(district.code) ?? []
  const old = oldCommuneName
    ? required(
        communes.find((commune) => fold(commune.name) === fold(oldCommuneName)),
        `commune ${oldCommuneName} in ${district.name}`,
      )
    : (communes.find((commune) => fold(newCommuneOfOld(commune.code)?.name ?? '') === fold(district.name)) ??
      communes[0])
  return {
    old,
    current: required(newCommuneOfOld(old?.code ?? district.code), `new commune of ${district.code}`),
  }
}

/** The old district a new commune mainly came from: its first 'full' predecessor. */
function oldDistrictOfNew(newCode: string): Unit | undefined {
  for (const row of [...(mappingByNew.get(newCode) ?? [])].sort(fullFirst)) {
    const district = oldDistrictByCode.get(oldCommuneByCode.get(row.oldCode)?.parent ?? row.oldCode)
    if (district) return district
  }
  return undefined
}

function districtsOf(oldProvinceCode: string): Unit[] {
  return oldDistricts.filter(
    (district) => district.parent === oldProvinceCode && !districtsWithoutServices.has(district.code),
  )
}

function findDistrict(oldProvinceCode: string, name: string): Unit {
  return required(
    oldDistricts.find(
      (district) => district.parent === oldProvinceCode && fold(district.name) === fold(name),
    ),
    `district ${name} in ${oldProvinceCode}`,
  )
}

function capitalDistrict(oldProvinceCode: string): Unit {
  return findDistrict(oldProvinceCode, required(oldProvinces[oldProvinceCode], oldProvinceCode).capital)
}

const oldProvincesOfNew = new Map<string, string[]>()
for (const [oldCode, newCode] of newProvinceOfOld) {
  oldProvincesOfNew.set(newCode, [...(oldProvincesOfNew.get(newCode) ?? []), oldCode])
}
/** The old province whose code the new one kept hosts its headquarters; the others follow in code order. */
function oldProvincesOf(newCode: string): string[] {
  const olds = [...(oldProvincesOfNew.get(newCode) ?? [])].sort()
  return [newCode, ...olds.filter((code) => code !== newCode)]
}

// ---------------------------------------------------------------------------------------------------
// Offices (cơ quan BHXH).

type Office = {
  code: string
  parentCode: string | null
  kind: 'central' | 'province' | 'grassroots'
  name: string
  provinceCode: string | null
  communeCode: string | null
  address: string
  phone: string
  openingHours: string
  latitude: number
  longitude: number
  validFrom: string
  validTo: string | null
  oldDistrict?: Unit
  oldProvinceCode?: string
}

const reformDate = '2025-07-01'
const lastDayBeforeReform = '2025-06-30'

function openingHours(oldProvinceCode: string, saturday: boolean): string {
  const north = required(oldProvinces[oldProvinceCode], oldProvinceCode).latitude >= 16
  const weekdays = north
    ? 'Thứ Hai–Thứ Sáu 8:00–12:00, 13:00–17:00'
    : 'Thứ Hai–Thứ Sáu 7:30–11:30, 13:00–16:30'
  return saturday ? `${weekdays}; Thứ Bảy 7:30–11:30` : weekdays
}

function buildOffices(): Office[] {
  const offices: Office[] = [
    {
      ...centralOffice,
      parentCode: null,
      kind: 'central',
      provinceCode: '01',
      communeCode: required(
        newCommunes.find((commune) => commune.parent === '01' && commune.name === 'Hoàn Kiếm'),
        'Phường Hoàn Kiếm',
      ).code,
      openingHours: openingHours('01', false),
      validTo: null,
    },
  ]
  for (const province of newProvinceUnits) {
    const code = `0${province.code}`
    const seat = seatOfDistrict(capitalDistrict(province.code)).current
    const [latitude, longitude] = nearCapital(province.code, code, 0.005)
    offices.push({
      code,
      parentCode: centralOffice.code,
      kind: 'province',
      name: province.unitType === 'Thành phố' ? `BHXH TP. ${province.name}` : `BHXH tỉnh ${province.name}`,
      provinceCode: province.code,
      communeCode: seat.code,
      address: newAddress(streetAddress(seat, province.code, code), seat),
      phone: knownOfficePhones[code] ?? phone(province.code, code),
      openingHours: openingHours(province.code, false),
      latitude,
      longitude,
      // The 34 surviving province codes are old province codes: the office existed before the reform.
      validFrom: provincesCreated2004.has(province.code) ? '2004-01-01' : centralOffice.validFrom,
      validTo: null,
    })
    offices.push(...grassrootsOffices(province))
  }
  for (const oldProvince of oldProvinceUnits) {
    if (newProvinceByCode.has(oldProvince.code)) continue
    // Merged away on 1 Jul 2025: kept so that old dossiers still name a real office.
    const code = `0${oldProvince.code}`
    const capital = capitalDistrict(oldProvince.code)
    const seat = seatOfDistrict(capital)
    const oldSeat = required(seat.old, `seat of ${capital.code}`)
    const [latitude, longitude] = nearCapital(oldProvince.code, code, 0.005)
    offices.push({
      code,
      parentCode: centralOffice.code,
      kind: 'province',
      name: `BHXH tỉnh ${oldProvince.name}`,
      provinceCode: required(newProvinceOfOld.get(oldProvince.code), `new province of ${oldProvince.code}`),
      communeCode: seat.current.code,
      // The address as it was written before the reform, with district and old province.
      address: `${streetAddress(oldSeat, oldProvince.code, code)}, ${fullName(oldSeat)}, ${fullName(capital)}, ${fullName(oldProvince)}`,
      phone: phone(oldProvince.code, code),
      openingHours: openingHours(oldProvince.code, false),
      latitude,
      longitude,
      validFrom: provincesCreated2004.has(oldProvince.code) ? '2004-01-01' : centralOffice.validFrom,
      validTo: lastDayBeforeReform,
    })
  }
  return offices.sort((a, b) => (a.code < b.code ? -1 : 1))
}

/** One "BHXH cơ sở" per district of 2004–2025: the district offices were renamed so on 1 Jul 2025. */
function grassrootsOffices(province: Unit): Office[] {
  const offices: Office[] = []
  let nextNumber = 1
  for (const oldProvinceCode of oldProvincesOf(province.code)) {
    const overrides = oldProvinceCode === province.code ? officeNumberOverrides[oldProvinceCode] : undefined
    for (const district of districtsOf(oldProvinceCode)) {
      const number = overrides
        ? required(overrides[district.code], `office number of ${district.code}`)
        : nextNumber
      nextNumber = Math.max(nextNumber, number + 1)
      if (number > 99) throw new Error(`too many grassroots offices in ${province.code}`)
      const code = `0${province.code}${pad(number, 2)}`
      const seat = seatOfDistrict(district).current
      const [latitude, longitude] = nearCapital(oldProvinceCode, code, radiusOf(district))
      offices.push({
        code,
        parentCode: `0${province.code}`,
        kind: 'grassroots',
        // A district named by a number keeps its unit word, as in the seeds: "BHXH Quận 5".
        name: /^\d/.test(district.name) ? `BHXH ${fullName(district)}` : `BHXH cơ sở ${district.name}`,
        provinceCode: province.code,
        communeCode: seat.code,
        address: newAddress(streetAddress(seat, oldProvinceCode, code), seat),
        phone: knownOfficePhones[code] ?? phone(oldProvinceCode, code),
        openingHours: openingHours(oldProvinceCode, unitInterval(`sat:${code}`) < 0.25),
        latitude,
        longitude,
        // Districts of the surviving province keep their office code (BHXH Quận 5 has been 07915 for
        // decades); offices of merged provinces got new codes under the new province on 1 Jul 2025.
        validFrom: oldProvinceCode === province.code ? centralOffice.validFrom : reformDate,
        validTo: null,
        oldDistrict: district,
        oldProvinceCode,
      })
    }
  }
  disambiguate(offices, [
    (office) => `BHXH cơ sở ${named(required(office.oldDistrict, 'district'))}`,
    (office) =>
      `BHXH cơ sở ${named(required(office.oldDistrict, 'district'))} (${required(oldProvinceByCode.get(office.oldProvinceCode ?? ''), 'province').name})`,
  ])
  return offices
}

/** Two districts of one new province may share a name ("Châu Thành"): tell them apart step by step. */
function disambiguate(offices: Office[], renamings: ((office: Office) => string)[]): void {
  for (const rename of renamings) {
    const counts = new Map<string, number>()
    for (const office of offices) counts.set(office.name, (counts.get(office.name) ?? 0) + 1)
    for (const office of offices) if ((counts.get(office.name) ?? 0) > 1) office.name = rename(office)
  }
  const names = new Set(offices.map((office) => office.name))
  if (names.size !== offices.length) throw new Error('office names still ambiguous')
}

// ---------------------------------------------------------------------------------------------------
// Medical facilities (cơ sở KCB).

type Facility = {
  code: string
  name: string
  level: 'central' | 'province' | 'district' | 'commune'
  legacyProvinceCode: string
  provinceCode: string
  communeCode: string
  address: string
  phone: string
  latitude: number
  longitude: number
  hasHealthInsuranceContract: boolean
  acceptsPrimaryRegistration: boolean
  issuesSickLeave: boolean
  validFrom: string
  validTo: string | null
}

function facilityAt(
  code: string,
  commune: Unit,
  radius: number,
  street: string = streetAddress(commune, code.slice(0, 2), code),
): Pick<Facility, 'code' | 'legacyProvinceCode' | 'provinceCode' | 'communeCode' | 'address' | 'phone'> & {
  latitude: number
  longitude: number
} {
  const legacyProvinceCode = code.slice(0, 2)
  const [latitude, longitude] = nearCapital(legacyProvinceCode, code, radius)
  return {
    code,
    legacyProvinceCode,
    provinceCode: commune.parent,
    communeCode: commune.code,
    address: newAddress(street, commune),
    phone: phone(legacyProvinceCode, code),
    latitude,
    longitude,
  }
}

/** New communes that mainly came from an old province, in code order. */
function newCommunesFrom(oldProvinceCode: string): Unit[] {
  return newCommunes.filter((commune) => oldDistrictOfNew(commune.code)?.parent === oldProvinceCode)
}

function spreadPicks<T>(list: T[], count: number, key: string): T[] {
  if (list.length <= count) return list
  const step = list.length / count
  const offset = unitInterval(key) * step
  return Array.from({ length: count }, (_, i) => required(list[Math.floor(offset + i * step)], 'pick'))
}

function buildFacilities(): Facility[] {
  const facilities: Facility[] = []
  for (const hospital of centralHospitals) {
    const legacy = hospital.code.slice(0, 2)
    const seat = seatOfDistrict(findDistrict(legacy, hospital.district), hospital.commune).current
    facilities.push({
      ...facilityAt(hospital.code, seat, 0.03, hospital.street),
      name: hospital.name,
      level: 'central',
      hasHealthInsuranceContract: true,
      // Central hospitals take referrals; first registration there is the exception.
      acceptsPrimaryRegistration: false,
      issuesSickLeave: true,
      validFrom: '2010-01-01',
      validTo: null,
    })
  }
  for (const oldProvince of oldProvinceUnits) {
    const legacy = oldProvince.code
    const seat = seatOfDistrict(capitalDistrict(legacy)).current
    const [generalName, maternityName] = provincialHospitalNames[legacy] ?? [
      `Bệnh viện Đa khoa ${named(oldProvince)}`,
      `Bệnh viện Sản – Nhi ${named(oldProvince)}`,
    ]
    const provincial: [string, string, boolean][] = [
      ['001', generalName, true],
      ['002', maternityName, false],
      ['003', `Bệnh viện Y dược cổ truyền ${named(oldProvince)}`, true],
    ]
    for (const [suffix, name, primary] of provincial) {
      facilities.push({
        ...facilityAt(`${legacy}${suffix}`, seat, 0.02),
        name,
        level: 'province',
        hasHealthInsuranceContract: true,
        acceptsPrimaryRegistration: primary,
        issuesSickLeave: true,
        validFrom: '2010-01-01',
        validTo: null,
      })
    }
    districtsOf(legacy).forEach((district, index) => {
      facilities.push({
        ...facilityAt(
          `${legacy}${pad(10 + index + 1, 3)}`,
          seatOfDistrict(district).current,
          radiusOf(district),
        ),
        name: `Trung tâm Y tế ${named(district)}`,
        level: 'district',
        hasHealthInsuranceContract: true,
        acceptsPrimaryRegistration: true,
        issuesSickLeave: true,
        validFrom: '2016-01-01',
        validTo: null,
      })
    })
    const stationCount = legacy === '01' || legacy === '79' ? 15 : 6
    spreadPicks(newCommunesFrom(legacy), stationCount, `stations:${legacy}`).forEach((commune, index) => {
      facilities.push({
        ...facilityAt(`${legacy}C${pad(index + 1, 2)}`, commune, 0.35),
        name: `TYT ${named(commune)}`,
        level: 'commune',
        hasHealthInsuranceContract: true,
        acceptsPrimaryRegistration: true,
        // Only stations with a doctor may sign sick-leave certificates.
        issuesSickLeave: index % 3 === 0,
        // Named after the commune formed on 1 Jul 2025.
        validFrom: reformDate,
        validTo: null,
      })
    })
    ;(privateClinics[legacy] ?? []).forEach((name, index) => {
      const contracted = index === 0
      const commune = pick(newCommunesFrom(legacy), `clinic:${legacy}:${index}`)
      facilities.push({
        ...facilityAt(`${legacy}5${pad(index + 1, 2)}`, commune, 0.05),
        name,
        level: 'district',
        hasHealthInsuranceContract: contracted,
        acceptsPrimaryRegistration: contracted,
        issuesSickLeave: contracted,
        validFrom: '2019-01-01',
        validTo: null,
      })
    })
  }
  const codes = new Set(facilities.map((facility) => facility.code))
  if (codes.size !== facilities.length) throw new Error('duplicate facility code')
  return facilities.sort((a, b) => (a.code < b.code ? -1 : 1))
}

// ---------------------------------------------------------------------------------------------------
// Collection agents (điểm thu, đại lý thu).

type Agent = {
  code: string
  kind: 'collection_point' | 'agent'
  name: string
  officeCode: string
  provinceCode: string
  communeCode: string
  address: string
  phone: string
  latitude: number
  longitude: number
}

function buildAgents(offices: Office[]): Agent[] {
  const officeByDistrict = new Map(
    offices.flatMap((office) => (office.oldDistrict ? [[office.oldDistrict.code, office] as const] : [])),
  )
  const agents: Agent[] = []
  const perOffice = new Map<string, number>()
  for (const province of newProvinceUnits) {
    const communes = newCommunes.filter((commune) => commune.parent === province.code)
    const count = province.code === '01' || province.code === '79' ? 12 : 6
    spreadPicks(communes, count, `agents:${province.code}`).forEach((commune, index) => {
      const district = required(oldDistrictOfNew(commune.code), `old district of ${commune.code}`)
      const office =
        officeByDistrict.get(district.code) ??
        required(
          offices.find((candidate) => candidate.code === `0${province.code}`),
          `office of ${commune.code}`,
        )
      const kind = index % 2 === 0 ? 'collection_point' : 'agent'
      const sequence = (perOffice.get(office.code) ?? 0) + 1
      perOffice.set(office.code, sequence)
      const code = `${kind === 'collection_point' ? 'DT' : 'DL'}${office.code}${pad(sequence, 2)}`
      const organisations =
        commune.unitType === 'Xã'
          ? ['UBND', 'Hội Nông dân', 'Hội Liên hiệp Phụ nữ', 'Hội Cựu chiến binh']
          : ['UBND', 'Hội Liên hiệp Phụ nữ', 'Hội Cựu chiến binh', 'Đoàn Thanh niên']
      const name =
        kind === 'collection_point'
          ? `Điểm thu Bưu điện ${named(commune)}`
          : `Đại lý thu BHXH, BHYT – ${pick(organisations, code)} ${named(commune)}`
      const [latitude, longitude] = nearCapital(district.parent, code, 0.35)
      agents.push({
        code,
        kind,
        name,
        officeCode: office.code,
        provinceCode: province.code,
        communeCode: commune.code,
        address: newAddress(streetAddress(commune, district.parent, code), commune),
        phone: phone(district.parent, code),
        latitude,
        longitude,
      })
    })
  }
  return agents.sort((a, b) => (a.code < b.code ? -1 : 1))
}

// ---------------------------------------------------------------------------------------------------

const synthetic =
  'Synthetic: invented from the GSO administrative units; codes follow the real formats, names and addresses are plausible, not real.'

const offices = buildOffices()
writeTupleFile(
  'offices.json',
  {
    synthetic: true,
    source: synthetic,
    columns: {
      offices: [
        'code',
        'parentCode',
        'kind',
        'name',
        'provinceCode',
        'communeCode',
        'address',
        'phone',
        'openingHours',
        'latitude',
        'longitude',
        'validFrom',
        'validTo',
      ],
    },
    note: 'provinceCode and communeCode are 2025-07-01 codes; coordinates are approximate.',
  },
  {
    offices: offices.map((office) => [
      office.code,
      office.parentCode,
      office.kind,
      office.name,
      office.provinceCode,
      office.communeCode,
      office.address,
      office.phone,
      office.openingHours,
      office.latitude,
      office.longitude,
      office.validFrom,
      office.validTo,
    ]),
  },
)

const facilities = buildFacilities()
writeTupleFile(
  'medical-facilities.json',
  {
    synthetic: true,
    source: synthetic,
    columns: {
      facilities: [
        'code',
        'name',
        'level',
        'legacyProvinceCode',
        'provinceCode',
        'communeCode',
        'address',
        'phone',
        'latitude',
        'longitude',
        'hasHealthInsuranceContract',
        'acceptsPrimaryRegistration',
        'issuesSickLeave',
        'validFrom',
        'validTo',
      ],
    },
    note: 'code = legacy (2004–2025) province code + 3 characters; provinceCode and communeCode are 2025-07-01 codes.',
  },
  {
    facilities: facilities.map((facility) => [
      facility.code,
      facility.name,
      facility.level,
      facility.legacyProvinceCode,
      facility.provinceCode,
      facility.communeCode,
      facility.address,
      facility.phone,
      facility.latitude,
      facility.longitude,
      facility.hasHealthInsuranceContract,
      facility.acceptsPrimaryRegistration,
      facility.issuesSickLeave,
      facility.validFrom,
      facility.validTo,
    ]),
  },
)

const agents = buildAgents(offices)
writeTupleFile(
  'collection-agents.json',
  {
    synthetic: true,
    source: synthetic,
    columns: {
      agents: [
        'code',
        'kind',
        'name',
        'officeCode',
        'provinceCode',
        'communeCode',
        'address',
        'phone',
        'latitude',
        'longitude',
      ],
    },
    note: "kind 'collection_point' = post office (điểm thu), 'agent' = commune collection agent (đại lý thu).",
  },
  {
    agents: agents.map((agent) => [
      agent.code,
      agent.kind,
      agent.name,
      agent.officeCode,
      agent.provinceCode,
      agent.communeCode,
      agent.address,
      agent.phone,
      agent.latitude,
      agent.longitude,
    ]),
  },
)

function countBy<T>(list: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of list) counts[key(item)] = (counts[key(item)] ?? 0) + 1
  return counts
}
console.log(
  'offices',
  offices.length,
  countBy(offices, (office) => `${office.kind}${office.validTo ? ' (historical)' : ''}`),
)
console.log(
  'facilities',
  facilities.length,
  countBy(facilities, (facility) => facility.level),
)
console.log(
  'agents',
  agents.length,
  countBy(agents, (agent) => agent.kind),
)
