import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closedPortUrl, type FakeSmsGateway, startFakeSmsGateway } from '../../../../test/fake-sms-gateway'
import { loggerOptions } from '../../../platform/logger'
import { createHttpSmsTransport } from './sms-http'
import { resolveSmsProviders, type SmsProvider, SmsProviderConfig } from './sms-provider-config'
import type { OutboundSms } from './types'

const AUTH = 'Bearer-secret-token-7c1f'
const API_KEY = 'api-key-in-body-93ab'

function provider(url: string, overrides: Record<string, unknown> = {}): SmsProvider {
  const settings = SmsProviderConfig.parse({
    name: 'speedy',
    url,
    brandname: 'BHXH',
    timeoutMs: 300,
    auth: { header: 'Authorization', valueEnv: 'SPEEDY_TOKEN', prefix: 'Basic ' },
    body: {
      type: 'json',
      template: { to: ['{{to84}}'], content: '{{text}}', sender: '{{brandname}}', ref: '{{id}}', type: 2 },
    },
    answer: { messageIdPath: 'data.tranId' },
    ...overrides,
  })
  const { providers, problems } = resolveSmsProviders([settings], {
    SPEEDY_TOKEN: AUTH,
    SPEEDY_KEY: API_KEY,
  })
  expect(problems).toEqual([])
  return providers[0] as SmsProvider
}

const sms = (overrides: Partial<OutboundSms> = {}): OutboundSms => ({
  messageId: '6f1d2c0e-8a4b-4c1e-9f3a-2b7d5e6a9c01',
  to: '0912345678',
  text: 'Mã OTP của bạn là 482913. "Không" chia sẻ\n mã này.',
  kind: 'otp',
  ...overrides,
})

describe('HTTP SMS transport against a real HTTP server', () => {
  let gateway: FakeSmsGateway
  beforeAll(async () => {
    gateway = await startFakeSmsGateway()
  })
  afterAll(async () => gateway.close())
  afterEach(() => {
    gateway.requests.length = 0
    gateway.accepted.clear()
    gateway.answer = () => ({ status: 200, body: { code: '00', data: { tranId: 4711 } } })
  })

  it('rejects a number that is not a Vietnamese mobile without calling the gateway', async () => {
    const result = await createHttpSmsTransport(provider(gateway.url)).send(sms({ to: '12345' }))
    expect(result).toMatchObject({ outcome: 'rejected', provider: 'speedy' })
    expect(gateway.requests).toHaveLength(0)
  })

  // failover: the gateway surely did not take it, so the router may try another gateway at once.
  it.each([
    [500, 'retry', false],
    [502, 'retry', false], // may come after the gateway took the message: never a second gateway now
    [504, 'retry', false],
    [408, 'retry', false],
    [503, 'retry', true],
    [429, 'retry', true],
    // Our key, our URL or our proxy is wrong: a fault of the provider link, not of the message.
    [401, 'retry', true],
    [403, 'retry', true],
    [404, 'retry', true],
    [405, 'retry', true],
    // Node's fetch turns a 407 into a network error without a status: still a retry and a provider
    // failure (demotion moves the traffic), but not a clear refusal it can fail over on at once.
    [407, 'retry', false],
    [409, 'retry', false], // not in any list: kept, not given up
    [400, 'rejected', false],
    [422, 'rejected', false],
    [302, 'retry', false], // a redirect is a misconfiguration, not a verdict on the message: keep it
    [200, 'accepted', false],
    [202, 'accepted', false],
  ] as const)('answers HTTP %i with %s (failover: %s)', async (status, outcome, failover) => {
    gateway.answer = () => ({ status, body: { code: '00' } })
    const result = await createHttpSmsTransport(provider(gateway.url)).send(sms())
    expect(result.outcome).toBe(outcome)
    expect(result.failover ?? false).toBe(failover)
    expect(gateway.requests).toHaveLength(1)
  })

  it('rejects only on the statuses configured as rejections', async () => {
    const strict = provider(gateway.url, { answer: { status: { rejected: [400, 410], failover: [] } } })
    gateway.answer = () => ({ status: 410 })
    expect(await createHttpSmsTransport(strict).send(sms())).toMatchObject({ outcome: 'rejected' })
    gateway.answer = () => ({ status: 503 })
    const busy = await createHttpSmsTransport(strict).send(sms())
    expect(busy).toMatchObject({ outcome: 'retry' })
    expect(busy.failover).toBeUndefined()
  })

  it('retries a 5xx with the same Idempotency-Key, then is accepted; stops at a 4xx', async () => {
    const transport = createHttpSmsTransport(provider(gateway.url))
    const answers = [503, 500, 200]
    gateway.answer = () => ({ status: answers.shift() ?? 200, body: { code: '00', data: { tranId: 'x-1' } } })
    const outcomes: string[] = []
    for (;;) {
      const result = await transport.send(sms())
      outcomes.push(result.outcome)
      if (result.outcome !== 'retry') break
    }
    expect(outcomes).toEqual(['retry', 'retry', 'accepted'])
    expect(new Set(gateway.requests.map((r) => r.idempotencyKey))).toEqual(new Set([sms().messageId]))

    gateway.requests.length = 0
    gateway.answer = () => ({ status: 400, body: { code: '105' } })
    const rejected = await transport.send(sms())
    expect(rejected).toMatchObject({ outcome: 'rejected', reason: 'http 400' })
    expect(gateway.requests).toHaveLength(1)
  })

  it('treats a timeout and a refused connection as retry; only the refusal is a clear one', async () => {
    gateway.answer = () => 'hang'
    const timedOut = await createHttpSmsTransport(provider(gateway.url, { timeoutMs: 150 })).send(sms())
    expect(timedOut).toMatchObject({ outcome: 'retry', reason: 'timeout after 150 ms' })
    expect(timedOut.failover).toBeUndefined()

    const refused = await createHttpSmsTransport(provider(await closedPortUrl())).send(sms())
    expect(refused).toMatchObject({
      outcome: 'retry',
      reason: 'connection error ECONNREFUSED',
      failover: true,
    })

    const unknownHost = await createHttpSmsTransport(provider('http://sms-gateway.invalid/send')).send(sms())
    expect(unknownHost).toMatchObject({ outcome: 'retry', failover: true })
  })

  it('sends the templated JSON body, escaped, with auth and Idempotency-Key, and reads the provider id', async () => {
    const result = await createHttpSmsTransport(provider(gateway.url)).send(sms())
    expect(result).toEqual({ outcome: 'accepted', provider: 'speedy', providerMessageId: '4711' })
    const [request] = gateway.requests
    expect(request?.method).toBe('POST')
    expect(request?.headers.authorization).toBe(`Basic ${AUTH}`)
    expect(request?.headers['idempotency-key']).toBe(sms().messageId)
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(JSON.parse(request?.body ?? '')).toEqual({
      to: ['84912345678'],
      content: sms().text,
      sender: 'BHXH',
      ref: sms().messageId,
      type: 2,
    })
  })

  it('cannot be broken out of by the text: quotes, braces and placeholders stay data', async () => {
    const text = '"}, "to": ["84999999999"], "x": "{{toE164}} \\u0000 ✓'
    await createHttpSmsTransport(provider(gateway.url)).send(sms({ text }))
    const body = JSON.parse(gateway.requests[0]?.body ?? '')
    expect(body.content).toBe(text)
    expect(body.to).toEqual(['84912345678'])
  })

  it('sends a form body, percent-encoded, with credentials from the environment and toE164', async () => {
    const form = provider(gateway.url, {
      auth: undefined,
      secretsEnv: { key: 'SPEEDY_KEY' },
      body: {
        type: 'form',
        template: { ApiKey: '{{secret.key}}', Phone: '{{toE164}}', Content: '{{text}}', Ref: '{{id}}' },
      },
    })
    await createHttpSmsTransport(form).send(sms({ text: 'a&b=c+d Việt' }))
    const request = gateway.requests[0]
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8')
    expect(Object.fromEntries(new URLSearchParams(request?.body ?? ''))).toEqual({
      ApiKey: API_KEY,
      Phone: '+84912345678',
      Content: 'a&b=c+d Việt',
      Ref: sms().messageId,
    })
  })

  it.each([
    [{ CodeResult: '100', SMSID: 'abc' }, 'accepted'],
    [{ CodeResult: 100, SMSID: 'abc' }, 'accepted'],
    [{ CodeResult: '124' }, 'accepted'], // "already sent with this RequestId": the retry of an accepted message
    [{ CodeResult: '99' }, 'retry'],
    [{ CodeResult: '101' }, 'rejected'],
    [{ ErrorMessage: 'no code' }, 'retry'],
    ['not json at all', 'retry'],
  ] as const)('classifies a 200 answer %o by its code field as %s', async (body, outcome) => {
    const matcher = provider(gateway.url, {
      answer: {
        match: { field: 'CodeResult', accepted: ['100', '124'], retry: [99] },
        messageIdPath: 'SMSID',
      },
    })
    gateway.answer = () => ({ status: 200, body })
    const result = await createHttpSmsTransport(matcher).send(sms())
    expect(result.outcome).toBe(outcome)
    if (typeof body === 'object' && 'SMSID' in body)
      expect(result).toMatchObject({ providerMessageId: body.SMSID })
  })

  it('honours custom status rules, method and extra headers', async () => {
    const custom = provider(gateway.url, {
      method: 'PUT',
      headers: { 'X-Partner': 'ansinh' },
      idempotencyHeader: 'X-Request-Id',
      answer: { status: { accepted: ['200-201'], retry: ['5xx', 401], rejected: ['4xx'] } },
    })
    gateway.answer = () => ({ status: 401 })
    expect((await createHttpSmsTransport(custom).send(sms())).outcome).toBe('retry')
    gateway.answer = () => ({ status: 202 })
    expect((await createHttpSmsTransport(custom).send(sms())).outcome).toBe('retry') // not accepted, not 4xx
    const request = gateway.requests[0]
    expect(request?.method).toBe('PUT')
    expect(request?.headers['x-partner']).toBe('ansinh')
    expect(request?.headers['x-request-id']).toBe(sms().messageId)
  })

  it('never logs the auth header, the API key, the text or the phone number', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const log = pino(loggerOptions({ logLevel: 'trace', logPretty: false }), stream)
    const withKey = provider(gateway.url, { secretsEnv: { key: 'SPEEDY_KEY' } })
    const transport = createHttpSmsTransport(withKey, { log })
    const answers = [503, 200, 400]
    gateway.answer = () => ({ status: answers.shift() ?? 200, body: { code: '00' } })
    for (let i = 0; i < 3; i++) await transport.send(sms())
    gateway.answer = () => 'hang'
    await transport.send(sms())
    const output = lines.join('')
    expect(lines).toHaveLength(4)
    expect(output).toContain(sms().messageId)
    for (const secret of [AUTH, API_KEY, '0912345678', '84912345678', '482913', 'Không'])
      expect(output).not.toContain(secret)
    // The resolved provider itself prints no secret either (e.g. if someone logs the config).
    expect(JSON.stringify(withKey)).not.toContain(AUTH)
    expect(JSON.stringify(withKey)).not.toContain(API_KEY)
  })
})
