/**
 * Loads a synthetic population into PostgreSQL and prints how long it took, the rows per table and
 * the database size. Usage (from the repository root):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ansinh_bench npm run bench:seed -- --people 1000000 --fresh
 *
 * Prints counts and timings only, never personal data.
 */
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openDatabase } from '../apps/server/src/db/client'
import { loadReferenceData } from '../apps/server/src/modules/directory/reference-data'
import {
  generateDemoPopulation,
  loadDemoReference,
  type PopulationTable,
  populationTables,
  writeDemoPopulation,
} from '../apps/server/src/modules/registry/demo-population'

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    fresh: { type: 'boolean', default: false },
    'keep-indexes': { type: 'boolean', default: false },
    'as-of': { type: 'string' },
  },
})

const people = Number(values.people)
const seed = Number(values.seed)
const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.error('DATABASE_URL must name a PostgreSQL database (this benchmark does not run on PGlite).')
  process.exit(2)
}
if (!Number.isInteger(people) || people <= 0 || !Number.isInteger(seed)) {
  console.error('--people must be a positive integer and --seed an integer')
  process.exit(2)
}

const formatCount = (value: number) => value.toLocaleString('en-US')
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

async function createFreshDatabase(url: string) {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing to create a database named "${name}"`)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (rowCount) {
      // Only throw-away benchmark databases are dropped; anything else must be dropped by hand.
      if (!name.includes('bench'))
        throw new Error(`database ${name} exists; --fresh only replaces databases named *bench*`)
      await client.query(`drop database ${name} with (force)`)
    }
    await client.query(`create database ${name}`)
  } finally {
    await client.end()
  }
  console.log(`created database ${name}`)
}

async function main(url: string) {
  if (values.fresh) await createFreshDatabase(url)
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 2, applicationName: 'ansinh-bench' })
  try {
    let started = performance.now()
    await handle.migrate()
    await loadReferenceData(handle.db)
    console.log(`migrations and reference data: ${seconds(performance.now() - started)}`)
    if (handle.raw.kind !== 'postgres') throw new Error('unreachable')
    const existing = await handle.raw.pool.query('select exists (select 1 from people) as any')
    if (existing.rows[0]?.any)
      throw new Error('the database already holds people; use --fresh with a *bench* database')

    const reference = await loadDemoReference(handle.db)
    started = performance.now()
    let nextReport = 100_000
    const totalRows = (rows: Readonly<Record<PopulationTable, number>>) =>
      populationTables.reduce((sum, table) => sum + rows[table], 0)
    const summary = await writeDemoPopulation(
      handle,
      generateDemoPopulation({
        people,
        seed,
        reference,
        ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
      }),
      {
        deferIndexes: !values['keep-indexes'],
        onBatch: (rows) => {
          while (rows.people >= nextReport) {
            const elapsed = performance.now() - started
            console.log(
              `${formatCount(rows.people).padStart(11)} people  ${formatCount(totalRows(rows)).padStart(12)} rows  ${seconds(elapsed)}`,
            )
            nextReport += 100_000
          }
        },
      },
    )
    const loadMs = performance.now() - started
    const analyzeStarted = performance.now()
    await handle.raw.pool.query('analyze')
    const analyzeMs = performance.now() - analyzeStarted

    const size = await handle.raw.pool.query<{ size: string; bytes: string }>(
      'select pg_size_pretty(pg_database_size(current_database())) as size, pg_database_size(current_database()) as bytes',
    )
    const rows = totalRows(summary.rows)
    console.log('')
    console.log(
      `people generated and written: ${formatCount(people)} (seed ${seed}, ${values['keep-indexes'] ? 'indexes kept' : 'indexes deferred'})`,
    )
    console.log(
      `load time (generate + COPY + index rebuild): ${seconds(loadMs)}; analyze: ${seconds(analyzeMs)}`,
    )
    for (const table of populationTables)
      console.log(`  ${table.padEnd(22)} ${formatCount(summary.rows[table]).padStart(12)}`)
    console.log(`  ${'total'.padEnd(22)} ${formatCount(rows).padStart(12)}`)
    console.log(
      `rows per second: ${formatCount(Math.round(rows / (loadMs / 1000)))}; people per second: ${formatCount(Math.round(people / (loadMs / 1000)))}`,
    )
    console.log(`database size: ${size.rows[0]?.size} (${formatCount(Number(size.rows[0]?.bytes))} bytes)`)
  } finally {
    await handle.close()
  }
}

main(databaseUrl).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
