import PgBoss from 'pg-boss'
import type { Logger } from 'pino'
import type { DatabaseHandle } from '../db/client'
import { redactPersonalData } from './logger'
import type { Metrics } from './metrics'

/**
 * The job runner: pg-boss over the platform's own database, in its own schema (`pgboss`, created and
 * migrated by pg-boss itself on first start). Scheduled work is declared in `jobs/schedule.ts`; the
 * latency-sensitive outbox dispatcher is a loop of its own (`modules/notify/dispatcher.ts`), not a job.
 */

/** A queue and the function that handles its jobs; with `cron`, pg-boss also enqueues it on that schedule. */
export type JobDefinition = {
  name: string
  /** Five-field cron in `timezone`; pg-boss fires a schedule at most once a minute across all processes. */
  cron?: string
  timezone?: string
  /** Retries after a failure (scheduled jobs default to none: the next tick runs them again). */
  retryLimit?: number
  /** A job still active after this long is failed by pg-boss's maintenance. */
  expireInSeconds?: number
  run: () => Promise<void>
}

export type JobRunnerOptions = {
  log: Logger
  metrics?: Metrics
  /** Seconds between a worker's polls of its queue (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number
  /** Seconds between checks of the cron table (1–45). */
  cronMonitorIntervalSeconds?: number
  /** Seconds between polls of pg-boss's internal queue that turns due schedules into jobs (1–45). */
  cronWorkerIntervalSeconds?: number
  /** How long `stop()` waits for jobs in progress. */
  stopTimeoutMs?: number
}

export type JobRunner = {
  boss: PgBoss
  /** Stops polling, waits for jobs in progress (up to the timeout), leaves the database open. */
  stop: () => Promise<void>
}

export const jobSchema = 'pgboss'

/**
 * pg-boss's database adapter over our handle, so it never opens connections of its own.
 *
 * pg-boss sends two kinds of SQL: parameterised single statements, and parameterless scripts —
 * `BEGIN; SET LOCAL …; SELECT pg_advisory_xact_lock(…); …; COMMIT;` for schema creation, migration
 * and maintenance. A script that fails half-way leaves the session inside an aborted transaction, so
 * the session must be rolled back before anyone else uses it:
 * - PostgreSQL: scripts run on a client checked out of the pool, which is discarded on error.
 * - PGlite (one session shared by the whole process): scripts run inside `client.transaction()`, which
 *   holds PGlite's exclusive lock until it has rolled back; the script's own BEGIN/COMMIT only draw
 *   warnings inside it. Parameters are converted the way node-postgres converts them, because PGlite
 *   serialises by the parameter's inferred type and refuses e.g. an object for a `text` parameter.
 */
export function pgBossDatabase(database: DatabaseHandle): PgBoss.Db {
  const raw = database.raw
  if (raw.kind === 'postgres') {
    return {
      executeSql: async (text: string, values?: unknown[]) => {
        if (values && values.length > 0) return raw.pool.query(text, values)
        const client = await raw.pool.connect()
        try {
          const result = await client.query(text)
          client.release()
          return lastResult(result)
        } catch (error) {
          client.release(true)
          throw error
        }
      },
    }
  }
  const client = raw.client
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      if (values && values.length > 0) return client.query(text, values.map(asNodePostgresParameter))
      const results = await client.transaction((tx) => tx.exec(text))
      return lastResult(results)
    },
  }
}

/** A multi-statement query answers with one result per statement; pg-boss reads the last one. */
function lastResult(result: { rows: unknown[] } | { rows: unknown[] }[]): { rows: unknown[] } {
  if (!Array.isArray(result)) return result
  return result.at(-1) ?? { rows: [] }
}

function asNodePostgresParameter(value: unknown): unknown {
  if (value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array)
    return value
  return JSON.stringify(value)
}

/**
 * Starts pg-boss (installing or migrating its schema under its advisory lock), creates every queue,
 * replaces the schedules with the declared ones and starts one worker per queue.
 */
export async function startJobRunner(
  database: DatabaseHandle,
  jobs: JobDefinition[],
  options: JobRunnerOptions,
): Promise<JobRunner> {
  const { log, metrics } = options
  const boss = new PgBoss({
    db: pgBossDatabase(database),
    schema: jobSchema,
    migrate: true,
    supervise: true,
    schedule: true,
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds ?? 5,
    // Job rows hold no personal data; finished ones are kept a week for diagnosis.
    deleteAfterDays: 7,
  })
  boss.on('error', (error) => log.error({ err: error }, 'job runner error'))
  await boss.start()

  const declared = new Set(jobs.map((job) => job.name))
  for (const schedule of await boss.getSchedules()) {
    if (!declared.has(schedule.name)) await boss.unschedule(schedule.name)
  }
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      name: job.name,
      retryLimit: job.retryLimit ?? (job.cron ? 0 : 3),
      expireInSeconds: job.expireInSeconds ?? 15 * 60,
    })
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: job.timezone ?? 'Asia/Ho_Chi_Minh' })
    else await boss.unschedule(job.name)
    await boss.work(
      job.name,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async () => {
        const started = performance.now()
        try {
          await job.run()
          metrics?.jobRuns.labels(job.name, 'completed').inc()
        } catch (error) {
          metrics?.jobRuns.labels(job.name, 'failed').inc()
          log.error({ job: job.name, err: error }, 'job failed')
          throw error
        } finally {
          metrics?.jobDuration.labels(job.name).observe((performance.now() - started) / 1000)
        }
      },
    )
  }
  log.info({ queues: jobs.map((job) => job.name) }, 'job runner started')
  return {
    boss,
    stop: () =>
      boss.stop({ graceful: true, wait: true, close: false, timeout: options.stopTimeoutMs ?? 10_000 }),
  }
}

/**
 * What may be said about an error outside the logger (a `last_error`, a short reason): its kind, its
 * code and its cause's code, and its message without the query parameters a database error carries
 * (after "params:") and scrubbed of anything that looks like personal data. Log lines should pass
 * the error itself as `{ err: error }`: the logger's serializer does the same and keeps the stack.
 */
export function errorSummary(error: unknown): {
  type: string
  code?: string
  causeCode?: string
  message: string
} {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-error thrown' }
  const safe = redactPersonalData(error) as { type: string; message: string; code?: unknown }
  const code = safe.code
  const causeCode = error.cause instanceof Error ? (error.cause as { code?: unknown }).code : undefined
  return {
    type: safe.type,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof causeCode === 'string' ? { causeCode } : {}),
    message: safe.message,
  }
}
