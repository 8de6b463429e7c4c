import { randomInt } from 'node:crypto'
import { foldVietnamese } from '@ansinh/domain'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp, unlimitedOtpEnv } from '../../../test/app'
import { type CitizenTestSession, createSignedInCitizen, type TestCitizen } from '../../../test/citizen'
import { testBackends } from '../../../test/database'
import { lastCodeSentTo, multipartBody, testJpeg } from '../../../test/registration'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { dossiers, messages, people } from '../../db/schema'
import { CHILD_FILINGS_PER_HOUR } from './file-requests'

// "Dịch vụ công" through the HTTP API, as the citizen app calls it, and the office deciding what
// was filed through the back-office API.
describe.each(testBackends())('citizen public services on %s', (backend) => {
  let test: TestApp
  let reviewer: StaffSignIn

  // "Send again" opens after a delay: the tests move the clock past it.
  let now = new Date()

  beforeAll(async () => {
    test = await createTestApp({ backend, clock: () => now, env: unlimitedOtpEnv })
    reviewer = await signInStaff(test.app, 'q5.reviewer')
  })
  afterAll(async () => test?.close())

  type Headers = Record<string, string>
  const post = (url: string, payload: object, headers: Headers = {}) =>
    test.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers })
  const get = (url: string, headers: Headers = {}) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers })
  const newPhone = () => `0907${String(randomInt(1_000_000)).padStart(6, '0')}`

  /** Asks for the OTP of `purpose` and reads it from the messages, as the person reads the SMS. */
  async function otpFor(citizen: TestCitizen & CitizenTestSession, purpose: 'contact_change' | 'stop') {
    const sent = await post('/me/requests/otp', { purpose }, citizen.headers)
    expect(sent.statusCode, sent.body).toBe(201)
    const { requestId } = sent.json()
    return { requestId, code: await lastCodeSentTo(test.database, citizen.phone ?? '') }
  }

  /** A new registration (tờ khai mẫu 01) for the citizen's BHXH code, as the office left it. */
  async function insertRegistration(citizen: TestCitizen, status: 'valid' | 'invalid', submittedAt: Date) {
    const dossierNumber = `07915-2026-${String(randomInt(1_000_000)).padStart(6, '0')}`
    await test.database.db.insert(dossiers).values({
      dossierNumber,
      kind: 'new',
      status,
      condition: 'received',
      bhxhCode: citizen.bhxhCode,
      fullName: 'Trần Văn Thử',
      foldedName: 'tran van thu',
      idKind: 'personal_id',
      idNumber: citizen.personalId,
      addressCodeSet: '2025-07-01',
      provinceCode: '79',
      communeCode: '27301',
      street: 'Số 1 Nguyễn Trãi',
      phone: citizen.phone ?? '',
      contactChannel: 'sms',
      language: 'vi',
      officeCode: '07915',
      submittedAt,
      paperDeadline: '2026-01-15',
    })
    return dossierNumber
  }

  async function approve(
    dossierNumber: string,
    decision: { valid: true } | { valid: false; reason: string },
  ) {
    const [row] = await test.database.db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(eq(dossiers.dossierNumber, dossierNumber))
    const url = `/staff/dossiers/${row?.id}`
    const taken = await post(`${url}/assign`, { version: 1 }, reviewer.headers)
    expect(taken.statusCode, taken.body).toBe(200)
    const decided = await post(
      `${url}/decision`,
      { ...decision, version: taken.json().version },
      reviewer.headers,
    )
    expect(decided.statusCode, decided.body).toBe(200)
  }

  it('files a change of phone with the OTP, and the approved change reaches the registry', async () => {
    const citizen = await createSignedInCitizen(test)
    const sent = await post('/me/requests/otp', { purpose: 'contact_change' }, citizen.headers)
    expect(sent.json()).toMatchObject({ sentTo: expect.stringMatching(/^\d{3}\*+\d{3}$/) })
    const code = await lastCodeSentTo(test.database, citizen.phone ?? '')
    const phone = newPhone()
    const body = { otp: { requestId: sent.json().requestId, code }, phone, officeCode: '07915' }
    const filed = await post('/me/requests/contact-change', body, citizen.headers)
    expect(filed.statusCode, filed.body).toBe(201)
    expect(filed.json()).toMatchObject({
      dossierNumber: expect.stringMatching(/^07915-/),
      kind: 'change',
      status: 'pending',
      submittedAt: expect.any(String),
      office: { code: '07915', name: 'BHXH Quận 5' },
    })

    // The code filed one dossier: it is spent.
    expect((await post('/me/requests/contact-change', body, citizen.headers)).statusCode).toBe(404)

    await approve(filed.json().dossierNumber, { valid: true })
    const [person] = await test.database.db
      .select({ phone: people.phone })
      .from(people)
      .where(eq(people.bhxhCode, citizen.bhxhCode))
    expect(person?.phone).toBe(phone)

    // The receipt and the outcome stay in the account's "Thông báo", newest first.
    const inbox = await get('/me/inbox', citizen.headers)
    expect(inbox.json().items.map((item: { kind: string }) => item.kind)).toEqual([
      'account_request_approved',
      'dossier_received',
    ])
    expect(inbox.json().items[1].text).toContain(filed.json().dossierNumber)
  })

  it('counts a wrong code with the tries left, and the right one still files the stop', async () => {
    const citizen = await createSignedInCitizen(test)
    const otp = await otpFor(citizen, 'stop')
    const wrongCode = otp.code === '000000' ? '111111' : '000000'
    const body = { reason: 'Tôi không dùng nữa', officeCode: '07915' }
    const wrong = await post(
      '/me/requests/stop',
      { ...body, otp: { ...otp, code: wrongCode } },
      citizen.headers,
    )
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error).toMatchObject({
      code: 'OTP_INVALID',
      fields: { 'otp.code': ['Mã OTP không đúng. Bạn còn 4 lần thử.'] },
    })
    const filed = await post('/me/requests/stop', { ...body, otp }, citizen.headers)
    expect(filed.statusCode, filed.body).toBe(201)
    expect(filed.json()).toMatchObject({ kind: 'stop', status: 'pending' })
  })

  it("names the purpose in the SMS, resends it, and answers 404 for another person's request", async () => {
    const citizen = await createSignedInCitizen(test)
    const other = await createSignedInCitizen(test)
    const sent = await post('/me/requests/otp', { purpose: 'stop' }, citizen.headers)
    const [sms] = await test.database.db
      .select({ body: messages.body })
      .from(messages)
      .where(and(eq(messages.recipient, citizen.phone ?? ''), eq(messages.kind, 'otp')))
    expect(sms?.body).toContain('(ngung su dung giao dich dien tu)')
    const { requestId } = sent.json()
    const resendUrl = `/me/requests/otp/${requestId}/resend`
    // Too early for "send again"; someone else's request is not theirs to resend or use.
    expect((await post(resendUrl, {}, citizen.headers)).json().error.code).toBe('RATE_LIMITED')
    expect((await post(resendUrl, {}, other.headers)).statusCode).toBe(404)
    now = new Date(now.getTime() + test.app.deps.config.otp.resendAfterMs)
    const resent = await post(resendUrl, {}, citizen.headers)
    expect(resent.statusCode, resent.body).toBe(200)
    expect(resent.json()).toMatchObject({ requestId, sentTo: sent.json().sentTo })
    const theirs = { otp: { requestId, code: '123456' }, reason: 'Không dùng nữa', officeCode: '07915' }
    expect((await post('/me/requests/stop', theirs, other.headers)).statusCode).toBe(404)
    // A stop request's code does not file a change of information.
    const asChange = { otp: { requestId, code: '123456' }, phone: newPhone(), officeCode: '07915' }
    expect((await post('/me/requests/contact-change', asChange, citizen.headers)).statusCode).toBe(404)
  })

  it('refuses a signed-out caller (401) and a write without the CSRF header (403)', async () => {
    const citizen = await createSignedInCitizen(test)
    expect((await get('/me/dossiers')).statusCode).toBe(401)
    expect((await post('/me/requests/otp', { purpose: 'stop' })).statusCode).toBe(401)
    const cookieOnly = { cookie: citizen.cookie }
    const refused = await post('/me/requests/otp', { purpose: 'stop' }, cookieOnly)
    expect(refused.statusCode).toBe(403)
    expect((await get('/me/dossiers', cookieOnly)).statusCode).toBe(200)
  })

  it('names the fields of an invalid request', async () => {
    const citizen = await createSignedInCitizen(test)
    const purpose = await post('/me/requests/otp', { purpose: 'close' }, citizen.headers)
    expect(purpose.json().error.fields.purpose).toBeDefined()
    const otp = await otpFor(citizen, 'contact_change')
    const nothing = await post('/me/requests/contact-change', { otp, officeCode: '07915' }, citizen.headers)
    expect(nothing.statusCode).toBe(400)
    expect(nothing.json().error.fields).toEqual({
      phone: ['Vui lòng nhập ít nhất một thông tin cần thay đổi.'],
    })
    const malformed = { otp: { requestId: 'x', code: '12' }, phone: '123', officeCode: '07915' }
    const fields = (await post('/me/requests/contact-change', malformed, citizen.headers)).json().error.fields
    expect(Object.keys(fields).sort()).toEqual(['otp.code', 'otp.requestId', 'phone'])
    const shortReason = await post(
      '/me/requests/stop',
      { otp, reason: 'x', officeCode: '07915' },
      citizen.headers,
    )
    expect(shortReason.json().error.fields.reason).toEqual(['Vui lòng nhập lý do (ít nhất 5 ký tự).'])
  })

  it('documents every route in OpenAPI under its tag, the inbox included', async () => {
    const spec = (await test.app.inject('/docs/json')).json()
    const tagged = (tag: string) =>
      Object.entries(spec.paths as Record<string, Record<string, { tags: string[]; summary?: string }>>)
        .flatMap(([path, operations]) =>
          Object.values(operations).map((operation) => ({ path, ...operation })),
        )
        .filter((operation) => operation.tags?.includes(tag))
    expect(tagged('citizen: public services')).toHaveLength(6)
    expect(tagged('citizen: inbox')).toHaveLength(3)
    for (const operation of [...tagged('citizen: public services'), ...tagged('citizen: inbox')])
      expect(operation.summary, operation.path).toBeTruthy()
    const child = spec.paths['/api/v1/me/requests/child'].post.requestBody.content['multipart/form-data']
    expect(child.schema.properties.birthCertificate).toMatchObject({ format: 'binary' })
  })

  describe("a child's account and the list of dossiers", () => {
    const childCode = () => `7998${String(randomInt(1_000_000)).padStart(6, '0')}`
    async function fileChild(
      citizen: CitizenTestSession,
      fields: Record<string, string>,
      files: Record<string, Buffer>,
    ) {
      const { payload, headers } = await multipartBody(fields, files)
      const url = '/api/v1/me/requests/child'
      return test.app.inject({ method: 'POST', url, payload, headers: { ...headers, ...citizen.headers } })
    }

    it('files a child with the birth certificate, and lists every dossier with its outcome', async () => {
      const parent = await createSignedInCitizen(test)
      const photo = await testJpeg(800, 600)
      const child = { identifier: childCode(), fullName: 'Trần Bảo An', officeCode: '07915' }
      const filed = await fileChild(parent, child, { birthCertificate: photo })
      expect(filed.statusCode, filed.body).toBe(201)
      expect(filed.json()).toMatchObject({ kind: 'child', status: 'pending', office: { code: '07915' } })
      await approve(filed.json().dossierNumber, { valid: false, reason: 'Ảnh giấy khai sinh bị mờ' })

      const otp = await otpFor(parent, 'contact_change')
      const change = { otp, email: 'me@example.vn', officeCode: '07915' }
      const changed = await post('/me/requests/contact-change', change, parent.headers)
      expect(changed.statusCode, changed.body).toBe(201)

      const list = await get('/me/dossiers', parent.headers)
      expect(list.statusCode).toBe(200)
      expect(list.headers['cache-control']).toBe('no-store')
      expect(list.json().items).toEqual([
        expect.objectContaining({ kind: 'change', status: 'pending', reason: null, childName: null }),
        expect.objectContaining({
          dossierNumber: filed.json().dossierNumber,
          kind: 'child',
          status: 'invalid',
          decidedAt: expect.any(String),
          office: { code: '07915', name: 'BHXH Quận 5' },
          reason: 'Ảnh giấy khai sinh bị mờ',
          childName: 'Trần Bảo An',
        }),
      ])
      // Nobody else sees them.
      expect((await get('/me/dossiers', (await createSignedInCitizen(test)).headers)).json().items).toEqual(
        [],
      )
    })

    it('lists the registration that opened the account, not a refused one for the same code', async () => {
      const citizen = await createSignedInCitizen(test)
      const opened = await insertRegistration(citizen, 'valid', new Date('2026-01-05T02:00:00Z'))
      await insertRegistration(citizen, 'invalid', new Date('2025-12-01T02:00:00Z'))
      const items = (await get('/me/dossiers', citizen.headers)).json().items
      expect(items).toEqual([
        {
          dossierNumber: opened,
          kind: 'new',
          status: 'valid',
          submittedAt: '2026-01-05T02:00:00.000Z',
          decidedAt: null,
          office: { code: '07915', name: 'BHXH Quận 5' },
          reason: null,
          childName: null,
        },
      ])
    })

    /** A child in the registry, with no account, under a random BHXH code and personal ID. */
    async function insertChild(fullName: string) {
      const child = { bhxhCode: childCode(), personalId: `099${String(randomInt(1e9)).padStart(9, '0')}` }
      await test.database.db.insert(people).values({
        ...child,
        fullName,
        foldedName: foldVietnamese(fullName),
        birthYear: 2019,
        birthMonth: 4,
        birthDay: 2,
        gender: 'female',
        addressCodeSet: '2025-07-01',
        provinceCode: '79',
      })
      return child
    }
    const filedDossier = async (dossierNumber: string) =>
      (await test.database.db.select().from(dossiers).where(eq(dossiers.dossierNumber, dossierNumber)))[0]

    it('files by the personal ID under the BHXH code it resolves to, keeping the ID', async () => {
      const parent = await createSignedInCitizen(test)
      const child = await insertChild('Phạm Ngọc Hà')
      const spaced = child.personalId.replace(/(\d{3})(?=\d)/g, '$1 ')
      const filed = await fileChild(
        parent,
        { identifier: spaced, fullName: 'PHAM NGOC  HA', officeCode: '07915' },
        { birthCertificate: await testJpeg(800, 600) },
      )
      expect(filed.statusCode, filed.body).toBe(201)
      expect(await filedDossier(filed.json().dossierNumber)).toMatchObject({
        kind: 'child',
        bhxhCode: child.bhxhCode,
        idKind: 'personal_id',
        idNumber: child.personalId,
        fullName: 'PHAM NGOC HA',
      })
    })

    it('answers an unknown personal ID and a name that does not fit alike, before any account check', async () => {
      const parent = await createSignedInCitizen(test)
      const child = await insertChild('Phạm Ngọc Hà')
      // Someone with an account: a wrong name must not tell that either.
      const adult = await createSignedInCitizen(test)
      const photo = { birthCertificate: await testJpeg(800, 600) }
      const attempt = (identifier: string, fullName: string) =>
        fileChild(parent, { identifier, fullName, officeCode: '07915' }, photo)
      const unknown = await attempt('099000000001', 'Phạm Ngọc Hà')
      const wrongName = await attempt(child.personalId, 'Phạm Ngọc Hân')
      const wrongNameWithAccount = await attempt(adult.personalId, 'Phạm Ngọc Hà')
      expect(unknown.statusCode).toBe(400)
      expect(unknown.json().error.fields).toEqual({
        identifier: [
          'Không tìm thấy trẻ có số định danh cá nhân và họ tên này. Kiểm tra lại theo giấy khai sinh, hoặc ' +
            'nhập mã số BHXH của con (in trên thẻ BHYT).',
        ],
      })
      expect(wrongName.body).toBe(unknown.body)
      expect(wrongNameWithAccount.body).toBe(unknown.body)
      expect(
        await test.database.db.select().from(dossiers).where(eq(dossiers.bhxhCode, child.bhxhCode)),
      ).toEqual([])
      // With the right name, the one who has an account is named as such.
      const withAccount = await attempt(adult.personalId, 'Trần Văn Thử')
      expect(withAccount.statusCode).toBe(409)
      expect(withAccount.json().error.fields.identifier).toHaveLength(1)
    })

    it('files by the BHXH code as typed, also from an app that still sends it as bhxhCode', async () => {
      const parent = await createSignedInCitizen(test)
      const photo = { birthCertificate: await testJpeg(800, 600) }
      const byCode = await fileChild(
        parent,
        { identifier: childCode(), fullName: 'Trần Bảo An', officeCode: '07915' },
        photo,
      )
      expect(byCode.statusCode, byCode.body).toBe(201)
      expect(await filedDossier(byCode.json().dossierNumber)).toMatchObject({ idKind: null, idNumber: null })
      const legacyCode = childCode()
      const legacy = await fileChild(
        await createSignedInCitizen(test),
        { bhxhCode: legacyCode, fullName: 'Trần Bảo An', officeCode: '07915' },
        photo,
      )
      expect(legacy.statusCode, legacy.body).toBe(201)
      expect(await filedDossier(legacy.json().dossierNumber)).toMatchObject({
        bhxhCode: legacyCode,
        idKind: null,
      })
      const taken = await fileChild(
        parent,
        { identifier: parent.bhxhCode, fullName: 'Trần Bảo An', officeCode: '07915' },
        photo,
      )
      expect(taken.statusCode).toBe(409)
      expect(taken.json().error.fields).toEqual({
        identifier: ['Mã số BHXH này đã có tài khoản giao dịch điện tử.'],
      })
    })

    it(`refuses the filing after ${CHILD_FILINGS_PER_HOUR} in an hour from one account, not from another`, async () => {
      const parent = await createSignedInCitizen(test)
      const photo = { birthCertificate: await testJpeg(400, 300) }
      const attempt = (citizen: CitizenTestSession) =>
        fileChild(
          citizen,
          { identifier: '099000000002', fullName: 'Phạm Ngọc Hà', officeCode: '07915' },
          photo,
        )
      for (let i = 0; i < CHILD_FILINGS_PER_HOUR; i++) expect((await attempt(parent)).statusCode).toBe(400)
      const refused = await attempt(parent)
      expect(refused.statusCode).toBe(429)
      expect(refused.json().error.message).toMatch(/quá nhiều hồ sơ/)
      expect((await attempt(await createSignedInCitizen(test))).statusCode).toBe(400)
    })

    it('names the missing fields and the refused photo', async () => {
      const parent = await createSignedInCitizen(test)
      const noFields = await fileChild(parent, { fullName: 'Trần Bảo An' }, {})
      expect(noFields.statusCode).toBe(400)
      expect(Object.keys(noFields.json().error.fields).sort()).toEqual(['identifier', 'officeCode'])
      const child = { identifier: childCode(), fullName: 'Trần Bảo An', officeCode: '07915' }
      const noPhoto = await fileChild(parent, child, {})
      expect(noPhoto.json().error.fields.birthCertificate).toHaveLength(1)
      const notAnImage = await fileChild(parent, child, { birthCertificate: Buffer.from('not a photo') })
      expect(notAnImage.json().error.fields.birthCertificate).toHaveLength(1)
    })
  })
})
