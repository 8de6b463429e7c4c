import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type DatabaseHandle, openDatabase, queryRows } from '../src/db/client'
import { createTestDatabase, testBackends } from './database'

const worker = fileURLToPath(new URL('./fixtures/outbox-worker.ts', import.meta.url))
const total = 500

type Worker = { child: ChildProcess; output: () => string; progress: () => Record<string, number> }

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', worker], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let progress: Record<string, number> = {}
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk
    for (const line of chunk.toString().split('\n')) {
      if (line.startsWith('{"progress"'))
        progress = (JSON.parse(line) as { progress: typeof progress }).progress
    }
  })
  child.stderr?.on('data', (chunk) => (output += chunk))
  return { child, output: () => output, progress: () => progress }
}

async function readIds(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch(() => '')
  return text
    .split('\n')
    .filter((line) => line.startsWith('{') && line.endsWith('}'))
    .map((line) => (JSON.parse(line) as { id: string }).id)
}

async function until(condition: () => boolean | Promise<boolean>, what: string, worker: Worker, ms = 90_000) {
  for (const started = Date.now(); !(await condition()); await sleep(10)) {
    if (worker.child.exitCode !== null)
      throw new Error(`worker exited while waiting for ${what}:\n${worker.output()}`)
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}:\n${worker.output()}`)
  }
}

describe.each(testBackends())('a worker killed in the middle of a batch, on %s', (backend) => {
  let dataDir: string
  let postgres: DatabaseHandle | undefined
  const env: Record<string, string> = {}

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ansinh-outbox-crash-'))
    env.DATA_DIR = dataDir
    env.SENDING_TIMEOUT_MS = '300'
    if (backend === 'postgres') {
      postgres = await createTestDatabase('postgres')
      if (postgres.raw.kind !== 'postgres') throw new Error('unreachable')
      env.DATABASE_URL = String(postgres.raw.pool.options.connectionString)
    } else {
      env.DATABASE_URL = '' // an empty value counts as unset: PGlite in DATA_DIR/pg
      // Start the data directory from the migrated template (a fresh one takes seconds to initialise).
      const template = new Blob([Buffer.from(inject('pgliteTemplate'), 'base64')])
      await (
        await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pg'), loadDataDir: template })
      ).close()
    }
  })
  afterAll(async () => {
    await postgres?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  /** The outbox as the database sees it; on PGlite only while no worker holds the data directory. */
  async function statuses(): Promise<Record<string, number>> {
    const database = postgres ?? (await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pg') }))
    try {
      const rows = await queryRows<{ status: string; n: number }>(
        database.db,
        sql`select status, count(*)::int as n from messages group by status`,
      )
      return Object.fromEntries(rows.map((row) => [row.status, row.n]))
    } finally {
      if (!postgres) await database.close()
    }
  }

  it('sends every message exactly once after a restart', async () => {
    const smsFile = join(dataDir, 'outbox', 'sms.jsonl')

    // From the 120th send the gateway keeps the messages but never answers: the kill lands while
    // they are written to the file and still `sending` in the outbox.
    const first = startWorker({ ...env, QUEUE: String(total), HOLD_AFTER: '120' })
    await until(async () => (await readIds(smsFile)).length >= 120, '120 lines in sms.jsonl', first)
    first.child.kill('SIGKILL')
    await once(first.child, 'exit')
    const linesAtKill = (await readIds(smsFile)).length
    const atKill = await statuses()
    // Killed mid-batch: some messages are still claimed (`sending`), some of them already written.
    expect(linesAtKill).toBeLessThan(total)
    expect(atKill.sending).toBeGreaterThan(0)
    // …and the file holds messages the database does not know were sent: re-sending them is the
    // retry that must not write them twice.
    expect(linesAtKill).toBeGreaterThan(atKill.sent ?? 0)
    expect((atKill.sent ?? 0) + (atKill.sending ?? 0) + (atKill.queued ?? 0)).toBe(total)

    await sleep(Number(env.SENDING_TIMEOUT_MS) + 100) // let the abandoned claims age past the timeout
    const second = startWorker(env)
    await until(() => second.progress().sent === total, 'every message sent', second)
    second.child.kill('SIGTERM')
    const [code] = await once(second.child, 'exit')
    expect(code, second.output()).toBe(0)
    expect(second.output()).toContain('messages stuck in sending were swept')

    const ids = await readIds(smsFile)
    expect(ids).toHaveLength(total)
    expect(new Set(ids).size).toBe(total)
    expect(await statuses()).toEqual({ sent: total })
    // The log never carries the texts or the phone numbers.
    expect(first.output() + second.output()).not.toMatch(/Mã xác thực|09\d{8}/)
  })
})
