/**
 * Messages per second through the outbox: queue N SMS, then let the real dispatcher loop send them
 * to the file transport, and time it. Runs on PGlite (a fresh data directory) and, when DATABASE_URL
 * is set, on PostgreSQL too. Usage (from the repository root):
 *
 *   npm run bench:outbox -- --messages 20000
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ansinh_bench npm run bench:outbox -- --dispatchers 2
 *
 * On PostgreSQL the database must be a throw-away one whose name contains "bench": it is dropped and
 * created again for every run. Prints counts and timings only.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import pino from 'pino'
import { loadConfig } from '../apps/server/src/config'
import {
  type DatabaseHandle,
  type DatabaseOptions,
  openDatabase,
  queryRows,
} from '../apps/server/src/db/client'
import { messages } from '../apps/server/src/db/schema/notify'
import { createChannels } from '../apps/server/src/modules/notify/channels'
import { startDispatcher } from '../apps/server/src/modules/notify/dispatcher'
import { createMetrics } from '../apps/server/src/platform/metrics'
import { createFreshBenchDatabase } from './support'

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '20000' },
    'batch-size': { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '8' },
    dispatchers: { type: 'string', default: '1' },
  },
})
const total = Number(values.messages)
const batchSize = Number(values['batch-size'])
const concurrency = Number(values.concurrency)
const dispatchers = Number(values.dispatchers)
for (const [name, value] of Object.entries({ total, batchSize, concurrency, dispatchers })) {
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`${name} must be a positive integer`)
    process.exit(2)
  }
}

const log = pino({ level: 'warn' })
const count = (value: number) => Math.round(value).toLocaleString('en-US')

async function queue(database: DatabaseHandle) {
  const started = performance.now()
  for (let offset = 0; offset < total; offset += 1000) {
    const rows = Array.from({ length: Math.min(1000, total - offset) }, (_, i) => ({
      kind: 'otp',
      channel: 'sms' as const,
      recipient: `09${String(offset + i).padStart(8, '0')}`,
      body: `Mã xác thực An Sinh của bạn là ${String((offset + i) % 1_000_000).padStart(6, '0')}. Hiệu lực 5 phút.`,
      smsEncoding: 'ucs2' as const,
      smsSegments: 2,
      expiresAt: new Date(Date.now() + 3_600_000),
    }))
    await database.db.insert(messages).values(rows)
  }
  return performance.now() - started
}

async function run(label: string, options: DatabaseOptions, poolDispatchers: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'ansinh-bench-outbox-'))
  const database = await openDatabase(options)
  try {
    await database.migrate()
    await database.db.delete(messages)
    const queueMs = await queue(database)

    const channels = createChannels(loadConfig({ DATA_DIR: dataDir, SMS_TRANSPORT: 'file' }))
    let accepted = 0
    const counted = {
      ...channels,
      sms: {
        name: channels.sms.name,
        send: async (sms: Parameters<typeof channels.sms.send>[0]) => {
          const result = await channels.sms.send(sms)
          accepted++
          return result
        },
      },
    }
    const metrics = createMetrics()
    const started = performance.now()
    const loops = Array.from({ length: poolDispatchers }, () =>
      startDispatcher(
        { database, channels: counted, log, metrics },
        { batchSize, concurrency, pollIntervalMs: 20 },
      ),
    )
    const remaining = () =>
      queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from messages where status in ('queued', 'sending')`,
      ).then((rows) => rows[0]?.n ?? 0)
    while (accepted < total || (await remaining()) > 0)
      await new Promise((resolve) => setTimeout(resolve, 10))
    const dispatchMs = performance.now() - started
    await Promise.all(loops.map((loop) => loop.stop()))
    await channels.close()

    const [sent] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from messages where status = 'sent'`,
    )
    const batches = (await metrics.dispatchBatchDuration.get()).values.find((v) =>
      v.metricName?.endsWith('_count'),
    )?.value
    console.log(
      `${label}: queued ${count(total)} in ${(queueMs / 1000).toFixed(2)} s (${count((total / queueMs) * 1000)}/s); ` +
        `dispatched ${count(sent?.n ?? 0)} in ${(dispatchMs / 1000).toFixed(2)} s → ` +
        `${count((total / dispatchMs) * 1000)} messages/s ` +
        `(${poolDispatchers} dispatcher${poolDispatchers > 1 ? 's' : ''}, batch ${batchSize}, ` +
        `concurrency ${concurrency}, ${count(batches ?? 0)} batches)`,
    )
  } finally {
    await database.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

const pgliteDir = await mkdtemp(join(tmpdir(), 'ansinh-bench-pglite-'))
try {
  // One process owns a PGlite database: a single dispatcher loop, as in the demo.
  await run('PGlite (data directory)', { kind: 'pglite', dataDir: pgliteDir }, 1)
} finally {
  await rm(pgliteDir, { recursive: true, force: true })
}
const databaseUrl = process.env.DATABASE_URL
if (databaseUrl) {
  await createFreshBenchDatabase(databaseUrl)
  await run(
    'PostgreSQL',
    { kind: 'postgres', url: databaseUrl, poolSize: 2 * dispatchers + 2, applicationName: 'ansinh-bench' },
    dispatchers,
  )
} else {
  console.log('PostgreSQL: skipped (set DATABASE_URL to a *bench* database to measure it)')
}
