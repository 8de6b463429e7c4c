import { setTimeout as sleep } from 'node:timers/promises'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends } from '../../test/database'
import type { DatabaseHandle } from '../db/client'
import { errorSummary, jobSchema, pgBossDatabase, startJobRunner } from './jobs'
import { loggerOptions } from './logger'
import { createMetrics } from './metrics'

const log = pino({ level: 'silent' })

async function waitFor(condition: () => boolean, timeoutMs = 20_000) {
  for (const started = Date.now(); !condition(); await sleep(50))
    if (Date.now() - started > timeoutMs) throw new Error('timed out')
}

function queryError() {
  // What PGlite throws: the statement and its parameters after "params:".
  return Object.assign(
    new Error('duplicate key value violates unique constraint\nparams: Nguyễn Văn An, 0912345678'),
    { code: '23505', detail: 'Key (phone)=(0912345678) already exists.', params: ['Nguyễn Văn An'] },
  )
}

describe('errors from jobs', () => {
  it('are summarised without the query parameters, keeping the codes', () => {
    const error = new Error('job failed', { cause: queryError() })
    expect(errorSummary(queryError())).toEqual({
      type: 'Error',
      code: '23505',
      message: 'duplicate key value violates unique constraint',
    })
    expect(errorSummary(error)).toMatchObject({ causeCode: '23505', message: 'job failed' })
  })

  it('are logged through the error serializer, which drops the parameters', async () => {
    const lines: string[] = []
    const logger = pino(loggerOptions({ logLevel: 'info', logPretty: false }), {
      write: (line: string) => lines.push(line),
    })
    logger.error({ job: 'x', err: new Error('job failed', { cause: queryError() }) }, 'job failed')
    const output = lines.join('')
    expect(output).toContain('"code":"23505"')
    expect(output).not.toMatch(/Nguyễn|0912345678|params/)
  })
})

describe.each(testBackends())('the job runner (pg-boss) on %s', (backend) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(backend)
  })
  afterAll(async () => database?.close())

  it('leaves the session usable after a script fails half-way through its transaction', async () => {
    const adapter = pgBossDatabase(database)
    await expect(
      adapter.executeSql('BEGIN; SELECT pg_advisory_xact_lock(42); SELECT 1/0; COMMIT;', []),
    ).rejects.toThrow(/division by zero/)
    const { rows } = await adapter.executeSql('SELECT 1 AS one', [])
    expect(rows).toEqual([{ one: 1 }])
    await expect(database.ping()).resolves.toBeUndefined()
  })

  it('passes parameters the way node-postgres does (objects as JSON, dates, undefined as null)', async () => {
    const adapter = pgBossDatabase(database)
    const { rows } = await adapter.executeSql(
      `SELECT $1::jsonb ->> 'a' AS a, $2::timestamptz = '2026-01-02T03:04:05Z'::timestamptz AS same,
        $3::text IS NULL AS missing, $4::bool AS flag, $5 AS text`,
      [{ a: 'x' }, new Date('2026-01-02T03:04:05Z'), undefined, true, 'plain'],
    )
    expect(rows).toEqual([{ a: 'x', same: true, missing: true, flag: true, text: 'plain' }])
  })

  it('installs its schema, runs a scheduled job and a sent job, and stops cleanly', async () => {
    const metrics = createMetrics()
    const ran: string[] = []
    const runner = await startJobRunner(
      database,
      [
        { name: 'test-every-minute', cron: '* * * * *', run: async () => void ran.push('cron') },
        { name: 'test-on-demand', run: async () => void ran.push('sent') },
        {
          name: 'test-failing',
          retryLimit: 0,
          run: async () => {
            ran.push('failed')
            throw new Error('boom')
          },
        },
      ],
      {
        log,
        metrics,
        pollingIntervalSeconds: 0.5,
        cronMonitorIntervalSeconds: 1,
        cronWorkerIntervalSeconds: 1,
        stopTimeoutMs: 2000,
      },
    )
    try {
      await runner.boss.send('test-on-demand', {})
      await runner.boss.send('test-failing', {})
      await waitFor(() => ran.includes('cron') && ran.includes('sent') && ran.includes('failed'))
      const schedules = await runner.boss.getSchedules()
      expect(schedules).toHaveLength(1)
      // pg-boss's type omits the timezone column its rows carry.
      expect(schedules[0]).toMatchObject({ name: 'test-every-minute', timezone: 'Asia/Ho_Chi_Minh' })
    } finally {
      await runner.stop()
    }
    const failed = await metrics.registry.getSingleMetricAsString('ansinh_jobs_total')
    expect(failed).toMatch(/queue="test-failing",outcome="failed"} 1/)
    expect(failed).toMatch(/queue="test-on-demand",outcome="completed"} 1/)
    // pg-boss's tables live in their own schema; the platform's database stays open and usable.
    const { rows } = await pgBossDatabase(database).executeSql(
      'SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1',
      [jobSchema],
    )
    expect(rows[0]).toMatchObject({ n: expect.any(Number) })
    await expect(database.ping()).resolves.toBeUndefined()
  })

  it('starts again on an installed schema and drops schedules no longer declared', async () => {
    const runner = await startJobRunner(database, [{ name: 'test-on-demand', run: async () => {} }], {
      log,
      stopTimeoutMs: 1000,
    })
    try {
      expect(await runner.boss.getSchedules()).toEqual([])
    } finally {
      await runner.stop()
    }
  })
})
