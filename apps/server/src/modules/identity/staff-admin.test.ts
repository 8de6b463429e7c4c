import { and, desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { ensureStaffAccount, type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog, staffAccounts, staffRecoveryCodes } from '../../db/schema'

const accounts = '/api/v1/staff/accounts'

describe.each(testBackends())('staff account management on %s', (backend) => {
  let test: TestApp
  let hcmAdmin: StaffSignIn
  let q5Reviewer: number
  let dongdaReviewer: number

  beforeAll(async () => {
    test = await createTestApp({ backend, env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })
    q5Reviewer = (await ensureStaffAccount(test.app, 'q5.reviewer')).id
    dongdaReviewer = (await ensureStaffAccount(test.app, 'dongda.reviewer')).id
    await ensureStaffAccount(test.app, 'vss.admin')
    hcmAdmin = await signInStaff(test.app, 'hcm.admin')
  })
  afterAll(async () => test?.close())

  const post = (url: string, payload: object = {}, headers = hcmAdmin.headers) =>
    test.app.inject({ method: 'POST', url, payload, headers })
  const auditsOf = (action: string) =>
    test.database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id))

  it('lists the staff of the offices in reach only, and records the look', async () => {
    const page = await test.app.inject({
      method: 'GET',
      url: `${accounts}?limit=100`,
      headers: hcmAdmin.headers,
    })
    expect(page.statusCode, page.body).toBe(200)
    const usernames = page.json().items.map((item: { username: string }) => item.username)
    expect(usernames).toEqual(expect.arrayContaining(['q5.reviewer', 'hcm.admin']))
    expect(usernames).not.toContain('dongda.reviewer')
    expect(usernames).not.toContain('vss.admin')
    expect(page.json().items[0]).not.toHaveProperty('passwordHash')
    expect(page.json().items[0]).not.toHaveProperty('totpSecret')
    const [audit] = await auditsOf('staff.accounts_listed')
    expect(audit).toMatchObject({ staffId: hcmAdmin.staff.id, officeCode: '079' })
  })

  it('pages the list by keyset', async () => {
    const first = await test.app.inject({
      method: 'GET',
      url: `${accounts}?limit=1`,
      headers: hcmAdmin.headers,
    })
    const { items, nextCursor } = first.json()
    expect(items).toHaveLength(1)
    expect(nextCursor).toBe(String(items[0].id))
    const second = await test.app.inject({
      method: 'GET',
      url: `${accounts}?limit=1&cursor=${nextCursor}`,
      headers: hcmAdmin.headers,
    })
    expect(second.json().items[0].id).toBeGreaterThan(items[0].id)
  })

  it('cannot lock, unlock or reset staff of another province: 404, recorded', async () => {
    for (const action of ['lock', 'unlock', 'reset-second-factor']) {
      const answer = await post(`${accounts}/${dongdaReviewer}/${action}`)
      expect(answer.statusCode).toBe(404)
      expect(answer.json().error.code).toBe('NOT_FOUND')
    }
    // Same answer as an account that does not exist.
    expect((await post(`${accounts}/999999/lock`)).statusCode).toBe(404)
    const denied = await auditsOf('staff.account_denied')
    expect(denied[denied.length - 1]).toMatchObject({
      staffId: hcmAdmin.staff.id,
      recordType: 'staff_account',
      recordId: String(dongdaReviewer),
      detail: { attempted: 'staff.account_locked' },
    })
    const [account] = await test.database.db
      .select()
      .from(staffAccounts)
      .where(eq(staffAccounts.id, dongdaReviewer))
    expect(account?.status).toBe('active')
  })

  it('locks a reviewer of its tree (ending their sessions) and unlocks them', async () => {
    const reviewer = await signInStaff(test.app, 'q5.reviewer')
    const locked = await post(`${accounts}/${q5Reviewer}/lock`)
    expect(locked.statusCode, locked.body).toBe(200)
    expect(locked.json()).toMatchObject({ username: 'q5.reviewer', status: 'locked' })
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/staff/auth/me', headers: reviewer.headers }))
        .statusCode,
    ).toBe(401)
    const [lockAudit] = await auditsOf('staff.account_locked')
    expect(lockAudit).toMatchObject({
      staffId: hcmAdmin.staff.id,
      recordId: String(q5Reviewer),
      detail: { sessionsEnded: 1 },
    })

    const unlocked = await post(`${accounts}/${q5Reviewer}/unlock`)
    expect(unlocked.json()).toMatchObject({ status: 'active', lockedUntil: null })
    expect(await auditsOf('staff.account_unlocked')).toHaveLength(1)
    await signInStaff(test.app, 'q5.reviewer')
  })

  it('resets a second factor: codes gone, sessions ended, enrolment at the next sign-in', async () => {
    const reviewer = await signInStaff(test.app, 'q5.reviewer')
    await test.database.db.insert(staffRecoveryCodes).values({ staffId: q5Reviewer, codeHash: 'x' })
    const reset = await post(`${accounts}/${q5Reviewer}/reset-second-factor`)
    expect(reset.statusCode, reset.body).toBe(200)
    expect(reset.json().secondFactorEnrolled).toBe(false)
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/staff/auth/me', headers: reviewer.headers }))
        .statusCode,
    ).toBe(401)
    const codes = await test.database.db
      .select()
      .from(staffRecoveryCodes)
      .where(eq(staffRecoveryCodes.staffId, q5Reviewer))
    expect(codes).toEqual([])
    const login = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/auth/login',
      payload: { username: 'q5.reviewer', password: 'Staff@AnSinh2026' },
    })
    expect(login.json().next).toBe('enrol')
    expect(await auditsOf('staff.second_factor_reset')).toHaveLength(1)
  })

  it('refuses to lock or reset its own account', async () => {
    const answer = await post(`${accounts}/${hcmAdmin.staff.id}/lock`)
    expect(answer.statusCode).toBe(409)
    expect(answer.json().error.message).toContain('tài khoản của chính mình')
  })

  it('creates a reviewer in its tree with a one-time password that signs in (then enrols)', async () => {
    const created = await post(accounts, {
      username: 'Q5.New',
      fullName: 'Lý Thị Hoa',
      email: 'hoa@example.vn',
      officeCode: '07915',
      role: 'reviewer',
    })
    expect(created.statusCode, created.body).toBe(201)
    const { account, oneTimePassword } = created.json()
    expect(account).toMatchObject({
      username: 'q5.new',
      officeCode: '07915',
      role: 'reviewer',
      secondFactorEnrolled: false,
    })
    expect(oneTimePassword).toMatch(/^\S{12}$/)
    const login = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/auth/login',
      payload: { username: 'q5.new', password: oneTimePassword },
    })
    expect(login.json().next).toBe('enrol')
    const [audit] = await auditsOf('staff.account_created')
    expect(audit).toMatchObject({
      recordId: String(account.id),
      detail: { role: 'reviewer', officeCode: '07915' },
    })
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword)

    const again = await post(accounts, {
      username: 'q5.new',
      fullName: 'Lý Thị Hoa',
      officeCode: '07915',
      role: 'reviewer',
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.fields).toHaveProperty('username')
  })

  it('cannot create staff outside its tree (404) or a system administrator (400)', async () => {
    const outside = await post(accounts, {
      username: 'hn.new',
      fullName: 'Ngô Văn Hà',
      officeCode: '00106',
      role: 'reviewer',
    })
    expect(outside.statusCode).toBe(404)
    const escalation = await post(accounts, {
      username: 'hcm.root',
      fullName: 'Ngô Văn Hà',
      officeCode: '079',
      role: 'system_admin',
    })
    expect(escalation.statusCode).toBe(400)
    expect(escalation.json().error.fields).toHaveProperty('role')
    const rows = await test.database.db
      .select()
      .from(staffAccounts)
      .where(and(eq(staffAccounts.officeCode, '00106'), eq(staffAccounts.username, 'hn.new')))
    expect(rows).toEqual([])
  })

  it('lets the system administrator manage staff of every province', async () => {
    const vss = await signInStaff(test.app, 'vss.admin')
    const locked = await post(`${accounts}/${dongdaReviewer}/lock`, {}, vss.headers)
    expect(locked.statusCode, locked.body).toBe(200)
    expect((await post(`${accounts}/${dongdaReviewer}/unlock`, {}, vss.headers)).statusCode).toBe(200)
  })
})
