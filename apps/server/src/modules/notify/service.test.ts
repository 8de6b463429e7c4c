import { randomBytes } from 'node:crypto'
import { MessageTemplateError } from '@ansinh/domain'
import { eq, sql } from 'drizzle-orm'
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends } from '../../../test/database'
import type { DatabaseHandle } from '../../db/client'
import { messages, recipientCounters } from '../../db/schema/notify'
import { DomainError } from '../../platform/errors'
import { pruneCounters, readCounter } from './counters-repo'
import { createRecipientCounters, HOUR_MS, limitRules, redisCounters } from './rate-limits'
import { listDevOutbox, normalizeRecipient, type QueueOptions, queueMessage } from './service'

const at = (iso: string) => () => new Date(iso)
const otp = (code = '123456') => ({
  kind: 'otp' as const,
  variables: { code, purpose: 'registration' as const },
})

async function expectDomainError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DomainError)
  expect((error as DomainError).code).toBe(code)
  return error as DomainError
}

describe.each(testBackends())('queueMessage on %s', (backend) => {
  let handle: DatabaseHandle
  const options: QueueOptions = { clock: at('2026-11-23T03:10:00Z') }
  beforeAll(async () => {
    handle = await createTestDatabase(backend)
  })
  afterAll(async () => handle?.close())
  afterEach(async () => {
    await handle.db.delete(messages)
    await handle.db.delete(recipientCounters)
  })

  const rows = () => handle.db.select().from(messages)

  describe('invalid input writes nothing', () => {
    it.each([
      ['sms', 'not a phone'],
      ['sms', '0212345678'], // a landline
      ['email', 'nobody@'],
    ] as const)('%s to %j → VALIDATION_FAILED naming `to`', async (channel, to) => {
      const error = await expectDomainError(
        queueMessage(handle.db, { ...otp(), channel, to }, options),
        'VALIDATION_FAILED',
      )
      expect(error.options.fields).toHaveProperty('to')
      expect(await rows()).toHaveLength(0)
    })

    it('refuses an inbox message without its owner', async () => {
      await expectDomainError(
        queueMessage(
          handle.db,
          {
            kind: 'password_changed',
            channel: 'inbox',
            citizenAccountId: 0,
            variables: { changedAt: '2026-11-23T03:00:00Z' },
          },
          options,
        ),
        'VALIDATION_FAILED',
      )
      expect(await rows()).toHaveLength(0)
    })

    it('throws the template error for wrong variables (a bug in the caller)', async () => {
      await expect(
        queueMessage(
          handle.db,
          {
            kind: 'otp',
            channel: 'sms',
            to: '0912345678',
            variables: { code: 'abc', purpose: 'registration' },
          },
          options,
        ),
      ).rejects.toBeInstanceOf(MessageTemplateError)
      expect(await rows()).toHaveLength(0)
    })
  })

  it('renders, normalises the phone, stores the SMS encoding and segments, and expires an OTP', async () => {
    const queued = await queueMessage(
      handle.db,
      { ...otp('482913'), channel: 'sms', to: '+84 912 345 678' },
      options,
    )
    expect(queued).toMatchObject({
      kind: 'otp',
      channel: 'sms',
      recipient: '0912345678',
      status: 'queued',
      smsEncoding: 'gsm7',
      smsSegments: 1,
      deduplicated: false,
    })
    const [row] = await rows()
    expect(row?.body).toBe(
      'Ma OTP cua ban la 482913 (dang ky tai khoan), hieu luc 5 phut. ' +
        'Khong cung cap ma nay cho bat ky ai, ke ca nhan vien BHXH.',
    )
    expect(row?.language).toBe('vi')
    expect(row?.subject).toBeNull()
    expect(row?.html).toBeNull()
    expect(row?.expiresAt?.toISOString()).toBe('2026-11-23T03:15:00.000Z')
  })

  it('stores an e-mail with its subject, text and HTML, the address in lower case', async () => {
    await queueMessage(
      handle.db,
      {
        kind: 'dossier_rejected',
        channel: 'email',
        to: ' An.Nguyen@Example.VN ',
        language: 'en',
        variables: { dossierNumber: 'hs-0001', reason: 'Ảnh mờ' },
        expiresAt: new Date('2026-12-01T00:00:00Z'),
      },
      options,
    )
    const [row] = await rows()
    expect(row).toMatchObject({
      recipient: 'an.nguyen@example.vn',
      language: 'en',
      subject: 'Dossier no. HS-0001 was not accepted',
      smsEncoding: null,
      smsSegments: null,
    })
    expect(row?.html).toContain('<html lang="en">')
    expect(row?.body).toContain('Reason: Ảnh mờ')
    expect(row?.expiresAt?.toISOString()).toBe('2026-12-01T00:00:00.000Z')
  })

  it('writes an inbox message for its account', async () => {
    await queueMessage(
      handle.db,
      {
        kind: 'dossier_received',
        channel: 'inbox',
        citizenAccountId: 42,
        variables: { dossierNumber: 'HS-0001', officeName: 'BHXH Quận 5' },
      },
      options,
    )
    const [row] = await rows()
    expect(row).toMatchObject({
      channel: 'inbox',
      recipient: '42',
      citizenAccountId: 42,
      subject: 'Đã tiếp nhận hồ sơ số HS-0001',
    })
  })

  it('is part of the caller’s transaction: rolled back, nothing is queued or counted', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await queueMessage(tx, { ...otp(), channel: 'sms', to: '0912345678' }, options)
        throw new Error('the use case failed after queueing')
      }),
    ).rejects.toThrow('the use case failed')
    expect(await rows()).toHaveLength(0)
    expect(await handle.db.select().from(recipientCounters)).toHaveLength(0)
  })

  it('queues a dedupe key once and returns the existing message the second time', async () => {
    const input = {
      kind: 'dossier_received' as const,
      channel: 'sms' as const,
      to: '0912345678',
      dedupeKey: 'dossier-received:1',
      variables: { dossierNumber: 'HS-0001', officeName: 'BHXH Quận 5' },
    }
    const first = await queueMessage(handle.db, input, options)
    const second = await queueMessage(handle.db, { ...input, to: '0987654321' }, options)
    expect(second).toEqual({ ...first, deduplicated: true })
    expect(await rows()).toHaveLength(1)
    // The repeat was not counted against the recipient.
    const [rule] = limitRules(
      { kind: 'dossier_received', channel: 'sms', recipient: '0912345678' },
      {
        otpSmsPerHour: 5,
        perRecipientPerHour: 20,
      },
    )
    expect(await readCounter(handle.db, rule?.key ?? '', new Date('2026-11-23T03:00:00Z'))).toBe(1)
  })

  it('lets concurrent transactions with the same dedupe key write one message', async () => {
    const input = {
      kind: 'paper_dossier_reminder' as const,
      channel: 'sms' as const,
      to: '0912345678',
      dedupeKey: 'paper-reminder:HS-0001:1',
      variables: { dossierNumber: 'HS-0001', officeName: 'BHXH Quận 5', deadline: '2026-12-03' },
    }
    const results = await Promise.all(
      Array.from({ length: 4 }, () => handle.db.transaction((tx) => queueMessage(tx, input, options))),
    )
    expect(new Set(results.map((result) => result.id)).size).toBe(1)
    expect(results.filter((result) => !result.deduplicated)).toHaveLength(1)
    expect(await rows()).toHaveLength(1)
  })

  describe('per-recipient limits', () => {
    it('allows 5 OTP SMS per phone per hour, whatever way the number is written, then answers 429', async () => {
      const forms = ['0912345678', '+84912345678', '84912345678', '0912 345 678', '0084 912.345.678']
      for (const to of forms) await queueMessage(handle.db, { ...otp(), channel: 'sms', to }, options)
      const error = await expectDomainError(
        queueMessage(handle.db, { ...otp(), channel: 'sms', to: '0912345678' }, options),
        'RATE_LIMITED',
      )
      expect(error.options.userMessage?.vi).toBe(
        'Bạn đã yêu cầu quá nhiều mã OTP cho số điện thoại này. Vui lòng thử lại sau 50 phút.',
      )
      expect(error.options.userMessage?.en).toContain('Too many OTP codes')
      expect(error.message).not.toContain('0912345678')
      expect(await rows()).toHaveLength(5)
      // Another phone is not affected; the next hour starts afresh.
      await queueMessage(handle.db, { ...otp(), channel: 'sms', to: '0987654321' }, options)
      await queueMessage(
        handle.db,
        { ...otp(), channel: 'sms', to: '0912345678' },
        { clock: at('2026-11-23T04:00:00Z') },
      )
      expect(await rows()).toHaveLength(7)
    })

    it('writes nothing when over the limit, even if the caller catches the error and commits', async () => {
      const limits = { otpSmsPerHour: 1, perRecipientPerHour: 20 }
      await queueMessage(handle.db, { ...otp(), channel: 'sms', to: '0912345678' }, { ...options, limits })
      await handle.db.transaction(async (tx) => {
        await expectDomainError(
          queueMessage(tx, { ...otp(), channel: 'sms', to: '0912345678' }, { ...options, limits }),
          'RATE_LIMITED',
        )
      })
      expect(await rows()).toHaveLength(1)
      const counts = await handle.db.select({ count: recipientCounters.count }).from(recipientCounters)
      expect(counts.map((row) => row.count)).toEqual([1, 1])
    })

    it('caps every message to one recipient per hour (MESSAGES_PER_RECIPIENT_PER_HOUR)', async () => {
      const limits = { otpSmsPerHour: 5, perRecipientPerHour: 3 }
      const input = {
        kind: 'password_changed' as const,
        channel: 'email' as const,
        to: 'an@example.vn',
        variables: { changedAt: '2026-11-23T03:00:00Z' },
      }
      for (let i = 0; i < 3; i++) await queueMessage(handle.db, input, { ...options, limits })
      const error = await expectDomainError(
        queueMessage(handle.db, { ...input, to: 'AN@example.vn' }, { ...options, limits }),
        'RATE_LIMITED',
      )
      expect(error.options.userMessage?.vi).toContain('địa chỉ email này')
      // SMS to another recipient and the inbox are counted apart.
      await queueMessage(handle.db, { ...input, channel: 'sms', to: '0912345678' }, { ...options, limits })
      for (let i = 0; i < 5; i++) {
        await queueMessage(
          handle.db,
          { ...input, channel: 'inbox', to: undefined, citizenAccountId: 7 },
          { ...options, limits },
        )
      }
      expect(await rows()).toHaveLength(9)
    })

    it('counts concurrent requests exactly (the counter row serialises them)', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, index) =>
          handle.db.transaction((tx) =>
            queueMessage(tx, { ...otp(String(100000 + index)), channel: 'sms', to: '0912345678' }, options),
          ),
        ),
      )
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5)
      expect(await rows()).toHaveLength(5)
    })

    it('prunes windows that are over', async () => {
      await queueMessage(handle.db, { ...otp(), channel: 'sms', to: '0912345678' }, options)
      await queueMessage(
        handle.db,
        { ...otp(), channel: 'sms', to: '0912345678' },
        { clock: at('2026-11-23T05:10:00Z') },
      )
      expect(await pruneCounters(handle.db, new Date('2026-11-23T05:00:00Z'))).toBe(2)
      expect(await handle.db.select().from(recipientCounters)).toHaveLength(2)
    })
  })

  describe('listDevOutbox', () => {
    it('finds a phone’s messages newest first however the number is written', async () => {
      for (const code of ['111111', '222222', '333333']) {
        await queueMessage(handle.db, { ...otp(code), channel: 'sms', to: '0912345678' }, options)
        // created_at is the transaction time: make the order visible.
        await handle.db.execute(sql`select pg_sleep(0.002)`)
      }
      await queueMessage(handle.db, { ...otp('999999'), channel: 'sms', to: '0987654321' }, options)
      const found = await listDevOutbox(handle.db, { to: '+84912345678', limit: 2 })
      expect(found.map((message) => message.body.match(/\d{6}/)?.[0])).toEqual(['333333', '222222'])
      expect(found[0]).toMatchObject({
        channel: 'sms',
        recipient: '0912345678',
        kind: 'otp',
        status: 'queued',
      })
    })

    it('finds e-mails case-insensitively', async () => {
      await queueMessage(
        handle.db,
        {
          kind: 'otp',
          channel: 'email',
          to: 'An@Example.vn',
          variables: { code: '123456', purpose: 'password_reset' },
        },
        options,
      )
      const [found] = await listDevOutbox(handle.db, { to: 'an@example.VN', limit: 10 })
      expect(found?.subject).toBe('Mã OTP để lấy lại mật khẩu')
    })
  })
})

describe('normalizeRecipient', () => {
  it.each([
    ['sms', '+84 (0) 912-345-678', '0912345678'],
    ['sms', '0912.345.678', '0912345678'],
    ['email', ' Nguyen.Van.A@Gmail.COM', 'nguyen.van.a@gmail.com'],
  ] as const)('%s %j → %j', (channel, input, expected) => {
    expect(normalizeRecipient(channel, input)).toBe(expected)
  })
})

describe('limit keys', () => {
  it('never contain the phone number or address', () => {
    const rules = limitRules(
      { kind: 'otp', channel: 'sms', recipient: '0912345678' },
      { otpSmsPerHour: 5, perRecipientPerHour: 20 },
    )
    expect(rules.map((rule) => rule.scope)).toEqual(['otp', 'recipient'])
    for (const rule of rules) expect(rule.key).not.toContain('912345678')
    expect(
      limitRules(
        { kind: 'otp', channel: 'inbox', recipient: '42' },
        { otpSmsPerHour: 1, perRecipientPerHour: 1 },
      ),
    ).toEqual([])
  })
})

// Redis counters: a real Redis when TEST_REDIS_URL is set (CI sets it to the machine's local Redis).
const redisUrl = process.env.TEST_REDIS_URL
describe.runIf(redisUrl)('queueMessage with Redis counters', () => {
  let handle: DatabaseHandle
  let redis: Redis
  const prefix = `ansinh-test:${randomBytes(4).toString('hex')}:`
  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
    redis = new Redis(redisUrl ?? '', { maxRetriesPerRequest: 1 })
  })
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length > 0) await redis.del(...keys)
    await redis.quit()
    await handle?.close()
  })

  it('allows 5 OTP SMS per hour, then refuses, counting in Redis with an expiry', async () => {
    const options: QueueOptions = {
      clock: at('2026-11-23T03:10:00Z'),
      counters: redisCounters(redis, { prefix }),
    }
    for (let i = 0; i < 5; i++)
      await queueMessage(handle.db, { ...otp(), channel: 'sms', to: '0912345678' }, options)
    await expectDomainError(
      queueMessage(handle.db, { ...otp(), channel: 'sms', to: '0912345678' }, options),
      'RATE_LIMITED',
    )
    expect(await handle.db.select().from(messages).where(eq(messages.recipient, '0912345678'))).toHaveLength(
      5,
    )
    expect(await handle.db.select().from(recipientCounters)).toHaveLength(0)
    const keys = await redis.keys(`${prefix}*`)
    expect(keys).toHaveLength(2)
    for (const key of keys) {
      expect(key).not.toContain('912345678')
      expect(key.endsWith(`:${Date.parse('2026-11-23T03:00:00Z')}`)).toBe(true)
      const ttl = await redis.pttl(key)
      expect(ttl).toBeGreaterThan(HOUR_MS)
      expect(ttl).toBeLessThanOrEqual(2 * HOUR_MS)
    }
  })
})

describe('Redis counters when Redis is down', () => {
  it('refuse the message (fail closed) instead of hanging the transaction', async () => {
    const handle = await createTestDatabase()
    const counters = createRecipientCounters({ redisUrl: 'redis://127.0.0.1:1' })
    try {
      await expect(
        handle.db.transaction((tx) => counters.increment(tx, 'sms:otp:probe', new Date(), HOUR_MS)),
      ).rejects.toThrow()
    } finally {
      await counters.close()
      await handle.close()
    }
  })
})
