/**
 * Server time of the three self-service reads a citizen opens most (issue 7): the BHYT card
 * (GET /me/card), the participation history (GET /me/participation) and the medical-visit book
 * (GET /me/medical-visits), on a registry loaded by `bench:seed`. It samples people who have
 * participation rows, calls the self-service use cases directly (the same functions the routes call,
 * without HTTP, session or serialisation), one read at a time, and prints p50/p95/p99/max per read
 * with the rows per sampled person. Usage (from the repository root):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ansinh_bench npm run bench:seed -- --people 1000000 --fresh
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ansinh_bench npm run bench:self-service -- --samples 2000
 *   npm run bench:self-service -- --pglite --people 2000     # a quick check on an in-memory PGlite
 *
 * The PostgreSQL database must be named *bench* and already hold the population; it is only migrated
 * (pending migrations, if any) and read. `--explain` adds the plan of the participation query. Prints
 * counts, timings and plans only, never personal data, not even the sampled ids.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { addMonths, ErrorCode } from '@ansinh/domain'
import { eq, sql } from 'drizzle-orm'
import type { Deps } from '../apps/server/src/app'
import { loadConfig } from '../apps/server/src/config'
import { type DatabaseHandle, openDatabase, queryRows } from '../apps/server/src/db/client'
import { participationPeriods } from '../apps/server/src/db/schema'
import { prepareDatabase } from '../apps/server/src/main'
import { databaseCounters } from '../apps/server/src/modules/notify/rate-limits'
import {
  generateDemoPopulation,
  loadDemoReference,
  writeDemoPopulation,
} from '../apps/server/src/modules/registry/demo-population'
import { findParticipation } from '../apps/server/src/modules/self-service/repo'
import {
  myHealthCard,
  myMedicalVisits,
  myParticipation,
  type Subject,
} from '../apps/server/src/modules/self-service/service'
import { createEncryptedFileStore } from '../apps/server/src/platform/encrypted-files'
import { DomainError } from '../apps/server/src/platform/errors'
import { createMetrics } from '../apps/server/src/platform/metrics'
import { percentile, random } from './support'

const { values } = parseArgs({
  options: {
    samples: { type: 'string' },
    warmup: { type: 'string' },
    seed: { type: 'string', default: '1' },
    pglite: { type: 'boolean', default: false },
    people: { type: 'string', default: '2000' },
    explain: { type: 'boolean', default: false },
  },
})
// PGlite's demo population is small: fewer people are sampled there unless told otherwise.
const samples = Number(values.samples ?? (values.pglite ? 500 : 2000))
const warmup = Number(values.warmup ?? (values.pglite ? 50 : 200))
const seed = Number(values.seed)
const pglitePeople = Number(values.people)
/** Participation timings are also printed for people with at least this many periods (a working life). */
const longHistory = 20
for (const [name, value] of Object.entries({ samples, warmup, seed, people: pglitePeople })) {
  if (!Number.isInteger(value) || value < (name === 'warmup' ? 0 : 1)) {
    console.error(`--${name} must be a ${name === 'warmup' ? 'non-negative' : 'positive'} integer`)
    process.exit(2)
  }
}

const url = process.env.DATABASE_URL
if (url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (!name.includes('bench')) {
    console.error(`DATABASE_URL must name a benchmark database called *bench* (got "${name}")`)
    process.exit(2)
  }
  if (values.pglite) {
    console.error('--pglite runs on an in-memory PGlite: unset DATABASE_URL for it')
    process.exit(2)
  }
} else if (!values.pglite) {
  console.error(
    'Set DATABASE_URL to a *bench* PostgreSQL database loaded by `npm run bench:seed`, or pass --pglite for a quick check.',
  )
  process.exit(2)
}

const count = (value: number) => value.toLocaleString('en-US')
const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2))

/**
 * `wanted` distinct people with at least one participation row: a random id in the people id range,
 * then the first participation row at or after it (one probe of participation_person_idx each).
 * People who follow a gap in the ids are a little more likely; the load has no gaps worth the name.
 */
async function samplePeople(database: DatabaseHandle, wanted: number, next: () => number): Promise<number[]> {
  const [range] = await queryRows<{ low: string | null; high: string | null }>(
    database.db,
    sql`select min(id) as low, max(id) as high from people`,
  )
  const low = Number(range?.low ?? 0)
  const high = Number(range?.high ?? 0)
  if (!range?.low) throw new Error('the database holds no people: load them with `npm run bench:seed` first')
  const chosen = new Set<number>()
  for (let attempt = 0; chosen.size < wanted && attempt < wanted * 20; attempt += 1) {
    const from = low + Math.floor(next() * (high - low + 1))
    const [row] = await queryRows<{ person_id: string }>(
      database.db,
      sql`select person_id from participation_periods where person_id >= ${from} order by person_id limit 1`,
    )
    if (row) chosen.add(Number(row.person_id))
  }
  if (chosen.size < wanted)
    throw new Error(`found only ${chosen.size} people with participation rows (wanted ${wanted})`)
  return [...chosen]
}

/** Rows in `table` per person of `ids` (0 for none), and their median, p95, mean and max. */
async function rowsPerPerson(
  database: DatabaseHandle,
  table: 'participation_periods' | 'medical_visits' | 'health_cards',
  ids: readonly number[],
) {
  const rows = await queryRows<{ id: string; n: string }>(
    database.db,
    sql`select p.id, count(t.person_id) as n
        from unnest(${`{${ids.join(',')}}`}::bigint[]) as p(id)
        left join ${sql.identifier(table)} t on t.person_id = p.id
        group by p.id`,
  )
  const byPerson = new Map(rows.map((row) => [Number(row.id), Number(row.n)]))
  const counts = [...byPerson.values()].sort((a, b) => a - b)
  const mean = counts.reduce((sum, n) => sum + n, 0) / Math.max(1, counts.length)
  return {
    byPerson,
    summary: `median ${percentile(counts, 0.5) ?? 0}, p95 ${percentile(counts, 0.95) ?? 0}, mean ${mean.toFixed(1)}, max ${counts.at(-1) ?? 0}`,
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the exact statement `myParticipation` runs (`findParticipation`),
 * for the sampled person with the most periods; the person id in the plan is printed as $1.
 */
async function explainParticipation(database: DatabaseHandle, personId: number, periods: number) {
  const query = findParticipation(database.db, personId).toSQL()
  const text = `explain (analyze, buffers) ${query.sql}`
  const rows =
    database.raw.kind === 'postgres'
      ? (await database.raw.pool.query<Record<string, string>>(text, query.params)).rows
      : (await database.raw.client.query<Record<string, string>>(text, query.params)).rows
  const hide = new RegExp(`= '?${personId}'?(::bigint)?(?!\\d)`, 'g')
  console.log('')
  console.log(
    `plan of the participation query (findParticipation) for the sampled person with ${periods} periods:`,
  )
  for (const row of rows) console.log(String(Object.values(row)[0]).replace(hide, '= $$1'))
}

async function loadPglitePopulation(database: DatabaseHandle) {
  const started = performance.now()
  const reference = await loadDemoReference(database.db)
  await writeDemoPopulation(database, generateDemoPopulation({ people: pglitePeople, seed: 1, reference }))
  console.log(
    `PGlite: ${count(pglitePeople)} demo people loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
}

function benchDeps(database: DatabaseHandle, directory: string): Deps {
  const secrets = {
    sessionSecret: 'bench-session-secret-bench-session-secret',
    fileEncryptionKey: Buffer.alloc(32, 3),
  }
  return {
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: directory }),
    database,
    secrets,
    clock: () => new Date(),
    metrics: createMetrics(),
    kick: () => {},
    recipientCounters: databaseCounters(),
    files: createEncryptedFileStore({ directory, key: secrets.fileEncryptionKey }),
  }
}

/** The issue's worst case on PGlite: one person whose 35 years are one row per month (420 rows). */
async function timeMonthlyHistory(deps: Deps, next: () => number): Promise<number[]> {
  const [person] = await queryRows<{ id: number }>(
    deps.database.db,
    sql`select id from people order by id limit 1 offset ${Math.floor(next() * pglitePeople)}`,
  )
  const personId = Number(person?.id)
  await deps.database.db.delete(participationPeriods).where(eq(participationPeriods.personId, personId))
  const months = Array.from({ length: 420 }, (_, index) => addMonths(199001, index))
  await deps.database.db.insert(participationPeriods).values(
    months.map((month) => ({
      personId,
      scheme: 'compulsory_social' as const,
      fromMonth: month,
      toMonth: month,
      contributionBase: 5_000_000,
    })),
  )
  const subject: Subject = { personId, isChild: false }
  for (let round = 0; round < warmup; round += 1) await myParticipation(deps, subject)
  const measured: number[] = []
  for (let round = 0; round < samples; round += 1) {
    const begun = performance.now()
    await myParticipation(deps, subject)
    measured.push(performance.now() - begun)
  }
  return measured
}

const database = url
  ? await openDatabase({ kind: 'postgres', url, poolSize: 10, applicationName: 'ansinh-bench' })
  : await openDatabase({ kind: 'pglite', dataDir: null })
const filesDir = await mkdtemp(join(tmpdir(), 'ansinh-bench-self-service-'))
try {
  if (url) await database.migrate()
  else {
    await prepareDatabase(database)
    await loadPglitePopulation(database)
  }
  const deps = benchDeps(database, filesDir)
  const [population] = await queryRows<{ n: string }>(database.db, sql`select count(*) as n from people`)
  const next = random(seed)
  const picked = await samplePeople(database, samples + warmup, next)
  const warmupIds = picked.slice(samples)
  const ids = picked.slice(0, samples)

  // What the routes do after `selfOf` resolved the session's account to its person.
  let notFound = 0
  const reads = {
    card: (subject: Subject) =>
      myHealthCard(deps, subject).catch((error: unknown) => {
        // A person with participation but no card yet: the route answers 404, which is timed too.
        if (!(error instanceof DomainError && error.code === ErrorCode.NotFound)) throw error
        notFound += 1
      }),
    participation: (subject: Subject) => myParticipation(deps, subject),
    visits: (subject: Subject) => myMedicalVisits(deps, subject, undefined),
  } as const
  type Read = keyof typeof reads
  const names = Object.keys(reads) as Read[]
  const subject = (personId: number): Subject => ({ personId, isChild: false })

  console.log(
    `${url ? 'PostgreSQL' : 'PGlite (in memory)'}, ${count(Number(population?.n ?? 0))} people; ` +
      `${count(ids.length)} sampled people with participation rows (seed ${seed}), ` +
      `${count(warmupIds.length)} more for the warm-up; ${availableParallelism()} CPUs; one read at a time`,
  )

  // Warm-up: compiled code paths, pool connections, the catalog; different people from the measured ones.
  for (const personId of warmupIds) for (const name of names) await reads[name](subject(personId))
  notFound = 0

  // Each sampled person opens the three screens in turn, as the app does after sign-in.
  const times: Record<Read, number[]> = { card: [], participation: [], visits: [] }
  const started = performance.now()
  for (const personId of ids)
    for (const name of names) {
      const begun = performance.now()
      await reads[name](subject(personId))
      times[name].push(performance.now() - begun)
    }
  const elapsed = (performance.now() - started) / 1000

  // Counted after the timing, so that counting does not warm the pages the reads then use.
  const participation = await rowsPerPerson(database, 'participation_periods', ids)
  const visits = await rowsPerPerson(database, 'medical_visits', ids)
  const cards = await rowsPerPerson(database, 'health_cards', ids)
  const long = (index: number) => (participation.byPerson.get(ids[index] ?? 0) ?? 0) >= longHistory

  console.log('')
  console.log(
    `${'read'.padEnd(52)} ${'count'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ` +
      `${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
  )
  const line = (label: string, measured: readonly number[]) => {
    const sorted = [...measured].sort((a, b) => a - b)
    console.log(
      `${label.padEnd(52)} ${String(sorted.length).padStart(6)} ${ms(percentile(sorted, 0.5)).padStart(8)} ` +
        `${ms(percentile(sorted, 0.95)).padStart(8)} ${ms(percentile(sorted, 0.99)).padStart(8)} ${ms(sorted.at(-1)).padStart(8)}`,
    )
  }
  line('card (GET /me/card)', times.card)
  line('participation (GET /me/participation)', times.participation)
  line(
    `  of which people with >= ${longHistory} periods`,
    times.participation.filter((_, index) => long(index)),
  )
  line('visits (GET /me/medical-visits, latest year)', times.visits)
  console.log(
    `measured reads: ${count(ids.length * names.length)} in ${elapsed.toFixed(1)} s; ` +
      `card not found (404): ${count(notFound)} of ${count(ids.length)}`,
  )
  console.log('')
  console.log('rows per sampled person (all years, all schemes):')
  console.log(`  participation periods  ${participation.summary}`)
  console.log(`  medical visits         ${visits.summary}`)
  console.log(`  health cards           ${cards.summary}`)

  if (!url) line('participation, 35 years month by month (420 rows)', await timeMonthlyHistory(deps, next))

  if (values.explain) {
    // The sampled person with the longest history: the read that has the most rows to fetch and sort.
    const [longest] = [...participation.byPerson].sort((a, b) => b[1] - a[1])
    if (longest) await explainParticipation(database, longest[0], longest[1])
  }
} finally {
  await database.close()
  await rm(filesDir, { recursive: true, force: true })
}
