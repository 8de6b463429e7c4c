import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends } from '../../../test/database'
import { type DatabaseHandle, queryRows } from '../../db/client'
import {
  adminUnitMappings,
  adminUnits,
  collectionAgents,
  icd10Codes,
  medicalFacilities,
  offices,
} from '../../db/schema/directory'
import { loadReferenceData } from './reference-data'

// ICD-10 chapters by the first three characters of the code (WHO ICD-10, 2016).
const icd10Chapters: [from: string, to: string][] = [
  ['A00', 'B99'],
  ['C00', 'D48'],
  ['D50', 'D89'],
  ['E00', 'E90'],
  ['F00', 'F99'],
  ['G00', 'G99'],
  ['H00', 'H59'],
  ['H60', 'H95'],
  ['I00', 'I99'],
  ['J00', 'J99'],
  ['K00', 'K93'],
  ['L00', 'L99'],
  ['M00', 'M99'],
  ['N00', 'N99'],
  ['O00', 'O99'],
  ['P00', 'P96'],
  ['Q00', 'Q99'],
  ['R00', 'R99'],
  ['S00', 'T98'],
  ['V01', 'Y98'],
  ['Z00', 'Z99'],
  ['U00', 'U99'],
]

/** Row versions of every directory table: unchanged xmin means the row was not rewritten. */
async function rowVersions(handle: DatabaseHandle): Promise<string[]> {
  const [row] = await queryRows<Record<string, string>>(
    handle.db,
    sql`select
      (select md5(string_agg(xmin::text, ',' order by code_set, level, code)) from admin_units) as units,
      (select md5(string_agg(xmin::text, ',' order by old_commune_code, new_commune_code)) from admin_unit_mappings) as mappings,
      (select md5(string_agg(xmin::text, ',' order by code)) from offices) as offices,
      (select md5(string_agg(xmin::text, ',' order by code)) from medical_facilities) as facilities,
      (select md5(string_agg(xmin::text, ',' order by code)) from collection_agents) as agents,
      (select md5(string_agg(xmin::text, ',' order by code)) from icd10_codes) as icd10`,
  )
  return Object.values(row ?? {})
}

describe.each(testBackends())('reference data on %s', (backend) => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await createTestDatabase(backend)
  })
  afterAll(async () => handle?.close())

  it('has the 2004–2025 units: 63 provinces, 696 districts, 10,035 communes', async () => {
    const rows = await queryRows<{ level: string; n: number }>(
      handle.db,
      sql`select level, count(*)::int as n from admin_units where code_set = '2004-2025' group by level`,
    )
    expect(Object.fromEntries(rows.map((row) => [row.level, row.n]))).toEqual({
      province: 63,
      district: 696,
      commune: 10_035,
    })
  })

  it('has the 2025-07-01 units: 34 provinces, 3,321 communes', async () => {
    const rows = await queryRows<{ level: string; n: number }>(
      handle.db,
      sql`select level, count(*)::int as n from admin_units where code_set = '2025-07-01' group by level`,
    )
    expect(Object.fromEntries(rows.map((row) => [row.level, row.n]))).toEqual({
      province: 34,
      commune: 3_321,
    })
  })

  it('links every unit to an existing parent in its own code set', async () => {
    const orphans = await queryRows<{ code: string }>(
      handle.db,
      sql`select child.code from admin_units child
          left join admin_units parent on parent.code_set = child.code_set and parent.code = child.parent_code
            and parent.level = case child.level
              when 'district' then 'province'
              when 'commune' then case child.code_set when '2004-2025' then 'district' else 'province' end
            end
          where child.level <> 'province' and parent.code is null`,
    )
    expect(orphans).toEqual([])
  })

  it('maps every 2004–2025 commune to a 2025 commune that exists', async () => {
    const [row] = await queryRows<{ rows: number; unmapped: number; dangling: number; partial: number }>(
      handle.db,
      sql`select
        (select count(*)::int from admin_unit_mappings) as rows,
        (select count(*)::int from admin_units u where u.code_set = '2004-2025' and u.level = 'commune'
          and not exists (select 1 from admin_unit_mappings m where m.old_commune_code = u.code)) as unmapped,
        (select count(*)::int from admin_unit_mappings m where not exists (select 1 from admin_units u
          where u.code_set = '2025-07-01' and u.level = 'commune' and u.code = m.new_commune_code
            and u.province_code = m.new_province_code)) as dangling,
        (select count(*)::int from admin_unit_mappings where kind = 'partial') as partial`,
    )
    expect(row).toEqual({ rows: 10_604, unmapped: 0, dangling: 0, partial: 1_012 })
  })

  it('stores every name in NFC, with its folded search key', async () => {
    const texts = await queryRows<{ text: string | null }>(
      handle.db,
      sql`select name as text from admin_units union all select full_name from admin_units
          union all select name from offices union all select address from offices
          union all select opening_hours from offices
          union all select name from medical_facilities union all select address from medical_facilities
          union all select name from collection_agents union all select address from collection_agents
          union all select name_vi from icd10_codes`,
    )
    expect(texts.length).toBeGreaterThan(30_000)
    expect(texts.filter(({ text }) => text !== null && text !== text.normalize('NFC'))).toEqual([])
    const [hanoi] = await handle.db
      .select({ foldedName: adminUnits.foldedName })
      .from(adminUnits)
      .where(eq(adminUnits.code, '01'))
      .limit(1)
    expect(hanoi?.foldedName).toBe('ha noi')
  })

  it('has the central office, 34 current province offices and historical ones', async () => {
    const rows = await queryRows<{ kind: string; historical: boolean; n: number }>(
      handle.db,
      sql`select kind, valid_to is not null as historical, count(*)::int as n from offices group by 1, 2`,
    )
    const count = (kind: string, historical: boolean) =>
      rows.find((row) => row.kind === kind && row.historical === historical)?.n
    expect(count('central', false)).toBe(1)
    expect(count('province', false)).toBe(34)
    expect(count('province', true)).toBe(29)
    expect(count('grassroots', false)).toBeGreaterThanOrEqual(34 * 2)
  })

  it('gives every office an existing parent of the kind above it', async () => {
    const bad = await queryRows<{ code: string }>(
      handle.db,
      sql`select o.code from offices o left join offices p on p.code = o.parent_code
          where case o.kind
            when 'central' then o.parent_code is not null or o.code <> '000'
            when 'province' then p.kind is distinct from 'central' or o.code !~ '^0[0-9]{2}$'
            else p.kind is distinct from 'province' or o.code !~ '^0[0-9]{4}$'
              or left(o.code, 3) <> p.code or p.valid_to is not null
          end`,
    )
    expect(bad).toEqual([])
  })

  it('numbers province offices after the 2025 provinces, with at least two grassroots offices each', async () => {
    const rows = await queryRows<{ code: string; name: string; province: string | null; grassroots: number }>(
      handle.db,
      sql`select p.code, p.name, u.code as province,
            (select count(*)::int from offices g where g.parent_code = p.code) as grassroots
          from offices p
          left join admin_units u on u.code_set = '2025-07-01' and u.level = 'province' and '0' || u.code = p.code
          where p.kind = 'province' and p.valid_to is null`,
    )
    expect(rows.filter((row) => row.province === null || row.grassroots < 2)).toEqual([])
    expect(rows.find((row) => row.code === '079')?.name).toBe('BHXH TP. Hồ Chí Minh')
    expect(rows.find((row) => row.code === '001')?.name).toBe('BHXH TP. Hà Nội')
    expect(rows.find((row) => row.code === '092')?.name).toBe('BHXH TP. Cần Thơ')
  })

  it('keeps the grassroots offices named in the seeds and in DATA-FORMATS §7.1', async () => {
    const rows = await handle.db.select({ code: offices.code, name: offices.name }).from(offices)
    const names = new Map(rows.map((row) => [row.code, row.name]))
    expect(names.get('07915')).toBe('BHXH Quận 5')
    expect(names.get('07916')).toBe('BHXH Quận 6')
    expect(names.get('00101')).toBe('BHXH cơ sở Ba Đình')
    expect(names.get('00106')).toBe('BHXH cơ sở Đống Đa')
    expect(names.get('00131')).toBe('BHXH cơ sở Bắc Từ Liêm')
  })

  it('places offices, facilities and agents in existing 2025 provinces and communes', async () => {
    const bad = await queryRows<{ code: string }>(
      handle.db,
      sql`with places as (
            select code, province_code, commune_code from offices where commune_code is not null
            union all select code, province_code, commune_code from medical_facilities
            union all select code, province_code, commune_code from collection_agents)
          select places.code from places
          left join admin_units u on u.code_set = '2025-07-01' and u.level = 'commune' and u.code = places.commune_code
          where u.province_code is distinct from places.province_code`,
    )
    expect(bad).toEqual([])
  })

  it('gives facilities 5-character KCB codes whose first two digits are a 2004–2025 province', async () => {
    const rows = await handle.db
      .select({ code: medicalFacilities.code, legacy: medicalFacilities.legacyProvinceCode })
      .from(medicalFacilities)
    const provinces = await handle.db
      .select({ code: adminUnits.code })
      .from(adminUnits)
      .where(sql`${adminUnits.codeSet} = '2004-2025' and ${adminUnits.level} = 'province'`)
    const legacyCodes = new Set(provinces.map((province) => province.code))
    expect(rows.length).toBeGreaterThanOrEqual(500)
    expect(rows.length).toBeLessThanOrEqual(1500)
    expect(
      rows.filter(
        (row) =>
          !/^\d{2}[0-9A-Z]{3}$/.test(row.code) ||
          row.code.slice(0, 2) !== row.legacy ||
          !legacyCodes.has(row.legacy),
      ),
    ).toEqual([])
    const levels = await queryRows<{ level: string; provinces: number }>(
      handle.db,
      sql`select level, count(distinct province_code)::int as provinces from medical_facilities group by level`,
    )
    expect(levels.filter((row) => row.level !== 'central').every((row) => row.provinces === 34)).toBe(true)
    expect(rows.some((row) => /^\d{2}C\d{2}$/.test(row.code))).toBe(true)
  })

  it('ties every collection agent to a current office', async () => {
    const bad = await queryRows<{ code: string }>(
      handle.db,
      sql`select a.code from collection_agents a left join offices o on o.code = a.office_code
          where o.valid_to is not null or o.kind is distinct from 'grassroots' or o.province_code <> a.province_code`,
    )
    expect(bad).toEqual([])
    const [row] = await queryRows<{ provinces: number }>(
      handle.db,
      sql`select count(distinct province_code)::int as provinces from collection_agents`,
    )
    expect(row?.provinces).toBe(34)
  })

  it('marks the invented data as synthetic', async () => {
    const [row] = await queryRows<{ real: number }>(
      handle.db,
      sql`select (select count(*) from offices where not synthetic)
            + (select count(*) from medical_facilities where not synthetic)
            + (select count(*) from collection_agents where not synthetic) as real`,
    )
    expect(Number(row?.real)).toBe(0)
  })

  it('has ICD-10 codes with names and chapters that match the code ranges', async () => {
    const rows = await handle.db.select().from(icd10Codes)
    expect(rows.length).toBeGreaterThanOrEqual(200)
    const chapterOf = (code: string) =>
      icd10Chapters.findIndex(([from, to]) => code.slice(0, 3) >= from && code.slice(0, 3) <= to) + 1
    expect(
      rows.filter((row) => !/^[A-Z]\d{2}(\.\d)?$/.test(row.code) || row.chapter !== chapterOf(row.code)),
    ).toEqual([])
    const names = new Map(rows.map((row) => [row.code, row.nameVi]))
    expect(names.get('I10')).toBe('Tăng huyết áp vô căn (nguyên phát)')
    expect(names.get('E11')).toBe('Bệnh đái tháo đường không phụ thuộc insuline')
    expect(names.get('J06.9')).toBe('Nhiễm trùng đường hô hấp trên cấp')
    expect(names.get('K29.7')).toBe('Viêm dạ dày, không đặc hiệu')
  })

  it('loads again without rewriting a single row', async () => {
    const before = await rowVersions(handle)
    await loadReferenceData(handle.db)
    expect(await rowVersions(handle)).toEqual(before)
  })

  it('puts back a row that was changed or removed', async () => {
    await handle.db.update(offices).set({ name: 'changed' }).where(eq(offices.code, '07915'))
    await handle.db.delete(adminUnitMappings).where(eq(adminUnitMappings.oldCommuneCode, '00001'))
    await handle.db.delete(collectionAgents)
    await loadReferenceData(handle.db)
    const [office] = await handle.db
      .select({ name: offices.name })
      .from(offices)
      .where(eq(offices.code, '07915'))
    expect(office?.name).toBe('BHXH Quận 5')
    const mapping = await handle.db
      .select()
      .from(adminUnitMappings)
      .where(eq(adminUnitMappings.oldCommuneCode, '00001'))
    expect(mapping).toEqual([
      { oldCommuneCode: '00001', newCommuneCode: '00097', newProvinceCode: '01', kind: 'full' },
    ])
    const [agents] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from collection_agents`,
    )
    expect(agents?.n).toBeGreaterThan(100)
  })
})
