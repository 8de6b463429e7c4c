/**
 * Citizen sign-ins per second through the whole HTTP stack (`app.inject` of POST /api/v1/auth/login:
 * validation, rate limits, the account look-up, the argon2id verification, the session written),
 * printed next to raw argon2id verifications per second of the same parameters, measured in the same
 * run with the same concurrency: the gap is what the server adds to the hash. Prints figures only.
 *
 *   npm run bench:sign-in -- --accounts 40 --concurrency 4 --seconds 10
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ansinh_bench npm run bench:sign-in -- --fresh
 *
 * Without DATABASE_URL it runs on an in-memory PGlite.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { foldVietnamese } from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../apps/server/src/app'
import { loadConfig } from '../apps/server/src/config'
import { type DatabaseHandle, openDatabase } from '../apps/server/src/db/client'
import { people } from '../apps/server/src/db/schema'
import { prepareDatabase } from '../apps/server/src/main'
import { createCitizenAccount } from '../apps/server/src/modules/identity/accounts'
import { hashPassword, verifyPassword } from '../apps/server/src/modules/identity/password'
import { databaseCounters } from '../apps/server/src/modules/notify/rate-limits'
import { createEncryptedFileStore } from '../apps/server/src/platform/encrypted-files'
import { createMetrics } from '../apps/server/src/platform/metrics'
import { createFreshBenchDatabase } from './support'

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '40' },
    concurrency: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '10' },
    fresh: { type: 'boolean', default: false },
  },
})
const accounts = Number(values.accounts)
const concurrency = Number(values.concurrency)
const seconds = Number(values.seconds)
const password = 'Bench-Sen#2026'

const url = process.env.DATABASE_URL
if (url && values.fresh) await createFreshBenchDatabase(url)
const database = url
  ? await openDatabase({ kind: 'postgres', url, poolSize: Math.max(4, concurrency) })
  : await openDatabase({ kind: 'pglite', dataDir: null })
const filesDir = await mkdtemp(join(tmpdir(), 'ansinh-bench-sign-in-'))

try {
  await prepareDatabase(database)
  const usernames = await createAccounts(database, accounts)
  const app = await benchApp(database, filesDir)
  try {
    console.log(
      `${accounts} accounts, concurrency ${concurrency}, ${seconds} s per measure, ${availableParallelism()} CPUs, ` +
        `libuv pool ${process.env.UV_THREADPOOL_SIZE ?? 4}, database ${url ? 'PostgreSQL' : 'PGlite (in memory)'}`,
    )
    let next = 0
    const signIn = async () => {
      const index = next++ % usernames.length
      const answer = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: usernames[index], password, deviceId: `bench-device-${index}` },
      })
      if (answer.statusCode !== 200) throw new Error(`sign-in answered ${answer.statusCode}: ${answer.body}`)
    }
    const hash = await hashPassword(password)
    const verify = async () => {
      if (!(await verifyPassword(hash, password))) throw new Error('the password did not verify')
    }
    await measure(signIn, 1) // warm-up: routes compiled, connections opened, the dummy hash made
    const signIns = await measure(signIn, seconds)
    const verifications = await measure(verify, seconds)
    console.log(`sign-ins (POST /auth/login):     ${signIns.toFixed(1)} per second`)
    console.log(`raw argon2id verifications:      ${verifications.toFixed(1)} per second`)
    console.log(`sign-in / verification:          ${((signIns / verifications) * 100).toFixed(0)} %`)
  } finally {
    await app.close()
  }
} finally {
  await database.close()
  await rm(filesDir, { recursive: true, force: true })
}

/** Runs `work` from `concurrency` loops for `durationSeconds`; answers completions per second. */
async function measure(work: () => Promise<void>, durationSeconds: number): Promise<number> {
  const started = performance.now()
  const until = started + durationSeconds * 1000
  let done = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await work()
        done += 1
      }
    }),
  )
  return done / ((performance.now() - started) / 1000)
}

/** People with accounts, BHXH codes 7998000000 and up (a range the demo generator never issues). */
async function createAccounts(handle: DatabaseHandle, count: number): Promise<string[]> {
  const usernames: string[] = []
  for (let i = 0; i < count; i += 1) {
    const bhxhCode = String(7_998_000_000 + i)
    const fullName = `Người Thử ${i}`
    const [person] = await handle.db
      .insert(people)
      .values({
        bhxhCode,
        fullName,
        foldedName: foldVietnamese(fullName),
        birthYear: 1980,
        gender: 'female',
        addressCodeSet: '2025-07-01',
        provinceCode: '79',
      })
      .onConflictDoNothing()
      .returning({ id: people.id })
    if (person)
      await createCitizenAccount(handle.db, {
        personId: person.id,
        username: bhxhCode,
        password,
        mustChangePassword: false,
      })
    usernames.push(bhxhCode)
  }
  return usernames
}

/** The application as the server builds it, with limits high enough not to be what is measured. */
async function benchApp(handle: DatabaseHandle, directory: string): Promise<FastifyInstance> {
  const secrets = {
    sessionSecret: 'bench-session-secret-bench-session-secret',
    fileEncryptionKey: Buffer.alloc(32, 3),
  }
  const app = await buildApp(
    {
      config: loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: directory,
        RATE_LIMIT_PER_MINUTE: '100000000',
        RATE_LIMIT_GUESSABLE_PER_MINUTE: '100000000',
      }),
      database: handle,
      secrets,
      clock: () => new Date(),
      metrics: createMetrics(),
      kick: () => {},
      recipientCounters: databaseCounters(),
      files: createEncryptedFileStore({ directory, key: secrets.fileEncryptionKey }),
    },
    { state: { shuttingDown: false } },
  )
  await app.ready()
  return app
}
