import { and, desc, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { testBackends } from '../../../test/database'
import {
  type StaffAccountSpec,
  sessionCookieOf,
  signInStaff,
  testStaffPassword,
  testTotpSecret,
} from '../../../test/staff'
import { auditLog, staffAccounts, staffRecoveryCodes, staffSessions } from '../../db/schema'
import { hashSessionToken } from './session-tokens'
import { staffTestApp } from './staff-test-setup'
import { totpCode } from './staff-totp'

const MINUTE = 60_000
const login = '/api/v1/staff/auth/login'
const password = '/api/v1/staff/auth/password'
const recoveryCodes = '/api/v1/staff/auth/recovery-codes'
const me = '/api/v1/staff/auth/me'
const dossiers = '/api/v1/staff/dossiers'
const reviewer: StaffAccountSpec = { role: 'reviewer', officeCode: '07915' }
const newPassword = 'Sen-Hồng-Tháp-2026'

describe.each(testBackends())("a staff member's own account on %s", (backend) => {
  const test = staffTestApp(backend)
  const { post, get, later } = test
  const accountOf = async (username: string) => {
    const [row] = await test.database.db
      .select()
      .from(staffAccounts)
      .where(eq(staffAccounts.username, username))
    if (!row) throw new Error(`no staff account ${username}`)
    return row
  }
  const auditsOf = (action: string, staffId: number) =>
    test.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.recordId, String(staffId))))
      .orderBy(desc(auditLog.id))

  it('makes an account an administrator creates change its one-time password before any work', async () => {
    const admin = await signInStaff(test.app, 'hcm.admin')
    const created = await post(
      '/api/v1/staff/accounts',
      { username: 'q5.forced', fullName: 'Đỗ Thị Thu', officeCode: '07915', role: 'reviewer' },
      admin.headers,
    )
    expect(created.statusCode, created.body).toBe(201)
    const { oneTimePassword } = created.json()
    expect((await accountOf('q5.forced')).mustChangePassword).toBe(true)

    // Password, then enrolment of the authenticator: the session opens, with the duty told.
    const first = await post(login, { username: 'q5.forced', password: oneTimePassword })
    const pending = { cookie: sessionCookieOf(first), 'x-ansinh-csrf': first.json().csrfToken }
    const enrolled = await post(
      '/api/v1/staff/auth/enrol',
      { code: totpCode(first.json().secret, test.now()) },
      pending,
    )
    expect(enrolled.statusCode, enrolled.body).toBe(200)
    expect(enrolled.json()).toMatchObject({ username: 'q5.forced', mustChangePassword: true })
    const headers = { cookie: sessionCookieOf(enrolled), 'x-ansinh-csrf': enrolled.json().csrfToken }

    for (const refused of [
      await get(dossiers, headers),
      await post(recoveryCodes, { code: '123456' }, headers),
    ]) {
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error).toEqual({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: 'Vui lòng đổi mật khẩu được cấp trước khi tiếp tục làm việc.',
      })
    }
    const english = await test.app.inject({
      method: 'GET',
      url: dossiers,
      headers: { ...headers, 'accept-language': 'en' },
    })
    expect(english.json().error.message).toBe(
      'Please change the password you were given before you continue.',
    )
    expect((await get(me, headers)).json()).toMatchObject({ mustChangePassword: true })
    // Signing out stays open too (here a second session, on another computer).
    later(30_000)
    const again = await post(login, { username: 'q5.forced', password: oneTimePassword })
    const second = await post(
      '/api/v1/staff/auth/totp',
      { code: totpCode(first.json().secret, test.now()) },
      { cookie: sessionCookieOf(again), 'x-ansinh-csrf': again.json().csrfToken },
    )
    const secondHeaders = { cookie: sessionCookieOf(second), 'x-ansinh-csrf': second.json().csrfToken }
    expect((await post('/api/v1/staff/auth/logout', {}, secondHeaders)).statusCode).toBe(204)

    const changed = await post(password, { currentPassword: oneTimePassword, newPassword }, headers)
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({
      username: 'q5.forced',
      mustChangePassword: false,
      otherSessionsEnded: 0,
      csrfToken: headers['x-ansinh-csrf'],
    })
    expect((await get(dossiers, headers)).statusCode).toBe(200)
    expect((await get(me, headers)).json()).toMatchObject({ mustChangePassword: false })

    const account = await accountOf('q5.forced')
    expect(account).toMatchObject({ mustChangePassword: false, passwordChangedAt: test.now() })
    expect(account.passwordHash).toMatch(/^\$argon2id\$/)
    const [audit] = await auditsOf('staff.password_change', account.id)
    expect(audit).toMatchObject({
      actorKind: 'staff',
      staffId: account.id,
      detail: { otherSessionsEnded: 0, forced: true },
    })
    expect(JSON.stringify(audit)).not.toContain(newPassword)
    expect((await post(login, { username: 'q5.forced', password: oneTimePassword })).statusCode).toBe(401)
    expect((await post(login, { username: 'q5.forced', password: newPassword })).json().next).toBe('totp')
  })

  it('keeps demo and seeded staff free of the duty', async () => {
    const { headers, staff } = await signInStaff(test.app, 'q5.reviewer')
    expect(staff.mustChangePassword).toBe(false)
    expect((await get(dossiers, headers)).statusCode).toBe(200)
  })

  it.each([
    [
      'an empty current password',
      { currentPassword: '' },
      'currentPassword',
      'Vui lòng nhập mật khẩu hiện tại.',
    ],
    ['an empty new password', { newPassword: '' }, 'newPassword', 'Vui lòng nhập mật khẩu mới.'],
    ['11 characters', { newPassword: 'Ngan-Qua-11' }, 'newPassword', 'Mật khẩu mới gồm 12–64 ký tự.'],
    [
      '65 characters',
      { newPassword: `Aa1-${'x'.repeat(61)}` },
      'newPassword',
      'Mật khẩu mới gồm 12–64 ký tự.',
    ],
    [
      'two kinds of character',
      { newPassword: 'ChuHoaVaChuThuongThoi' },
      'newPassword',
      'Mật khẩu mới cần có ít nhất 3 trong 4 loại ký tự: chữ hoa, chữ thường, chữ số, ký tự khác.',
    ],
    [
      'the username in it',
      { newPassword: 'Toi-la-PW.Weak-2026' },
      'newPassword',
      'Mật khẩu mới không được chứa tên đăng nhập.',
    ],
    [
      'the current password again',
      { newPassword: testStaffPassword },
      'newPassword',
      'Mật khẩu mới phải khác mật khẩu hiện tại.',
    ],
  ])('refuses %s with the field named, changing and counting nothing', async (_, body, field, message) => {
    const { headers } = await signInStaff(test.app, 'pw.weak', reviewer)
    const before = await accountOf('pw.weak')
    const answer = await post(password, { currentPassword: testStaffPassword, newPassword, ...body }, headers)
    expect(answer.statusCode).toBe(400)
    expect(answer.json().error.code).toBe('VALIDATION_FAILED')
    expect(answer.json().error.fields[field]).toContain(message)
    const after = await accountOf('pw.weak')
    expect(after.passwordHash).toBe(before.passwordHash)
    expect(after.failedSignIns).toBe(0)
  })

  it('counts a wrong current password toward the sign-in lockout, which ends the session', async () => {
    const { headers } = await signInStaff(test.app, 'pw.guesser', reviewer)
    const { id } = await accountOf('pw.guesser')
    // One wrong password at the sign-in page, three here: the same count of four.
    expect((await post(login, { username: 'pw.guesser', password: 'not-it' })).statusCode).toBe(401)
    for (let i = 0; i < 3; i += 1) {
      const wrong = await post(password, { currentPassword: `Sai-mat-khau-${i}`, newPassword }, headers)
      expect(wrong.statusCode).toBe(400)
      expect(wrong.json().error.fields).toEqual({ currentPassword: ['Mật khẩu hiện tại không đúng.'] })
    }
    expect((await accountOf('pw.guesser')).failedSignIns).toBe(4)
    expect(await auditsOf('staff.password_change_failed', id)).toHaveLength(3)

    const fifth = await post(password, { currentPassword: 'Sai-mat-khau-5', newPassword }, headers)
    expect(fifth.statusCode).toBe(429)
    expect(fifth.json().error.message).toContain('Vui lòng thử lại sau')
    const [locking] = await auditsOf('staff.password_change_failed', id)
    expect(locking?.detail).toEqual({ reason: 'wrong_password', lockedUntil: expect.any(String) })
    expect((await get(me, headers)).statusCode).toBe(401)
    expect((await post(login, { username: 'pw.guesser', password: testStaffPassword })).statusCode).toBe(429)

    // After the lockout the password is as it was.
    later(15 * MINUTE + 1000)
    expect((await post(login, { username: 'pw.guesser', password: testStaffPassword })).statusCode).toBe(200)
  })

  it('refuses even the right current password while a lockout is in force', async () => {
    const { headers } = await signInStaff(test.app, 'pw.locked', reviewer)
    const { id, passwordHash } = await accountOf('pw.locked')
    await test.database.db
      .update(staffAccounts)
      .set({ lockedUntil: new Date(test.now().getTime() + MINUTE) })
      .where(eq(staffAccounts.id, id))
    const answer = await post(password, { currentPassword: testStaffPassword, newPassword }, headers)
    expect(answer.statusCode).toBe(429)
    expect((await auditsOf('staff.password_change_failed', id))[0]?.detail).toMatchObject({
      reason: 'locked',
    })
    expect((await accountOf('pw.locked')).passwordHash).toBe(passwordHash)
    expect(await auditsOf('staff.password_change', id)).toEqual([])
  })

  it('ends every other session of the account, pending ones included, and keeps this one', async () => {
    const mine = await signInStaff(test.app, 'pw.many', reviewer)
    const other = await signInStaff(test.app, 'pw.many', reviewer)
    const halfway = await post(login, { username: 'pw.many', password: testStaffPassword })
    const elsewhere = await signInStaff(test.app, 'q5.reviewer')

    const changed = await post(password, { currentPassword: testStaffPassword, newPassword }, mine.headers)
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().otherSessionsEnded).toBe(2)
    expect((await get(me, mine.headers)).statusCode).toBe(200)
    expect((await get(me, other.headers)).statusCode).toBe(401)
    const pendingHeaders = { cookie: sessionCookieOf(halfway), 'x-ansinh-csrf': halfway.json().csrfToken }
    const code = totpCode(testTotpSecret, test.now())
    expect((await post('/api/v1/staff/auth/totp', { code }, pendingHeaders)).statusCode).toBe(401)
    // Another person's session is no business of this change.
    expect((await get(me, elsewhere.headers)).statusCode).toBe(200)

    const { id } = await accountOf('pw.many')
    const open = await test.database.db
      .select({ tokenHash: staffSessions.tokenHash })
      .from(staffSessions)
      .where(and(eq(staffSessions.staffId, id), isNull(staffSessions.endedAt)))
    expect(open).toEqual([{ tokenHash: hashSessionToken(mine.cookie.replace('ansinh_staff=', '')) }])
    const [audit] = await auditsOf('staff.password_change', id)
    expect(audit).toMatchObject({ detail: { otherSessionsEnded: 2, forced: false } })
  })

  it('renews the recovery codes with a code of the authenticator; the earlier ones stop working', async () => {
    const { headers } = await signInStaff(test.app, 'rc.owner', reviewer)
    const { id } = await accountOf('rc.owner')
    const renew = (code: string) => post(recoveryCodes, { code }, headers)

    later(30_000)
    const first = await renew(totpCode(testTotpSecret, test.now()))
    expect(first.statusCode, first.body).toBe(200)
    const old: string[] = first.json().recoveryCodes
    expect(old).toHaveLength(10)
    expect((await auditsOf('staff.recovery_codes_renewed', id))[0]).toMatchObject({
      staffId: id,
      detail: { recoveryCodes: 10, unusedReplaced: 0 },
    })

    // The same code twice is refused, like at sign-in; the refusal counts.
    const replayed = await renew(totpCode(testTotpSecret, test.now()))
    expect(replayed.statusCode).toBe(400)
    expect(replayed.json().error.fields).toHaveProperty('code')
    expect((await auditsOf('staff.recovery_codes_refused', id))[0]?.detail).toEqual({ reason: 'replayed' })
    expect((await accountOf('rc.owner')).failedSignIns).toBe(1)

    later(30_000)
    const second = await renew(totpCode(testTotpSecret, test.now()))
    expect(second.statusCode, second.body).toBe(200)
    const fresh: string[] = second.json().recoveryCodes
    expect(fresh.filter((code) => old.includes(code))).toEqual([])
    expect((await auditsOf('staff.recovery_codes_renewed', id))[0]?.detail).toEqual({
      recoveryCodes: 10,
      unusedReplaced: 10,
    })
    expect((await accountOf('rc.owner')).failedSignIns).toBe(0)
    const stored = await test.database.db
      .select({ hash: staffRecoveryCodes.codeHash })
      .from(staffRecoveryCodes)
      .where(eq(staffRecoveryCodes.staffId, id))
    expect(stored).toHaveLength(10)
    expect(JSON.stringify(await auditsOf('staff.recovery_codes_renewed', id))).not.toContain(fresh[0])

    const withCode = async (recoveryCode: string | undefined) => {
      const step = await post(login, { username: 'rc.owner', password: testStaffPassword })
      const pending = { cookie: sessionCookieOf(step), 'x-ansinh-csrf': step.json().csrfToken }
      return post('/api/v1/staff/auth/totp', { recoveryCode }, pending)
    }
    expect((await withCode(old[0])).statusCode).toBe(400)
    expect((await withCode(fresh[0])).statusCode).toBe(200)
  })

  it('refuses a wrong authenticator code and renews nothing', async () => {
    const { headers } = await signInStaff(test.app, 'rc.wrong', reviewer)
    const { id } = await accountOf('rc.wrong')
    const right = totpCode(testTotpSecret, new Date(test.now().getTime() + 30_000))
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0')
    later(30_000)
    const answer = await post(recoveryCodes, { code: wrong }, headers)
    expect(answer.statusCode).toBe(400)
    expect(answer.json().error).toMatchObject({
      code: 'OTP_INVALID',
      fields: { code: ['Mã xác thực không đúng.'] },
    })
    expect((await auditsOf('staff.recovery_codes_refused', id))[0]?.detail).toEqual({ reason: 'wrong_code' })
    expect(await auditsOf('staff.recovery_codes_renewed', id)).toEqual([])
    const malformed = await post(recoveryCodes, { code: '12ab' }, headers)
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.fields).toHaveProperty('code')
  })

  it('asks for the session and its CSRF header like every staff route', async () => {
    const { cookie } = await signInStaff(test.app, 'q5.reviewer')
    expect((await post(password, { currentPassword: testStaffPassword, newPassword })).statusCode).toBe(401)
    expect(
      (await post(password, { currentPassword: testStaffPassword, newPassword }, { cookie })).statusCode,
    ).toBe(403)
    expect((await post(recoveryCodes, { code: '123456' }, { cookie })).statusCode).toBe(403)
  })
})
