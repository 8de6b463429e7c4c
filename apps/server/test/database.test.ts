import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../src/db/client'
import { people } from '../src/db/schema'
import { createTestDatabase, testBackends } from './database'

describe.each(testBackends())('test database on %s', (backend) => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await createTestDatabase(backend)
  })
  afterAll(async () => handle?.close())

  it('is migrated and empty of people', async () => {
    const rows = await handle.db.select().from(people)
    expect(rows).toEqual([])
  })

  it('runs on PostgreSQL 15 or later', async () => {
    const result = await handle.db.execute<{ server_version_num: string }>(sql`show server_version_num`)
    const rows = 'rows' in result ? result.rows : result
    expect(Number((rows as Array<{ server_version_num: string }>)[0]?.server_version_num)).toBeGreaterThanOrEqual(150000)
  })

  it('re-running migrations changes nothing', async () => {
    await handle.migrate()
    const rows = await handle.db.select().from(people)
    expect(rows).toEqual([])
  })
})
