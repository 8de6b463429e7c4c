import { and, desc, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import {
  ensureStaffAccount,
  sessionCookieOf,
  signInStaff,
  testStaffPassword,
  testTotpSecret,
} from '../../../test/staff'
import { auditLog, staffAccounts, staffRecoveryCodes, staffSessions } from '../../db/schema'
import { demoAccounts } from '../registry/demo-population/well-known'
import { createStaffAccount } from './accounts'
import { staffTestApp } from './staff-test-setup'
import { totpCode } from './staff-totp'

const MINUTE = 60_000
const login = '/api/v1/staff/auth/login'

describe.each(testBackends())('staff sign-in on %s', (backend) => {
  const test = staffTestApp(backend)
  const { post, get, later } = test

  async function lastAudit(action: string) {
    const [row] = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, action))
      .orderBy(desc(auditLog.id))
      .limit(1)
    return row
  }

  /** Password step only: the pending session's cookie and CSRF header. */
  async function passwordStep(username: string, password = testStaffPassword) {
    const answer = await post(login, { username, password })
    expect(answer.statusCode, answer.body).toBe(200)
    return { answer, headers: { cookie: sessionCookieOf(answer), 'x-ansinh-csrf': answer.json().csrfToken } }
  }

  it('answers a wrong password exactly like an unknown username, and records both', async () => {
    const { id } = await ensureStaffAccount(test.app, 'q5.reviewer')
    const wrong = await post(login, { username: 'q5.reviewer', password: 'not-the-password' })
    const unknown = await post(login, { username: 'nobody.here', password: 'not-the-password' })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.body).toBe(unknown.body)
    expect(wrong.json().error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    })
    expect(wrong.cookies).toEqual([])
    const failures = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'staff.sign_in_failed'))
      .orderBy(desc(auditLog.id))
      .limit(2)
    expect(failures.map((row) => row.detail)).toEqual([
      { reason: 'unknown_user' },
      { reason: 'wrong_password' },
    ])
    // Recorded under the account's office, so its administrators see attempts on it; an unknown
    // username belongs to no office.
    expect(failures[1]).toMatchObject({
      recordType: 'staff_account',
      recordId: String(id),
      ip: '127.0.0.1',
      officeCode: '07915',
    })
    expect(failures[0]?.officeCode).toBeNull()
    // The password typed is never recorded, nor the unknown username.
    expect(JSON.stringify(failures)).not.toMatch(/not-the-password|nobody/)
    await test.database.db.update(staffAccounts).set({ failedSignIns: 0 }).where(eq(staffAccounts.id, id))
  })

  it('locks the account for 15 minutes after 5 wrong passwords, saying until when', async () => {
    await ensureStaffAccount(test.app, 'dongda.reviewer')
    for (let i = 0; i < 4; i += 1)
      expect((await post(login, { username: 'dongda.reviewer', password: `wrong-${i}` })).statusCode).toBe(
        401,
      )
    const fifth = await post(login, { username: 'dongda.reviewer', password: 'wrong-5' })
    expect(fifth.statusCode).toBe(429)
    // 02:00Z + 15 min is 09:15 in Vietnam.
    expect(fifth.json().error.message).toBe(
      'Tài khoản tạm bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau 09:15 ngày 01/12/2026.',
    )
    const english = await test.app.inject({
      method: 'POST',
      url: login,
      payload: { username: 'dongda.reviewer', password: testStaffPassword },
      headers: { 'accept-language': 'en' },
    })
    expect(english.statusCode).toBe(429)
    expect(english.json().error.message).toContain('try again after 09:15 on 01/12/2026')
    expect(await lastAudit('staff.sign_in_failed')).toMatchObject({ detail: { reason: 'locked' } })

    later(15 * MINUTE + 1000)
    const { answer } = await passwordStep('dongda.reviewer')
    expect(answer.json()).toMatchObject({ next: 'totp' })
  })

  it('refuses an account an administrator locked, but tells only who knows the password', async () => {
    const { id } = await ensureStaffAccount(test.app, 'locked.person', {
      role: 'reviewer',
      officeCode: '07915',
    })
    await test.database.db.update(staffAccounts).set({ status: 'locked' }).where(eq(staffAccounts.id, id))
    const wrong = await post(login, { username: 'locked.person', password: 'guess' })
    expect(wrong.statusCode).toBe(401)
    const right = await post(login, { username: 'locked.person', password: testStaffPassword })
    expect(right.statusCode).toBe(403)
    expect(right.json().error.message).toContain('Tài khoản đã bị khóa')
    expect(await lastAudit('staff.sign_in_failed')).toMatchObject({ detail: { reason: 'account_locked' } })
  })

  it('sets an HttpOnly, SameSite=Strict session cookie on path / (not Secure over plain http)', async () => {
    const { answer } = await passwordStep('q5.reviewer')
    const [cookie] = answer.cookies
    expect(cookie).toMatchObject({ name: 'ansinh_staff', httpOnly: true, sameSite: 'Strict', path: '/' })
    expect(cookie?.secure).toBeUndefined()
    expect(cookie?.value).toMatch(/^[\w-]{43}$/)
    // Only the token's SHA-256 is stored.
    const stored = await test.database.db.select({ hash: staffSessions.tokenHash }).from(staffSessions)
    expect(stored.map((row) => row.hash)).not.toContain(cookie?.value)
  })

  it('requires the second factor before any staff route', async () => {
    const { headers } = await passwordStep('q5.reviewer')
    const me = await get('/api/v1/staff/auth/me', headers)
    expect(me.statusCode).toBe(401)
    expect(me.json().error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Vui lòng nhập mã xác thực hai lớp để hoàn tất đăng nhập.',
    })
    expect((await get('/api/v1/staff/accounts', headers)).statusCode).toBe(401)
    expect(await lastAudit('staff.sign_in')).toMatchObject({ actorKind: 'staff', detail: { next: 'totp' } })
  })

  it('signs in with a TOTP code under a new cookie; the pending one is worth nothing after', async () => {
    const { headers } = await passwordStep('q5.reviewer')
    const answer = await post(
      '/api/v1/staff/auth/totp',
      { code: totpCode(testSecretOf('q5.reviewer'), test.now()) },
      headers,
    )
    expect(answer.statusCode, answer.body).toBe(200)
    expect(answer.json()).toMatchObject({
      username: 'q5.reviewer',
      fullName: 'Phạm Thị Lan',
      officeCode: '07915',
      officeName: expect.stringContaining('Quận 5'),
      role: 'reviewer',
      csrfToken: expect.any(String),
    })
    const active = { cookie: sessionCookieOf(answer), 'x-ansinh-csrf': answer.json().csrfToken }
    expect(active.cookie).not.toBe(headers.cookie)
    const me = await get('/api/v1/staff/auth/me', active)
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ username: 'q5.reviewer', csrfToken: active['x-ansinh-csrf'] })
    expect((await get('/api/v1/staff/auth/me', headers)).statusCode).toBe(401)
    expect(await lastAudit('staff.second_factor')).toMatchObject({
      actorKind: 'staff',
      detail: { method: 'totp' },
    })
  })

  it('refuses a TOTP code used once already', async () => {
    const secret = testSecretOf('hcm.admin')
    await ensureStaffAccount(test.app, 'hcm.admin')
    later(30_000)
    const code = totpCode(secret, test.now())
    const first = await passwordStep('hcm.admin')
    expect((await post('/api/v1/staff/auth/totp', { code }, first.headers)).statusCode).toBe(200)
    const second = await passwordStep('hcm.admin')
    const replayed = await post('/api/v1/staff/auth/totp', { code }, second.headers)
    expect(replayed.statusCode).toBe(400)
    expect(replayed.json().error).toMatchObject({
      code: 'OTP_INVALID',
      message: expect.stringContaining('đã được dùng'),
    })
    expect(await lastAudit('staff.second_factor_failed')).toMatchObject({
      detail: { method: 'totp', reason: 'replayed' },
    })
    // The next step's code is fine.
    later(30_000)
    const next = await post('/api/v1/staff/auth/totp', { code: totpCode(secret, test.now()) }, second.headers)
    expect(next.statusCode, next.body).toBe(200)
  })

  it('accepts a code of the step before or after (clock drift), not two steps away', async () => {
    const secret = testSecretOf('vss.admin')
    await ensureStaffAccount(test.app, 'vss.admin')
    later(90_000)
    const { headers } = await passwordStep('vss.admin')
    const far = await post(
      '/api/v1/staff/auth/totp',
      { code: totpCode(secret, new Date(test.now().getTime() - 61_000)) },
      headers,
    )
    expect(far.statusCode).toBe(400)
    const near = await post(
      '/api/v1/staff/auth/totp',
      { code: totpCode(secret, new Date(test.now().getTime() - 30_000)) },
      headers,
    )
    expect(near.statusCode, near.body).toBe(200)
  })

  it('enrols a new staff member at the first sign-in; recovery codes work once each', async () => {
    await createStaffAccount(test.database.db, {
      username: 'new.reviewer',
      fullName: 'Trần Thị Mới',
      officeCode: '07915',
      role: 'reviewer',
      password: testStaffPassword,
    })
    const { answer, headers } = await passwordStep('new.reviewer')
    const { next, secret, otpauthUri } = answer.json()
    expect(next).toBe('enrol')
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*new\.reviewer\?.*secret=/)
    expect(decodeURIComponent(otpauthUri)).toContain('issuer=BHXH số')
    // Enrolment is not the TOTP step, and the secret is not enabled before it is confirmed.
    expect(
      (await post('/api/v1/staff/auth/totp', { code: totpCode(secret, test.now()) }, headers)).statusCode,
    ).toBe(401)
    const [pending] = await test.database.db
      .select()
      .from(staffAccounts)
      .where(eq(staffAccounts.username, 'new.reviewer'))
    expect(pending?.totpEnabledAt).toBeNull()
    expect(pending?.totpSecret).not.toContain(secret)

    const wrong = await post(
      '/api/v1/staff/auth/enrol',
      { code: otherCode(totpCode(secret, test.now())) },
      headers,
    )
    expect(wrong.statusCode).toBe(400)
    const enrolled = await post('/api/v1/staff/auth/enrol', { code: totpCode(secret, test.now()) }, headers)
    expect(enrolled.statusCode, enrolled.body).toBe(200)
    const { recoveryCodes } = enrolled.json()
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    expect(await lastAudit('staff.enrolled')).toMatchObject({
      actorKind: 'staff',
      detail: { recoveryCodes: 10 },
    })
    const stored = await test.database.db
      .select({ hash: staffRecoveryCodes.codeHash })
      .from(staffRecoveryCodes)
      .where(eq(staffRecoveryCodes.staffId, pending?.id ?? 0))
    expect(stored).toHaveLength(10)
    expect(stored.map((row) => row.hash)).not.toContain(recoveryCodes[0])
    const active = { cookie: sessionCookieOf(enrolled), 'x-ansinh-csrf': enrolled.json().csrfToken }
    expect((await get('/api/v1/staff/auth/me', active)).statusCode).toBe(200)

    // A recovery code instead of the authenticator, typed in upper case without dashes: once.
    const recovery = String(recoveryCodes[3]).replaceAll('-', '').toUpperCase()
    const again = await passwordStep('new.reviewer')
    const used = await post('/api/v1/staff/auth/totp', { recoveryCode: recovery }, again.headers)
    expect(used.statusCode, used.body).toBe(200)
    expect(await lastAudit('staff.second_factor')).toMatchObject({
      detail: { method: 'recovery_code', recoveryCodesLeft: 9 },
    })
    const third = await passwordStep('new.reviewer')
    const reused = await post('/api/v1/staff/auth/totp', { recoveryCode: recovery }, third.headers)
    expect(reused.statusCode).toBe(400)
    expect(reused.json().error.fields).toHaveProperty('recoveryCode')
    expect(await lastAudit('staff.second_factor_failed')).toMatchObject({
      detail: { method: 'recovery_code', reason: 'wrong_code' },
    })
  })

  it('locks the account after 5 wrong codes and ends the pending session', async () => {
    const { id } = await ensureStaffAccount(test.app, 'code.guesser', {
      role: 'reviewer',
      officeCode: '07915',
    })
    const { headers } = await passwordStep('code.guesser')
    const wrongCode = otherCode(totpCode(testTotpSecret, test.now()))
    for (let i = 0; i < 4; i += 1)
      expect((await post('/api/v1/staff/auth/totp', { code: wrongCode }, headers)).statusCode).toBe(400)
    const fifth = await post('/api/v1/staff/auth/totp', { code: wrongCode }, headers)
    expect(fifth.statusCode).toBe(429)
    expect(fifth.json().error.message).toContain('Vui lòng thử lại sau')
    expect(
      (await post('/api/v1/staff/auth/totp', { code: totpCode(testTotpSecret, test.now()) }, headers))
        .statusCode,
    ).toBe(401)
    expect((await post(login, { username: 'code.guesser', password: testStaffPassword })).statusCode).toBe(
      429,
    )
    const open = await test.database.db
      .select()
      .from(staffSessions)
      .where(and(eq(staffSessions.staffId, id), isNull(staffSessions.endedAt)))
    expect(open).toHaveLength(0)
    expect(await lastAudit('staff.second_factor_failed')).toMatchObject({
      detail: { method: 'totp', reason: 'wrong_code', lockedUntil: expect.any(String) },
    })
  })

  it('ends a session after 30 idle minutes; activity keeps it alive', async () => {
    const { headers } = await signInStaff(test.app, 'q5.reviewer')
    later(29 * MINUTE)
    expect((await get('/api/v1/staff/auth/me', headers)).statusCode).toBe(200)
    later(29 * MINUTE)
    expect((await get('/api/v1/staff/auth/me', headers)).statusCode).toBe(200)
    later(31 * MINUTE)
    expect((await get('/api/v1/staff/auth/me', headers)).statusCode).toBe(401)
    expect(await lastAudit('staff.session_expired')).toMatchObject({
      detail: { reason: 'idle', stage: 'active' },
    })
    // Ended for good: coming back does not revive it.
    expect((await get('/api/v1/staff/auth/me', headers)).statusCode).toBe(401)
  })

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const { headers } = await signInStaff(test.app, 'q5.reviewer')
    for (let minutes = 0; minutes < 12 * 60 - 25; minutes += 25) {
      later(25 * MINUTE)
      expect((await get('/api/v1/staff/auth/me', headers)).statusCode).toBe(200)
    }
    later(25 * MINUTE)
    expect((await get('/api/v1/staff/auth/me', headers)).statusCode).toBe(401)
    expect(await lastAudit('staff.session_expired')).toMatchObject({ detail: { reason: 'max_age' } })
  })

  it('refuses a state-changing request without the CSRF header, or with a wrong one', async () => {
    const admin = await signInStaff(test.app, 'hcm.admin')
    const { id } = await ensureStaffAccount(test.app, 'q5.reviewer')
    const url = `/api/v1/staff/accounts/${id}/lock`
    const missing = await post(url, {}, { cookie: admin.cookie })
    expect(missing.statusCode).toBe(403)
    expect(missing.json().error.code).toBe('FORBIDDEN')
    expect(
      (await post(url, {}, { cookie: admin.cookie, 'x-ansinh-csrf': `${admin.csrfToken}x` })).statusCode,
    ).toBe(403)
    expect(await lastAudit('staff.csrf_refused')).toMatchObject({
      staffId: admin.staff.id,
      detail: { method: 'POST' },
    })
    // Reads need no CSRF token; the logout does.
    expect((await get('/api/v1/staff/auth/me', { cookie: admin.cookie })).statusCode).toBe(200)
    expect((await post('/api/v1/staff/auth/logout', {}, { cookie: admin.cookie })).statusCode).toBe(403)
    const [account] = await test.database.db.select().from(staffAccounts).where(eq(staffAccounts.id, id))
    expect(account?.status).toBe('active')
  })

  it('signs out: the session ends and the cookie is cleared', async () => {
    const { headers, staff } = await signInStaff(test.app, 'q5.reviewer')
    const out = await post('/api/v1/staff/auth/logout', {}, headers)
    expect(out.statusCode).toBe(204)
    expect(out.cookies.find((cookie) => cookie.name === 'ansinh_staff')?.value).toBe('')
    expect((await get('/api/v1/staff/auth/me', headers)).statusCode).toBe(401)
    expect(await lastAudit('staff.sign_out')).toMatchObject({
      staffId: staff.id,
      detail: { stage: 'active' },
    })
    // Signing out again, or without a session, is no error.
    expect((await post('/api/v1/staff/auth/logout', {}, headers)).statusCode).toBe(204)
    expect((await post('/api/v1/staff/auth/logout', {})).statusCode).toBe(204)
  })

  it('answers 404 to a staff member whose role does not reach the route', async () => {
    const reviewer = await signInStaff(test.app, 'q5.reviewer')
    const list = await get('/api/v1/staff/accounts', reviewer.headers)
    expect(list.statusCode).toBe(404)
    expect(list.json().error.code).toBe('NOT_FOUND')
    expect(await lastAudit('staff.access_denied')).toMatchObject({
      staffId: reviewer.staff.id,
      detail: { method: 'GET', route: '/api/v1/staff/accounts' },
    })
  })

  it('answers 401 without a cookie, or with one the server never issued', async () => {
    expect((await get('/api/v1/staff/auth/me')).statusCode).toBe(401)
    expect((await get('/api/v1/staff/auth/me', { cookie: 'ansinh_staff=forged' })).statusCode).toBe(401)
    expect((await post('/api/v1/staff/auth/totp', { code: '123456' })).statusCode).toBe(401)
  })
})

/** A 6-digit code that is not `code`. */
function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0')
}

function testSecretOf(username: string): string {
  return demoAccounts.staff.find((account) => account.username === username)?.totpSecret ?? testTotpSecret
}

describe('staff session cookie behind https', () => {
  it('is Secure when PUBLIC_URL is https', async () => {
    const test = await createTestApp({ env: { PUBLIC_URL: 'https://dichvucong.example.vn' } })
    try {
      await ensureStaffAccount(test.app, 'q5.reviewer')
      const answer = await test.app.inject({
        method: 'POST',
        url: login,
        payload: { username: 'q5.reviewer', password: testStaffPassword },
      })
      expect(answer.cookies[0]).toMatchObject({ name: 'ansinh_staff', secure: true, httpOnly: true })
    } finally {
      await test.close()
    }
  })
})

describe('staff sign-in rate limit', () => {
  it('limits each sign-in step per client address', async () => {
    const test = await createTestApp({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '2' } })
    try {
      const attempt = () =>
        test.app.inject({ method: 'POST', url: login, payload: { username: 'nobody', password: 'x' } })
      expect((await attempt()).statusCode).toBe(401)
      expect((await attempt()).statusCode).toBe(401)
      const limited = await attempt()
      expect(limited.statusCode).toBe(429)
      expect(limited.json().error.code).toBe('RATE_LIMITED')
    } finally {
      await test.close()
    }
  })
})
