import { asc, eq, getTableName, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends } from '../../../../test/database'
import type { DatabaseHandle } from '../../../db/client'
import {
  benefits,
  employers,
  healthCards,
  households,
  medicalVisits,
  participationPeriods,
  people,
} from '../../../db/schema'
import { generateDemoPopulation } from './generate'
import { loadDemoReference } from './reference'
import { insertReferenceFixture } from './reference-fixture'
import type { PopulationBatch, PopulationTable } from './types'
import { populationTables } from './types'
import { writeDemoPopulation } from './writer'

const asOf = '2026-11-01'

const tables = {
  employers,
  households,
  people,
  participationPeriods,
  benefits,
  medicalVisits,
  healthCards,
} as const

async function countRows(handle: DatabaseHandle): Promise<Record<PopulationTable, number>> {
  const counts = {} as Record<PopulationTable, number>
  for (const table of populationTables) {
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(tables[table])
    counts[table] = row?.n ?? 0
  }
  return counts
}

/** `n` of the first row, from either driver's result shape (pg: `{ rows }`, PGlite: `{ rows }` or an array). */
function firstCount(result: unknown): number {
  const rows = typeof result === 'object' && result !== null && 'rows' in result ? result.rows : result
  return (rows as { n: number }[])[0]?.n ?? 0
}

async function countIndexes(handle: DatabaseHandle): Promise<number> {
  const names = populationTables.map((table) => getTableName(tables[table]))
  const result = await handle.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_indexes where tablename in ${names}`,
  )
  return firstCount(result)
}

describe.each(testBackends())('writeDemoPopulation on %s', (backend) => {
  let handle: DatabaseHandle
  let indexesBefore = 0
  let batches: PopulationBatch[]
  beforeAll(async () => {
    handle = await createTestDatabase(backend)
    await insertReferenceFixture(handle.db)
    const reference = await loadDemoReference(handle.db)
    batches = [...generateDemoPopulation({ people: 200, seed: 42, reference, asOf, batchSize: 60 })]
  })
  afterAll(async () => handle?.close())

  it('writes every row of every batch and reads them back unchanged', async () => {
    const before = await countRows(handle)
    const summary = await writeDemoPopulation(handle, batches)
    const expected = {} as Record<PopulationTable, number>
    for (const table of populationTables)
      expected[table] = batches.reduce((sum, batch) => sum + batch[table].length, 0)
    expect(summary.rows).toEqual(expected)
    const after = await countRows(handle)
    for (const table of populationTables) expect(after[table] - before[table]).toBe(expected[table])

    const first = batches[0]?.people[0]
    if (!first) throw new Error('no people generated')
    const [stored] = await handle.db
      .select()
      .from(people)
      .where(eq(people.bhxhCode, first.bhxhCode ?? ''))
    const { id: _localId, householdId: _localHousehold, ...fields } = first
    expect(stored).toMatchObject(fields)
    const storedPeriods = await handle.db
      .select()
      .from(participationPeriods)
      .where(eq(participationPeriods.personId, stored?.id ?? 0))
      .orderBy(asc(participationPeriods.id))
    const generatedPeriods = batches
      .flatMap((batch) => batch.participationPeriods)
      .filter((p) => p.personId === first.id)
    expect(storedPeriods.map((p) => [p.scheme, p.fromMonth, p.toMonth, p.contributionBase])).toEqual(
      generatedPeriods.map((p) => [p.scheme, p.fromMonth, p.toMonth ?? null, p.contributionBase]),
    )
    const [visit] = batches.flatMap((batch) => batch.medicalVisits)
    if (visit) {
      const [storedVisit] = await handle.db
        .select()
        .from(medicalVisits)
        .where(eq(medicalVisits.claimKey, visit.claimKey ?? ''))
      expect(storedVisit?.admittedAt.toISOString()).toBe(visit.admittedAt.toISOString())
      expect(storedVisit?.diagnosisName).toBe(visit.diagnosisName)
    }
  })

  it('keeps references pointing at the right rows', async () => {
    const orphans = await handle.db.execute<{ n: number }>(sql`
      select count(*)::int as n from people p join households h on h.id = p.household_id
      where h.head_person_id not in (select id from people where household_id = h.id)`)
    expect(firstCount(orphans)).toBe(0)
  })

  it('appends a second load after the first and moves the identity sequences on', async () => {
    const reference = await loadDemoReference(handle.db)
    const before = await countRows(handle)
    indexesBefore = await countIndexes(handle)
    await writeDemoPopulation(handle, generateDemoPopulation({ people: 30, seed: 43, reference, asOf }), {
      deferIndexes: true,
    })
    const after = await countRows(handle)
    expect(after.people - before.people).toBe(30)
    const [household] = await handle.db
      .insert(households)
      .values({ householdCode: 'TEST000001', provinceCode: '79' })
      .returning({ id: households.id })
    expect(household?.id).toBe(after.households + 1)
  })

  it('rebuilds the indexes and foreign keys it deferred', async () => {
    expect(await countIndexes(handle)).toBe(indexesBefore)
    expect(indexesBefore).toBeGreaterThan(populationTables.length)
    await expect(
      handle.db
        .insert(participationPeriods)
        .values({ personId: 999_999_999, scheme: 'health', fromMonth: 202601, contributionBase: 1 }),
    ).rejects.toThrow()
  })
})
