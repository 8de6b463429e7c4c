import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { killServerProcesses, startServerProcess } from './server-process'

describe('the server process', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ansinh-process-'))
  })
  afterEach(killServerProcesses)
  afterAll(async () => rm(dataDir, { recursive: true, force: true }))

  it('starts on an empty data directory, then shuts down gracefully on SIGTERM', async () => {
    const server = await startServerProcess('start', { DATA_DIR: dataDir, DEMO_PEOPLE: '5' })
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
    const server = await startServerProcess('start', { DATA_DIR: dataDir, DEMO_PEOPLE: '5' })
    const office = await fetch(`${server.baseUrl}/api/v1/directory/offices/07915`)
    expect(office.status).toBe(200)
    server.child.kill('SIGTERM')
    await once(server.child, 'exit')
    expect(server.output()).toContain('"skipped":true')
  }, 150_000)
})
