import type { FastifyInstance } from 'fastify'
import pino from 'pino'
import { type AppState, buildApp } from './app'
import type { Config } from './config'
import { type DatabaseHandle, databaseOptionsFrom, openDatabase } from './db/client'
import { loadReferenceData } from './modules/directory/reference-data'
import { seedDemo } from './modules/registry/demo-population'
import { loggerOptions } from './platform/logger'
import { resolveSecrets } from './platform/secrets'

export type Platform = { app: FastifyInstance; database: DatabaseHandle; stop: () => Promise<void> }

export function createLogger(config: Config) {
  return pino(loggerOptions(config))
}

export async function openPlatformDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
      : databaseOptionsFrom(config),
  )
}

/** Migrations and reference data: what every deployment needs before it serves. */
export async function prepareDatabase(database: DatabaseHandle) {
  await database.migrate()
  await loadReferenceData(database.db)
}

/** The composition root: reads nothing itself, builds every adapter once, then listens. */
export async function startPlatform(
  config: Config,
  options: { prepare: boolean; demo: boolean },
): Promise<Platform> {
  const log = createLogger(config)
  const { secrets, generatedFile } = resolveSecrets(config)
  if (generatedFile)
    log.warn(
      { file: generatedFile },
      'using locally generated demo secrets; set SESSION_SECRET and FILE_ENCRYPTION_KEY in production',
    )
  const database = await openPlatformDatabase(config)
  log.info({ database: database.kind }, 'database opened')
  if (options.prepare) {
    const started = Date.now()
    await prepareDatabase(database)
    log.info({ ms: Date.now() - started }, 'database migrated and reference data loaded')
  }
  if (options.demo && config.demo.people > 0) {
    const report = await seedDemo(database, { people: config.demo.people, seed: config.demo.seed })
    log.info(report, 'demo data')
  }
  const state: AppState = { shuttingDown: false }
  const app = await buildApp({ config, database, secrets, clock: () => new Date() }, { state })
  await app.listen({ host: config.host, port: config.port })
  return {
    app,
    database,
    stop: async () => {
      state.shuttingDown = true
      await app.close()
      await database.close()
    },
  }
}
