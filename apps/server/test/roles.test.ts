import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../src/db/client'
import { messages } from '../src/db/schema/notify'
import { createTestDatabase, testBackends } from './database'
import { cli, killServerProcesses, startServerProcess, stopServerProcess } from './server-process'

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

    afterEach(killServerProcesses)

    it('a worker answers only probes and metrics, and sends what a serve process queued', async () => {
      let exitCodes: Array<number | null> = []
      const serve = await startServerProcess('serve', { ...env, ROLE: 'serve' })
      const worker = await startServerProcess('worker', env)
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
        exitCodes = [await stopServerProcess(worker), await stopServerProcess(serve)]
      }
      expect(exitCodes).toEqual([0, 0])
      expect(worker.output()).toContain('shutting down')
    })
  },
)
