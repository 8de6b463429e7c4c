import { Writable } from 'node:stream'
import { eq, inArray } from 'drizzle-orm'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/app'
import { testBackends } from '../../../../test/database'
import { type FakeSmsGateway, startFakeSmsGateway } from '../../../../test/fake-sms-gateway'
import { messages } from '../../../db/schema/notify'
import { loggerOptions } from '../../../platform/logger'
import { dispatchBatch } from '../dispatcher'
import type { Channels } from './index'
import { createProviderHealth, type HealthSettings, type ProviderHealthView } from './sms-health'
import {
  createHttpSmsRouter,
  createSmsRouter,
  type RoutedProvider,
  type RoutedTransport,
  routePlan,
} from './sms-router'
import type { SmsTransport } from './types'

const PHONE = '0987654321'
const TEXT = 'Mã OTP của bạn là 551234, hiệu lực 5 phút.'

/** Deterministic message ids, so that which provider ranks first never depends on luck. */
const messageId = (series: number, n: number) =>
  `${series.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

function stubTransport(name: string): SmsTransport {
  return { name, send: async () => ({ outcome: 'accepted', provider: name }) }
}

function healthyView(names: string[], demoted: string[] = []): ProviderHealthView[] {
  return names.map((name) => ({
    name,
    healthy: !demoted.includes(name),
    reason: demoted.includes(name) ? 'errors' : null,
    demotedUntil: null,
    consecutiveErrors: 0,
    lateShare: null,
    samples: 0,
    badness: demoted.includes(name) ? 1 : 0,
  }))
}

describe('routing plan (weighted rendezvous hashing)', () => {
  const alpha: RoutedProvider = { transport: stubTransport('alpha'), weight: 3 }
  const beta: RoutedProvider = { transport: stubTransport('beta'), weight: 1 }
  const backup: RoutedProvider = { transport: stubTransport('backup'), weight: 0 }
  const all = [alpha, beta, backup]
  const names = ['alpha', 'beta', 'backup']

  it('follows the weights over many messages and never puts a weight-0 backup first', () => {
    const first = new Map<string, number>()
    for (let n = 0; n < 20_000; n++) {
      const plan = routePlan(messageId(1, n), all, healthyView(names))
      const name = plan[0]?.transport.name ?? ''
      first.set(name, (first.get(name) ?? 0) + 1)
      expect(plan.at(-1)?.transport.name).toBe('backup')
    }
    expect((first.get('alpha') ?? 0) / 20_000).toBeCloseTo(0.75, 1)
    expect(Math.abs((first.get('alpha') ?? 0) / 20_000 - 0.75)).toBeLessThan(0.015)
    expect(first.get('backup') ?? 0).toBe(0)
  })

  it('gives the same plan for the same message, and moves only the demoted provider’s share', () => {
    for (let n = 0; n < 2_000; n++) {
      const id = messageId(2, n)
      const before = routePlan(id, all, healthyView(names)).map((p) => p.transport.name)
      expect(routePlan(id, all, healthyView(names)).map((p) => p.transport.name)).toEqual(before)
      const after = routePlan(id, all, healthyView(names, ['alpha'])).map((p) => p.transport.name)
      expect(after).not.toContain('alpha')
      if (before[0] === 'beta') expect(after[0]).toBe('beta')
    }
  })

  it('falls back to every provider, least bad first, when all are demoted', () => {
    const view = healthyView(names, names).map((entry) => ({
      ...entry,
      badness: { alpha: 0.9, beta: 0.2, backup: 0.5 }[entry.name] ?? 1,
    }))
    expect(routePlan(messageId(3, 1), all, view).map((p) => p.transport.name)).toEqual([
      'beta',
      'backup',
      'alpha',
    ])
  })
})

const receiptsOf = (name: string) => ({
  auth: { type: 'token', header: 'X-Receipt-Token', secretEnv: `${name.toUpperCase()}_RECEIPTS` },
  messageIdField: 'ref',
  statusField: 'status',
  delivered: ['DELIVRD'],
})

describe.each(testBackends())('SMS router with two fake providers on %s', (backend) => {
  let t: TestApp
  let alpha: FakeSmsGateway
  let beta: FakeSmsGateway
  let appUrl = ''
  const receipts: Promise<unknown>[] = []
  const logLines: string[] = []
  const log = pino(
    loggerOptions({ logLevel: 'debug', logPretty: false }),
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk))
        done()
      },
    }),
  )

  /** What a real gateway does some time after accepting: call our webhook with the delivery report. */
  const deliverAfter = (name: string, ms: number) => (request: { body: string }) => {
    const ref = (JSON.parse(request.body) as { ref: string }).ref
    receipts.push(
      new Promise((resolve) => setTimeout(resolve, ms)).then(() =>
        fetch(`${appUrl}/api/v1/notify/receipts/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-receipt-token': `${name}-receipt-secret` },
          body: JSON.stringify({ ref, status: 'DELIVRD' }),
        }).then((response) => expect(response.status).toBe(200)),
      ),
    )
  }
  const accept = () => ({ status: 200, body: { id: '$ID' } })

  beforeAll(async () => {
    alpha = await startFakeSmsGateway({ prefix: 'a', answer: accept })
    beta = await startFakeSmsGateway({ prefix: 'b', answer: accept })
    const template = { type: 'json', template: { to: '{{to84}}', text: '{{text}}', ref: '{{id}}' } }
    const providers = [
      {
        name: 'alpha',
        weight: 3,
        url: alpha.url,
        // Generous: the fakes share this event loop with PGlite, whose queries block it, and a timeout
        // that fires while a healthy gateway waits for the loop would be a false failure.
        timeoutMs: 1000,
        body: template,
        answer: { messageIdPath: 'id' },
        receipts: receiptsOf('alpha'),
      },
      {
        name: 'beta',
        weight: 1,
        url: beta.url,
        timeoutMs: 2000,
        body: template,
        answer: { messageIdPath: 'id' },
        receipts: receiptsOf('beta'),
      },
    ]
    t = await createTestApp({
      backend,
      env: {
        SMS_TRANSPORT: 'http',
        SMS_PROVIDERS: JSON.stringify(providers),
        ALPHA_RECEIPTS: 'alpha-receipt-secret',
        BETA_RECEIPTS: 'beta-receipt-secret',
        RATE_LIMIT_PER_MINUTE: '100000',
      },
    })
    appUrl = await t.app.listen({ port: 0, host: '127.0.0.1' })
    alpha.onAccepted = deliverAfter('alpha', 20)
    beta.onAccepted = deliverAfter('beta', 20)
  })
  afterAll(async () => {
    await Promise.allSettled(receipts)
    await t?.close()
    await alpha?.close()
    await beta?.close()
  })

  function router(settings: Partial<HealthSettings>) {
    return createHttpSmsRouter({
      providers: t.app.deps.config.smsProviders,
      db: t.database.db,
      health: { refreshMs: 50, ...settings },
      log,
      metrics: t.app.deps.metrics.sms,
    })
  }

  async function queue(series: number, count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, n) => messageId(series, n))
    await t.database.db
      .insert(messages)
      .values(ids.map((id) => ({ id, kind: 'otp', channel: 'sms' as const, recipient: PHONE, body: TEXT })))
    return ids
  }

  const channelsFor = (sms: SmsTransport): Channels => ({
    sms,
    email: { name: 'none', send: async () => ({ outcome: 'retry', provider: 'none', reason: 'unused' }) },
    close: async () => {},
  })

  /** The real outbox dispatcher, retrying at once, until nothing is due. */
  async function drain(sms: SmsTransport, concurrency = 1) {
    const channels = channelsFor(sms)
    for (let round = 0; round < 100; round++) {
      const report = await dispatchBatch(
        { database: t.database, channels, log, metrics: t.app.deps.metrics },
        { batchSize: 10, concurrency, retryBaseMs: 0, retryMaxMs: 0 },
      )
      if (report.claimed === 0) return
    }
    throw new Error('the outbox did not drain')
  }

  const requestsFor = (gateway: FakeSmsGateway, ids: string[]) =>
    gateway.requests.filter((request) => ids.includes(request.idempotencyKey ?? '')).length

  const allIds: string[] = []

  it('moves traffic off a provider that answers 5xx, without losing a message', async () => {
    alpha.answer = () => ({ status: 503, body: { error: 'busy' } })
    const sms = router({ maxConsecutiveErrors: 3, cooldownMs: 60_000 })
    const ids = await queue(1, 30)
    allIds.push(...ids)
    await drain(sms)
    // Three failures in a row demote it; each of those messages went on to beta at once.
    expect(requestsFor(alpha, ids)).toBe(3)
    expect(requestsFor(beta, ids)).toBe(30)
    expect(ids.every((id) => beta.accepted.has(id))).toBe(true)
    expect(sms.health.view().find((p) => p.name === 'alpha')).toMatchObject({
      healthy: false,
      reason: 'errors',
    })
  })

  it('moves traffic off a provider that times out', async () => {
    alpha.answer = () => 'hang'
    const sms = router({ maxConsecutiveErrors: 3, cooldownMs: 60_000 })
    const ids = await queue(2, 30)
    allIds.push(...ids)
    await drain(sms)
    expect(requestsFor(alpha, ids)).toBe(3)
    expect(ids.every((id) => beta.accepted.has(id))).toBe(true)
  })

  it('moves traffic off a provider that accepts but never delivers (judged from the database)', async () => {
    alpha.answer = accept
    alpha.onAccepted = undefined // accepted, and then nothing: no receipt ever comes
    const settings = { deliveryDeadlineMs: 1000, minSamples: 5, maxLateShare: 0.15, cooldownMs: 60_000 }
    const sms = router(settings)
    const first = await queue(3, 30)
    allIds.push(...first)
    await drain(sms)
    const swallowed = first.filter((id) => alpha.accepted.has(id))
    expect(swallowed.length).toBeGreaterThanOrEqual(settings.minSamples)
    await Promise.all(receipts)
    // Let alpha's messages pass the delivery deadline.
    await new Promise((resolve) => setTimeout(resolve, settings.deliveryDeadlineMs + 200))

    // Another process, with its own fresh state, reaches the same verdict from the shared table.
    const otherProcess = router(settings)
    await otherProcess.health.refresh()
    expect(otherProcess.health.view().find((p) => p.name === 'alpha')).toMatchObject({
      healthy: false,
      reason: 'slow',
      lateShare: 1,
    })

    const second = await queue(4, 30)
    allIds.push(...second)
    await drain(sms)
    expect(requestsFor(alpha, second)).toBe(0)
    expect(second.every((id) => beta.accepted.has(id))).toBe(true)
    const metrics = await (await t.app.inject('/metrics')).body
    expect(metrics).toMatch(/ansinh_sms_provider_demotions_total\{provider="alpha",reason="slow"\} [1-9]/)
    expect(metrics).toMatch(/ansinh_sms_provider_demotions_total\{provider="alpha",reason="errors"\} [1-9]/)
    expect(metrics).toMatch(/ansinh_sms_provider_healthy\{provider="alpha"\} 0/)
    expect(metrics).toMatch(/ansinh_sms_provider_attempts_total\{provider="beta",outcome="accepted"\} [1-9]/)
  })

  it('still sends when every provider is demoted, to the least bad one', async () => {
    alpha.answer = () => ({ status: 503 })
    beta.answer = () => ({ status: 503 })
    const sms = router({ maxConsecutiveErrors: 1, cooldownMs: 60_000, deliveryDeadlineMs: 600_000 })
    const [id] = await queue(5, 1)
    allIds.push(id as string)
    await dispatchBatch(
      { database: t.database, channels: channelsFor(sms), log },
      { retryBaseMs: 0, retryMaxMs: 0 },
    )
    expect(sms.health.view().every((p) => !p.healthy)).toBe(true)
    const [row] = await t.database.db
      .select()
      .from(messages)
      .where(eq(messages.id, id as string))
    expect(row?.status).toBe('queued') // a retry, not a loss
    beta.answer = accept
    await drain(sms)
    expect(beta.accepted.has(id as string)).toBe(true)
  })

  it('respects the weights roughly over many messages (3:1)', async () => {
    alpha.answer = accept
    beta.answer = accept
    // A fresh process whose delivery deadline has not passed for anything: both providers healthy.
    const sms = router({ deliveryDeadlineMs: 600_000 })
    const ids = await queue(6, 400)
    allIds.push(...ids)
    await drain(sms, 4)
    const toAlpha = ids.filter((id) => alpha.accepted.has(id)).length
    expect(toAlpha / ids.length).toBeGreaterThan(0.68)
    expect(toAlpha / ids.length).toBeLessThan(0.82)
  })

  it('never sends a message through a second gateway after a timeout: the retry goes back to the first', async () => {
    // Each gateway takes a new message at once but answers only after our timeout (alpha 1 s, beta 2 s);
    // the retry, with the same idempotency key, it answers at once — as a gateway that dedupes does.
    const slowFirstTime = (gateway: FakeSmsGateway) => (request: { idempotencyKey: string | undefined }) =>
      gateway.accepted.has(request.idempotencyKey ?? '') ? accept() : { ...accept(), delayMs: 2500 }
    alpha.answer = slowFirstTime(alpha)
    beta.answer = slowFirstTime(beta)
    // Not so few errors that these timeouts demote a provider: a demoted one's retries do move.
    const sms = router({ deliveryDeadlineMs: 600_000, maxConsecutiveErrors: 50 })
    expect(sms.maxSendMs).toBe(1000 + 2000) // for the dispatcher's sweeper check: every gateway in turn
    const ids = await queue(7, 12)
    allIds.push(...ids)
    await drain(sms, 12)
    for (const id of ids) {
      const acceptedBy = [alpha, beta].filter((gateway) => gateway.accepted.has(id))
      expect(acceptedBy, id).toHaveLength(1)
      const other = acceptedBy[0] === alpha ? beta : alpha
      expect(requestsFor(other, [id]), id).toBe(0)
    }
    // Both gateways had some of them: the first choice is by hash, not always alpha.
    expect(ids.some((id) => alpha.accepted.has(id))).toBe(true)
    expect(ids.some((id) => beta.accepted.has(id))).toBe(true)
    alpha.answer = accept
    beta.answer = accept
  })

  it('lost nothing: every message was accepted by exactly one provider, as the outbox records', async () => {
    await Promise.all(receipts)
    const rows = await t.database.db
      .select({ id: messages.id, status: messages.status, provider: messages.provider })
      .from(messages)
      .where(inArray(messages.id, allIds))
    expect(rows).toHaveLength(allIds.length)
    for (const row of rows) {
      const acceptedBy = [alpha, beta].filter((gateway) => gateway.accepted.has(row.id))
      expect(acceptedBy, row.id).toHaveLength(1)
      expect(['sent', 'delivered']).toContain(row.status)
      expect(row.provider).toBe(acceptedBy[0] === alpha ? 'alpha' : 'beta')
    }
    // Beta sent receipts for everything it accepted; every one of those is delivered.
    expect(rows.filter((row) => row.provider === 'beta').every((row) => row.status === 'delivered')).toBe(
      true,
    )
  })

  it('never logged a phone number or a message text', () => {
    const output = logLines.join('')
    expect(output).toContain('sms provider demoted')
    expect(output).not.toContain(PHONE)
    expect(output).not.toContain('84987654321')
    expect(output).not.toContain('551234')
  })
})

describe('failover only on a clear refusal', () => {
  const id = messageId(8, 1)
  function scripted(name: string, answers: SendResultScript[]) {
    const calls: string[] = []
    const transport: RoutedTransport = {
      name,
      send: async (sms) => {
        calls.push(sms.messageId)
        const next = answers.shift() ?? 'accepted'
        if (next === 'accepted') return { outcome: 'accepted', provider: name }
        return {
          outcome: 'retry',
          provider: name,
          reason: next,
          ...(next === 'refused' ? { failover: true } : {}),
        }
      },
    }
    return { transport, calls }
  }
  function setup(first: SendResultScript[], second: SendResultScript[]) {
    // Which of the two ranks first for this id, so that the test never depends on the hash.
    const order = routePlan(id, [stub('one'), stub('two')], healthyView(['one', 'two'])).map(
      (p) => p.transport.name,
    )
    const a = scripted(order[0] as string, first)
    const b = scripted(order[1] as string, second)
    const health = createProviderHealth({
      db: {} as never,
      providers: [a, b].map((p) => ({ name: p.transport.name, judgedByDelivery: false })),
      settings: { maxConsecutiveErrors: 3 },
    })
    const router = createSmsRouter({
      providers: [
        { transport: a.transport, weight: 1 },
        { transport: b.transport, weight: 1 },
      ],
      health,
    })
    return { router, a, b, health }
  }
  const stub = (name: string): RoutedProvider => ({ transport: stubTransport(name), weight: 1 })
  const sms = { messageId: id, to: PHONE, text: TEXT, kind: 'otp' }

  it('does not try a second provider after an ambiguous failure (timeout, 502, 504)', async () => {
    const { router, a, b } = setup(['timeout'], [])
    expect(await router.send(sms)).toMatchObject({ outcome: 'retry', provider: a.transport.name })
    expect(b.calls).toHaveLength(0)
    expect(await router.send(sms)).toMatchObject({ outcome: 'accepted', provider: a.transport.name })
    expect(b.calls).toHaveLength(0)
  })

  it('moves at once to the next provider on a clear refusal', async () => {
    const { router, a, b } = setup(['refused'], [])
    expect(await router.send(sms)).toMatchObject({ outcome: 'accepted', provider: b.transport.name })
    expect(a.calls).toHaveLength(1)
  })

  it('sends the retry back to the provider whose answer was unclear, not to the first in the ranking', async () => {
    const { router, a, b } = setup(['refused', 'accepted'], ['timeout'])
    expect(await router.send(sms)).toMatchObject({ outcome: 'retry', provider: b.transport.name })
    expect(await router.send(sms)).toMatchObject({ outcome: 'accepted', provider: b.transport.name })
    expect(a.calls).toHaveLength(1)
    expect(b.calls).toHaveLength(2)
  })

  it('moves the retry elsewhere once that provider has been demoted', async () => {
    const { router, a, b, health } = setup(['timeout'], [])
    await router.send(sms)
    health.recordFailure(a.transport.name)
    health.recordFailure(a.transport.name)
    expect(health.view().find((p) => p.name === a.transport.name)?.healthy).toBe(false)
    expect(await router.send(sms)).toMatchObject({ outcome: 'accepted', provider: b.transport.name })
  })
})

type SendResultScript = 'accepted' | 'timeout' | 'refused'

describe('provider health cool-down', () => {
  it('demotes after consecutive errors and takes the provider back after the cool-down', async () => {
    let now = new Date('2026-01-01T00:00:00Z')
    const health = createProviderHealth({
      db: {} as never, // no provider is judged by delivery: the database is never read
      providers: [{ name: 'alpha', judgedByDelivery: false }],
      settings: { maxConsecutiveErrors: 2, cooldownMs: 60_000, refreshMs: 1_000 },
      clock: () => now,
    })
    health.recordFailure('alpha')
    health.recordSuccess('alpha')
    health.recordFailure('alpha')
    expect(health.view()[0]?.healthy).toBe(true)
    health.recordFailure('alpha')
    expect(health.view()[0]).toMatchObject({ healthy: false, reason: 'errors' })
    now = new Date(now.getTime() + 59_000)
    await health.ensureFresh()
    expect(health.view()[0]?.healthy).toBe(false)
    now = new Date(now.getTime() + 1_000)
    await health.ensureFresh()
    expect(health.view()[0]).toMatchObject({ healthy: true, reason: null, consecutiveErrors: 0 })
  })
})
