import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends } from '../../../test/database'
import { type DatabaseHandle, queryRows } from '../../db/client'
import { DomainError } from '../../platform/errors'
import { listInbox, markRead, queueMessage, unreadCount } from './service'

const OWNER = 1001
const OTHER = 1002

describe.each(testBackends())('in-app inbox on %s', (backend) => {
  let handle: DatabaseHandle
  const ids: string[] = []
  beforeAll(async () => {
    handle = await createTestDatabase(backend)
    // 25 messages for the owner, 5 of them in one transaction (the same created_at: the id breaks the tie).
    for (let index = 0; index < 20; index++) {
      const queued = await queueMessage(handle.db, {
        kind: 'dossier_received',
        channel: 'inbox',
        citizenAccountId: OWNER,
        variables: { dossierNumber: `HS-${String(index).padStart(4, '0')}`, officeName: 'BHXH Quận 5' },
      })
      ids.push(queued.id)
    }
    await handle.db.transaction(async (tx) => {
      for (let index = 20; index < 25; index++) {
        const queued = await queueMessage(tx, {
          kind: 'dossier_received',
          channel: 'inbox',
          citizenAccountId: OWNER,
          variables: { dossierNumber: `HS-${String(index).padStart(4, '0')}`, officeName: 'BHXH Quận 5' },
        })
        ids.push(queued.id)
      }
    })
    await queueMessage(handle.db, {
      kind: 'password_changed',
      channel: 'inbox',
      citizenAccountId: OTHER,
      variables: { changedAt: '2026-11-23T03:00:00Z' },
    })
    // An SMS to the same person is not in the inbox.
    await queueMessage(handle.db, {
      kind: 'password_changed',
      channel: 'sms',
      to: '0912345678',
      citizenAccountId: OWNER,
      variables: { changedAt: '2026-11-23T03:00:00Z' },
    })
  })
  afterAll(async () => handle?.close())

  it('pages through every message once, newest first, with a stable order', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    const pageSizes: number[] = []
    do {
      const page = await listInbox(handle.db, OWNER, { cursor, limit: 7 })
      pageSizes.push(page.items.length)
      seen.push(...page.items.map((item) => item.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(pageSizes).toEqual([7, 7, 7, 4])
    expect(new Set(seen).size).toBe(25)
    expect(new Set(seen)).toEqual(new Set(ids))
    const all = await listInbox(handle.db, OWNER, { limit: 100 })
    expect(all.items.map((item) => item.id)).toEqual(seen)
    expect(all.nextCursor).toBeNull()
    const times = all.items.map((item) => item.createdAt.getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    // The first 20 were written one by one: the newest of them comes right after the batch of 5.
    expect(all.items[5]?.id).toBe(ids[19])
    expect(all.items[5]).toMatchObject({
      kind: 'dossier_received',
      title: 'Đã tiếp nhận hồ sơ số HS-0019',
      readAt: null,
    })
    expect(all.items[5]?.text).toContain('Cơ quan BHXH tiếp nhận: BHXH Quận 5')
  })

  it('shows each account only its own messages', async () => {
    const other = await listInbox(handle.db, OTHER)
    expect(other.items.map((item) => item.kind)).toEqual(['password_changed'])
    expect((await listInbox(handle.db, 999_999)).items).toEqual([])
  })

  it.each(['', 'not-a-cursor', Buffer.from('["x","y"]').toString('base64url')])(
    'refuses a bad cursor %j',
    async (cursor) => {
      if (cursor === '') {
        // An empty cursor is "from the start".
        expect((await listInbox(handle.db, OWNER, { cursor, limit: 1 })).items).toHaveLength(1)
        return
      }
      await expect(listInbox(handle.db, OWNER, { cursor })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      })
    },
  )

  it('clamps the page size to 1–100', async () => {
    expect((await listInbox(handle.db, OWNER, { limit: 0 })).items).toHaveLength(1)
    expect((await listInbox(handle.db, OWNER, { limit: 1000 })).items).toHaveLength(25)
  })

  it('counts unread messages and marks one read once', async () => {
    expect(await unreadCount(handle.db, OWNER)).toBe(25)
    expect(await unreadCount(handle.db, OTHER)).toBe(1)
    const id = ids[3] ?? ''
    const first = await markRead(handle.db, OWNER, id, new Date('2026-11-23T04:00:00Z'))
    expect(first).toEqual({ id, readAt: new Date('2026-11-23T04:00:00Z') })
    const again = await markRead(handle.db, OWNER, id, new Date('2026-11-23T05:00:00Z'))
    expect(again.readAt).toEqual(new Date('2026-11-23T04:00:00Z'))
    expect(await unreadCount(handle.db, OWNER)).toBe(24)
    const page = await listInbox(handle.db, OWNER, { limit: 100 })
    expect(page.items.find((item) => item.id === id)?.readAt).toEqual(new Date('2026-11-23T04:00:00Z'))
  })

  it.each([
    ['someone else’s message', () => ids[0] ?? '', OTHER],
    ['a message that does not exist', () => '00000000-0000-4000-8000-000000000000', OWNER],
    ['a malformed id', () => "1' or '1'='1", OWNER],
  ])('answers NOT_FOUND for %s, and changes nothing', async (_what, id, account) => {
    const error = await markRead(handle.db, account, id()).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('NOT_FOUND')
    const [row] = await queryRows<{ readAt: unknown }>(
      handle.db,
      sql`select read_at as "readAt" from messages where id = ${ids[0] ?? ''}::uuid`,
    )
    expect(row?.readAt).toBeNull()
  })
})
