import { parseArgs } from 'node:util'
import closeWithGrace from 'close-with-grace'
import { type Config, ConfigError, loadConfig } from './config'
import { createLogger, openPlatformDatabase, prepareDatabase, startPlatform } from './main'
import { seedDemo } from './modules/registry/demo-population'
import { scrubText } from './platform/logger'
import { resolveSecrets } from './platform/secrets'

const usage = `Usage: ansinh <command>
  start     migrate, load reference data, seed demo data when the registry is empty, serve (default for npm start)
  serve     serve only (the database must already be migrated: run "migrate" once per release)
  worker    background workers only, as ROLE=worker (needs DATABASE_URL; the port answers only probes)
  migrate   apply migrations and load reference data
  seed      seed demo data: seed [--people N] [--seed S]`

async function serve(config: Config, options: { prepare: boolean; demo: boolean }) {
  const platform = await startPlatform(config, options)
  const address = platform.app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`
  platform.app.log.info(
    config.role === 'worker'
      ? `An Sinh workers are running; probes and metrics on ${url}`
      : `An Sinh is serving on ${url}${config.role === 'all' ? ' (with background workers)' : ''}`,
  )
  closeWithGrace({ delay: config.shutdownGraceMs }, async ({ signal, err }) => {
    if (err) platform.app.log.error({ err }, 'shutting down after an unexpected error')
    else platform.app.log.info({ signal }, 'shutting down')
    await platform.stop()
  })
}

async function migrate(config: Config) {
  const log = createLogger(config)
  const database = await openPlatformDatabase(config, log)
  try {
    await prepareDatabase(database)
  } finally {
    await database.close()
  }
  log.info('migrations applied and reference data loaded')
}

async function seed(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { people: { type: 'string' }, seed: { type: 'string' } } })
  const people = values.people === undefined ? config.demo.people : Number(values.people)
  const seedValue = values.seed === undefined ? config.demo.seed : Number(values.seed)
  if (!Number.isInteger(people) || people < 0 || !Number.isInteger(seedValue)) {
    throw new ConfigError(['--people and --seed take whole numbers'])
  }
  if (config.env === 'production')
    throw new ConfigError(['seed: no demo data in production (its accounts are public)'])
  const log = createLogger(config)
  // The demo staff's TOTP secrets are encrypted with the key the server will read them with.
  const { secrets } = resolveSecrets(config)
  const database = await openPlatformDatabase(config, log)
  try {
    const report = await prepareDatabase(database, () =>
      seedDemo(database, {
        people,
        seed: seedValue,
        deferIndexes: people >= 100_000,
        totpKey: secrets.fileEncryptionKey,
      }),
    )
    if (report?.skipped) {
      // Asked for explicitly, a seed that does nothing is a failure, not a success.
      throw new Error('the registry already holds people: seed needs an empty database')
    }
    log.info(report, 'demo data')
  } finally {
    await database.close()
  }
}

/**
 * `worker` is `serve` with ROLE=worker. `start` is the demo: unless told otherwise (or in production)
 * it opens the development outbox, so that the demo and the end-to-end journeys can read OTPs.
 */
function environmentFor(command: string): NodeJS.ProcessEnv {
  if (command === 'worker') return { ...process.env, ROLE: 'worker' }
  if (command === 'start' && process.env.NODE_ENV !== 'production')
    return { DEV_OUTBOX: 'true', ...process.env }
  return process.env
}

async function run(argv: string[]) {
  const [command = 'start', ...rest] = argv
  const config = loadConfig(environmentFor(command))
  switch (command) {
    case 'start':
      return serve(config, { prepare: true, demo: true })
    case 'serve':
    case 'worker':
      return serve(config, { prepare: false, demo: false })
    case 'migrate':
      return migrate(config)
    case 'seed':
      return seed(config, rest)
    default:
      console.error(usage)
      process.exitCode = 2
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message)
  } else {
    console.error(
      'An Sinh failed to start:',
      scrubText(error instanceof Error ? error.message : String(error)),
    )
  }
  process.exit(1)
})
