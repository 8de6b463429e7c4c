import { createHmac, randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import type { Database } from '../../db/client'
import { messages } from '../../db/schema/notify'

const ALPHA_TOKEN = 'alpha-receipt-token-5e1b'
const BETA_SECRET = 'beta-webhook-secret-0c9d'
const GAMMA_TOKEN = 'gamma-query-token-77f2'

const body = { type: 'json', template: { to: '{{to}}', text: '{{text}}', ref: '{{id}}' } }
const providers = [
  {
    name: 'alpha',
    url: 'http://127.0.0.1:9/alpha',
    body,
    receipts: {
      auth: { type: 'token', header: 'X-Receipt-Token', secretEnv: 'ALPHA_RECEIPTS' },
      messageIdField: 'ref',
      providerMessageIdField: 'tranId',
      statusField: 'status',
      delivered: ['DELIVRD'],
      undelivered: ['UNDELIV', 'EXPIRED'],
    },
  },
  {
    name: 'beta',
    url: 'http://127.0.0.1:9/beta',
    body,
    receipts: {
      auth: { type: 'hmac', header: 'X-Signature', prefix: 'sha256=', secretEnv: 'BETA_HOOK' },
      items: 'events',
      providerMessageIdField: 'id',
      statusField: 'state',
      delivered: ['delivered'],
      undelivered: ['failed'],
    },
  },
  {
    name: 'gamma',
    url: 'http://127.0.0.1:9/gamma',
    body,
    receipts: {
      auth: { type: 'token', query: 'token', secretEnv: 'GAMMA_TOKEN' },
      providerMessageIdField: 'SMSID',
      statusField: 'SendStatus',
      delivered: [5],
      undelivered: [4],
    },
  },
  { name: 'delta', url: 'http://127.0.0.1:9/delta', body },
]

const env = {
  SMS_TRANSPORT: 'http',
  SMS_PROVIDERS: JSON.stringify(providers),
  ALPHA_RECEIPTS: ALPHA_TOKEN,
  BETA_HOOK: BETA_SECRET,
  GAMMA_TOKEN,
}

const PHONE = '0912345678'

async function insertSms(db: Database, values: Partial<typeof messages.$inferInsert> = {}) {
  const [row] = await db
    .insert(messages)
    .values({
      kind: 'otp',
      channel: 'sms',
      recipient: PHONE,
      body: 'Mã OTP của bạn là 123456',
      status: 'sent',
      attempts: 1,
      provider: 'alpha',
      sentAt: new Date(Date.now() - 4000),
      ...values,
    })
    .returning({ id: messages.id })
  if (!row) throw new Error('insert failed')
  return row.id
}

async function readSms(db: Database, id: string) {
  const [row] = await db
    .select({
      status: messages.status,
      failureKind: messages.failureKind,
      provider: messages.provider,
      sentAt: messages.sentAt,
      deliveredAt: messages.deliveredAt,
    })
    .from(messages)
    .where(eq(messages.id, id))
  return row
}

describe.each(testBackends())('SMS delivery receipts on %s', (backend) => {
  let t: TestApp
  let db: Database
  const logs: string[] = []
  beforeAll(async () => {
    t = await createTestApp({
      backend,
      env: { ...env, LOG_LEVEL: 'info' },
      logStream: { write: (l) => logs.push(l) },
    })
    db = t.database.db
  })
  afterAll(async () => t?.close())

  const alpha = (payload: unknown, token = ALPHA_TOKEN) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/notify/receipts/alpha',
      headers: { 'x-receipt-token': token, 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    })
  const beta = (payload: string, signature?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/notify/receipts/beta',
      headers: {
        'content-type': 'application/json',
        'x-signature':
          signature ?? `sha256=${createHmac('sha256', BETA_SECRET).update(payload).digest('hex')}`,
      },
      payload,
    })
  const metricsText = async () => (await t.app.inject('/metrics')).body

  it('answers 401 for a provider that is not configured or takes no receipts: names are not revealed', async () => {
    for (const name of ['nobody', 'delta']) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/notify/receipts/${name}`,
        headers: { 'x-receipt-token': ALPHA_TOKEN, 'content-type': 'application/json' },
        payload: {},
      })
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('UNAUTHENTICATED')
    }
  })

  it('answers 401 for a missing or wrong token or signature, and changes nothing', async () => {
    const id = await insertSms(db)
    const receipt = { ref: id, status: 'DELIVRD' }
    expect((await alpha(receipt, 'wrong')).statusCode).toBe(401)
    expect((await alpha(receipt, `${ALPHA_TOKEN}x`)).statusCode).toBe(401)
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notify/receipts/alpha',
      payload: receipt,
    })
    expect(noToken.statusCode).toBe(401)
    expect(noToken.json().error.code).toBe('UNAUTHENTICATED')
    // Another provider's secret is not this one's.
    expect((await alpha(receipt, GAMMA_TOKEN)).statusCode).toBe(401)
    const payload = JSON.stringify({ events: [{ id: 'b-1', state: 'delivered' }] })
    expect((await beta(payload, 'sha256=00')).statusCode).toBe(401)
    const signedOther = `sha256=${createHmac('sha256', BETA_SECRET).update(`${payload} `).digest('hex')}`
    expect((await beta(payload, signedOther)).statusCode).toBe(401)
    expect(
      (await beta(payload, createHmac('sha256', 'guess').update(payload).digest('hex'))).statusCode,
    ).toBe(401)
    const get = await t.app.inject(`/api/v1/notify/receipts/gamma?token=nope&SMSID=x&SendStatus=5`)
    expect(get.statusCode).toBe(401)
    expect((await readSms(db, id))?.status).toBe('sent')
  })

  it('answers 400 for a malformed receipt, naming the field', async () => {
    const notJson = await alpha('{"ref": ')
    expect(notJson.statusCode).toBe(400)
    const noStatus = await alpha({ ref: randomUUID() })
    expect(noStatus.statusCode).toBe(400)
    expect(noStatus.json().error.fields).toHaveProperty('status')
    const noId = await alpha({ status: 'DELIVRD' })
    expect(noId.statusCode).toBe(400)
    expect(noId.json().error.fields).toHaveProperty('ref')
    const noList = await beta(JSON.stringify({ id: 'b-1', state: 'delivered' }))
    expect(noList.statusCode).toBe(400)
    expect(noList.json().error.fields).toHaveProperty('events')
  })

  it('marks a sent message delivered once; a duplicate or a late status changes nothing', async () => {
    const id = await insertSms(db)
    const first = await alpha({ ref: id, status: 'DELIVRD' })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({ received: 1 })
    const delivered = await readSms(db, id)
    expect(delivered?.status).toBe('delivered')
    expect(delivered?.deliveredAt).toBeInstanceOf(Date)

    expect((await alpha({ ref: id, status: 'DELIVRD' })).statusCode).toBe(200)
    expect((await alpha({ ref: id, status: 'UNDELIV' })).statusCode).toBe(200)
    expect((await alpha({ ref: id, status: 'ACCEPTD' })).statusCode).toBe(200) // intermediate: ignored
    expect(await readSms(db, id)).toEqual(delivered)

    const metrics = await metricsText()
    expect(metrics).toMatch(/ansinh_sms_receipts_total\{provider="alpha",outcome="delivered"\} [1-9]/)
    expect(metrics).toMatch(/ansinh_sms_receipts_total\{provider="alpha",outcome="duplicate"\} [2-9]/)
    expect(metrics).toMatch(/ansinh_sms_receipts_total\{provider="alpha",outcome="ignored"\} [1-9]/)
    expect(metrics).toMatch(/ansinh_sms_delivery_latency_seconds_count\{provider="alpha"\} [1-9]/)
    expect(metrics).toMatch(
      /ansinh_messages_total\{channel="sms",kind="otp",provider="alpha",outcome="delivered"\} [1-9]/,
    )
  })

  it('marks an undelivered message failed; a final "delivered" still wins', async () => {
    const id = await insertSms(db)
    await alpha({ ref: id, status: 'EXPIRED' })
    expect(await readSms(db, id)).toMatchObject({ status: 'failed', failureKind: 'undelivered' })
    await alpha({ ref: id, status: 'UNDELIV' })
    expect(await readSms(db, id)).toMatchObject({ status: 'failed', failureKind: 'undelivered' })
    await alpha({ ref: id, status: 'DELIVRD' })
    expect(await readSms(db, id)).toMatchObject({ status: 'delivered', failureKind: null })
  })

  it('delivers a message queued for a retry after an unclear attempt, which cancels the retry', async () => {
    // The gateway timed out on attempt 1 but sent the message anyway; its receipt names our id.
    const byOurId = await insertSms(db, { status: 'queued', sentAt: null, lastError: 'alpha: timeout' })
    expect((await alpha({ ref: byOurId, status: 'DELIVRD' })).statusCode).toBe(200)
    expect(await readSms(db, byOurId)).toMatchObject({ status: 'delivered', provider: 'alpha' })
    // Or the gateway's own id of an earlier attempt (here a 'sent' requeued by an operator).
    const byTheirId = await insertSms(db, { status: 'queued', provider: 'beta', providerMessageId: 'b-300' })
    expect((await beta(JSON.stringify({ events: [{ id: 'b-300', state: 'delivered' }] }))).statusCode).toBe(
      200,
    )
    expect((await readSms(db, byTheirId))?.status).toBe('delivered')
    // Nothing left to send: the dispatcher claims only queued messages.
    const [due] = await db.select({ status: messages.status }).from(messages).where(eq(messages.id, byOurId))
    expect(due?.status).not.toBe('queued')
  })

  it('never fails an attempt in flight, or a queued retry, on a late "undelivered"', async () => {
    const sending = await insertSms(db, { status: 'sending', attempts: 2, sentAt: null })
    const queued = await insertSms(db, { status: 'queued', attempts: 1, sentAt: null })
    for (const id of [sending, queued])
      expect((await alpha({ ref: id, status: 'UNDELIV' })).statusCode).toBe(200)
    expect((await readSms(db, sending))?.status).toBe('sending')
    expect((await readSms(db, queued))?.status).toBe('queued')
    // A "delivered" still counts for both.
    for (const id of [sending, queued]) await alpha({ ref: id, status: 'DELIVRD' })
    expect((await readSms(db, sending))?.status).toBe('delivered')
    expect((await readSms(db, queued))?.status).toBe('delivered')
  })

  it('applies a large batch at once: delivered wins within a batch, each message counted once', async () => {
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        insertSms(db, { provider: 'beta', providerMessageId: `b-big-${n}` }),
      ),
    )
    const events = ids.flatMap((_, n) => [
      { id: `b-big-${n}`, state: 'failed' },
      { id: `b-big-${n}`, state: n % 2 === 0 ? 'delivered' : 'failed' },
    ])
    while (events.length < 1000) events.push({ id: `b-nothing-${events.length}`, state: 'delivered' })
    const count = (text: string, outcome: string) =>
      Number(
        new RegExp(`ansinh_sms_receipts_total\\{provider="beta",outcome="${outcome}"\\} (\\d+)`).exec(
          text,
        )?.[1] ?? 0,
      )
    const before = await metricsText()
    const response = await beta(JSON.stringify({ events }))
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ received: 1000 })
    for (const [n, id] of ids.entries())
      expect(await readSms(db, id)).toMatchObject(
        n % 2 === 0
          ? { status: 'delivered', failureKind: null }
          : { status: 'failed', failureKind: 'undelivered' },
      )
    const after = await metricsText()
    expect(count(after, 'delivered') - count(before, 'delivered')).toBe(20)
    expect(count(after, 'undelivered') - count(before, 'undelivered')).toBe(20)
    expect(count(after, 'duplicate') - count(before, 'duplicate')).toBe(40)
    expect(count(after, 'unknown') - count(before, 'unknown')).toBe(920)
  })

  it('leaves messages in other states alone (never-sent queued, rejected, dead-lettered)', async () => {
    const queued = await insertSms(db, { status: 'queued', attempts: 0, provider: null, sentAt: null })
    const rejected = await insertSms(db, { status: 'failed', failureKind: 'rejected' })
    for (const id of [queued, rejected]) await alpha({ ref: id, status: 'DELIVRD' })
    expect((await readSms(db, queued))?.status).toBe('queued')
    expect(await readSms(db, rejected)).toMatchObject({ status: 'failed', failureKind: 'rejected' })
  })

  it('answers 200 for an unknown message, changes nothing, and counts it', async () => {
    const before = await metricsText()
    const count = (text: string) =>
      Number(/ansinh_sms_receipts_total\{provider="alpha",outcome="unknown"\} (\d+)/.exec(text)?.[1] ?? 0)
    expect((await alpha({ ref: randomUUID(), status: 'DELIVRD' })).statusCode).toBe(200)
    expect((await alpha({ ref: 'not-a-uuid', status: 'DELIVRD' })).statusCode).toBe(200)
    expect((await alpha({ tranId: 'no-such-id', status: 'DELIVRD' })).statusCode).toBe(200)
    // A gateway cannot touch another gateway's message, even knowing its id.
    const betas = await insertSms(db, { provider: 'beta' })
    expect((await alpha({ ref: betas, status: 'DELIVRD' })).statusCode).toBe(200)
    expect((await readSms(db, betas))?.status).toBe('sent')
    expect(count(await metricsText()) - count(before)).toBe(4)
  })

  it('finds messages by the provider message id, several per request, signed with HMAC', async () => {
    const one = await insertSms(db, { provider: 'beta', providerMessageId: 'b-100' })
    const two = await insertSms(db, { provider: 'beta', providerMessageId: 'b-101' })
    const payload = JSON.stringify({
      events: [
        { id: 'b-100', state: 'delivered' },
        { id: 'b-101', state: 'failed' },
        { id: 'b-999', state: 'delivered' },
      ],
    })
    const response = await beta(payload)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ received: 3 })
    expect((await readSms(db, one))?.status).toBe('delivered')
    expect(await readSms(db, two)).toMatchObject({ status: 'failed', failureKind: 'undelivered' })
  })

  it('takes GET callbacks with a query token, and form bodies; never logs the phone number', async () => {
    const id = await insertSms(db, { provider: 'gamma', providerMessageId: 'e5a1' })
    const get = await t.app.inject(
      `/api/v1/notify/receipts/gamma?token=${GAMMA_TOKEN}&SMSID=e5a1&SendStatus=5&phonenumber=${PHONE}`,
    )
    expect(get.statusCode).toBe(200)
    expect((await readSms(db, id))?.status).toBe('delivered')

    const viaForm = await insertSms(db)
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notify/receipts/alpha',
      headers: { 'x-receipt-token': ALPHA_TOKEN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ref: viaForm, status: 'DELIVRD', msisdn: PHONE }).toString(),
    })
    expect(form.statusCode).toBe(200)
    expect((await readSms(db, viaForm))?.status).toBe('delivered')

    const output = logs.join('')
    expect(output).toContain('sms receipts recorded')
    expect(output).not.toContain(PHONE)
    expect(output).not.toContain(GAMMA_TOKEN)
    expect(output).not.toContain(ALPHA_TOKEN)
  })

  it('accepts a receipt that beats the dispatcher recording the send', async () => {
    // Still `sending`, naming the provider of an earlier failed attempt: the receipt's provider wins.
    const id = await insertSms(db, { status: 'sending', provider: 'beta', sentAt: null })
    expect((await alpha({ ref: id, status: 'DELIVRD' })).statusCode).toBe(200)
    const row = await readSms(db, id)
    expect(row).toMatchObject({ status: 'delivered', provider: 'alpha' })
    expect(row?.sentAt).toBeInstanceOf(Date)
  })

  it('is rate-limited like every route', async () => {
    const response = await alpha({ ref: randomUUID(), status: 'DELIVRD' })
    expect(response.headers['x-ratelimit-limit']).toBeDefined()
  })
})
