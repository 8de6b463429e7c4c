import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends } from '../../../test/database'
import type { DatabaseHandle } from '../../db/client'
import { messages } from '../../db/schema/notify'
import { DomainError } from '../../platform/errors'
import { listFailedMessages, retryFailedMessage } from './failed-messages'

const now = new Date('2026-11-23T08:00:00Z')

describe.each(testBackends())('failed messages on %s', (backend) => {
  let handle: DatabaseHandle
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    handle = await createTestDatabase(backend)
    const base = {
      kind: 'otp',
      channel: 'sms' as const,
      recipient: '0912345678',
      body: 'Ma OTP 123456',
      attempts: 8,
    }
    const rows = await handle.db
      .insert(messages)
      .values([
        {
          ...base,
          status: 'failed',
          failureKind: 'dead_letter',
          createdAt: new Date('2026-11-23T07:00:00Z'),
        },
        { ...base, status: 'failed', failureKind: 'rejected', createdAt: new Date('2026-11-23T07:01:00Z') },
        {
          ...base,
          status: 'failed',
          failureKind: 'dead_letter',
          expiresAt: new Date('2026-11-23T07:05:00Z'),
          createdAt: new Date('2026-11-23T07:02:00Z'),
        },
        { ...base, status: 'sent', createdAt: new Date('2026-11-23T07:03:00Z') },
      ])
      .returning({
        id: messages.id,
        failureKind: messages.failureKind,
        expiresAt: messages.expiresAt,
        status: messages.status,
      })
    ids.deadLetter = rows[0]?.id ?? ''
    ids.rejected = rows[1]?.id ?? ''
    ids.expired = rows[2]?.id ?? ''
    ids.sent = rows[3]?.id ?? ''
  })
  afterAll(async () => handle?.close())

  it('lists failures newest first with the recipient masked and whether a retry makes sense', async () => {
    const list = await listFailedMessages(handle.db, { limit: 10, now })
    expect(list.map((item) => item.id)).toEqual([ids.expired, ids.rejected, ids.deadLetter])
    expect(list.map((item) => item.retryable)).toEqual([false, false, true])
    expect(JSON.stringify(list)).not.toContain('0912345678')
    expect(JSON.stringify(list)).not.toContain('123456')
  })

  it('requeues a dead letter with three more tries', async () => {
    await retryFailedMessage(handle.db, ids.deadLetter ?? '', now)
    const [row] = await handle.db
      .select()
      .from(messages)
      .where(eq(messages.id, ids.deadLetter ?? ''))
    expect(row).toMatchObject({ status: 'queued', failureKind: null, attempts: 8, maxAttempts: 11 })
  })

  it.each(['rejected', 'expired', 'sent'])('refuses to resend a %s message', async (which) => {
    await expect(retryFailedMessage(handle.db, ids[which] ?? '', now)).rejects.toThrow(DomainError)
  })
})
