import type { AdminUnitHit } from '@ansinh/domain'
import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../db/client'
import {
  type adminCodeSets,
  adminUnitMappings,
  adminUnits,
  medicalFacilities,
  offices,
} from '../../db/schema/directory'
import { containsText } from '../../db/text-search'

export type AdminCodeSet = (typeof adminCodeSets)[number]
export type Office = typeof offices.$inferSelect // cơ quan BHXH
export type MedicalFacility = typeof medicalFacilities.$inferSelect // cơ sở KCB
export type AdminUnit = typeof adminUnits.$inferSelect // đơn vị hành chính

export type OfficeTreeNode = Pick<
  Office,
  'code' | 'name' | 'kind' | 'provinceCode' | 'validFrom' | 'validTo'
> & {
  children: OfficeTreeNode[]
}

export type ListOfficeTreeOptions = {
  /** Only offices valid on this date (`yyyy-mm-dd`). Omitted: every office, historical ones included. */
  validOn?: string
}

/**
 * The office hierarchy (VSS → province offices → grassroots offices) as a forest ordered by code.
 * An office whose parent is filtered out by `validOn` becomes a root, so nothing silently vanishes.
 */
export async function listOfficeTree(
  db: Executor,
  options: ListOfficeTreeOptions = {},
): Promise<OfficeTreeNode[]> {
  const rows = await db
    .select({
      code: offices.code,
      parentCode: offices.parentCode,
      name: offices.name,
      kind: offices.kind,
      provinceCode: offices.provinceCode,
      validFrom: offices.validFrom,
      validTo: offices.validTo,
    })
    .from(offices)
    .where(
      options.validOn === undefined
        ? undefined
        : and(
            lte(offices.validFrom, options.validOn),
            or(isNull(offices.validTo), gte(offices.validTo, options.validOn)),
          ),
    )
    .orderBy(asc(offices.code))
  const nodes = new Map<string, OfficeTreeNode>()
  for (const { parentCode: _parentCode, ...office } of rows)
    nodes.set(office.code, { ...office, children: [] })
  const roots: OfficeTreeNode[] = []
  for (const row of rows) {
    const node = nodes.get(row.code)
    if (!node) continue
    const parent = row.parentCode === null ? undefined : nodes.get(row.parentCode)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

export async function findOffice(db: Executor, code: string): Promise<Office | null> {
  const [office] = await db.select().from(offices).where(eq(offices.code, code)).limit(1)
  return office ?? null
}

/**
 * The office and every office below it, in code order: the reach of a staff member posted there.
 * Empty when the office does not exist. `union` (not `union all`) stops at a cycle in bad data.
 */
export async function officeSubtreeCodes(db: Executor, code: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`
    with recursive subtree(code) as (
      select ${offices.code} from ${offices} where ${offices.code} = ${code}
      union
      select child.code from ${offices} as child join subtree on child.parent_code = subtree.code
    )
    select code from subtree order by code`,
  )
  return rows.map((row) => row.code)
}

export async function findFacility(db: Executor, code: string): Promise<MedicalFacility | null> {
  const [facility] = await db
    .select()
    .from(medicalFacilities)
    .where(eq(medicalFacilities.code, code))
    .limit(1)
  return facility ?? null
}

export type Province = Pick<AdminUnit, 'code' | 'name' | 'fullName' | 'unitType'>

// What every list of administrative units shows, and its order: the byte order of the folded name,
// the same on every server whatever its locale.
const unitSummary = {
  code: adminUnits.code,
  name: adminUnits.name,
  fullName: adminUnits.fullName,
  unitType: adminUnits.unitType,
}
const inNameOrder = [sql`${adminUnits.foldedName} collate "C"`, asc(adminUnits.code)] as const

/** The provinces of one code set (63 before 1 Jul 2025, 34 after), in accent-insensitive name order. */
export async function listProvinces(db: Executor, codeSet: AdminCodeSet): Promise<Province[]> {
  return db
    .select(unitSummary)
    .from(adminUnits)
    .where(and(eq(adminUnits.codeSet, codeSet), eq(adminUnits.level, 'province')))
    .orderBy(...inNameOrder)
}

export type Commune = Pick<AdminUnit, 'code' | 'parentCode' | 'name' | 'fullName' | 'unitType'>

/**
 * The communes (xã, phường, thị trấn, đặc khu) of a province in one code set, in accent-insensitive
 * name order. Before 2025 `parentCode` is the district; from 2025 it is the province. The order is
 * the byte order of the folded name, which is the same on every server whatever its locale.
 */
export async function listCommunes(
  db: Executor,
  codeSet: AdminCodeSet,
  provinceCode: string,
): Promise<Commune[]> {
  return db
    .select({ ...unitSummary, parentCode: adminUnits.parentCode })
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.codeSet, codeSet),
        eq(adminUnits.level, 'commune'),
        eq(adminUnits.provinceCode, provinceCode),
      ),
    )
    .orderBy(...inNameOrder)
}

export type CommuneSuccessor = {
  newCommuneCode: string
  newProvinceCode: string
  /** 'partial': only part of the old commune went here; a person must choose which one applies. */
  kind: 'full' | 'partial'
  name: string
  fullName: string
}

/**
 * The 2025 commune(s) an old (2004–2025) commune became, 'full' matches first. Several rows when
 * the old commune was split. For the island districts without communes, pass the district code.
 */
export async function mapOldCommuneToNew(db: Executor, oldCode: string): Promise<CommuneSuccessor[]> {
  return db
    .select({
      newCommuneCode: adminUnitMappings.newCommuneCode,
      newProvinceCode: adminUnitMappings.newProvinceCode,
      kind: adminUnitMappings.kind,
      name: adminUnits.name,
      fullName: adminUnits.fullName,
    })
    .from(adminUnitMappings)
    .innerJoin(
      adminUnits,
      and(
        eq(adminUnits.codeSet, '2025-07-01'),
        eq(adminUnits.level, 'commune'),
        eq(adminUnits.code, adminUnitMappings.newCommuneCode),
      ),
    )
    .where(eq(adminUnitMappings.oldCommuneCode, oldCode))
    .orderBy(asc(adminUnitMappings.kind), asc(adminUnitMappings.newCommuneCode))
}

export type AdminUnitSearch = {
  /** Folded search keys (unitNameKeys): a unit matches when its folded name contains any of them. */
  keys: string[]
  level: 'province' | 'commune'
  codeSet: AdminCodeSet
  provinceCode?: string | undefined
}

// Old unit ↔ new unit it (partly) became, per level. Provinces are linked through their communes:
// an old province became the new province(s) its communes went to.
const unitLinks = {
  commune: sql`select old_commune_code as old_code, new_commune_code as new_code from ${adminUnitMappings}`,
  province: sql`
    select distinct oc.province_code as old_code, m.new_province_code as new_code
    from ${adminUnitMappings} m
    join ${adminUnits} oc on oc.code_set = '2004-2025' and oc.level = 'commune' and oc.code = m.old_commune_code`,
}

/**
 * Units of one code set whose name, or the name of a unit of the other set linked to it by the 2025
 * reform, contains a search key: "Phường Phúc Xá" (old) offers "Phường Ba Đình" (new), and the reverse.
 * Direct matches come first, then by folded name; a direct match is not repeated as a linked one.
 * The other set's matches are gathered first (a materialized CTE): without table statistics (PGlite)
 * the planner otherwise loops over every unit of the target set, taking seconds.
 */
export async function searchAdminUnits(db: Executor, search: AdminUnitSearch): Promise<AdminUnitHit[]> {
  const other: AdminCodeSet = search.codeSet === '2025-07-01' ? '2004-2025' : '2025-07-01'
  const [targetColumn, otherColumn] =
    search.codeSet === '2025-07-01' ? ['new_code', 'old_code'] : ['old_code', 'new_code']
  const nameMatches = (alias: string) =>
    or(...search.keys.map((key) => containsText(sql.raw(`${alias}.folded_name`), key))) as SQL
  const inProvince = search.provinceCode ? sql`and t.province_code = ${search.provinceCode}` : sql``
  const rows = await queryRows<AdminUnitHit & { viaCode: string | null; viaName: string | null }>(
    db,
    sql`
    with other_hits as materialized (
      select o.code, o.full_name from ${adminUnits} o
      where o.code_set = ${other} and o.level = ${search.level} and ${nameMatches('o')}
    )
    select * from (
      select t.code, t.name, t.full_name as "fullName", t.unit_type as "unitType", t.level,
             t.province_code as "provinceCode", t.parent_code as "parentCode",
             null::text as "viaCode", null::text as "viaName", t.folded_name as folded, 0 as rank
      from ${adminUnits} t
      where t.code_set = ${search.codeSet} and t.level = ${search.level} and ${nameMatches('t')} ${inProvince}
      union all
      select distinct t.code, t.name, t.full_name, t.unit_type, t.level, t.province_code, t.parent_code,
             o.code, o.full_name, t.folded_name, 1
      from other_hits o
      join (${unitLinks[search.level]}) l on l.${sql.raw(otherColumn)} = o.code
      join ${adminUnits} t on t.code_set = ${search.codeSet} and t.level = ${search.level}
        and t.code = l.${sql.raw(targetColumn)}
      where not (${nameMatches('t')}) ${inProvince}
    ) hits
    order by rank, folded collate "C", code, "viaCode"
    limit 30`,
  )
  return rows.map(({ viaCode, viaName, ...unit }) => ({
    code: unit.code,
    name: unit.name,
    fullName: unit.fullName,
    unitType: unit.unitType,
    level: unit.level,
    provinceCode: unit.provinceCode,
    parentCode: unit.parentCode,
    matchedVia: viaCode && viaName ? { code: viaCode, fullName: viaName } : null,
  }))
}

export type District = Province

/** The districts (quận, huyện, thị xã) of a province before 1 Jul 2025; there are none after. */
export async function listDistricts(db: Executor, provinceCode: string): Promise<District[]> {
  return db
    .select(unitSummary)
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.codeSet, '2004-2025'),
        eq(adminUnits.level, 'district'),
        eq(adminUnits.provinceCode, provinceCode),
      ),
    )
    .orderBy(...inNameOrder)
}

export async function findAdminUnits(
  db: Executor,
  codeSet: AdminCodeSet,
  codes: string[],
): Promise<AdminUnit[]> {
  if (codes.length === 0) return []
  return db
    .select()
    .from(adminUnits)
    .where(and(eq(adminUnits.codeSet, codeSet), inArray(adminUnits.code, codes)))
}

/**
 * The grassroots offices valid on `validOn` that serve an old (2004–2025) district: BHXH cơ sở were
 * set up one per district, so an office serves the district its seat was in. Nearest first is the
 * best a code-only address allows; the office in the same commune comes first.
 */
export async function officesServing(
  db: Executor,
  area: { oldDistrictCodes: string[]; newCommuneCode: string | null; provinceCode: string },
  validOn: string,
): Promise<Office[]> {
  if (area.oldDistrictCodes.length === 0) return []
  return queryRows<Office>(
    db,
    sql`
    select distinct o.code, o.parent_code as "parentCode", o.kind, o.name, o.folded_name as "foldedName",
           o.province_code as "provinceCode", o.commune_code as "communeCode", o.address, o.phone,
           o.opening_hours as "openingHours", o.latitude, o.longitude, o.valid_from as "validFrom",
           o.valid_to as "validTo", o.synthetic,
           (o.commune_code = ${area.newCommuneCode ?? ''}) as same_commune
    from ${offices} o
    join ${adminUnitMappings} m on m.new_commune_code = o.commune_code
    join ${adminUnits} old on old.code_set = '2004-2025' and old.level = 'commune' and old.code = m.old_commune_code
    where o.kind = 'grassroots' and o.province_code = ${area.provinceCode}
      and o.valid_from <= ${validOn} and (o.valid_to is null or o.valid_to >= ${validOn})
      and old.parent_code in ${area.oldDistrictCodes}
    order by same_commune desc, o.code
    limit 5`,
  )
}

/** The old districts an area belonged to: those of the old communes that became the new commune. */
export async function oldDistrictsOfNewCommune(db: Executor, newCommuneCode: string): Promise<string[]> {
  const rows = await queryRows<{ district: string }>(
    db,
    sql`
    select distinct old.parent_code as district
    from ${adminUnitMappings} m
    join ${adminUnits} old on old.code_set = '2004-2025' and old.level = 'commune' and old.code = m.old_commune_code
    where m.new_commune_code = ${newCommuneCode} and old.parent_code is not null
    order by 1`,
  )
  return rows.map((row) => row.district)
}

/**
 * The 2025 province a two-digit code means (itself, or for an old code the province it joined) with
 * every old province code that became part of it: registry records keep the code set of the address
 * they were written with, so a person of the new province may still carry an old province code.
 */
export async function provinceWithPredecessors(
  db: Executor,
  code: string,
): Promise<{ code: string; fullName: string; codes: string[] } | null> {
  const rows = await queryRows<{ code: string; fullName: string; oldCode: string | null }>(
    db,
    sql`
    with target as (
      select coalesce(
        (select code from ${adminUnits} where code_set = '2025-07-01' and level = 'province' and code = ${code}),
        (select m.new_province_code from ${adminUnitMappings} m
           join ${adminUnits} old on old.code_set = '2004-2025' and old.level = 'commune' and old.code = m.old_commune_code
           where old.province_code = ${code} and m.kind = 'full' limit 1)
      ) as code
    )
    select p.code, p.full_name as "fullName", olds.province_code as "oldCode"
    from target
    join ${adminUnits} p on p.code_set = '2025-07-01' and p.level = 'province' and p.code = target.code
    left join lateral (
      select distinct old.province_code from ${adminUnitMappings} m
      join ${adminUnits} old on old.code_set = '2004-2025' and old.level = 'commune' and old.code = m.old_commune_code
      where m.new_province_code = p.code
    ) olds on true`,
  )
  const [first] = rows
  if (!first) return null
  const codes = new Set([first.code, ...rows.flatMap((row) => (row.oldCode ? [row.oldCode] : []))])
  return { code: first.code, fullName: first.fullName, codes: [...codes].sort() }
}

/** The province office (BHXH tỉnh/thành phố) of a 2025 province, as open on `validOn`. */
export async function findProvinceOffice(db: Executor, provinceCode: string, validOn: string) {
  const [office] = await db
    .select({ code: offices.code })
    .from(offices)
    .where(
      and(
        eq(offices.kind, 'province'),
        eq(offices.provinceCode, provinceCode),
        lte(offices.validFrom, validOn),
        or(isNull(offices.validTo), gte(offices.validTo, validOn)),
      ),
    )
    .orderBy(asc(offices.code))
    .limit(1)
  return office ?? null
}
