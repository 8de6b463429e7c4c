/**
 * Server time of the public BHXH-code look-up (tra cứu mã số BHXH, issue 8) on a registry loaded by
 * `bench:seed`: for random existing people it asks with their own province, name and date of birth,
 * calling the look-up use case directly (what `POST /lookup/bhxh-code` runs after the proof of work
 * and the limits, without HTTP), one look-up at a time, and prints p50/p95/p99/max of the whole use
 * case and of the people query alone, how many answers were one person or several, and the plan of
 * the people query. Usage (from the repository root):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ansinh_bench_self npm run bench:bhxh-code-lookup -- --samples 2000
 *
 * The database must be named *bench*, hold a population and be migrated; it is only read (nothing is
 * migrated or written). Prints counts, timings and plans only, never personal data.
 */
import { parseArgs } from 'node:util'
import { foldVietnamese, type PartialDate } from '@ansinh/domain'
import { sql } from 'drizzle-orm'
import { type DatabaseHandle, openDatabase, queryRows } from '../apps/server/src/db/client'
import { provinceWithPredecessors } from '../apps/server/src/modules/directory/service'
import { lookUpBhxhCode } from '../apps/server/src/modules/lookup/service'
import {
  birthOfRecord,
  findPeopleByNameAndBirth,
  peopleByNameAndBirth,
} from '../apps/server/src/modules/registry/service'
import { percentile, random } from './support'

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
  },
})
const samples = Number(values.samples)
const warmup = Number(values.warmup)
const seed = Number(values.seed)
for (const [name, value] of Object.entries({ samples, warmup, seed })) {
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer`)
    process.exit(2)
  }
}
const url = process.env.DATABASE_URL
if (!url || !decodeURIComponent(new URL(url).pathname).includes('bench')) {
  console.error('Set DATABASE_URL to a *bench* PostgreSQL database loaded by `npm run bench:seed`.')
  process.exit(2)
}

type Asked = { provinceCode: string; fullName: string; birth: PartialDate }

/** People with a BHXH code, each found by a random id and the first person at or after it. */
async function samplePeople(database: DatabaseHandle, wanted: number, next: () => number): Promise<Asked[]> {
  const [range] = await queryRows<{ low: string; high: string }>(
    database.db,
    sql`select min(id) as low, max(id) as high from people`,
  )
  const low = Number(range?.low)
  const high = Number(range?.high)
  const asked: Asked[] = []
  while (asked.length < wanted) {
    const from = low + Math.floor(next() * (high - low + 1))
    const [row] = await queryRows<{
      provinceCode: string
      fullName: string
      birthYear: number
      birthMonth: number | null
      birthDay: number | null
    }>(
      database.db,
      sql`select province_code as "provinceCode", full_name as "fullName", birth_year as "birthYear",
                 birth_month as "birthMonth", birth_day as "birthDay"
          from people where id >= ${from} and bhxh_code is not null order by id limit 1`,
    )
    if (row) asked.push({ provinceCode: row.provinceCode, fullName: row.fullName, birth: birthOfRecord(row) })
  }
  return asked
}

function summary(label: string, timings: number[]): string {
  const sorted = [...timings].sort((a, b) => a - b)
  const at = (share: number) => (percentile(sorted, share) ?? Number.NaN).toFixed(2)
  return `${label.padEnd(28)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms  max ${at(1)} ms`
}

const database = await openDatabase({ kind: 'postgres', url, poolSize: 4, applicationName: 'ansinh-bench' })
try {
  const deps = { database, clock: () => new Date() }
  const [population] = await queryRows<{ n: string }>(database.db, sql`select count(*) as n from people`)
  const next = random(seed)
  const people = await samplePeople(database, samples + warmup, next)
  const ask = (person: Asked) =>
    lookUpBhxhCode(deps, {
      provinceCode: person.provinceCode,
      fullName: person.fullName,
      dateOfBirth: person.birth,
    })
  for (const person of people.slice(samples)) await ask(person)

  const answers = { one: 0, several: 0 }
  const whole: number[] = []
  for (const person of people.slice(0, samples)) {
    const begun = performance.now()
    const answer = await ask(person)
    whole.push(performance.now() - begun)
    answers[answer.match] += 1
  }
  // The people query alone, with the province's codes resolved beforehand (as the use case does first).
  const query: number[] = []
  const asked: Parameters<typeof findPeopleByNameAndBirth>[1][] = []
  for (const person of people.slice(0, samples)) {
    const province = await provinceWithPredecessors(database.db, person.provinceCode)
    asked.push({
      provinceCodes: province?.codes ?? [],
      foldedName: foldVietnamese(person.fullName),
      birth: person.birth,
    })
  }
  for (const one of asked) {
    const begun = performance.now()
    await findPeopleByNameAndBirth(database.db, one)
    query.push(performance.now() - begun)
  }

  console.log(`people in the registry: ${Number(population?.n).toLocaleString('en-US')}`)
  console.log(`look-ups: ${samples} (after ${warmup} warm-up), one at a time, seed ${seed}`)
  console.log(`answers: one person ${answers.one}, several ${answers.several}`)
  console.log(summary('lookUpBhxhCode (use case)', whole))
  console.log(summary('people query alone', query))

  const first = asked[0]
  if (first && database.raw.kind === 'postgres') {
    const statement = peopleByNameAndBirth(database.db, first).toSQL()
    const plan = await database.raw.pool.query<Record<string, string>>(
      `explain (analyze, buffers) ${statement.sql}`,
      statement.params,
    )
    console.log('')
    console.log('plan of the people query for the first sampled person (values hidden):')
    for (const row of plan.rows) console.log(String(Object.values(row)[0]).replace(/'[^']*'/g, "'…'"))
  }
} finally {
  await database.close()
}
