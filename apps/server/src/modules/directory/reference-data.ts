import { readFileSync } from 'node:fs'
import { foldVietnamese } from '@ansinh/domain'
import { getTableColumns, getTableName, type SQLChunk, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Executor, Transaction } from '../../db/client'
import {
  adminUnitMappings,
  adminUnits,
  collectionAgents,
  icd10Codes,
  medicalFacilities,
  offices,
} from '../../db/schema/directory'

/**
 * Loads the reference data shipped in `apps/server/reference-data/` (administrative units, offices,
 * facilities, collection agents, ICD-10) into the directory tables.
 *
 * Every row is upserted, and a row is only rewritten when one of its values differs, so a second
 * call changes nothing and a new release of the files updates the rows it touches. Rows are never
 * deleted: other tables refer to office codes, and old dossiers keep old codes.
 */
export async function loadReferenceData(db: Executor): Promise<void> {
  const data = readReferenceData()
  await db.transaction(async (tx) => {
    await upsert(tx, adminUnits, [adminUnits.codeSet, adminUnits.level, adminUnits.code], data.adminUnits)
    await upsert(
      tx,
      adminUnitMappings,
      [adminUnitMappings.oldCommuneCode, adminUnitMappings.newCommuneCode],
      data.adminUnitMappings,
    )
    await upsert(tx, offices, [offices.code], data.offices)
    await upsert(tx, medicalFacilities, [medicalFacilities.code], data.medicalFacilities)
    await upsert(tx, collectionAgents, [collectionAgents.code], data.collectionAgents)
    await upsert(tx, icd10Codes, [icd10Codes.code], data.icd10Codes)
  })
  // Fresh statistics for the unit search's joins: PGlite has no autovacuum, and without them the
  // planner loops over every unit (seconds instead of milliseconds).
  await db.execute(sql`analyze ${adminUnits}, ${adminUnitMappings}`)
}

/** Where the generated reference files live; read at run time, never imported (they are large). */
const referenceDataDirectory = new URL('../../../reference-data/', import.meta.url)

type AdminUnitRow = typeof adminUnits.$inferInsert
type MappingRow = typeof adminUnitMappings.$inferInsert
type OfficeRow = typeof offices.$inferInsert
type FacilityRow = typeof medicalFacilities.$inferInsert
type AgentRow = typeof collectionAgents.$inferInsert
type Icd10Row = typeof icd10Codes.$inferInsert

type ReferenceData = {
  adminUnits: AdminUnitRow[]
  adminUnitMappings: MappingRow[]
  offices: OfficeRow[]
  medicalFacilities: FacilityRow[]
  collectionAgents: AgentRow[]
  icd10Codes: Icd10Row[]
}

// Tuple layouts of the files; each file also names its columns in its `columns` header.
type UnitTuple = [code: string, parentCode: string, name: string, nameEn: string, unitType: string]
type ProvinceTuple = [code: string, name: string, nameEn: string, unitType: string]
type OldUnitsFile = { provinces: ProvinceTuple[]; districts: UnitTuple[]; communes: UnitTuple[] }
type NewUnitsFile = { provinces: ProvinceTuple[]; communes: UnitTuple[] }
type MappingFile = { communes: [old: string, new: string, newProvince: string, kind: MappingRow['kind']][] }
type OfficesFile = {
  synthetic: boolean
  offices: [
    code: string,
    parentCode: string | null,
    kind: OfficeRow['kind'],
    name: string,
    provinceCode: string | null,
    communeCode: string | null,
    address: string | null,
    phone: string | null,
    openingHours: string | null,
    latitude: number | null,
    longitude: number | null,
    validFrom: string,
    validTo: string | null,
  ][]
}
type FacilitiesFile = {
  synthetic: boolean
  facilities: [
    code: string,
    name: string,
    level: FacilityRow['level'],
    legacyProvinceCode: string,
    provinceCode: string,
    communeCode: string | null,
    address: string | null,
    phone: string | null,
    latitude: number | null,
    longitude: number | null,
    hasHealthInsuranceContract: boolean,
    acceptsPrimaryRegistration: boolean,
    issuesSickLeave: boolean,
    validFrom: string,
    validTo: string | null,
  ][]
}
type AgentsFile = {
  synthetic: boolean
  agents: [
    code: string,
    kind: AgentRow['kind'],
    name: string,
    officeCode: string,
    provinceCode: string,
    communeCode: string | null,
    address: string,
    phone: string | null,
    latitude: number | null,
    longitude: number | null,
  ][]
}
type Icd10File = { codes: [code: string, nameVi: string, nameEn: string | null, chapter: number | null][] }

function readJson<T>(fileName: string): T {
  return JSON.parse(readFileSync(new URL(fileName, referenceDataDirectory), 'utf8')) as T
}

/** The reference files as table rows, names in NFC with their folded search keys. */
function readReferenceData(): ReferenceData {
  const oldUnits = readJson<OldUnitsFile>('admin-units-2004-2025.json')
  const newUnits = readJson<NewUnitsFile>('admin-units-2025-07-01.json')
  const mapping = readJson<MappingFile>('admin-unit-mapping-2025.json')
  const officesFile = readJson<OfficesFile>('offices.json')
  const facilitiesFile = readJson<FacilitiesFile>('medical-facilities.json')
  const agentsFile = readJson<AgentsFile>('collection-agents.json')
  const icd10File = readJson<Icd10File>('icd10.json')

  const provinceOfDistrict = new Map(oldUnits.districts.map(([code, provinceCode]) => [code, provinceCode]))
  const unit = (
    codeSet: AdminUnitRow['codeSet'],
    level: AdminUnitRow['level'],
    [code, parentCode, name, nameEn, unitType]: UnitTuple,
    provinceCode: string,
  ): AdminUnitRow => {
    const nfcName = name.normalize('NFC')
    return {
      codeSet,
      level,
      code,
      parentCode: parentCode === '' ? null : parentCode,
      provinceCode,
      name: nfcName,
      fullName: `${unitType} ${nfcName}`.normalize('NFC'),
      nameEn,
      foldedName: foldVietnamese(nfcName),
      unitType: unitType.normalize('NFC'),
    }
  }
  const province = (codeSet: AdminUnitRow['codeSet'], [code, name, nameEn, unitType]: ProvinceTuple) =>
    unit(codeSet, 'province', [code, '', name, nameEn, unitType], code)

  return {
    adminUnits: [
      ...oldUnits.provinces.map((row) => province('2004-2025', row)),
      ...oldUnits.districts.map((row) => unit('2004-2025', 'district', row, row[1])),
      ...oldUnits.communes.map((row) =>
        unit('2004-2025', 'commune', row, provinceOfDistrict.get(row[1]) ?? ''),
      ),
      ...newUnits.provinces.map((row) => province('2025-07-01', row)),
      ...newUnits.communes.map((row) => unit('2025-07-01', 'commune', row, row[1])),
    ],
    adminUnitMappings: mapping.communes.map(([oldCommuneCode, newCommuneCode, newProvinceCode, kind]) => ({
      oldCommuneCode,
      newCommuneCode,
      newProvinceCode,
      kind,
    })),
    offices: officesFile.offices.map(
      ([
        code,
        parentCode,
        kind,
        name,
        provinceCode,
        communeCode,
        address,
        phone,
        openingHours,
        lat,
        lng,
        from,
        to,
      ]) => ({
        code,
        parentCode,
        kind,
        name: name.normalize('NFC'),
        foldedName: foldVietnamese(name),
        provinceCode,
        communeCode,
        address: address?.normalize('NFC') ?? null,
        phone,
        openingHours: openingHours?.normalize('NFC') ?? null,
        latitude: lat,
        longitude: lng,
        validFrom: from,
        validTo: to,
        synthetic: officesFile.synthetic,
      }),
    ),
    medicalFacilities: facilitiesFile.facilities.map(
      ([
        code,
        name,
        level,
        legacy,
        provinceCode,
        communeCode,
        address,
        phone,
        lat,
        lng,
        contract,
        primary,
        sickLeave,
        from,
        to,
      ]) => ({
        code,
        name: name.normalize('NFC'),
        foldedName: foldVietnamese(name),
        level,
        legacyProvinceCode: legacy,
        provinceCode,
        communeCode,
        address: address?.normalize('NFC') ?? null,
        phone,
        latitude: lat,
        longitude: lng,
        hasHealthInsuranceContract: contract,
        acceptsPrimaryRegistration: primary,
        issuesSickLeave: sickLeave,
        validFrom: from,
        validTo: to,
        synthetic: facilitiesFile.synthetic,
      }),
    ),
    collectionAgents: agentsFile.agents.map(
      ([code, kind, name, officeCode, provinceCode, communeCode, address, phone, lat, lng]) => ({
        code,
        kind,
        name: name.normalize('NFC'),
        foldedName: foldVietnamese(name),
        officeCode,
        provinceCode,
        communeCode,
        address: address.normalize('NFC'),
        phone,
        latitude: lat,
        longitude: lng,
        synthetic: agentsFile.synthetic,
      }),
    ),
    icd10Codes: icd10File.codes.map(([code, nameVi, nameEn, chapter]) => ({
      code,
      nameVi: nameVi.normalize('NFC'),
      nameEn,
      chapter,
    })),
  }
}

// Rows travel as one JSON parameter per chunk: binding thousands of separate parameters is what
// makes multi-row inserts slow on PGlite.
const chunkSize = 5000

/**
 * INSERT … ON CONFLICT DO UPDATE that rewrites a row only when a value changed: an unchanged row
 * is not touched at all (no new row version, no trigger, no WAL), which keeps repeated loads cheap.
 */
async function upsert<T extends PgTable>(
  tx: Transaction,
  table: T,
  key: PgColumn[],
  rows: T['$inferInsert'][],
): Promise<void> {
  const keyNames = new Set(key.map((column) => column.name))
  const columns = Object.entries(getTableColumns(table)).map(([property, column]) => ({
    property,
    name: column.name,
    identifier: sql.identifier(column.name),
    type: column.getSQLType(),
  }))
  const updated = columns.filter((column) => !keyNames.has(column.name))
  const tableName = sql.identifier(getTableName(table))
  const list = (items: SQLChunk[]) => sql.join(items, sql`, `)
  const statement = (json: string) => sql`
    insert into ${tableName} (${list(columns.map((column) => column.identifier))})
    select ${list(columns.map((column) => column.identifier))}
    from jsonb_to_recordset(${json}::jsonb) as r(${list(columns.map((column) => sql`${column.identifier} ${sql.raw(column.type)}`))})
    on conflict (${list(key.map((column) => sql.identifier(column.name)))}) do update
    set ${list(updated.map((column) => sql`${column.identifier} = excluded.${column.identifier}`))}
    where (${list(updated.map((column) => sql`${tableName}.${column.identifier}`))})
      is distinct from (${list(updated.map((column) => sql`excluded.${column.identifier}`))})`
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize).map((row) => {
      const values: Record<string, unknown> = row
      // Every column is written, so a column left out of a row becomes null rather than its default.
      return Object.fromEntries(columns.map((column) => [column.name, values[column.property] ?? null]))
    })
    await tx.execute(statement(JSON.stringify(chunk)))
  }
}
