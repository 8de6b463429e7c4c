import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export type RunningServer = {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string
  /** The server's data directory (embedded database, files); removed by `stop`. */
  dataDir: string
  /** The local e-ID provider's issuer (`startServer({ eidProvider: true })`), else null. */
  eidProviderUrl: string | null
  /** The last lines the server wrote to stdout and stderr. */
  output: () => string
  stop: () => Promise<void>
}

export type StartServerOptions = {
  /** Extra or overriding environment variables for the server. */
  env?: Record<string, string>
  readyTimeoutMs?: number
  /**
   * Runs the local e-ID provider (apps/eid-dev) beside the server, on a free port of its own. Off
   * otherwise, so that a journey never holds the provider's default port nor depends on it.
   */
  eidProvider?: boolean
}

/**
 * Starts the real server (`node --import tsx apps/server/src/cli.ts start`: migrate, seed demo data,
 * serve) on a free port with a fresh data directory, and resolves once `GET /readyz` answers 200.
 *
 * Set `E2E_BASE_URL` to run the journeys against a server that is already running instead (and
 * `E2E_EID_PROVIDER_URL` to its local e-ID provider, for the e-ID journey).
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const external = process.env.E2E_BASE_URL
  if (external) {
    const baseUrl = external.replace(/\/$/, '')
    const eidProviderUrl = process.env.E2E_EID_PROVIDER_URL?.replace(/\/$/, '') ?? null
    return { baseUrl, dataDir: '', eidProviderUrl, output: () => '', stop: async () => {} }
  }

  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const eidPort = options.eidProvider ? await freePort() : null
  const eidProviderUrl = eidPort === null ? null : `http://127.0.0.1:${eidPort}`
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ansinh-e2e-'))
  const lines: string[] = []
  const remember = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    if (lines.length > 400) lines.splice(0, lines.length - 400)
  }

  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'start'], {
    cwd: repoRoot,
    env: {
      ...inheritedEnv(),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_PEOPLE: '50',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      ...(eidPort === null
        ? { EID_DEV_PROVIDER: 'false' }
        : { EID_DEV_PROVIDER: 'true', EID_DEV_PROVIDER_PORT: String(eidPort) }),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', remember)
  child.stderr?.on('data', remember)
  // If the test run dies without calling stop(), do not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const output = () => lines.join('\n')
  const stop = async () => {
    process.off('exit', killOnExit)
    await terminate(child)
    await rm(dataDir, { recursive: true, force: true })
  }

  try {
    await waitUntilReady(child, baseUrl, options.readyTimeoutMs ?? 90_000)
  } catch (error) {
    await stop()
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`${reason}\n--- server output (last lines) ---\n${output() || '(none)'}`)
  }
  return { baseUrl, dataDir, eidProviderUrl, output, stop }
}

async function waitUntilReady(child: ChildProcess, baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let lastProblem = 'no answer yet'
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `server exited before it was ready (code ${child.exitCode}, signal ${child.signalCode})`,
      )
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) })
      if (response.status === 200) return
      lastProblem = `GET /readyz answered ${response.status}`
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error)
    }
    await sleep(250)
  }
  throw new Error(`server not ready after ${timeoutMs / 1000} s at ${baseUrl} (${lastProblem})`)
}

/** SIGTERM for a graceful shutdown, SIGKILL if it does not end within 20 s. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
  try {
    await exited
  } finally {
    clearTimeout(timer)
  }
}

/** The test runner's own variables would change how the server behaves; leave them out. */
/**
 * The journeys run on their own embedded database: a developer's DATABASE_URL or REDIS_URL must not
 * leak in, nor a real e-ID provider's settings.
 */
const notInherited = /^(VITEST|DATABASE_URL$|REDIS_URL$|SMTP_URL$|SMS_|EID_)/

function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !notInherited.test(key)))
}

async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  server.close()
  await once(server, 'close')
  if (address === null || typeof address === 'string') throw new Error('could not get a free port')
  return address.port
}
