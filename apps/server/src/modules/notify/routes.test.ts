import { messageKinds } from '@ansinh/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { queueMessage } from './service'

describe.each(testBackends())('development outbox API on %s', (backend) => {
  let t: TestApp
  const logLines: string[] = []
  beforeAll(async () => {
    t = await createTestApp({
      backend,
      env: { LOG_LEVEL: 'info', OTP_SMS_PER_HOUR: '2', DEV_OUTBOX: 'true' },
      logStream: { write: (line) => logLines.push(line) },
      // Stands in for a use case that sends an OTP, until sign-in and registration have their own routes.
      configure: (app) => {
        app.post('/api/v1/test/otp', async (request) => {
          const { to } = z.object({ to: z.string() }).parse(request.body)
          const queued = await queueMessage(
            app.deps.database.db,
            { kind: 'otp', channel: 'sms', to, variables: { code: '482913', purpose: 'registration' } },
            { limits: app.deps.config.messageLimits, clock: app.deps.clock },
          )
          return { id: queued.id }
        })
      },
    })
    for (const code of ['111111', '222222', '333333']) {
      await queueMessage(t.database.db, {
        kind: 'otp',
        channel: 'sms',
        to: '0912345678',
        variables: { code, purpose: 'password_reset' },
      })
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await queueMessage(t.database.db, {
      kind: 'otp',
      channel: 'email',
      to: 'An.Nguyen@example.vn',
      variables: { code: '444444', purpose: 'registration' },
    })
  })
  afterAll(async () => t?.close())

  it.each(['%2B84912345678', '0912345678', '84912345678', '0912%20345%20678'])(
    'returns the latest messages to %s, newest first, with their text',
    async (to) => {
      const response = await t.app.inject(`/api/v1/dev/outbox?to=${to}&limit=2`)
      expect(response.statusCode).toBe(200)
      expect(response.headers['cache-control']).toBe('no-store')
      const { items } = response.json()
      expect(items).toHaveLength(2)
      expect(items[0]).toMatchObject({
        kind: 'otp',
        channel: 'sms',
        to: '0912345678',
        language: 'vi',
        subject: null,
        status: 'queued',
        smsEncoding: 'gsm7',
        smsSegments: 1,
        sentAt: null,
      })
      expect(items.map((item: { text: string }) => item.text.match(/\d{6}/)?.[0])).toEqual([
        '333333',
        '222222',
      ])
    },
  )

  it('finds e-mails by address, case-insensitively', async () => {
    const { items } = (await t.app.inject('/api/v1/dev/outbox?to=an.nguyen%40EXAMPLE.vn')).json()
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ channel: 'email', subject: 'Mã OTP để đăng ký tài khoản' })
    expect(items[0].text).toContain('444444')
  })

  it('answers an empty list for a recipient without messages', async () => {
    expect((await t.app.inject('/api/v1/dev/outbox?to=0987654321')).json()).toEqual({ items: [] })
  })

  it.each([
    ['', 'to'],
    ['?to=not-a-phone', 'to'],
    ['?to=0912345678&limit=0', 'limit'],
    ['?to=0912345678&limit=500', 'limit'],
  ])('refuses %j naming %s', async (query, field) => {
    const response = await t.app.inject(`/api/v1/dev/outbox${query}`)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION_FAILED')
    expect(response.json().error.fields).toHaveProperty(field)
  })

  it('previews every template in both languages', async () => {
    const { items } = (await t.app.inject('/api/v1/dev/templates')).json()
    expect(new Set(items.map((item: { kind: string }) => item.kind))).toEqual(new Set(messageKinds))
    const otpSms = items.find(
      (item: { kind: string; channel: string; language: string }) =>
        item.kind === 'otp' && item.channel === 'sms' && item.language === 'vi',
    )
    expect(otpSms).toMatchObject({ maxSmsSegments: 1, sms: { encoding: 'gsm7', segments: 1 } })
    const email = items.find((item: { channel: string }) => item.channel === 'email')
    expect(email.html).toContain('1900 9068')
  })

  it('answers a 429 with a Vietnamese explanation past the OTP limit, and writes nothing', async () => {
    const send = (language?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/test/otp',
        payload: { to: '0977 000 111' },
        ...(language ? { headers: { 'accept-language': language } } : {}),
      })
    expect((await send()).statusCode).toBe(200)
    expect((await send()).statusCode).toBe(200)
    const refused = await send()
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error).toEqual({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(
        /^Bạn đã yêu cầu quá nhiều mã OTP cho số điện thoại này\. Vui lòng thử lại sau \d+ phút\.$/,
      ),
    })
    expect((await send('en')).json().error.message).toMatch(/^Too many OTP codes were requested/)
    const { items } = (await t.app.inject('/api/v1/dev/outbox?to=0977000111')).json()
    expect(items).toHaveLength(2)
  })

  it('never logs the phone number or address asked about', () => {
    const log = logLines.join('\n')
    expect(log).toContain('/api/v1/dev/outbox')
    expect(log).not.toMatch(/912345678|977000111|nguyen/i)
  })

  it('documents the routes in OpenAPI', async () => {
    const spec = (await t.app.inject('/docs/json')).json()
    expect(spec.paths['/api/v1/dev/outbox'].get.description).toContain('DEV_OUTBOX')
    expect(spec.paths['/api/v1/dev/templates'].get.summary).toContain('sample variables')
  })
})

describe('development outbox switched off', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_OUTBOX: 'false' } })
  })
  afterAll(async () => t?.close())

  it.each(['/api/v1/dev/outbox?to=0912345678', '/api/v1/dev/templates'])(
    '%s does not exist (404)',
    async (url) => {
      const response = await t.app.inject({ url, headers: { accept: 'text/html' } })
      expect(response.statusCode).toBe(404)
      expect(response.json().error.code).toBe('NOT_FOUND')
      const spec = (await t.app.inject('/docs/json')).json()
      expect(Object.keys(spec.paths).some((path) => path.startsWith('/api/v1/dev/'))).toBe(false)
    },
  )
})
