import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from './client'

describe('embedded database directory', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ansinh-lock-'))
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))

  it('refuses a second process while the first holds it, and frees it on close', async () => {
    const dataDir = join(dir, 'pg')
    const first = await openDatabase({ kind: 'pglite', dataDir })
    const script = `import('${new URL('./client.ts', import.meta.url).pathname}').then(m => m.openDatabase({ kind: 'pglite', dataDir: '${dataDir}' })).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3) })`
    const second = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(second.status).toBe(3)
    expect(second.stderr).toContain(`in use by process ${process.pid}`)
    await first.close()
    const again = await openDatabase({ kind: 'pglite', dataDir })
    await again.close()
  })
})
