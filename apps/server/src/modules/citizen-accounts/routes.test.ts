import { randomBytes } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { registerDossier, registrationForm, type TestPhotos, testJpeg } from '../../../test/registration'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog, citizenAccounts, citizenSessions, dossiers, messages, people } from '../../db/schema'
import { createCitizenAccount } from '../identity/accounts'

// "Tài khoản cá nhân" over HTTP, signed in as the demo staff. Accounts issued by a dossier belong to
// its office; accounts without one (seeded, migrated) to the office serving the address, or to the
// province office when the directory cannot place it. Outside reach every endpoint answers 404,
// exactly as for an account that does not exist.
describe.each(testBackends())('citizen accounts API on %s', (backend) => {
  let test: TestApp
  /** How far the application's clock runs ahead of the real one (rows written by the database use the real one). */
  let clockAhead = 0
  let photos: TestPhotos
  let quan5: StaffSignIn
  /** A reviewer of BHXH Quận 4 (07914), the district next to Quận 5. */
  let quan4: StaffSignIn
  let hanoi: StaffSignIn
  let hcmAdmin: StaffSignIn
  let vssAdmin: StaffSignIn
  /** Issued by a dossier received at BHXH Quận 5 (07915). */
  let issued: number
  /** Issued by a dossier received at BHXH Quận 1 (07901), also in Hồ Chí Minh City. */
  let issuedQuan1: number
  /** Seeded without a dossier: the demo citizen's address, Phường Chợ Quán, served by BHXH Quận 5. */
  let seededHcm: number
  /**
   * Seeded without a dossier: a pre-2025 address in Bình Dương (74), now part of the city, where the
   * directory lists no grassroots office.
   */
  let seededBinhDuong: number
  /** Seeded without a dossier: an address in Phường Đống Đa, Hà Nội (01), served by BHXH cơ sở Đống Đa. */
  let seededHanoi: number
  /** Seeded without a dossier: an address in Hồ Chí Minh City with no commune, which no office serves. */
  let seededProvinceOnly: number

  const person = {
    bhxhCode: '7900066001',
    personalId: '079090066001',
    fullName: 'Trần Văn Bình',
    phone: '0906600001',
    email: 'binh.tran@example.com',
  }

  type Person = Partial<typeof people.$inferInsert> & { fullName: string; bhxhCode: string }

  async function inRegistry(values: Person): Promise<number> {
    const [row] = await test.database.db
      .insert(people)
      .values({
        foldedName: values.fullName.toLowerCase(),
        birthYear: 1990,
        birthMonth: 4,
        birthDay: 30,
        gender: 'male',
        addressCodeSet: '2025-07-01',
        provinceCode: '79',
        communeCode: '27301',
        street: 'Số 12 Trần Hưng Đạo',
        ...values,
      })
      .returning({ id: people.id })
    if (!row) throw new Error('person not inserted')
    return row.id
  }

  async function seeded(values: Person): Promise<number> {
    const personId = await inRegistry(values)
    const account = await createCitizenAccount(test.database.db, {
      personId,
      username: values.bhxhCode,
      password: 'Demo@AnSinh2026',
      mustChangePassword: false,
    })
    return account.id
  }

  /** Registration, papers received and approval at `officeCode`, as the office does it. */
  async function issue(values: Person, officeCode: string, decider: StaffSignIn): Promise<number> {
    await inRegistry(values)
    const { dossierNumber } = await registerDossier(
      test.app,
      test.database,
      registrationForm({
        bhxhCode: values.bhxhCode,
        fullName: values.fullName,
        idNumber: values.personalId,
        phone: values.phone,
        officeCode,
      }),
      photos,
    )
    const [dossier] = await test.database.db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(eq(dossiers.dossierNumber, dossierNumber))
    const step = async (name: string, payload: object) => {
      const answer = await call(decider, 'POST', `/dossiers/${dossier?.id}/${name}`, payload)
      if (answer.statusCode !== 200) throw new Error(`${name}: ${answer.body}`)
      return answer.json()
    }
    const taken = await step('assign', { version: 1 })
    const received = await step('receive', { version: taken.version })
    await step('decision', { valid: true, version: received.version })
    const [account] = await test.database.db
      .select({ id: citizenAccounts.id })
      .from(citizenAccounts)
      .where(eq(citizenAccounts.username, values.bhxhCode))
    if (!account) throw new Error('account not issued')
    return account.id
  }

  async function signedInDevices(accountId: number, names: string[]) {
    await test.database.db.insert(citizenSessions).values(
      names.map((deviceName) => ({
        tokenHash: randomBytes(32).toString('hex'),
        accountId,
        deviceId: randomBytes(8).toString('hex'),
        deviceName,
        ip: '203.0.113.7',
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    )
  }

  const call = (who: StaffSignIn | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    test.app.inject({
      method,
      url: `/api/v1/staff${url}`,
      headers: who?.headers ?? {},
      ...(payload ? { payload } : {}),
    })

  const search = (who: StaffSignIn, q: string) =>
    call(who, 'GET', `/citizen-accounts?q=${encodeURIComponent(q)}`)
  const found = async (who: StaffSignIn, q: string) =>
    ((await search(who, q)).json().items as Array<{ id: number }>).map((item) => item.id)

  const reason = { reason: 'Người tham gia báo mất điện thoại' }
  const endpoints = (id: number): Array<['GET' | 'POST', string, object?]> => [
    ['GET', `/citizen-accounts/${id}`],
    ['POST', `/citizen-accounts/${id}/lock`, reason],
    ['POST', `/citizen-accounts/${id}/unlock`, reason],
    ['POST', `/citizen-accounts/${id}/reset-password`, {}],
    ['POST', `/citizen-accounts/${id}/sign-out-everywhere`, {}],
  ]

  beforeAll(async () => {
    test = await createTestApp({
      backend,
      env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' },
      clock: () => new Date(Date.now() + clockAhead),
    })
    const image = await testJpeg()
    photos = { portrait: image, idFront: image, idBack: image }
    quan5 = await signInStaff(test.app, 'q5.reviewer')
    quan4 = await signInStaff(test.app, 'q4.reviewer', { role: 'reviewer', officeCode: '07914' })
    hanoi = await signInStaff(test.app, 'dongda.reviewer')
    hcmAdmin = await signInStaff(test.app, 'hcm.admin')
    vssAdmin = await signInStaff(test.app, 'vss.admin')
    issued = await issue(person, '07915', quan5)
    issuedQuan1 = await issue(
      { bhxhCode: '7900066002', personalId: '079090066002', fullName: 'Phạm Thị Lan', phone: '0906600002' },
      '07901',
      hcmAdmin,
    )
    seededHcm = await seeded({ bhxhCode: '7900066003', fullName: 'Võ Minh Tâm', phone: '0906600003' })
    seededBinhDuong = await seeded({
      bhxhCode: '7400066004',
      fullName: 'Huỳnh Văn Phúc',
      addressCodeSet: '2004-2025',
      provinceCode: '74',
      districtCode: '718',
      communeCode: '25744',
      phone: '0906600004',
    })
    seededHanoi = await seeded({
      bhxhCode: '0100066005',
      fullName: 'Đặng Thu Trang',
      provinceCode: '01',
      communeCode: '00235',
      phone: '0906600005',
    })
    seededProvinceOnly = await seeded({
      bhxhCode: '7900066009',
      fullName: 'Lý Thị Mai',
      communeCode: null,
      phone: '0906600009',
    })
  })
  afterAll(async () => test?.close())

  it('asks for a signed-in staff member, and refuses roles without account management', async () => {
    expect((await call(null, 'GET', `/citizen-accounts?q=${person.bhxhCode}`)).statusCode).toBe(401)
    for (const [method, url, payload] of endpoints(issued))
      expect((await call(null, method, url, payload)).statusCode, url).toBe(401)
    const organisation = await signInStaff(test.app, 'school.admin', {
      role: 'organisation_admin',
      officeCode: '07915',
    })
    expect((await search(organisation, person.bhxhCode)).statusCode).toBe(404)
  })

  it('finds the account by its BHXH code, personal ID or phone in any accepted form, exactly', async () => {
    for (const q of [person.bhxhCode, '790 006 6001', person.personalId, person.phone, '+84 906 600 001'])
      expect(await found(quan5, q), q).toEqual([issued])
    const [item] = (await search(quan5, person.phone)).json().items
    expect(item).toMatchObject({
      bhxhCode: person.bhxhCode,
      personalId: person.personalId,
      fullName: person.fullName,
      dateOfBirth: { year: 1990, month: 4, day: 30 },
      phone: person.phone,
      email: person.email,
      status: 'active',
      mustChangePassword: true,
      issuingOffice: { code: '07915' },
      activeDevices: 0,
    })
    expect(await found(quan5, '7900066999')).toEqual([])
    const byName = await search(quan5, person.fullName)
    expect(byName.statusCode).toBe(400)
    expect(byName.json().error.fields).toHaveProperty('q')
  })

  it('answers 404 on every endpoint for an account of another office, as for one that does not exist', async () => {
    expect(await found(hanoi, person.bhxhCode)).toEqual([])
    expect(await found(hanoi, person.phone)).toEqual([])
    for (const [method, url, payload] of endpoints(issued)) {
      const outside = await call(hanoi, method, url, payload)
      expect(outside.statusCode, url).toBe(404)
      expect(outside.json().error.code).toBe('NOT_FOUND')
      const missing = await call(quan5, method, url.replace(String(issued), '999999'), payload)
      expect(missing.statusCode, url).toBe(404)
      expect(missing.json()).toEqual(outside.json())
    }
    const [account] = await test.database.db
      .select({ status: citizenAccounts.status, mustChangePassword: citizenAccounts.mustChangePassword })
      .from(citizenAccounts)
      .where(eq(citizenAccounts.id, issued))
    expect(account).toEqual({ status: 'active', mustChangePassword: true })
  })

  it('gives an account to its issuing office, or without one to the office serving the address', async () => {
    const codes = ['7900066002', '7900066003', '7400066004', '0100066005', '7900066009']
    const reached = async (who: StaffSignIn) => {
      const ids: number[] = []
      for (const q of codes) ids.push(...(await found(who, q)))
      return ids
    }
    // Quận 1 issued its own account. Phường Chợ Quán is served by Quận 5, not by its neighbour Quận 4;
    // the Bình Dương address and the one without a commune have no serving office: the province office's.
    expect(await reached(quan5)).toEqual([seededHcm])
    expect(await reached(quan4)).toEqual([])
    expect(await reached(hcmAdmin)).toEqual([issuedQuan1, seededHcm, seededBinhDuong, seededProvinceOnly])
    expect(await reached(hanoi)).toEqual([seededHanoi])
    expect(await reached(vssAdmin)).toEqual([
      issuedQuan1,
      seededHcm,
      seededBinhDuong,
      seededHanoi,
      seededProvinceOnly,
    ])
    expect((await call(quan5, 'GET', `/citizen-accounts/${issuedQuan1}`)).statusCode).toBe(404)
    expect((await call(hcmAdmin, 'GET', `/citizen-accounts/${issuedQuan1}`)).statusCode).toBe(200)
    for (const outside of [seededHanoi, seededBinhDuong, seededProvinceOnly])
      expect((await call(quan5, 'GET', `/citizen-accounts/${outside}`)).statusCode, String(outside)).toBe(404)
    expect((await call(quan4, 'POST', `/citizen-accounts/${seededHcm}/lock`, reason)).statusCode).toBe(404)
  })

  it('lists up to 20 accounts sharing a phone, counting only those within reach', async () => {
    const phone = '0906600099'
    // 21 accounts in Hà Nội come first (older), then one served by BHXH Quận 5.
    const holders = await test.database.db
      .insert(people)
      .values(
        Array.from({ length: 22 }, (_, index) => ({
          bhxhCode: `${index < 21 ? '01' : '79'}000671${String(index).padStart(2, '0')}`,
          fullName: `Người dùng chung số ${index}`,
          foldedName: `nguoi dung chung so ${index}`,
          birthYear: 1980,
          gender: 'female' as const,
          addressCodeSet: '2025-07-01' as const,
          provinceCode: index < 21 ? '01' : '79',
          communeCode: index < 21 ? '00235' : '27301',
          phone,
        })),
      )
      .returning({ id: people.id, bhxhCode: people.bhxhCode })
    const accounts = await test.database.db
      .insert(citizenAccounts)
      .values(
        holders.map((holder) => ({
          personId: holder.id,
          username: holder.bhxhCode ?? '',
          passwordHash: 'never signed in with',
        })),
      )
      .returning({ id: citizenAccounts.id })
    const ids = accounts.map((account) => account.id)
    expect(await found(quan5, phone)).toEqual(ids.slice(21))
    expect(await found(hanoi, phone)).toEqual(ids.slice(0, 20))
    expect(await found(vssAdmin, phone)).toEqual(ids.slice(0, 20))
  })

  it('shows the signed-in devices and the dossiers, which open for staff who reach their office', async () => {
    await signedInDevices(seededHcm, ['Chrome trên Android'])
    const detail = (await call(quan5, 'GET', `/citizen-accounts/${seededHcm}`)).json()
    expect(detail).toMatchObject({
      issuingOffice: null,
      activeDevices: 1,
      devices: [{ deviceName: 'Chrome trên Android', ip: '203.0.113.7' }],
      dossiers: [],
    })
    expect(detail.address).toContain('Phường Chợ Quán')
    const issuedDetail = (await call(hcmAdmin, 'GET', `/citizen-accounts/${issuedQuan1}`)).json()
    expect(issuedDetail.dossiers).toMatchObject([
      { kind: 'new', status: 'valid', officeCode: '07901', openable: true },
    ])
  })

  it('locks with a reason, ending every signed-in device; unlocks; refuses a repeat', async () => {
    const statusOf = async () => {
      const [row] = await test.database.db
        .select({ reason: citizenAccounts.statusReason, at: citizenAccounts.statusChangedAt })
        .from(citizenAccounts)
        .where(eq(citizenAccounts.id, issued))
      return row
    }
    expect(await statusOf()).toEqual({ reason: null, at: null })

    await signedInDevices(issued, ['Safari trên iPhone', 'Chrome trên Windows'])
    expect((await call(quan5, 'GET', `/citizen-accounts/${issued}`)).json().activeDevices).toBe(2)
    const noReason = await call(quan5, 'POST', `/citizen-accounts/${issued}/lock`, { reason: ' ab ' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.fields).toHaveProperty('reason')

    const locked = await call(quan5, 'POST', `/citizen-accounts/${issued}/lock`, {
      reason: `  ${reason.reason.normalize('NFD')} `,
    })
    expect(locked.json()).toMatchObject({
      endedSessions: 2,
      sentBy: [],
      account: { status: 'locked', activeDevices: 0, devices: [], statusReason: reason.reason },
    })
    // Kept with the account as typed (NFC, trimmed), with the time of the application's clock.
    const lockedAt = (await statusOf())?.at
    expect(await statusOf()).toEqual({ reason: reason.reason, at: expect.any(Date) })
    expect(locked.json().account.statusChangedAt).toBe(lockedAt?.toISOString())
    expect((await call(quan5, 'GET', `/citizen-accounts/${issued}`)).json()).toMatchObject({
      statusReason: reason.reason,
      statusChangedAt: lockedAt?.toISOString(),
    })
    const sessions = await test.database.db
      .select({ endedAt: citizenSessions.endedAt, endReason: citizenSessions.endReason })
      .from(citizenSessions)
      .where(eq(citizenSessions.accountId, issued))
    expect(sessions.map((session) => session.endReason)).toEqual(['staff', 'staff'])
    expect(sessions.every((session) => session.endedAt !== null)).toBe(true)
    expect((await call(quan5, 'POST', `/citizen-accounts/${issued}/lock`, reason)).statusCode).toBe(409)

    const reset = await call(quan5, 'POST', `/citizen-accounts/${issued}/reset-password`, {})
    expect(reset.statusCode).toBe(409)
    expect(reset.json().error.message).toContain('mở khóa')

    const unlocked = await call(quan5, 'POST', `/citizen-accounts/${issued}/unlock`, {
      reason: 'Đã xác minh người tham gia tại quầy',
    })
    expect(unlocked.json()).toMatchObject({
      endedSessions: 0,
      account: { status: 'active', statusReason: 'Đã xác minh người tham gia tại quầy' },
    })
    expect((await statusOf())?.reason).toBe('Đã xác minh người tham gia tại quầy')
    expect((await call(quan5, 'POST', `/citizen-accounts/${issued}/unlock`, reason)).statusCode).toBe(409)
  })

  it('resets the password: one SMS and one e-mail to the registry contacts, never the password to staff', async () => {
    await signedInDevices(issued, ['Chrome trên Android'])
    const before = await test.database.db
      .select({ passwordHash: citizenAccounts.passwordHash })
      .from(citizenAccounts)
      .where(eq(citizenAccounts.id, issued))
    const answer = await call(quan5, 'POST', `/citizen-accounts/${issued}/reset-password`, {})
    expect(answer.statusCode).toBe(200)
    expect(answer.json()).toMatchObject({
      endedSessions: 1,
      sentBy: ['sms', 'email'],
      account: { mustChangePassword: true, activeDevices: 0 },
    })
    const sent = await test.database.db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.kind, 'password_reset_by_office'),
          inArray(messages.recipient, [person.phone, person.email]),
        ),
      )
    expect(sent.map((message) => [message.channel, message.recipient]).sort()).toEqual([
      ['email', person.email],
      ['sms', person.phone],
    ])
    expect(sent.every((message) => message.citizenAccountId === issued)).toBe(true)
    const password = /Mat khau: (\S+)/.exec(
      sent.find((message) => message.channel === 'sms')?.body ?? '',
    )?.[1]
    expect(password).toMatch(/^\S{10}$/)
    expect(answer.body).not.toContain(password)
    const [after] = await test.database.db
      .select({
        passwordHash: citizenAccounts.passwordHash,
        mustChangePassword: citizenAccounts.mustChangePassword,
      })
      .from(citizenAccounts)
      .where(eq(citizenAccounts.id, issued))
    expect(after?.passwordHash).not.toBe(before[0]?.passwordHash)
    expect(after?.mustChangePassword).toBe(true)

    // Pressed again within a minute, the reset is refused: the person would get two passwords.
    const smsSent = async () =>
      test.database.db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.kind, 'password_reset_by_office'), eq(messages.recipient, person.phone)))
    for (const later of [0, 30_000]) {
      clockAhead = later
      const twice = await call(quan5, 'POST', `/citizen-accounts/${issued}/reset-password`, {})
      expect(twice.statusCode, String(later)).toBe(409)
      expect(twice.json().error.message).toMatch(/^Mật khẩu mới vừa được gửi.*vui lòng chờ \d+ giây/)
    }
    expect(await smsSent()).toHaveLength(1)
    const [unchanged] = await test.database.db
      .select({ passwordHash: citizenAccounts.passwordHash })
      .from(citizenAccounts)
      .where(eq(citizenAccounts.id, issued))
    expect(unchanged?.passwordHash).toBe(after?.passwordHash)

    // A minute on, a second reset is a new password and new messages, not a duplicate of the first.
    clockAhead = 61_000
    expect((await call(quan5, 'POST', `/citizen-accounts/${issued}/reset-password`, {})).statusCode).toBe(200)
    expect(await smsSent()).toHaveLength(2)
  })

  it('signs out of every device', async () => {
    await signedInDevices(seededBinhDuong, ['Firefox trên Linux', 'Chrome trên Android'])
    const answer = await call(
      hcmAdmin,
      'POST',
      `/citizen-accounts/${seededBinhDuong}/sign-out-everywhere`,
      {},
    )
    expect(answer.json()).toMatchObject({ endedSessions: 2, account: { status: 'active', devices: [] } })
  })

  it('refuses to lock, unlock or reset a stopped account, saying why', async () => {
    await test.database.db
      .update(citizenAccounts)
      .set({ status: 'stopped' })
      .where(eq(citizenAccounts.id, seededHcm))
    for (const action of ['lock', 'unlock', 'reset-password']) {
      const refused = await call(quan5, 'POST', `/citizen-accounts/${seededHcm}/${action}`, reason)
      expect(refused.statusCode, action).toBe(409)
      expect(refused.json().error.message).toContain('đã ngừng sử dụng')
    }
    const sent = await test.database.db.select().from(messages).where(eq(messages.recipient, '0906600003'))
    expect(sent).toEqual([])
  })

  it("refuses to reset a child's account, which is used through the parent's", async () => {
    const parentId = await seeded({ bhxhCode: '7900066007', fullName: 'Trần Thị Hoa', phone: '0906600007' })
    const childPerson = await inRegistry({
      bhxhCode: '7900066008',
      fullName: 'Trần Minh An',
      phone: '0906600008',
    })
    const child = await createCitizenAccount(test.database.db, {
      personId: childPerson,
      username: '7900066008',
      password: 'Demo@AnSinh2026',
      mustChangePassword: true,
      guardianAccountId: parentId,
    })
    const refused = await call(quan5, 'POST', `/citizen-accounts/${child.id}/reset-password`, {})
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.message).toContain('tài khoản của trẻ em')
    const sent = await test.database.db.select().from(messages).where(eq(messages.recipient, '0906600008'))
    expect(sent).toEqual([])
  })

  it('refuses a state change without the CSRF header', async () => {
    const answer = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/citizen-accounts/${issued}/sign-out-everywhere`,
      headers: { cookie: quan5.cookie },
      payload: {},
    })
    expect(answer.statusCode).toBe(403)
  })

  it('writes every search, view and action to the audit log, with identifiers masked, no reason, no password', async () => {
    const entries = await test.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          inArray(auditLog.staffId, [quan5.staff.id, hcmAdmin.staff.id]),
          inArray(auditLog.action, auditedActions),
        ),
      )
    const actions = new Set(entries.map((entry) => entry.action))
    expect([...actions].sort()).toEqual([...auditedActions].sort())
    const searches = entries.filter((entry) => entry.action === 'citizen_account.search')
    expect(searches.map((entry) => entry.detail)).toContainEqual({
      lookup: { phone: '******0001' },
      returned: 1,
    })
    expect(searches.map((entry) => entry.detail)).toContainEqual({
      lookup: { personalId: '********6001' },
      returned: 1,
    })
    const text = JSON.stringify(entries)
    for (const identifier of [person.bhxhCode, person.personalId, person.phone, person.email])
      expect(text).not.toContain(identifier)
    // The reasons typed for the lock and the unlock stay with the account, which can be erased.
    for (const typed of [reason.reason, 'Đã xác minh người tham gia tại quầy'])
      expect(text).not.toContain(typed)
    expect(entries.find((entry) => entry.action === 'citizen_account.lock')).toMatchObject({
      recordType: 'citizen_account',
      recordId: String(issued),
      officeCode: '07915',
      detail: { reasonGiven: true, endedSessions: 2 },
    })
    expect(entries.find((entry) => entry.action === 'citizen_account.unlock')?.detail).toEqual({
      reasonGiven: true,
      endedSessions: 0,
    })
    expect(entries.find((entry) => entry.action === 'citizen_account.reset_password')?.detail).toEqual({
      sentBy: ['sms', 'email'],
      endedSessions: 1,
    })
  })
})

const auditedActions = [
  'citizen_account.search',
  'citizen_account.view',
  'citizen_account.lock',
  'citizen_account.unlock',
  'citizen_account.reset_password',
  'citizen_account.sign_out_everywhere',
]
