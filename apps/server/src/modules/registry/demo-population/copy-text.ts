import { getTableColumns, getTableName } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import {
  benefits,
  employers,
  healthCards,
  households,
  medicalVisits,
  participationPeriods,
  people,
} from '../../../db/schema'
import type { PopulationBatch, PopulationTable } from './types'

/**
 * PostgreSQL COPY text format (tab-separated, `\N` for null) for the population tables. The same text
 * feeds `COPY … FROM STDIN` on PostgreSQL and `COPY … FROM '/dev/blob'` on PGlite.
 */

type Row<T extends PopulationTable> = PopulationBatch[T][number]

export type CopyTable<T extends PopulationTable = PopulationTable> = {
  name: string
  columns: readonly string[]
  /** Row keys in column order, with the table whose id offset applies to the value (if it is an id). */
  fields: readonly (readonly [key: keyof Row<T> & string, offsetOf: PopulationTable | null])[]
}

const references: Partial<Record<string, PopulationTable>> = {
  personId: 'people',
  householdId: 'households',
  headPersonId: 'people',
  employerId: 'employers',
}

function describe<T extends PopulationTable>(
  table: PgTable,
  key: T,
  keys: readonly (keyof Row<T> & string)[],
): CopyTable<T> {
  const columns = getTableColumns(table) as Record<string, { name: string }>
  return {
    name: getTableName(table),
    columns: keys.map((field) => {
      const column = columns[field]
      if (!column) throw new Error(`unknown column ${field}`)
      return column.name
    }),
    fields: keys.map((field) => [field, field === 'id' ? key : (references[field] ?? null)] as const),
  }
}

// biome-ignore format: column lists read better packed
export const copyTables: { [T in PopulationTable]: CopyTable<T> } = {
  employers: describe(employers, 'employers', [
    'id', 'unitCode', 'taxCode', 'name', 'foldedName', 'provinceCode', 'communeCode', 'address', 'managingOfficeCode', 'status',
  ]),
  households: describe(households, 'households', ['id', 'householdCode', 'headPersonId', 'provinceCode', 'communeCode']),
  people: describe(people, 'people', [
    'id', 'personalId', 'bhxhCode', 'legacyIdNumber', 'passportNumber', 'fullName', 'foldedName', 'birthYear', 'birthMonth',
    'birthDay', 'gender', 'addressCodeSet', 'provinceCode', 'districtCode', 'communeCode', 'street', 'phone', 'email',
    'householdId', 'householdRelation',
  ]),
  participationPeriods: describe(participationPeriods, 'participationPeriods', [
    'id', 'personId', 'scheme', 'fromMonth', 'toMonth', 'employerId', 'position', 'contributionBase', 'owedAmount',
  ]),
  benefits: describe(benefits, 'benefits', ['id', 'personId', 'kind', 'fromDate', 'toDate', 'amount', 'paidOn', 'officeCode']),
  medicalVisits: describe(medicalVisits, 'medicalVisits', [
    'id', 'personId', 'facilityCode', 'claimKey', 'visitType', 'admittedAt', 'dischargedAt', 'diagnosisCode', 'diagnosisName',
    'totalCost', 'fundPaid', 'patientPaid',
  ]),
  healthCards: describe(healthCards, 'healthCards', [
    'id', 'personId', 'cardNumber', 'legacyCardNumber', 'groupCode', 'benefitLevel', 'issuingProvinceCode',
    'primaryFacilityCode', 'livingArea', 'validFrom', 'validTo', 'fiveYearsContinuousFrom', 'issuedOn', 'issuingOfficeCode',
  ]),
}

const needsEscape = /[\\\t\n\r]/
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

function encode(value: unknown, offset: number): string {
  if (value === null || value === undefined) return '\\N'
  if (typeof value === 'number') return String(value + offset)
  if (typeof value === 'string')
    return needsEscape.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => escapes[c] ?? c) : value
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'boolean') return value ? 't' : 'f'
  throw new TypeError(`cannot COPY a ${typeof value}`)
}

export type IdOffsets = Record<PopulationTable, number>

/** Rows as COPY text, with every id and reference shifted past the ids already in the database. */
export function toCopyText<T extends PopulationTable>(
  table: CopyTable<T>,
  rows: readonly Row<T>[],
  offsets: IdOffsets,
): string {
  const keys = table.fields.map(([key]) => key as string)
  const shifts = table.fields.map(([, offsetOf]) => (offsetOf ? offsets[offsetOf] : 0))
  const lines: string[] = new Array(rows.length + 1)
  const values: string[] = new Array(keys.length)
  for (let r = 0; r < rows.length; r++) {
    const record = rows[r] as Record<string, unknown>
    for (let i = 0; i < keys.length; i++) values[i] = encode(record[keys[i] as string], shifts[i] ?? 0)
    lines[r] = values.join('\t')
  }
  lines[rows.length] = '' // the final newline
  return lines.join('\n')
}
