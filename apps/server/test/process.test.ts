import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from './free-port'

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))

/** A developer's DATABASE_URL or REDIS_URL must not point these processes at a real server. */
function ownEnvironment(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _database, REDIS_URL: _redis, SMTP_URL: _smtp, ...rest } = process.env
  return rest
}

const running = new Set<ChildProcess>()

type Started = { child: ChildProcess; output: () => string; baseUrl: string }

async function startServer(dataDir: string): Promise<Started> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'start'], {
    env: {
      ...ownEnvironment(),
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_PEOPLE: '5',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
    },
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
      (r) => r.ok,
      () => false,
    )
    if (ready) return { child, output: () => output, baseUrl }
    await sleep(250)
  }
  child.kill('SIGKILL')
  throw new Error(`server not ready:\n${output}`)
}

describe('the server process', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ansinh-process-'))
  })
  afterEach(() => {
    // A failed assertion must not leave a server (and its open pipes) behind.
    for (const child of running) child.kill('SIGKILL')
  })
  afterAll(async () => rm(dataDir, { recursive: true, force: true }))

  it('starts on an empty data directory, then shuts down gracefully on SIGTERM', async () => {
    const server = await startServer(dataDir)
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200)
    expect(server.output()).toContain('"msg":"demo data"')
    server.child.kill('SIGTERM')
    const [code] = await once(server.child, 'exit')
    expect(code).toBe(0)
    expect(server.output()).toContain('shutting down')
    // The well-known demo citizen was written on this start: neither her name nor her numbers are logged.
    expect(server.output()).not.toMatch(/7900012345|079176000417|Nguyễn Thị Thu Hằng/)
  }, 150_000)

  it('restarts on the same data without seeding again', async () => {
    const server = await startServer(dataDir)
    const office = await fetch(`${server.baseUrl}/api/v1/directory/offices/07915`)
    expect(office.status).toBe(200)
    server.child.kill('SIGTERM')
    await once(server.child, 'exit')
    expect(server.output()).toContain('"skipped":true')
  }, 150_000)
})
