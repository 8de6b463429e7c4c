import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

/**
 * The real server as a child process (`cli.ts <command>`), for tests of what only a process shows:
 * start-up, signals, roles. Every process started here is killed by `killServerProcesses`, so a
 * failed assertion never leaves one (and its open pipes) behind.
 */

export const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))

export type ServerProcess = { child: ChildProcess; output: () => string; baseUrl: string }

const running = new Set<ChildProcess>()

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  server.close()
  await once(server, 'close')
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** A developer's DATABASE_URL, REDIS_URL or SMTP_URL must not point a test process at a real server. */
function ownEnvironment(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _database, REDIS_URL: _redis, SMTP_URL: _smtp, ...rest } = process.env
  return rest
}

export async function startServerProcess(
  command: string,
  env: Record<string, string>,
): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', cli, command], {
    env: { ...ownEnvironment(), PORT: String(port), LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  child.on('exit', () => running.delete(child))
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const baseUrl = `http://127.0.0.1:${port}`
  for (let waited = 0; waited < 100_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    const ready = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) return { child, output: () => output, baseUrl }
    await sleep(250)
  }
  child.kill('SIGKILL')
  throw new Error(`server not ready:\n${output}`)
}

/** SIGTERM, then the exit code. */
export async function stopServerProcess(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode !== null) return server.child.exitCode
  server.child.kill('SIGTERM')
  const [code] = await once(server.child, 'exit')
  return code as number | null
}

export function killServerProcesses() {
  for (const child of running) child.kill('SIGKILL')
}
