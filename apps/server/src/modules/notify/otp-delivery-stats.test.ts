import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { messages } from '../../db/schema/notify'
import { otpDeliveryShareSource, otpDeliveryStats } from './otp-delivery-stats'

const now = new Date()
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000)
const after = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000)

type Row = typeof messages.$inferInsert
const sms = (values: Partial<Row>): Row => ({
  kind: 'otp',
  channel: 'sms',
  recipient: '0912345678',
  body: 'Mã OTP 123456',
  status: 'sent',
  ...values,
})
const delivered = (provider: string, createdSecondsAgo: number, tookSeconds: number, kind = 'otp'): Row => {
  const createdAt = ago(createdSecondsAgo)
  return sms({
    kind,
    provider,
    status: 'delivered',
    createdAt,
    sentAt: after(createdAt, 0.5),
    deliveredAt: after(createdAt, tookSeconds),
  })
}

describe.each(testBackends())('OTP delivery figures on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    // The gauge reads with the app's clock: fixed at `now`, so a slow run cannot age the rows it counts.
    t = await createTestApp({ backend, clock: () => now })
  })
  afterAll(async () => t?.close())

  it('has no share when no OTP was sent', async () => {
    const stats = await otpDeliveryStats(t.database.db, ago(3600), now)
    expect(stats).toMatchObject({ total: 0, shareWithin10s: null, byProvider: [] })
  })

  it('counts OTPs delivered within 10 s of being requested, overall and per provider', async () => {
    await t.database.db.insert(messages).values([
      delivered('alpha', 300, 3), // in time
      delivered('alpha', 300, 30), // late
      delivered('beta', 600, 9.5), // in time, queueing included
      delivered('beta', 900, 2), // in time
      sms({ provider: 'beta', createdAt: ago(400), sentAt: ago(399) }), // no receipt yet
      sms({ status: 'failed', failureKind: 'rejected', createdAt: ago(200) }), // never accepted
      // Not counted:
      sms({ status: 'failed', failureKind: 'rate_limited', createdAt: ago(100) }), // our own limit
      delivered('alpha', 5, 1), // requested 5 s ago: can still make it
      delivered('alpha', 7200, 1), // before `since`
      delivered('alpha', 300, 1, 'otpx'),
      delivered('alpha', 300, 1, 'dossier_received'),
      { ...delivered('alpha', 300, 1), channel: 'email', recipient: 'a@example.vn' },
    ])
    const stats = await otpDeliveryStats(t.database.db, ago(3600), now)
    expect(stats).toMatchObject({
      total: 6,
      delivered: 4,
      deliveredWithin10s: 3,
      failed: 1,
      pending: 1,
      shareWithin10s: 0.5,
    })
    expect(stats.p50Seconds).toBeCloseTo(6.25, 5) // of 2, 3, 9.5, 30
    expect(stats.byProvider).toEqual([
      expect.objectContaining({ provider: 'alpha', total: 2, deliveredWithin10s: 1, shareWithin10s: 0.5 }),
      expect.objectContaining({ provider: 'beta', total: 3, deliveredWithin10s: 2, pending: 1 }),
      expect.objectContaining({ provider: null, total: 1, failed: 1, shareWithin10s: 0 }),
    ])
    const recent = await otpDeliveryStats(t.database.db, ago(350), now)
    expect(recent.total).toBe(3)
  })

  it('feeds the metrics gauge, read at most once per refresh interval', async () => {
    const text = (await t.app.inject('/metrics')).body
    expect(text).toMatch(/^ansinh_otp_sms_delivered_within_10s_ratio 0\.5$/m)

    let calls = 0
    let clock = now
    const counting = {
      ...t.database.db,
      execute: (...args: Parameters<typeof t.database.db.execute>) => {
        calls++
        return t.database.db.execute(...args)
      },
    } as typeof t.database.db
    const source = otpDeliveryShareSource(counting, () => clock, { refreshMs: 30_000 })
    expect(await source()).toBe(0.5)
    expect(await source()).toBe(0.5)
    expect(calls).toBe(1)
    clock = after(now, 31)
    await source()
    expect(calls).toBe(2)
  })
})
