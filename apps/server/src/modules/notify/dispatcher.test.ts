import { setTimeout as sleep } from 'node:timers/promises'
import { eq, inArray, sql } from 'drizzle-orm'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends } from '../../../test/database'
import { type DatabaseHandle, type Executor, openDatabase, queryRows } from '../../db/client'
import { messages } from '../../db/schema/notify'
import { createMetrics, type Metrics } from '../../platform/metrics'
import type { Channels } from './channels'
import type { EmailTransport, OutboundSms, SendResult, SmsTransport } from './channels/types'
import {
  checkSendingTimeout,
  type DispatcherDeps,
  dispatchBatch,
  pruneOldMessageBodies,
  pruneRecentSecretBodies,
  retryDelayMs,
  startDispatcher,
  sweepStuckMessages,
} from './dispatcher'

const log = pino({ level: 'silent' })

// The gateway edge is the only thing faked: a scripted transport answering what the test says.
type Script = (sms: OutboundSms, call: number) => SendResult | Promise<SendResult>

function scriptedSms(script: Script = () => ({ outcome: 'accepted', provider: 'fake' })) {
  const calls: OutboundSms[] = []
  const transport: SmsTransport = {
    name: 'fake',
    send: async (sms) => {
      calls.push(sms)
      return script(sms, calls.length)
    },
  }
  return { transport, calls }
}

const unusedEmail: EmailTransport = {
  name: 'unused',
  send: async () => {
    throw new Error('no e-mail in this test')
  },
}

function channelsWith(sms: SmsTransport, email: EmailTransport = unusedEmail): Channels {
  return { sms, email, close: async () => {} }
}

/** Polls `condition` every few milliseconds until it holds or `ms` pass; returns whether it held. */
async function eventually(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < ms; await sleep(5))
    if (await condition()) return true
  return condition()
}

async function queueTestMessage(
  db: Executor,
  fields: Partial<typeof messages.$inferInsert> = {},
): Promise<string> {
  const [row] = await db
    .insert(messages)
    .values({ kind: 'otp', channel: 'sms', recipient: '0912345678', body: 'Mã OTP: 123456', ...fields })
    .returning({ id: messages.id })
  if (!row) throw new Error('insert returned nothing')
  return row.id
}

async function messageRow(db: Executor, id: string) {
  const [row] = await db.select().from(messages).where(eq(messages.id, id))
  if (!row) throw new Error(`no message ${id}`)
  return row
}

/** Makes every queued message due now (instead of waiting out the back-off). */
async function makeDue(db: Executor) {
  await db.execute(sql`update messages set next_attempt_at = now() where status = 'queued'`)
}

describe('retry delays', () => {
  it.each([
    // attempts, random, expected ms (base 1 s, cap 60 s)
    [1, 0, 500],
    [1, 1, 1_000],
    [2, 1, 2_000],
    [3, 0.5, 3_000],
    [7, 1, 60_000],
    [30, 1, 60_000],
    [30, 0, 30_000],
  ])('attempt %i with random %d waits %i ms', (attempts, random, expected) => {
    expect(retryDelayMs(attempts, { retryBaseMs: 1_000, retryMaxMs: 60_000 }, () => random)).toBe(expected)
  })
})

describe.each(testBackends())('the outbox dispatcher on %s', (backend) => {
  let database: DatabaseHandle
  let metrics: Metrics
  beforeAll(async () => {
    database = await createTestDatabase(backend)
  })
  afterAll(async () => database?.close())
  beforeEach(async () => {
    metrics = createMetrics()
    await database.db.delete(messages)
  })

  const depsWith = (sms: SmsTransport): DispatcherDeps => ({
    database,
    channels: channelsWith(sms),
    log,
    metrics,
  })

  it('never sends a message written in a transaction that rolled back', async () => {
    const fake = scriptedSms()
    await expect(
      database.db.transaction(async (tx) => {
        await queueTestMessage(tx, { recipient: '0900000001' })
        throw new Error('the use case failed after queueing')
      }),
    ).rejects.toThrow('the use case failed')
    const committed = await database.db.transaction((tx) => queueTestMessage(tx, { recipient: '0900000002' }))

    const report = await dispatchBatch(depsWith(fake.transport))
    expect(report).toMatchObject({ claimed: 1, sent: 1 })
    expect(fake.calls.map((call) => call.to)).toEqual(['0900000002'])
    expect(fake.calls[0]).toMatchObject({ messageId: committed, kind: 'otp', text: 'Mã OTP: 123456' })
    expect(await database.db.select().from(messages)).toHaveLength(1)
  })

  it('marks an accepted message sent with its provider and id', async () => {
    const fake = scriptedSms(() => ({ outcome: 'accepted', provider: 'fake', providerMessageId: 'gw-1' }))
    const id = await queueTestMessage(database.db)
    await dispatchBatch(depsWith(fake.transport))
    expect(await messageRow(database.db, id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      provider: 'fake',
      providerMessageId: 'gw-1',
      sendingSince: null,
      sentAt: expect.any(Date),
    })
    const exposition = await metrics.registry.getSingleMetricAsString('ansinh_messages_total')
    expect(exposition).toContain('channel="sms",kind="otp",provider="fake",outcome="sent"} 1')
    const latency = await metrics.registry.getSingleMetricAsString('ansinh_message_send_latency_seconds')
    expect(latency).toContain('ansinh_message_send_latency_seconds_count{channel="sms",kind="otp"} 1')
  })

  it('backs off exponentially on retry answers, then dead-letters after max_attempts', async () => {
    const fake = scriptedSms(() => ({ outcome: 'retry', provider: 'fake', reason: 'http 503' }))
    const id = await queueTestMessage(database.db, { maxAttempts: 3 })
    const options = { retryBaseMs: 60_000, retryMaxMs: 3_600_000, random: () => 1 }
    const waits: number[] = []
    for (let attempt = 1; attempt <= 2; attempt++) {
      const before = Date.now()
      await dispatchBatch(depsWith(fake.transport), options)
      const row = await messageRow(database.db, id)
      expect(row).toMatchObject({ status: 'queued', attempts: attempt, lastError: 'fake: http 503' })
      waits.push(row.nextAttemptAt.getTime() - before)
      // Not due yet: a dispatch now claims nothing.
      expect((await dispatchBatch(depsWith(fake.transport), options)).claimed).toBe(0)
      await makeDue(database.db)
    }
    expect(waits[0]).toBeGreaterThan(55_000)
    expect(waits[0]).toBeLessThan(65_000)
    expect(waits[1]).toBeGreaterThan(115_000)
    expect(waits[1]).toBeLessThan(125_000)

    await dispatchBatch(depsWith(fake.transport), options)
    expect(await messageRow(database.db, id)).toMatchObject({
      status: 'failed',
      failureKind: 'dead_letter',
      attempts: 3,
      lastError: 'fake: http 503',
    })
    expect(fake.calls).toHaveLength(3)
    expect(new Set(fake.calls.map((call) => call.messageId))).toEqual(new Set([id]))
    await makeDue(database.db)
    expect((await dispatchBatch(depsWith(fake.transport))).claimed).toBe(0)
  })

  it('stops at once when the gateway rejects a message', async () => {
    const fake = scriptedSms(() => ({
      outcome: 'rejected',
      provider: 'fake',
      reason: 'http 400 invalid number',
    }))
    const id = await queueTestMessage(database.db)
    const report = await dispatchBatch(depsWith(fake.transport))
    expect(report).toMatchObject({ claimed: 1, failed: 1 })
    expect(await messageRow(database.db, id)).toMatchObject({
      status: 'failed',
      failureKind: 'rejected',
      attempts: 1,
      lastError: 'fake: http 400 invalid number',
    })
    await makeDue(database.db)
    await dispatchBatch(depsWith(fake.transport))
    expect(fake.calls).toHaveLength(1)
  })

  it('never sends a message whose expiry passed while it waited', async () => {
    const fake = scriptedSms()
    const expired = await queueTestMessage(database.db, { expiresAt: new Date(Date.now() - 1000) })
    const fresh = await queueTestMessage(database.db, { expiresAt: new Date(Date.now() + 300_000) })
    const report = await dispatchBatch(depsWith(fake.transport))
    expect(report).toMatchObject({ claimed: 2, sent: 1, expired: 1 })
    expect(fake.calls.map((call) => call.messageId)).toEqual([fresh])
    expect(await messageRow(database.db, expired)).toMatchObject({
      status: 'failed',
      failureKind: 'expired',
      attempts: 0,
    })
  })

  it('retries when a transport throws instead of answering, without logging the error text', async () => {
    const fake = scriptedSms((_sms, call) => {
      if (call === 1)
        throw Object.assign(new Error('socket closed while sending to 0912345678'), { code: 'ECONNRESET' })
      return { outcome: 'accepted', provider: 'fake' }
    })
    const id = await queueTestMessage(database.db)
    await dispatchBatch(depsWith(fake.transport))
    expect(await messageRow(database.db, id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'fake: threw ECONNRESET',
    })
    await makeDue(database.db)
    await dispatchBatch(depsWith(fake.transport))
    expect(await messageRow(database.db, id)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('delivers inbox messages at once, without a transport', async () => {
    const fake = scriptedSms()
    const id = await queueTestMessage(database.db, {
      channel: 'inbox',
      recipient: '42',
      citizenAccountId: 42,
      kind: 'dossier_received',
    })
    const report = await dispatchBatch(depsWith(fake.transport))
    expect(report).toMatchObject({ claimed: 1, delivered: 1 })
    expect(fake.calls).toHaveLength(0)
    expect(await messageRow(database.db, id)).toMatchObject({
      status: 'delivered',
      provider: 'inbox',
      deliveredAt: expect.any(Date),
    })
  })

  it('sweeps messages stuck in sending back to the queue, and they are sent with the same id', async () => {
    const stuck = await queueTestMessage(database.db, { status: 'sending', attempts: 1 })
    const exhausted = await queueTestMessage(database.db, { status: 'sending', attempts: 3, maxAttempts: 3 })
    const recent = await queueTestMessage(database.db, { status: 'sending', attempts: 1 })
    await database.db
      .update(messages)
      .set({ sendingSince: sql`now() - interval '10 minutes'` })
      .where(inArray(messages.id, [stuck, exhausted]))
    await database.db.update(messages).set({ sendingSince: sql`now()` }).where(eq(messages.id, recent))

    expect(await sweepStuckMessages({ database, log }, 60_000)).toEqual({ requeued: 1, deadLettered: 1 })
    expect(await messageRow(database.db, stuck)).toMatchObject({ status: 'queued', sendingSince: null })
    expect(await messageRow(database.db, exhausted)).toMatchObject({
      status: 'failed',
      failureKind: 'dead_letter',
    })
    expect(await messageRow(database.db, recent)).toMatchObject({ status: 'sending' })

    const fake = scriptedSms()
    await dispatchBatch(depsWith(fake.transport))
    expect(fake.calls.map((call) => call.messageId)).toEqual([stuck])
    expect(await messageRow(database.db, stuck)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('drops an outcome that arrives after its message was swept (the newer attempt wins)', async () => {
    const fake = scriptedSms(async () => {
      // The send outlives the sending timeout: the sweeper hands the message back meanwhile.
      await sweepStuckMessages({ database, log }, -60_000)
      return { outcome: 'accepted', provider: 'fake' }
    })
    const id = await queueTestMessage(database.db)
    const report = await dispatchBatch(depsWith(fake.transport))
    expect(report).toMatchObject({ claimed: 1, sent: 0, stale: 1 })
    expect(await messageRow(database.db, id)).toMatchObject({ status: 'queued', attempts: 1 })
  })

  it('keeps the status a delivery receipt set before the send was recorded, and adds the gateway id', async () => {
    const fake = scriptedSms(async (sms) => {
      // The gateway's receipt arrives while the dispatcher is still waiting for the HTTP answer.
      await database.db
        .update(messages)
        .set({ status: 'delivered', provider: 'fake', deliveredAt: sql`now()`, sendingSince: null })
        .where(eq(messages.id, sms.messageId))
      return { outcome: 'accepted', provider: 'fake', providerMessageId: 'gw-9' }
    })
    const id = await queueTestMessage(database.db)
    const report = await dispatchBatch(depsWith(fake.transport))
    expect(report).toMatchObject({ claimed: 1, sent: 1, stale: 0 })
    expect(await messageRow(database.db, id)).toMatchObject({
      status: 'delivered',
      provider: 'fake',
      providerMessageId: 'gw-9',
    })
  })

  it('wakes at once when kicked, long before its next poll', async () => {
    const fake = scriptedSms()
    const dispatcher = startDispatcher(depsWith(fake.transport), { pollIntervalMs: 60_000 })
    try {
      await sleep(100) // the loop has polled once and is asleep
      await queueTestMessage(database.db)
      const kicked = Date.now()
      dispatcher.kick()
      while (fake.calls.length === 0 && Date.now() - kicked < 5_000) await sleep(5)
      expect(fake.calls).toHaveLength(1)
    } finally {
      await dispatcher.stop()
    }
  })

  it('samples the queue depth', async () => {
    await queueTestMessage(database.db, { nextAttemptAt: new Date(Date.now() + 3_600_000) })
    await queueTestMessage(database.db, { nextAttemptAt: new Date(Date.now() + 3_600_000) })
    const dispatcher = startDispatcher(depsWith(scriptedSms().transport), { pollIntervalMs: 20 })
    const gauge = () => metrics.registry.getSingleMetricAsString('ansinh_outbox_queued')
    try {
      // Polled rather than a fixed sleep: the first sample comes after the first claim, however slow.
      await eventually(async () => (await gauge()).includes('channel="email"'), 15_000)
    } finally {
      await dispatcher.stop()
    }
    expect(await gauge()).toContain('ansinh_outbox_queued{channel="sms"} 2')
    expect(await gauge()).toContain('ansinh_outbox_queued{channel="email"} 0')
  })

  it('records each outcome as soon as it arrives, not when the whole batch is done', async () => {
    const first = await queueTestMessage(database.db, { recipient: '0900000001' })
    await queueTestMessage(database.db, { recipient: '0900000002' })
    let sawFirstSent = false
    const fake = scriptedSms(async (sms) => {
      if (sms.messageId !== first)
        sawFirstSent = await eventually(
          async () => (await messageRow(database.db, first)).status === 'sent',
          3_000,
        )
      return { outcome: 'accepted', provider: 'fake' }
    })
    const report = await dispatchBatch(depsWith(fake.transport), { concurrency: 2 })
    expect(report).toMatchObject({ claimed: 2, sent: 2, stale: 0 })
    expect(sawFirstSent).toBe(true)
  })

  it('claims no more than its free lanes, so a slow queue is never swept while in flight', async () => {
    // 16 sends of 100 ms on 2 lanes take 800 ms, longer than the 600 ms sending timeout: claimed as
    // one batch, the tail would be swept back to the queue while waiting and sent twice.
    const count = 16
    await database.db.insert(messages).values(
      Array.from({ length: count }, (_, i) => ({
        kind: 'dossier_received',
        channel: 'sms' as const,
        recipient: `09${String(i).padStart(8, '0')}`,
        body: 'Hồ sơ đã được tiếp nhận',
      })),
    )
    const fake = scriptedSms(async () => {
      await sleep(100)
      return { outcome: 'accepted', provider: 'fake' }
    })
    const sendingTimeoutMs = 600
    const dispatcher = startDispatcher(depsWith(fake.transport), {
      concurrency: 2,
      pollIntervalMs: 10,
      sendingTimeoutMs,
      maxSendMs: 100,
    })
    let swept = 0
    try {
      await eventually(async () => {
        swept += (await sweepStuckMessages({ database, log }, sendingTimeoutMs)).requeued
        const [row] = await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from messages where status = 'sent'`,
        )
        return row?.n === count
      }, 20_000)
    } finally {
      await dispatcher.stop()
    }
    expect(swept).toBe(0)
    expect(fake.calls).toHaveLength(count)
    expect(new Set(fake.calls.map((call) => call.messageId)).size).toBe(count)
  })

  it('claims again as soon as a lane frees up: a new message does not wait for a slow send', async () => {
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const slow = await queueTestMessage(database.db, { recipient: '0900000001' })
    const fake = scriptedSms(async (sms) => {
      if (sms.messageId === slow) await held
      return { outcome: 'accepted', provider: 'fake' }
    })
    const dispatcher = startDispatcher(depsWith(fake.transport), { concurrency: 2, pollIntervalMs: 60_000 })
    try {
      expect(await eventually(() => fake.calls.length === 1)).toBe(true)
      const fast = await queueTestMessage(database.db, { recipient: '0900000002' })
      dispatcher.kick()
      expect(await eventually(async () => (await messageRow(database.db, fast)).status === 'sent')).toBe(true)
      expect(await messageRow(database.db, slow)).toMatchObject({ status: 'sending' })
    } finally {
      release()
      await dispatcher.stop()
    }
    expect(await messageRow(database.db, slow)).toMatchObject({ status: 'sent' })
  })

  it('sends an OTP queued behind many slow e-mails first', async () => {
    const order: string[] = []
    const slowEmail: EmailTransport = {
      name: 'slow-mail',
      send: async (email) => {
        order.push(email.messageId)
        await sleep(30)
        return { outcome: 'accepted', provider: 'slow-mail' }
      },
    }
    const fake = scriptedSms((sms) => {
      order.push(sms.messageId)
      return { outcome: 'accepted', provider: 'fake' }
    })
    // The e-mails have waited longer (earlier next_attempt_at) than the OTP.
    await database.db.insert(messages).values(
      Array.from({ length: 30 }, (_, i) => ({
        kind: 'dossier_received',
        channel: 'email' as const,
        recipient: `citizen${i}@example.vn`,
        subject: 'Hồ sơ',
        body: 'Hồ sơ đã được tiếp nhận',
        nextAttemptAt: new Date(Date.now() - 60_000),
      })),
    )
    const otp = await queueTestMessage(database.db, { expiresAt: new Date(Date.now() + 300_000) })
    const dispatcher = startDispatcher(
      { ...depsWith(fake.transport), channels: channelsWith(fake.transport, slowEmail) },
      { concurrency: 2, pollIntervalMs: 10 },
    )
    try {
      expect(await eventually(() => order.length === 31)).toBe(true)
    } finally {
      await dispatcher.stop()
    }
    expect(order.indexOf(otp)).toBeLessThan(2)
  })

  it('refuses a sending timeout that does not comfortably exceed the longest send', () => {
    const slowTransport = Object.assign(scriptedSms().transport, { maxSendMs: 15_000 })
    expect(() => startDispatcher(depsWith(slowTransport), { sendingTimeoutMs: 20_000 })).toThrow(
      /sending timeout \(20000 ms\) must be at least 2 × the longest a send can take \(15000 ms/,
    )
    expect(() =>
      startDispatcher(depsWith(scriptedSms().transport), { sendingTimeoutMs: 5_000, maxSendMs: 3_000 }),
    ).toThrow(/sending timeout/)
    expect(
      checkSendingTimeout(channelsWith(slowTransport), { sendingTimeoutMs: 30_000, maxSendMs: undefined }),
    ).toBe(15_000)
  })

  it('counts the dead letters the sweeper produces', async () => {
    const exhausted = await queueTestMessage(database.db, { status: 'sending', attempts: 3, maxAttempts: 3 })
    await database.db
      .update(messages)
      .set({ sendingSince: sql`now() - interval '10 minutes'` })
      .where(eq(messages.id, exhausted))
    expect(await sweepStuckMessages({ database, log, metrics }, 60_000)).toEqual({
      requeued: 0,
      deadLettered: 1,
    })
    const exposition = await metrics.registry.getSingleMetricAsString('ansinh_messages_total')
    expect(exposition).toContain('channel="sms",kind="otp",provider="none",outcome="dead_letter"} 1')
  })

  it('measures latency from queueing to sending on the database clock', async () => {
    const id = await queueTestMessage(database.db)
    await database.db
      .update(messages)
      .set({ createdAt: sql`now() - interval '40 seconds'` })
      .where(eq(messages.id, id))
    await dispatchBatch(depsWith(scriptedSms().transport))
    const latency = await metrics.registry.getSingleMetricAsString('ansinh_message_send_latency_seconds')
    // 40 s falls in the 60 s bucket, not the 30 s one.
    expect(latency).toContain('le="30",channel="sms",kind="otp"} 0')
    expect(latency).toContain('le="60",channel="sms",kind="otp"} 1')
  })

  it('blanks OTP and password texts once they are done, other texts after the retention period', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)
    const secret = { subject: 'Mật khẩu', html: '<p>secret</p>' }
    const otpSent = await queueTestMessage(database.db, { status: 'sent', sentAt: daysAgo(0), ...secret })
    const otpExpired = await queueTestMessage(database.db, { expiresAt: daysAgo(0.001) })
    const otpWaiting = await queueTestMessage(database.db, { expiresAt: new Date(Date.now() + 300_000) })
    const otpSending = await queueTestMessage(database.db, { status: 'sending' })
    const passwordFailed = await queueTestMessage(database.db, {
      kind: 'account_created',
      channel: 'email',
      recipient: 'a@example.vn',
      status: 'failed',
      failureKind: 'rejected',
      ...secret,
    })
    const receiptRecent = await queueTestMessage(database.db, {
      kind: 'dossier_received',
      status: 'sent',
      sentAt: daysAgo(1),
    })
    const receiptOld = await queueTestMessage(database.db, {
      kind: 'dossier_received',
      status: 'delivered',
      sentAt: daysAgo(31),
      ...secret,
    })
    const inbox = await queueTestMessage(database.db, {
      channel: 'inbox',
      recipient: '42',
      citizenAccountId: 42,
      status: 'delivered',
      sentAt: daysAgo(40),
    })
    const extra = await Promise.all(
      Array.from({ length: 5 }, () =>
        queueTestMessage(database.db, { status: 'delivered', sentAt: daysAgo(0) }),
      ),
    )

    // The frequent job: secrets only.
    expect(await pruneRecentSecretBodies({ database, log })).toBe(8)
    expect(await messageRow(database.db, receiptOld)).toMatchObject({ body: 'Mã OTP: 123456' })
    // The daily job: what is left of the secrets (none) and the old texts.
    expect(await pruneOldMessageBodies({ database, log })).toBe(1)

    const blank = { body: '', html: null }
    for (const id of [otpSent, otpExpired, passwordFailed, ...extra])
      expect(await messageRow(database.db, id)).toMatchObject({ ...blank, subject: null })
    expect(await messageRow(database.db, receiptOld)).toMatchObject({ ...blank, subject: 'Mật khẩu' })
    for (const id of [otpWaiting, otpSending, receiptRecent, inbox])
      expect(await messageRow(database.db, id)).toMatchObject({ body: 'Mã OTP: 123456' })
  })

  it('never sends a message twice with two dispatchers running at once', async () => {
    const count = 300
    await database.db.insert(messages).values(
      Array.from({ length: count }, (_, i) => ({
        kind: 'otp',
        channel: 'sms' as const,
        recipient: `09${String(i).padStart(8, '0')}`,
        body: 'Mã OTP',
      })),
    )
    const sent: string[] = []
    const slowGateway: Script = async (sms) => {
      await sleep(Math.random() * 3)
      sent.push(sms.messageId)
      return { outcome: 'accepted', provider: 'fake' }
    }
    // On PostgreSQL the second dispatcher gets its own pool, as a second worker process would.
    const second =
      database.raw.kind === 'postgres'
        ? await openDatabase({
            kind: 'postgres',
            url: String(database.raw.pool.options.connectionString),
            poolSize: 4,
          })
        : undefined
    const options = { batchSize: 20, concurrency: 4, pollIntervalMs: 10 }
    const gatewayOne = scriptedSms(slowGateway)
    const gatewayTwo = scriptedSms(slowGateway)
    const one = startDispatcher(depsWith(gatewayOne.transport), options)
    const two = startDispatcher({ ...depsWith(gatewayTwo.transport), database: second ?? database }, options)
    try {
      for (const started = Date.now(); sent.length < count && Date.now() - started < 30_000; ) await sleep(20)
    } finally {
      await Promise.all([one.stop(), two.stop()])
      await second?.close()
    }
    expect(sent).toHaveLength(count)
    expect(new Set(sent).size).toBe(count)
    // Both took part: the test would prove nothing if one dispatcher had done all the work.
    expect(gatewayOne.calls.length).toBeGreaterThan(0)
    expect(gatewayTwo.calls.length).toBeGreaterThan(0)
    const statuses = await queryRows<{ status: string; n: number }>(
      database.db,
      sql`select status, count(*)::int as n from messages group by status`,
    )
    expect(statuses).toEqual([{ status: 'sent', n: count }])
  })
})
