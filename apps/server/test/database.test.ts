import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, queryRows } from '../src/db/client'
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
    const [row] = await queryRows<{ server_version_num: string }>(handle.db, sql`show server_version_num`)
    expect(Number(row?.server_version_num)).toBeGreaterThanOrEqual(150000)
  })

  it('re-running migrations changes nothing', async () => {
    await handle.migrate()
    const rows = await handle.db.select().from(people)
    expect(rows).toEqual([])
  })
})
