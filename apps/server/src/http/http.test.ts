import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestApp, type TestApp } from '../../test/app'
import { testBackends } from '../../test/database'
import { DomainError } from '../platform/errors'

function addProbeRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.post(
    '/api/v1/probe',
    {
      schema: {
        body: z.object({
          bhxhCode: z.string().regex(/^\d{10}$/, { error: 'Mã số BHXH gồm 10 chữ số' }),
          age: z.number().int(),
        }),
      },
    },
    async (request) => ({ ok: request.body.bhxhCode.length }),
  )
  api.get('/api/v1/probe/conflict', async () => {
    throw new DomainError('CONFLICT', 'dossier already decided')
  })
  api.get('/api/v1/probe/bad-date', async () => {
    throw Object.assign(new Error('Failed query'), {
      cause: Object.assign(new Error('date/time field value out of range'), { code: '22008' }),
    })
  })
  api.get('/api/v1/probe/crash', async () => {
    throw new Error('secret internal detail 012345678901')
  })
}

describe.each(testBackends())('HTTP platform on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ backend, env: { BODY_LIMIT_BYTES: '2048' }, configure: addProbeRoutes })
  })
  afterAll(async () => t?.close())

  it('answers liveness and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' })
    const ready = await t.app.inject('/readyz')
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok' } })
  })

  it('is not ready while shutting down', async () => {
    t.state.shuttingDown = true
    try {
      expect((await t.app.inject('/readyz')).statusCode).toBe(503)
    } finally {
      t.state.shuttingDown = false
    }
  })

  it('rejects bad input with 400, the field and a Vietnamese message', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      payload: { bhxhCode: '12', age: 'x' },
    })
    expect(response.statusCode).toBe(400)
    const body = response.json()
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.message).toMatch(/chưa hợp lệ/)
    expect(body.error.fields.bhxhCode).toEqual(['Mã số BHXH gồm 10 chữ số'])
    expect(body.error.fields.age).toEqual([expect.stringMatching(/không hợp lệ/)])
  })

  it('answers in English when asked', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload: {},
    })
    expect(response.json().error.message).toMatch(/not valid/)
  })

  it.each([
    [
      'malformed JSON',
      { payload: '{"bhxhCode": ', headers: { 'content-type': 'application/json' } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unsupported media type',
      { payload: 'a=b', headers: { 'content-type': 'text/csv' } },
      415,
      'VALIDATION_FAILED',
    ],
    ['a body over the limit', { payload: { bhxhCode: 'x'.repeat(5000), age: 1 } }, 413, 'PAYLOAD_TOO_LARGE'],
  ] as const)('rejects %s with a client error, never a 500', async (_name, request, status, code) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/probe', ...request })
    expect(response.statusCode).toBe(status)
    expect(response.json().error.code).toBe(code)
  })

  it('maps domain errors through one table', async () => {
    const response = await t.app.inject('/api/v1/probe/conflict')
    expect(response.statusCode).toBe(409)
    expect(response.json().error).toEqual({
      code: 'CONFLICT',
      message: expect.stringMatching(/đã tồn tại|đã thay đổi/),
    })
  })

  it('answers 400 when PostgreSQL rejects a value the schema let through', async () => {
    const response = await t.app.inject('/api/v1/probe/bad-date')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('hides internal details of a 500', async () => {
    const response = await t.app.inject('/api/v1/probe/crash')
    expect(response.statusCode).toBe(500)
    expect(response.body).not.toContain('secret internal detail')
    expect(response.json().error.code).toBe('INTERNAL')
  })

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await t.app.inject('/api/v1/nothing-here')
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('NOT_FOUND')
  })

  it('serves OpenAPI 3.1 and the docs page', async () => {
    const spec = (await t.app.inject('/docs/json')).json()
    expect(spec.openapi).toBe('3.1.0')
    expect(Object.keys(spec.paths)).toContain('/readyz')
    const page = await t.app.inject('/docs/')
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
  })

  it('exposes Prometheus metrics labelled by route pattern', async () => {
    await t.app.inject('/healthz')
    const metrics = await t.app.inject('/metrics')
    expect(metrics.statusCode).toBe(200)
    expect(metrics.body).toContain('ansinh_http_request_duration_seconds_bucket')
    expect(metrics.body).toContain('route="/healthz"')
  })

  it('sends security headers', async () => {
    const response = await t.app.inject('/healthz')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toContain("default-src 'self'")
  })
})

describe('rate limits', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } })
  })
  afterAll(async () => t?.close())

  it('answers 429 with RATE_LIMITED past the limit, but never limits health probes', async () => {
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await t.app.inject('/api/v1/anything')).statusCode)
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404])
    const limited = await t.app.inject('/api/v1/anything')
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.code).toBe('RATE_LIMITED')
    for (let i = 0; i < 5; i++) expect((await t.app.inject('/healthz')).statusCode).toBe(200)
  })
})

describe('behind a proxy', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' } })
  })
  afterAll(async () => t?.close())

  it('limits by the address the proxy saw, so a forged X-Forwarded-For chain does not help', async () => {
    const asClient = (forged: string) =>
      t.app.inject({ url: '/api/v1/anything', headers: { 'x-forwarded-for': `${forged}, 203.0.113.7` } })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await asClient(`198.51.100.${i}`)).statusCode)
    expect(statuses).toEqual([404, 404, 429, 429])
  })
})

describe('content security policy', () => {
  it.each([
    [{}, false],
    [{ PUBLIC_URL: 'https://dichvucong.example.vn' }, true],
  ])('asks browsers to upgrade to HTTPS only when served over HTTPS (%o)', async (env, upgrades) => {
    const t = await createTestApp({ env })
    try {
      const response = await t.app.inject('/healthz')
      expect(String(response.headers['content-security-policy']).includes('upgrade-insecure-requests')).toBe(
        upgrades,
      )
      expect(response.headers['strict-transport-security'] !== undefined).toBe(upgrades)
    } finally {
      await t.close()
    }
  })
})
