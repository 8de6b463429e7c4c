import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../src/db/client'
import { messages } from '../src/db/schema/notify'
import { createTestDatabase, testBackends } from './database'
import { freePort } from './free-port'

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))

type Started = { child: ChildProcess; output: () => string; baseUrl: string }

async function start(command: string, env: Record<string, string>): Promise<Started> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', cli, command], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const baseUrl = `http://127.0.0.1:${port}`
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (child.exitCode !== null) throw new Error(`exited early:\n${output}`)
    if (
      await fetch(`${baseUrl}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, output: () => output, baseUrl }
    await sleep(100)
  }
  child.kill('SIGKILL')
  throw new Error(`not ready:\n${output}`)
}

async function stop(started: Started) {
  started.child.kill('SIGTERM')
  const [code] = await once(started.child, 'exit')
  return code as number
}

describe('ROLE on the embedded database', () => {
  it('refuses a separate worker without DATABASE_URL, with a clear message', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', cli, 'worker'], {
      env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'test' },
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/ROLE: "worker" needs DATABASE_URL/)
  })
})

// Separate serve and worker processes need a database server both can open.
describe.each(testBackends().filter((backend) => backend === 'postgres'))(
  'serve and worker processes on %s',
  (backend) => {
    let database: DatabaseHandle
    let dataDir: string
    let env: Record<string, string>
    beforeAll(async () => {
      database = await createTestDatabase(backend)
      if (database.raw.kind !== 'postgres') throw new Error('unreachable')
      dataDir = await mkdtemp(join(tmpdir(), 'ansinh-roles-'))
      env = { DATABASE_URL: String(database.raw.pool.options.connectionString), DATA_DIR: dataDir }
    })
    afterAll(async () => {
      await database?.close()
      await rm(dataDir, { recursive: true, force: true })
    })

    it('a worker answers only probes and metrics, and sends what a serve process queued', async () => {
      const serve = await start('serve', { ...env, ROLE: 'serve' })
      const worker = await start('worker', env)
      try {
        expect((await fetch(`${serve.baseUrl}/api/v1/directory/offices/07915`)).status).toBe(200)
        expect(serve.output()).not.toContain('job runner started')

        expect((await fetch(`${worker.baseUrl}/healthz`)).status).toBe(200)
        const metrics = await fetch(`${worker.baseUrl}/metrics`)
        expect(metrics.status).toBe(200)
        expect(await metrics.text()).toContain('ansinh_outbox_queued')
        expect((await fetch(`${worker.baseUrl}/api/v1/directory/offices/07915`)).status).toBe(404)
        expect((await fetch(`${worker.baseUrl}/`)).status).toBe(404)
        expect(worker.output()).toContain('job runner started')

        // A message committed by any process is picked up by the worker's next poll.
        const [queued] = await database.db
          .insert(messages)
          .values({ kind: 'otp', channel: 'inbox', recipient: '1', citizenAccountId: 1, body: 'x' })
          .returning()
        for (let waited = 0; waited < 10_000; waited += 100) {
          const [row] = await database.db.select().from(messages)
          if (row?.status === 'delivered') break
          await sleep(100)
        }
        const [row] = await database.db.select().from(messages)
        expect(row).toMatchObject({ id: queued?.id, status: 'delivered' })
      } finally {
        expect(await stop(worker)).toBe(0)
        expect(await stop(serve)).toBe(0)
      }
      expect(worker.output()).toContain('shutting down')
    })
  },
)
