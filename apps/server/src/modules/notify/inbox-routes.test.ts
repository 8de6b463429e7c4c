import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { type CitizenTestSession, createSignedInCitizen, type TestCitizen } from '../../../test/citizen'
import { testBackends } from '../../../test/database'
import { queueMessage } from './service'

// "Thông báo" through the HTTP API: the signed-in citizen's own messages and nobody else's.
describe.each(testBackends())('citizen inbox routes on %s', (backend) => {
  let test: TestApp
  let owner: TestCitizen & CitizenTestSession
  let other: TestCitizen & CitizenTestSession
  let othersMessageId: string

  type Headers = Record<string, string>
  const get = (url: string, headers: Headers = {}) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers })
  const post = (url: string, headers: Headers = {}) =>
    test.app.inject({ method: 'POST', url: `/api/v1${url}`, headers })

  const toInbox = (citizenAccountId: number, dossierNumber: string) =>
    queueMessage(test.database.db, {
      kind: 'dossier_received',
      channel: 'inbox',
      citizenAccountId,
      variables: { dossierNumber, officeName: 'BHXH Quận 5' },
    })

  beforeAll(async () => {
    test = await createTestApp({ backend })
    owner = await createSignedInCitizen(test)
    other = await createSignedInCitizen(test)
    for (const number of ['07915-2026-000001', '07915-2026-000002', '07915-2026-000003'])
      await toInbox(owner.accountId, number)
    othersMessageId = (await toInbox(other.accountId, '07915-2026-000009')).id
  })
  afterAll(async () => test?.close())

  it('pages through the inbox newest first, and counts and marks what is unread', async () => {
    const first = await get('/me/inbox?limit=2', owner.headers)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.headers['cache-control']).toBe('no-store')
    expect(first.json().items).toHaveLength(2)
    expect(first.json().items[0]).toMatchObject({
      kind: 'dossier_received',
      title: expect.any(String),
      text: expect.stringContaining('07915-2026-000003'),
      readAt: null,
    })
    const cursor = encodeURIComponent(first.json().nextCursor)
    const second = (await get(`/me/inbox?limit=2&cursor=${cursor}`, owner.headers)).json()
    expect(second.items.map((item: { text: string }) => item.text)).toEqual([
      expect.stringContaining('07915-2026-000001'),
    ])
    expect(second.nextCursor).toBeNull()

    expect((await get('/me/inbox/unread-count', owner.headers)).json()).toEqual({ count: 3 })
    const read = await post(`/me/inbox/${first.json().items[0].id}/read`, owner.headers)
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json()).toEqual({ id: first.json().items[0].id, readAt: expect.any(String) })
    expect((await get('/me/inbox/unread-count', owner.headers)).json()).toEqual({ count: 2 })
  })

  it("answers 404 for someone else's message and leaves it unread", async () => {
    const refused = await post(`/me/inbox/${othersMessageId}/read`, owner.headers)
    expect(refused.statusCode).toBe(404)
    expect(refused.json().error.code).toBe('NOT_FOUND')
    expect((await get('/me/inbox/unread-count', other.headers)).json()).toEqual({ count: 1 })
    expect((await get('/me/inbox', other.headers)).json().items).toHaveLength(1)
  })

  it('names the invalid field: a message id, a cursor', async () => {
    const badId = await post('/me/inbox/not-a-uuid/read', owner.headers)
    expect(badId.statusCode).toBe(400)
    expect(badId.json().error.fields.id).toEqual(['Mã thông báo không hợp lệ.'])
    const badCursor = await get('/me/inbox?cursor=abc', owner.headers)
    expect(badCursor.statusCode).toBe(400)
    expect(badCursor.json().error.fields.cursor).toBeDefined()
  })

  it('refuses a signed-out caller (401) and a write without the CSRF header (403)', async () => {
    expect((await get('/me/inbox')).statusCode).toBe(401)
    expect((await get('/me/inbox/unread-count')).statusCode).toBe(401)
    expect((await post(`/me/inbox/${othersMessageId}/read`)).statusCode).toBe(401)
    expect((await post(`/me/inbox/${othersMessageId}/read`, { cookie: other.cookie })).statusCode).toBe(403)
  })
})
