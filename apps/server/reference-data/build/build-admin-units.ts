/**
 * Regenerates the compact administrative-unit files of `apps/server/reference-data/` from the copied
 * upstream data in `../shared/data/admin-units/` (see its README for sources and licences):
 *
 *   admin-units-2004-2025.json   63 provinces, 696 districts, 10,035 communes (last 3-level state)
 *   admin-units-2025-07-01.json  34 provinces, 3,321 communes (2-level, from 1 Jul 2025)
 *   admin-unit-mapping-2025.json old commune → new commune (dvhcvn/20250701)
 *
 * Run from the repository root:  npx tsx apps/server/reference-data/build/build-admin-units.ts [sharedDir]
 * The server never runs this; it reads the generated files.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { referenceDataDir, writeTupleFile } from './tuple-file'

type UpstreamUnit = { Code: string; Name: string; NameEn: string; FullName: string }
type PreProvince = UpstreamUnit & { District: PreDistrict[] }
type PreDistrict = UpstreamUnit & { ProvinceCode: string; Ward: UpstreamUnit[] | null }
type NewUnit = UpstreamUnit & { AdministrativeUnitShortName: string }
type NewProvince = NewUnit & { Wards: (NewUnit & { ProvinceCode: string })[] }
type Merges = {
  data: {
    level1_id: string
    merges: { old_id: string; type: string }[]
    level2s: { level2_id: string; merges: { old_id: string; type: string }[] }[]
  }[]
}

const defaultSharedDir = fileURLToPath(new URL('../../../../../shared/data/admin-units/', import.meta.url))
const sharedDir = process.argv[2] ?? defaultSharedDir

// The 2-level snapshot used for the '2025-07-01' code set. `latest-2-level` has the same 34 + 3,321
// codes as the 1 Jul 2025 snapshot but the names and unit types in force now (Đồng Nai a city and
// 10 of its communes wards since 30 Apr 2026; "Phố Bảng" spelled right); the code set is keyed by
// its codes, which did not change.
const newSnapshot = 'latest-2-level'

// dvhcvn/20250701 uses two new-commune codes that differ from the official table (see the shared README).
const mappingCodeFixes: Record<string, string> = { '06970': '06978', '23737': '23938' }

function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(sharedDir, relativePath), 'utf8')) as T
}

function nfc(text: string): string {
  return text.normalize('NFC').trim()
}

/** "Phường Phúc Xá" with name "Phúc Xá" → "Phường"; the full name is rebuilt from the two at load time. */
function unitTypeOf(unit: UpstreamUnit): string {
  const fullName = nfc(unit.FullName)
  const name = nfc(unit.Name)
  if (!fullName.endsWith(` ${name}`))
    throw new Error(`${unit.Code}: "${fullName}" does not end with "${name}"`)
  return fullName.slice(0, fullName.length - name.length - 1)
}

function buildPre2025(): { communeCodes: Set<string> } {
  const provinces = readJson<PreProvince[]>('pre-2025-3-level/simplified_json_generated_data_vn_units.json')
  const provinceRows: string[][] = []
  const districtRows: string[][] = []
  const communeRows: string[][] = []
  for (const province of provinces) {
    provinceRows.push([province.Code, nfc(province.Name), nfc(province.NameEn), unitTypeOf(province)])
    for (const district of province.District) {
      districtRows.push([
        district.Code,
        province.Code,
        nfc(district.Name),
        nfc(district.NameEn),
        unitTypeOf(district),
      ])
      for (const ward of district.Ward ?? []) {
        communeRows.push([ward.Code, district.Code, nfc(ward.Name), nfc(ward.NameEn), unitTypeOf(ward)])
      }
    }
  }
  const byCode = (a: string[], b: string[]) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1)
  writeTupleFile(
    'admin-units-2004-2025.json',
    {
      codeSet: '2004-2025',
      source:
        'thanglequoc/vietnamese-provinces-database v2.4.1 (MIT), GSO codes; last 3-level state, in force 01/03/2025',
      columns: {
        provinces: ['code', 'name', 'nameEn', 'unitType'],
        districts: ['code', 'provinceCode', 'name', 'nameEn', 'unitType'],
        communes: ['code', 'districtCode', 'name', 'nameEn', 'unitType'],
      },
      note: 'fullName = unitType + " " + name',
    },
    {
      provinces: provinceRows.sort(byCode),
      districts: districtRows.sort(byCode),
      communes: communeRows.sort(byCode),
    },
  )
  return { communeCodes: new Set(communeRows.map((row) => row[0] ?? '')) }
}

function buildNew(): { provinceOf: Map<string, string> } {
  const provinces = readJson<NewProvince[]>(`${newSnapshot}/full_json_generated_data_vn_units.json`)
  const provinceRows: string[][] = []
  const communeRows: string[][] = []
  const provinceOf = new Map<string, string>()
  for (const province of provinces) {
    provinceRows.push([
      province.Code,
      nfc(province.Name),
      nfc(province.NameEn),
      province.AdministrativeUnitShortName,
    ])
    for (const ward of province.Wards) {
      // Unit type from the unit-type table, not the full name: one upstream full name is "xã Bắc Sơn".
      communeRows.push([
        ward.Code,
        province.Code,
        nfc(ward.Name),
        nfc(ward.NameEn),
        ward.AdministrativeUnitShortName,
      ])
      provinceOf.set(ward.Code, province.Code)
    }
  }
  const byCode = (a: string[], b: string[]) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1)
  writeTupleFile(
    'admin-units-2025-07-01.json',
    {
      codeSet: '2025-07-01',
      source: `thanglequoc/vietnamese-provinces-database (MIT), ${newSnapshot} (master @ cd58063): codes of Decision 19/2025/QĐ-TTg; names and unit types as amended to 30/04/2026`,
      columns: {
        provinces: ['code', 'name', 'nameEn', 'unitType'],
        communes: ['code', 'provinceCode', 'name', 'nameEn', 'unitType'],
      },
      note: 'fullName = unitType + " " + name',
    },
    { provinces: provinceRows.sort(byCode), communes: communeRows.sort(byCode) },
  )
  return { provinceOf }
}

function buildMapping(provinceOf: Map<string, string>, oldCommuneCodes: Set<string>): void {
  const merges = readJson<Merges>('mapping-2025/merges.json')
  const communeRows: string[][] = []
  const provinceRows: string[][] = []
  const unknownOld: string[] = []
  for (const province of merges.data) {
    for (const old of province.merges) provinceRows.push([old.old_id, province.level1_id])
    for (const commune of province.level2s) {
      const newCode = mappingCodeFixes[commune.level2_id] ?? commune.level2_id
      const newProvince = provinceOf.get(newCode)
      if (newProvince !== province.level1_id)
        throw new Error(`new commune ${newCode} not in province ${province.level1_id}`)
      for (const old of commune.merges) {
        if (old.type !== 'full' && old.type !== 'partial') throw new Error(`unknown merge type ${old.type}`)
        if (!oldCommuneCodes.has(old.old_id)) unknownOld.push(old.old_id)
        communeRows.push([old.old_id, newCode, newProvince, old.type])
      }
    }
  }
  communeRows.sort((a, b) => (`${a[0]}${a[1]}` < `${b[0]}${b[1]}` ? -1 : 1))
  provinceRows.sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1))
  writeTupleFile(
    'admin-unit-mapping-2025.json',
    {
      source: 'dvhcvn/20250701 mapping/merges.json @ dd94887 (MIT), built from NQ-UBTVQH15 1654–1687/2025',
      columns: {
        communes: ['oldCommuneCode', 'newCommuneCode', 'newProvinceCode', 'kind'],
        provinces: ['oldProvinceCode', 'newProvinceCode'],
      },
      note: [
        "kind 'partial': only part of the old commune went to this new one; review by hand.",
        `New codes ${Object.entries(mappingCodeFixes)
          .map(([from, to]) => `${from}→${to}`)
          .join(', ')} corrected to the official table.`,
        `Old codes not in admin-units-2004-2025 (abolished before 01/03/2025, or island districts without communes, given by their 3-digit district code): ${[...new Set(unknownOld)].sort().join(', ')}.`,
      ],
    },
    { communes: communeRows, provinces: provinceRows },
  )
}

const { communeCodes } = buildPre2025()
const { provinceOf } = buildNew()
buildMapping(provinceOf, communeCodes)
console.log(`admin units written to ${referenceDataDir}`)
