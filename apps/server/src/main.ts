import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import pino, { type Logger } from 'pino'
import { type AppState, buildApp, buildProbeApp, type Deps } from './app'
import type { Config } from './config'
import { type DatabaseHandle, openDatabase } from './db/client'
import { startWorkers, type WorkerOptions, type Workers } from './jobs/workers'
import { loadReferenceData } from './modules/directory/reference-data'
import { publishDemoNews } from './modules/news/demo-news'
import { type Channels, createChannels } from './modules/notify/channels'
import { createRecipientCounters } from './modules/notify/rate-limits'
import { seedDemoOrganisations } from './modules/organisations/demo-organisations'
import { fileDemoDossiers } from './modules/registration/demo-dossiers'
import { seedDemo } from './modules/registry/demo-population'
import { createEncryptedFileStore } from './platform/encrypted-files'
import { loggerOptions } from './platform/logger'
import { createMetrics } from './platform/metrics'
import { resolveSecrets } from './platform/secrets'

export type Platform = {
  app: FastifyInstance
  database: DatabaseHandle
  /** Present when this process runs the background workers (ROLE=all or worker). */
  workers: Workers | undefined
  stop: () => Promise<void>
}

export function createLogger(config: Config) {
  return pino(loggerOptions(config))
}

/** `DATABASE_URL` set → that PostgreSQL server; otherwise the embedded PGlite in `<DATA_DIR>/pg`. */
export async function openPlatformDatabase(config: Config, log: Logger): Promise<DatabaseHandle> {
  return openDatabase(
    config.databaseUrl
      ? {
          kind: 'postgres',
          url: config.databaseUrl,
          poolSize: config.databasePoolSize,
          onConnectionError: (error) =>
            log.warn({ err: error }, 'a database connection broke; the pool replaces it'),
        }
      : { kind: 'pglite', dataDir: join(config.dataDir, 'pg') },
  )
}

/**
 * Migrations, reference data and (when asked) the demo seed: what a deployment needs before it serves.
 * On PostgreSQL several processes may start at once; a session advisory lock lets one do the work
 * while the others wait, then find it done.
 */
export async function prepareDatabase<T>(database: DatabaseHandle, afterMigrations?: () => Promise<T>) {
  return withPreparationLock(database, async () => {
    await database.migrate()
    await loadReferenceData(database.db)
    return afterMigrations?.()
  })
}

async function withPreparationLock<T>(database: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  if (database.raw.kind !== 'postgres') return work()
  const client = await database.raw.pool.connect()
  try {
    await client.query("select pg_advisory_lock(hashtext('ansinh:prepare-database'))")
    return await work()
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('ansinh:prepare-database'))").catch(() => {})
    client.release()
  }
}

/** The composition root: reads nothing itself, builds every adapter once, then listens. */
export async function startPlatform(
  config: Config,
  options: { prepare: boolean; demo: boolean; workers?: WorkerOptions },
): Promise<Platform> {
  const log = createLogger(config)
  const { secrets, generatedFile } = resolveSecrets(config)
  if (generatedFile)
    log.warn(
      { file: generatedFile },
      'using locally generated demo secrets; set SESSION_SECRET and FILE_ENCRYPTION_KEY in production',
    )
  const database = await openPlatformDatabase(config, log)
  log.info({ database: database.kind }, 'database opened')
  let freshDemo = false
  if (options.prepare) {
    const started = Date.now()
    const seed = options.demo && config.demo.people > 0
    const report = await prepareDatabase(database, async () =>
      seed
        ? seedDemo(database, {
            people: config.demo.people,
            seed: config.demo.seed,
            totpKey: secrets.fileEncryptionKey,
          })
        : undefined,
    )
    log.info({ ms: Date.now() - started }, 'database migrated and reference data loaded')
    if (report) log.info(report, 'demo data')
    freshDemo = report?.skipped === false
  }
  const metrics = createMetrics()
  // Workers start after migrations and before listening: a process that cannot run them does not serve.
  let channels: Channels | undefined
  let workers: Workers | undefined
  if (config.role === 'serve' && database.kind === 'pglite')
    log.warn('ROLE=serve on the embedded database: no process sends the messages this one queues')
  const stopWorkers = async () => {
    await workers?.stop()
    await channels?.close()
  }
  const state: AppState = { shuttingDown: false }
  const recipientCounters = createRecipientCounters(config)
  const files = createEncryptedFileStore({
    directory: join(config.dataDir, 'files'),
    key: secrets.fileEncryptionKey,
  })
  const clock = () => new Date()
  const kick = () => workers?.kick()
  let app: FastifyInstance
  try {
    if (config.role !== 'serve') {
      channels = createChannels(config, {
        // SMS_TRANSPORT=http judges its gateways from the shared outbox.
        http: { db: database.db, log: log.child({ component: 'sms' }), metrics: metrics.sms },
      })
      workers = await startWorkers(
        {
          database,
          channels,
          log,
          metrics,
          registration: { database, clock, config, files, recipientCounters, kick },
          devOutbox: config.devOutbox,
        },
        {
          ...options.workers,
          // Jobs in progress get half the shutdown grace: HTTP and the dispatcher need the rest.
          jobRunner: { stopTimeoutMs: config.shutdownGraceMs / 2, ...options.workers?.jobRunner },
        },
      )
    }
    const deps: Deps = {
      config,
      database,
      secrets,
      clock,
      metrics,
      kick,
      recipientCounters,
      files,
    }
    // Needs the file store and the outbox, so it runs once the adapters exist, on the first start only.
    if (freshDemo) {
      await fileDemoDossiers(deps)
      await publishDemoNews(deps)
      await seedDemoOrganisations(deps)
    }
    app = config.role === 'worker' ? await buildProbeApp(deps, { state }) : await buildApp(deps, { state })
    await app.listen({ host: config.host, port: config.port })
  } catch (error) {
    await stopWorkers()
    await recipientCounters.close()
    await database.close()
    throw error
  }
  return {
    app,
    database,
    workers,
    stop: async () => {
      state.shuttingDown = true
      // HTTP first (requests in flight may still queue and kick), then workers, then the database.
      await app.close()
      await stopWorkers()
      await recipientCounters.close()
      await database.close()
    },
  }
}
