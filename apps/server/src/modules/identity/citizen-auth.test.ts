import { hash } from '@node-rs/argon2'
import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import {
  type CitizenTestSession,
  citizenSessionOf,
  createTestCitizen,
  type TestCitizen,
} from '../../../test/citizen'
import { testBackends } from '../../../test/database'
import { lastCodeSentTo } from '../../../test/registration'
import { auditLog, citizenAccounts, citizenSessions, messages } from '../../db/schema'
import { seedDemo } from '../registry/demo-population/seed-demo'
import { demoAccounts } from '../registry/demo-population/well-known'
import { needsRehash, verifyPassword } from './password'
import { csrfTokenFor, hashSessionToken } from './session-tokens'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

describe.each(testBackends())('citizen sign-in on %s', (backend) => {
  let test: TestApp
  // The demo account's password was set at seeding, a moment ago: the clock starts now.
  let now = new Date()

  beforeAll(async () => {
    test = await createTestApp({
      backend,
      clock: () => now,
      env: {
        RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000',
        OTP_SMS_PER_HOUR: '1000',
        MESSAGES_PER_RECIPIENT_PER_HOUR: '1000',
      },
    })
    await seedDemo(test.database, { people: 0, totpKey: Buffer.alloc(32, 7) })
  })
  afterAll(async () => test?.close())

  const later = (ms: number) => {
    now = new Date(now.getTime() + ms)
  }
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    test.app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers })
  const get = (url: string, headers: Record<string, string> = {}) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers })

  type Session = CitizenTestSession
  const sessionOf = citizenSessionOf
  async function signIn(username: string, password: string, deviceId = 'device-phone-1'): Promise<Session> {
    const answer = await post('/auth/login', { username, password, deviceId, deviceName: 'Android' })
    expect(answer.statusCode, answer.body).toBe(200)
    return sessionOf(answer)
  }
  const messagesTo = async (to: string, kind?: string) => {
    const [row] = await test.database.db
      .select({ n: count() })
      .from(messages)
      .where(and(eq(messages.recipient, to), kind ? eq(messages.kind, kind) : undefined))
    return row?.n ?? 0
  }

  it('signs the demo citizen in with the BHXH code, then with the personal ID', async () => {
    const { username, password, personalId, fullName } = demoAccounts.citizen
    const answer = await post('/auth/login', { username, password, deviceId: 'demo-device-1' })
    expect(answer.statusCode, answer.body).toBe(200)
    expect(answer.json()).toMatchObject({
      account: { bhxhCode: username, fullName, mustChangePassword: false, passwordExpired: false },
      csrfToken: expect.any(String),
    })
    const cookie = answer.cookies.find((set) => set.name === 'ansinh_citizen')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    const { headers } = sessionOf(answer)
    const me = await get('/auth/me', headers)
    expect(me.statusCode).toBe(200)
    expect(me.json().account.bhxhCode).toBe(username)

    // The same device signing in again replaces its session: no device-change step.
    const byId = await post('/auth/login', { username: personalId, password, deviceId: 'demo-device-1' })
    expect(byId.statusCode, byId.body).toBe(200)
    expect((await get('/auth/me', headers)).statusCode).toBe(401)
  })

  it('answers a wrong password exactly like an unknown username, and audits neither', async () => {
    const citizen = await createTestCitizen(test.database)
    const wrong = await post('/auth/login', {
      username: citizen.bhxhCode,
      password: 'Not-the-password1',
      deviceId: 'device-x-1',
    })
    const unknown = await post('/auth/login', {
      username: '7999999999',
      password: 'Not-the-password1',
      deviceId: 'device-x-1',
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.body).toBe(unknown.body)
    expect(wrong.json().error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    })
    expect(wrong.cookies).toEqual([])
    const [audited] = await test.database.db.select({ n: count() }).from(auditLog)
    expect(audited?.n).toBe(0)
  })

  it('refuses a username that is neither a BHXH code nor a personal ID with a field message', async () => {
    const answer = await post('/auth/login', { username: 'abc', password: 'x', deviceId: 'device-x-1' })
    expect(answer.statusCode).toBe(400)
    expect(answer.json().error.fields.username).toBeDefined()
  })

  it('locks the account after 5 wrong passwords, says until when, and unlocks after 15 minutes', async () => {
    const citizen = await createTestCitizen(test.database)
    const attempt = (password: string) =>
      post('/auth/login', { username: citizen.bhxhCode, password, deviceId: 'device-lock-1' })
    for (let i = 1; i <= 4; i += 1) expect((await attempt(`Wrong-pass${i}`)).statusCode).toBe(401)
    const fifth = await attempt('Wrong-pass5')
    expect(fifth.statusCode).toBe(429)
    expect(fifth.json().error.code).toBe('RATE_LIMITED')
    expect(fifth.json().error.message).toMatch(
      /Tài khoản tạm bị khóa .* sau \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}\./,
    )
    // Even the right password waits for the lock to end.
    expect((await attempt(citizen.password)).statusCode).toBe(429)
    later(15 * MINUTE + 1000)
    expect((await attempt(citizen.password)).statusCode).toBe(200)
    const [row] = await test.database.db
      .select({ failed: citizenAccounts.failedSignIns, lockedUntil: citizenAccounts.lockedUntil })
      .from(citizenAccounts)
      .where(eq(citizenAccounts.id, citizen.accountId))
    expect(row).toEqual({ failed: 0, lockedUntil: null })
  })

  it('upgrades a hash made with older argon2 parameters at sign-in', async () => {
    const citizen = await createTestCitizen(test.database)
    const weak = await hash(citizen.password, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 })
    await test.database.db
      .update(citizenAccounts)
      .set({ passwordHash: weak })
      .where(eq(citizenAccounts.id, citizen.accountId))
    expect(needsRehash(weak)).toBe(true)
    await signIn(citizen.bhxhCode, citizen.password, 'device-rehash-1')
    const [row] = await test.database.db
      .select({ hash: citizenAccounts.passwordHash })
      .from(citizenAccounts)
      .where(eq(citizenAccounts.id, citizen.accountId))
    expect(row?.hash).not.toBe(weak)
    expect(needsRehash(row?.hash ?? '')).toBe(false)
    expect(await verifyPassword(row?.hash ?? '', citizen.password)).toBe(true)
  })

  it('moves to a second device only after an OTP; the first device is told it was signed in elsewhere', async () => {
    const citizen = await createTestCitizen(test.database)
    const first = await signIn(citizen.bhxhCode, citizen.password, 'device-first-1')
    const body = { username: citizen.bhxhCode, password: citizen.password, deviceId: 'device-second-1' }
    const refused = await post('/auth/login', { ...body, deviceName: 'iPhone 15' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('DEVICE_CHANGE_OTP_REQUIRED')
    expect(refused.json().error.message).toMatch(/thiết bị kia sẽ bị đăng xuất/)
    expect(refused.cookies).toEqual([])
    // The first device is still signed in until the OTP comes back.
    expect((await get('/auth/me', first.headers)).statusCode).toBe(200)

    const started = await post('/auth/device-change', { ...body, deviceName: 'iPhone 15' })
    expect(started.statusCode, started.body).toBe(201)
    expect(started.json()).toMatchObject({
      requestId: expect.any(String),
      sentTo: `090****${citizen.phone?.slice(-3)}`,
    })
    const { requestId } = started.json()
    const wrong = await post(`/auth/device-change/${requestId}/confirm`, { otp: '000000' })
    expect([400, 410]).toContain(wrong.statusCode)
    const otp = await lastCodeSentTo(test.database, citizen.phone ?? '')
    const confirmed = await post(`/auth/device-change/${requestId}/confirm`, { otp })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    const second = sessionOf(confirmed)
    expect((await get('/auth/me', second.headers)).statusCode).toBe(200)

    const old = await get('/auth/me', first.headers)
    expect(old.statusCode).toBe(401)
    expect(old.json().error).toMatchObject({
      code: 'SIGNED_IN_ELSEWHERE',
      message: expect.stringMatching(/^Tài khoản của bạn vừa đăng nhập trên thiết bị khác/),
    })
    expect(await messagesTo(citizen.phone ?? '', 'device_changed')).toBe(1)
    // The request is spent: the same code opens nothing again.
    expect((await post(`/auth/device-change/${requestId}/confirm`, { otp })).statusCode).toBe(410)
  })

  it('forces the change of a one-time password before anything else, without an OTP', async () => {
    const citizen = await createTestCitizen(test.database, { mustChangePassword: true })
    const answer = await post('/auth/login', {
      username: citizen.bhxhCode,
      password: citizen.password,
      deviceId: 'device-forced-1',
    })
    expect(answer.statusCode).toBe(200)
    expect(answer.json().account.mustChangePassword).toBe(true)
    const { headers } = sessionOf(answer)
    const blocked = await get('/auth/devices', headers)
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED')
    expect((await get('/auth/me', headers)).statusCode).toBe(200)

    const changed = await post(
      '/auth/password',
      { currentPassword: citizen.password, newPassword: 'Mai-Vang#2027' },
      headers,
    )
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().account).toMatchObject({ mustChangePassword: false, passwordExpired: false })
    expect((await get('/auth/devices', headers)).statusCode).toBe(200)
    expect(await messagesTo(citizen.phone ?? '', 'password_changed')).toBe(1)
    // And a copy in the app's "Thông báo".
    const inbox = (await get('/me/inbox', headers)).json()
    expect(inbox.items).toEqual([expect.objectContaining({ kind: 'password_changed', readAt: null })])
  })

  it('refuses weak, common and personal passwords with the rule in the field messages', async () => {
    const citizen = await createTestCitizen(test.database, { mustChangePassword: true })
    const { headers } = await signIn(citizen.bhxhCode, citizen.password, 'device-rule-1')
    const tryPassword = (newPassword: string) =>
      post('/auth/password', { currentPassword: citizen.password, newPassword }, headers)

    const weak = await tryPassword('abc')
    expect(weak.statusCode).toBe(400)
    expect(weak.json().error.fields.newPassword.length).toBeGreaterThanOrEqual(3)
    const common = await tryPassword('Password1!')
    expect(common.statusCode).toBe(400)
    expect(common.json().error.fields.newPassword.join(' ')).toMatch(/phổ biến/)
    const personal = await tryPassword(`Ab!${citizen.bhxhCode}`)
    expect(personal.statusCode).toBe(400)
    expect(personal.json().error.fields.newPassword.join(' ')).toMatch(/mã số BHXH/)

    const wrongCurrent = await post(
      '/auth/password',
      { currentPassword: 'Not-it#2026', newPassword: 'Mai-Vang#2027' },
      headers,
    )
    expect(wrongCurrent.statusCode).toBe(400)
    expect(wrongCurrent.json().error.fields.currentPassword).toEqual(['Mật khẩu hiện tại không đúng.'])
  })

  it('changes a password by choice only after an OTP, and ends every other session', async () => {
    const citizen = await createTestCitizen(test.database)
    const current = await signIn(citizen.bhxhCode, citizen.password, 'device-own-1')
    const other = await otherSession(citizen)
    const newPassword = 'Sen-Trang#2027'

    const started = await post(
      '/auth/password',
      { currentPassword: citizen.password, newPassword },
      current.headers,
    )
    expect(started.statusCode, started.body).toBe(201)
    const { requestId } = started.json()
    // Not yet: the old password still signs in elsewhere… until the OTP comes back.
    expect((await get('/auth/me', other.headers)).statusCode).toBe(200)
    const otp = await lastCodeSentTo(test.database, citizen.phone ?? '')
    const confirmed = await post(`/auth/password/${requestId}/confirm`, { otp }, current.headers)
    expect(confirmed.statusCode, confirmed.body).toBe(200)

    expect((await get('/auth/me', current.headers)).statusCode).toBe(200)
    const ended = await get('/auth/me', other.headers)
    expect(ended.statusCode).toBe(401)
    expect(ended.json().error.code).toBe('UNAUTHENTICATED')
    expect(await messagesTo(citizen.phone ?? '', 'password_changed')).toBe(1)
    await post('/auth/logout', {}, current.headers)
    expect(
      (
        await post('/auth/login', {
          username: citizen.bhxhCode,
          password: citizen.password,
          deviceId: 'device-own-1',
        })
      ).statusCode,
    ).toBe(401)
    await signIn(citizen.bhxhCode, newPassword, 'device-own-1')
  })

  it('answers a reset for a known and an unknown username alike, and sends a code only to the known one', async () => {
    const citizen = await createTestCitizen(test.database)
    const signedIn = await signIn(citizen.bhxhCode, citizen.password, 'device-reset-1')
    const before = await messagesTo(citizen.phone ?? '')
    const known = await post('/auth/password-reset', { username: citizen.personalId })
    const unknown = await post('/auth/password-reset', { username: '099000000000' })
    expect(known.statusCode).toBe(202)
    expect(unknown.statusCode).toBe(202)
    const strip = (body: { requestId: string; message: string }) => ({ ...body, requestId: 'id' })
    expect(strip(known.json())).toEqual(strip(unknown.json()))
    expect(known.json().message).toBe(
      'Nếu thông tin đúng, mã OTP đã được gửi tới số điện thoại (hoặc email) đã đăng ký.',
    )
    expect(await messagesTo(citizen.phone ?? '')).toBe(before + 1)

    // A wrong code gets the same answer on the decoy as on the real request.
    const body = { otp: '000000', newPassword: 'Lan-Rung#2027' }
    const wrongKnown = await post(`/auth/password-reset/${known.json().requestId}/confirm`, body)
    const wrongUnknown = await post(`/auth/password-reset/${unknown.json().requestId}/confirm`, body)
    expect(wrongKnown.statusCode).toBe(400)
    expect(wrongKnown.body).toBe(wrongUnknown.body)

    const otp = await lastCodeSentTo(test.database, citizen.phone ?? '')
    const reset = await post(`/auth/password-reset/${known.json().requestId}/confirm`, { ...body, otp })
    expect(reset.statusCode, reset.body).toBe(200)
    expect((await get('/auth/me', signedIn.headers)).statusCode).toBe(401)
    await signIn(citizen.bhxhCode, 'Lan-Rung#2027', 'device-reset-1')
  })

  it('needs the CSRF header on changes made with the cookie', async () => {
    const citizen = await createTestCitizen(test.database)
    const { cookie, headers } = await signIn(citizen.bhxhCode, citizen.password, 'device-csrf-1')
    const body = { currentPassword: citizen.password, newPassword: 'Cuc-Hoa#2027' }
    const noHeader = await post('/auth/password', body, { cookie })
    expect(noHeader.statusCode).toBe(403)
    expect((await post('/auth/password', body, { cookie, 'x-ansinh-csrf': 'forged' })).statusCode).toBe(403)
    expect((await post('/auth/logout', {}, { cookie })).statusCode).toBe(403)
    expect((await get('/auth/me', headers)).statusCode).toBe(200)
  })

  it('signs out, and lists and signs out devices', async () => {
    const citizen = await createTestCitizen(test.database)
    const current = await signIn(citizen.bhxhCode, citizen.password, 'device-list-1')
    const other = await otherSession(citizen)
    const listed = await get('/auth/devices', current.headers)
    expect(listed.statusCode).toBe(200)
    const items = listed.json().items as Array<{ id: string; current: boolean; ip: string | null }>
    expect(items).toHaveLength(2)
    expect(items.filter((item) => item.current)).toHaveLength(1)
    const otherId = items.find((item) => !item.current)?.id
    expect((await post(`/auth/devices/${otherId}/sign-out`, {}, current.headers)).statusCode).toBe(204)
    expect((await get('/auth/me', other.headers)).statusCode).toBe(401)
    expect((await post(`/auth/devices/${otherId}/sign-out`, {}, current.headers)).statusCode).toBe(404)

    const out = await post('/auth/logout', {}, current.headers)
    expect(out.statusCode).toBe(204)
    expect(out.cookies.find((set) => set.name === 'ansinh_citizen')?.value).toBe('')
    const after = await get('/auth/me', current.headers)
    expect(after.statusCode).toBe(401)
    expect(after.json().error.code).toBe('UNAUTHENTICATED')
  })

  it('answers 403 with the way to the office for an account the office locked', async () => {
    const citizen = await createTestCitizen(test.database)
    await test.database.db
      .update(citizenAccounts)
      .set({ status: 'locked' })
      .where(eq(citizenAccounts.id, citizen.accountId))
    const answer = await post('/auth/login', {
      username: citizen.bhxhCode,
      password: citizen.password,
      deviceId: 'device-closed-1',
    })
    expect(answer.statusCode).toBe(403)
    expect(answer.json().error.message).toMatch(/cơ quan BHXH/)
  })

  // Last: it moves the clock half a year.
  it('requires a change once the password is older than 180 days', async () => {
    const citizen = await createTestCitizen(test.database)
    later(181 * DAY)
    const { headers } = await signIn(citizen.bhxhCode, citizen.password, 'device-old-1')
    const me = await get('/auth/me', headers)
    expect(me.json().account).toMatchObject({ mustChangePassword: false, passwordExpired: true })
    const blocked = await get('/auth/devices', headers)
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error).toMatchObject({
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: 'Mật khẩu đã dùng quá 180 ngày. Vui lòng đổi mật khẩu trước khi tiếp tục.',
    })
    const changed = await post(
      '/auth/password',
      { currentPassword: citizen.password, newPassword: 'Dao-Phai#2027' },
      headers,
    )
    expect(changed.statusCode, changed.body).toBe(200)
    expect((await get('/auth/devices', headers)).statusCode).toBe(200)
  })

  /**
   * A second open session of the account, as one left from before the one-device rule or opened by
   * the back-office's tools: written straight to the table, with a token of our own.
   */
  async function otherSession(citizen: TestCitizen): Promise<Session> {
    const token = `other-${citizen.accountId}-${Date.now()}`
    await test.database.db.insert(citizenSessions).values({
      tokenHash: hashSessionToken(token),
      accountId: citizen.accountId,
      deviceId: 'device-tablet-9',
      deviceName: 'Tablet',
      ip: '203.0.113.9',
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + DAY),
    })
    const cookie = `ansinh_citizen=${token}`
    const csrfToken = csrfTokenFor('test-session-secret-test-session-secret', token)
    return { cookie, csrfToken, headers: { cookie, 'x-ansinh-csrf': csrfToken } }
  }
})

describe('citizen sign-in rate limits', () => {
  let test: TestApp
  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '2' } })
  })
  afterAll(async () => test?.close())

  const login = (username: string, remoteAddress: string) =>
    test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'Whatever#2026', deviceId: 'device-rate-1' },
      remoteAddress,
    })

  it('limits each client address', async () => {
    expect((await login('7999000001', '198.51.100.1')).statusCode).toBe(401)
    expect((await login('7999000002', '198.51.100.1')).statusCode).toBe(401)
    expect((await login('7999000003', '198.51.100.1')).statusCode).toBe(429)
  })

  it('limits each username, whatever the address', async () => {
    // 3 × RATE_LIMIT_GUESSABLE_PER_MINUTE an hour: the 7th try of the hour is refused.
    const statuses = []
    for (let i = 1; i <= 7; i += 1)
      statuses.push((await login('7999000009', `198.51.100.${10 + i}`)).statusCode)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429])
  })
})

describe('citizen session cookie behind https', () => {
  let test: TestApp
  beforeAll(async () => {
    test = await createTestApp({ env: { PUBLIC_URL: 'https://ansinh.example.vn' } })
  })
  afterAll(async () => test?.close())

  it('is Secure, HttpOnly and SameSite=Lax', async () => {
    const citizen = await createTestCitizen(test.database)
    const answer = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: citizen.bhxhCode, password: citizen.password, deviceId: 'device-https-1' },
    })
    expect(answer.statusCode).toBe(200)
    expect(answer.cookies.find((set) => set.name === 'ansinh_citizen')).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    })
  })
})
