import { parseArgs } from 'node:util'
import closeWithGrace from 'close-with-grace'
import { type Config, ConfigError, loadConfig } from './config'
import { createLogger, openPlatformDatabase, prepareDatabase, startPlatform } from './main'
import { configuredRedirectUri, eidCallbackPath } from './modules/eid/relying-party'
import { seedDemo } from './modules/registry/demo-population'
import { scrubText } from './platform/logger'
import { resolveSecrets } from './platform/secrets'

const usage = `Usage: ansinh <command>
  start     migrate, load reference data, seed demo data when the registry is empty, serve (default for npm start)
  serve     serve only (the database must already be migrated: run "migrate" once per release)
  worker    background workers only, as ROLE=worker (needs DATABASE_URL; the port answers only probes)
  migrate   apply migrations and load reference data
  seed      seed demo data: seed [--people N] [--seed S]`

/**
 * The local e-ID provider (apps/eid-dev) on its loopback port, when EID_DEV_PROVIDER asks for it.
 * Imported only then: the package is for development and tests, never loaded in production.
 */
async function startLocalEidProvider(
  config: Config,
): Promise<{ issuer: string; password: string; close: () => Promise<void> } | null> {
  const local = config.eid?.devProvider
  if (!local || !config.eid) return null
  const { demoPassword, startDevProvider } = await import('@ansinh/eid-dev')
  const configured = configuredRedirectUri(config)
  // Without PUBLIC_URL the browser may reach the demo as 127.0.0.1 or as localhost.
  const redirectUris = configured
    ? [configured]
    : ['127.0.0.1', 'localhost'].map((host) => `http://${host}:${config.port}${eidCallbackPath}`)
  const provider = await startDevProvider({
    port: local.port,
    client: { clientId: config.eid.clientId, clientSecret: config.eid.clientSecret, redirectUris },
  })
  return { ...provider, password: demoPassword }
}

async function serve(config: Config, options: { prepare: boolean; demo: boolean }) {
  const eidProvider = await startLocalEidProvider(config)
  const platform = await startPlatform(config, options)
  if (eidProvider)
    platform.app.log.info(
      `Local e-ID provider on ${eidProvider.issuer} (demo identities in the README; password ${eidProvider.password})`,
    )
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
    await eidProvider?.close()
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
 * it opens the development outbox, so that the demo and the end-to-end journeys can read OTPs, and
 * runs the local e-ID provider when no real one is configured.
 */
function environmentFor(command: string): NodeJS.ProcessEnv {
  if (command === 'worker') return { ...process.env, ROLE: 'worker' }
  if (command === 'start' && process.env.NODE_ENV !== 'production')
    return {
      DEV_OUTBOX: 'true',
      // The local e-ID provider, unless a real one is configured.
      ...(process.env.EID_ISSUER ? {} : { EID_DEV_PROVIDER: 'true' }),
      ...process.env,
    }
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
