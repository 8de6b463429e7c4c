import { readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import {
  registrationForm as form,
  testJpeg as jpeg,
  lastCodeSentTo,
  registrationMultipart as multipart,
  type TestPhotos as Photos,
  registerDossier,
} from '../../../test/registration'
import {
  citizenAccounts,
  dossierEvents,
  dossierPhotos,
  dossiers,
  messages,
  people,
  registrationRequests,
} from '../../db/schema'
import { expireOverdueDossiers, purgeAbandonedRegistrations, remindPaperDossiers } from './expiry'

const DAY = 24 * 60 * 60_000

describe.each(testBackends())('registration API on %s', (backend) => {
  let test: TestApp
  let now = new Date()
  let photos: Photos

  beforeAll(async () => {
    test = await createTestApp({
      backend,
      clock: () => now,
      env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' },
    })
    const image = await jpeg()
    photos = { portrait: image, idFront: image, idBack: image }
  })
  afterAll(async () => test?.close())

  const submit = async (body: Record<string, unknown>, files: Photos = photos) =>
    test.app.inject({ method: 'POST', url: '/api/v1/registrations', ...(await multipart(body, files)) })
  const confirm = (id: string, otp: string) =>
    test.app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/confirm`, payload: { otp } })

  const lastOtp = (to: string) => lastCodeSentTo(test.database, to)
  const register = (body: Record<string, unknown>) => registerDossier(test.app, test.database, body, photos)

  it('submits, confirms with the OTP, answers the status and the declaration PDF', async () => {
    const submitted = await submit(form())
    expect(submitted.statusCode, submitted.body).toBe(201)
    const created = submitted.json()
    expect(created.otp).toMatchObject({ channel: 'sms', sentTo: expect.stringMatching(/^090\*+001$/) })
    expect(created.replacesPending).toBe(false)

    const wrong = await confirm(created.id, '000000' === (await lastOtp('0901111001')) ? '111111' : '000000')
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error).toMatchObject({
      code: 'OTP_INVALID',
      message: expect.stringContaining('4 lần'),
    })

    const confirmed = await confirm(created.id, await lastOtp('0901111001'))
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    const dossier = confirmed.json()
    expect(dossier.dossierNumber).toMatch(/^07915-\d{4}-\d{7}$/)
    expect(dossier).toMatchObject({
      status: 'pending',
      condition: 'awaiting_paper',
      office: { name: 'BHXH Quận 5' },
    })

    // A retried confirmation (the answer was lost on the way) finds the same dossier.
    expect((await confirm(created.id, '000000')).json().dossierNumber).toBe(dossier.dossierNumber)

    const [row] = await test.database.db
      .select()
      .from(dossiers)
      .where(eq(dossiers.dossierNumber, dossier.dossierNumber))
    const stored = await test.database.db
      .select()
      .from(dossierPhotos)
      .where(eq(dossierPhotos.dossierId, row?.id ?? 0))
    expect(stored.map((photo) => photo.kind).sort()).toEqual(['idBack', 'idFront', 'portrait'])
    const photo = await test.app.deps.files.get(stored[0]?.fileId ?? '')
    expect(photo.includes('SecretCam')).toBe(false)

    const received = await test.database.db
      .select()
      .from(messages)
      .where(eq(messages.kind, 'dossier_received'))
    expect(received.map((message) => message.body).join()).toContain(dossier.dossierNumber)

    const status = await test.app.inject({
      url: `/api/v1/registrations/status?dossierNumber=${dossier.dossierNumber}&phone=0901111001`,
    })
    expect(status.json()).toMatchObject({
      status: 'pending',
      condition: 'awaiting_paper',
      fullName: 'Trần V** B***',
    })
    const otherPhone = await test.app.inject({
      url: `/api/v1/registrations/status?dossierNumber=${dossier.dossierNumber}&phone=0901111999`,
    })
    expect(otherPhone.statusCode).toBe(404)

    const pdf = await test.app.inject({
      url: `/api/v1/registrations/${dossier.dossierNumber}/declaration.pdf?phone=0901111001`,
    })
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    })
    const flat = text.normalize('NFC').replace(/\s+/g, ' ')
    for (const expected of [
      'Trần Văn Bình',
      '7900099001',
      dossier.dossierNumber,
      'Phường Chợ Quán',
      'BHXH Quận 5',
    ])
      expect(flat).toContain(expected)
  })

  it('prints on the declaration of an address in old units the units it lies in now', async () => {
    const filed = await register(
      form({
        bhxhCode: '7900099020',
        phone: '0901111020',
        // Old Hà Nội: Phường Phúc Xá (Quận Ba Đình) went whole into Phường Hồng Hà.
        address: {
          codeSet: '2004-2025',
          provinceCode: '01',
          districtCode: '001',
          communeCode: '00001',
          street: 'Số 1 Phố Đội Cấn',
        },
      }),
    )
    const pdf = await test.app.inject(
      `/api/v1/registrations/${filed.dossierNumber}/declaration.pdf?phone=0901111020`,
    )
    expect(pdf.statusCode, pdf.body).toBe(200)
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    })
    const flat = text.normalize('NFC').replace(/\s+/g, ' ')
    expect(flat).toContain('Số 1 Phố Đội Cấn, Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội')
    expect(flat).toContain('Nay thuộc: Phường Hồng Hà, Thành phố Hà Nội')
  })

  it('documents every route and the multipart fields in OpenAPI', async () => {
    const spec = (await test.app.inject('/docs/json')).json()
    for (const path of [
      '/api/v1/registrations',
      '/api/v1/registrations/{id}/otp',
      '/api/v1/registrations/{id}/confirm',
      '/api/v1/registrations/status',
      '/api/v1/registrations/{dossierNumber}/declaration.pdf',
      '/api/v1/directory/offices/suggest',
    ])
      expect(spec.paths[path], path).toBeDefined()
    const body = spec.paths['/api/v1/registrations'].post.requestBody.content['multipart/form-data'].schema
    expect(Object.keys(body.properties)).toEqual(['form', 'portrait', 'idFront', 'idBack'])
    expect(Object.keys(body.properties.form.properties)).toEqual(
      expect.arrayContaining([
        'bhxhCode',
        'fullName',
        'idKind',
        'idNumber',
        'address',
        'phone',
        'email',
        'officeCode',
        'agreed',
      ]),
    )
  })

  it('names each bad field and keeps to one answer shape', async () => {
    const bad = await submit(form({ bhxhCode: '123', phone: '0123', address: { codeSet: '2025-07-01' } }))
    expect(bad.statusCode).toBe(400)
    const { error } = bad.json()
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(error.fields)).toEqual(
      expect.arrayContaining([
        'bhxhCode',
        'phone',
        'address.provinceCode',
        'address.communeCode',
        'address.street',
      ]),
    )
    const wrongUnits = await submit(
      form({ address: { ...form().address, communeCode: '00004' }, officeCode: '99999' }),
    )
    expect(Object.keys(wrongUnits.json().error.fields).sort()).toEqual(['address.communeCode', 'officeCode'])
  })

  it('checks photos by content and size, and keeps nothing of a refused submission', async () => {
    const before = await readdir(join(tmpdir(), 'ansinh-test-files')).catch(() => [])
    const fake = Buffer.from('this is not a picture at all')
    const huge = Buffer.concat([await jpeg(), Buffer.alloc(10 * 1024 * 1024)])
    const answer = await submit(form({ phone: '0901111002', bhxhCode: '7900099002' }), {
      portrait: huge,
      idFront: fake,
    })
    expect(answer.statusCode).toBe(400)
    expect(answer.json().error.fields).toEqual({
      'photos.portrait': ['Ảnh quá lớn: tối đa 10 MB.'],
      'photos.idFront': ['Tệp không phải ảnh JPEG, PNG, HEIC hoặc WebP.'],
      'photos.idBack': ['Vui lòng chụp hoặc chọn ảnh.'],
    })
    expect(await readdir(join(tmpdir(), 'ansinh-test-files')).catch(() => [])).toEqual(before)
  })

  it('refuses a phone already used by another pending dossier', async () => {
    await register(form({ bhxhCode: '7900099003', phone: '0901111003' }))
    const duplicate = await submit(form({ bhxhCode: '7900099004', phone: '0901111003' }))
    expect(duplicate.statusCode).toBe(400)
    expect(duplicate.json().error.fields.phone[0]).toMatch(/đã được dùng/)
  })

  it('voids a request after five wrong OTPs', async () => {
    const { id } = (await submit(form({ bhxhCode: '7900099005', phone: '0901111005' }))).json()
    const right = await lastOtp('0901111005')
    const wrong = right === '999999' ? '888888' : '999999'
    const codes = []
    for (let attempt = 0; attempt < 5; attempt += 1) codes.push((await confirm(id, wrong)).json().error.code)
    expect(codes).toEqual([
      'OTP_INVALID',
      'OTP_INVALID',
      'OTP_INVALID',
      'OTP_INVALID',
      'OTP_ATTEMPTS_EXCEEDED',
    ])
    expect((await confirm(id, right)).json().error.code).toBe('OTP_ATTEMPTS_EXCEEDED')
    // "Send again" does not hand out five more tries: a new code needs a new submission.
    const resend = await test.app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/otp` })
    expect(resend.json().error.code).toBe('OTP_ATTEMPTS_EXCEEDED')
  })

  it('lets nobody but the same phone replace a pending dossier, and never after the papers arrived', async () => {
    const owner = await register(form({ bhxhCode: '7900099011', phone: '0901111011' }))
    const stranger = await submit(form({ bhxhCode: '7900099011', phone: '0901111012' }))
    expect(stranger.json().replacesPending).toBe(false)
    const refused = await confirm(stranger.json().id, await lastOtp('0901111012'))
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.message).toMatch(/số điện thoại hoặc email khác/)
    const [kept] = await test.database.db
      .select()
      .from(dossiers)
      .where(eq(dossiers.dossierNumber, owner.dossierNumber))
    expect(kept?.status).toBe('pending')

    await test.database.db
      .update(dossiers)
      .set({ condition: 'received' })
      .where(eq(dossiers.id, kept?.id ?? 0))
    // Once the office has the papers, a new submission is refused at once, before any OTP is sent.
    const afterPapers = await submit(form({ bhxhCode: '7900099011', phone: '0901111011' }))
    expect(afterPapers.statusCode).toBe(409)
    expect(afterPapers.json().error.message).toMatch(/đã tiếp nhận/)
  })

  it('does not let a dossier confirmed by e-mail hold a phone it never proved', async () => {
    const submitted = await submit(
      form({
        bhxhCode: '7900099013',
        phone: '0901111013',
        email: 'someone@example.vn',
        contactChannel: 'email',
      }),
    )
    expect((await confirm(submitted.json().id, await lastOtp('someone@example.vn'))).statusCode).toBe(200)
    const owner = await submit(form({ bhxhCode: '7900099014', phone: '0901111013' }))
    expect(owner.statusCode, owner.body).toBe(201)
  })

  it('replaces a pending dossier for the same BHXH code', async () => {
    const first = await register(form({ bhxhCode: '7900099006', phone: '0901111006' }))
    const again = await submit(form({ bhxhCode: '7900099006', phone: '0901111006' }))
    expect(again.json().replacesPending).toBe(true)
    const second = (await confirm(again.json().id, await lastOtp('0901111006'))).json()
    const rows = await test.database.db.select().from(dossiers).where(eq(dossiers.bhxhCode, '7900099006'))
    expect(Object.fromEntries(rows.map((row) => [row.dossierNumber, row.status]))).toEqual({
      [first.dossierNumber]: 'cancelled',
      [second.dossierNumber]: 'pending',
    })
  })

  it('reminds two days before, then expires a dossier whose papers did not come in 10 days, with its photos', async () => {
    const filed = await register(form({ bhxhCode: '7900099007', phone: '0901111007' }))
    const [row] = await test.database.db
      .select()
      .from(dossiers)
      .where(eq(dossiers.dossierNumber, filed.dossierNumber))
    const fileIds = (
      await test.database.db
        .select()
        .from(dossierPhotos)
        .where(eq(dossierPhotos.dossierId, row?.id ?? 0))
    ).map((photo) => photo.fileId)
    const filedAt = now
    const reminders = async () =>
      (
        await test.database.db.select().from(messages).where(eq(messages.kind, 'paper_dossier_reminder'))
      ).filter((message) => message.recipient === '0901111007')
    try {
      now = new Date(filedAt.getTime() + 7 * DAY)
      await remindPaperDossiers(test.app.deps)
      expect(await reminders()).toEqual([])
      now = new Date(filedAt.getTime() + 8 * DAY)
      expect(await remindPaperDossiers(test.app.deps)).toBeGreaterThanOrEqual(1)
      expect(await remindPaperDossiers(test.app.deps)).toBe(0) // once per dossier
      expect((await reminders()).map((message) => message.body).join()).toContain(filed.dossierNumber)
      now = new Date(filedAt.getTime() + 10 * DAY)
      expect(await expireOverdueDossiers(test.app.deps)).toBe(0)
      now = new Date(filedAt.getTime() + 11 * DAY)
      expect(await expireOverdueDossiers(test.app.deps)).toBeGreaterThanOrEqual(1)
      expect(await expireOverdueDossiers(test.app.deps)).toBe(0)
    } finally {
      now = filedAt
    }
    const [expired] = await test.database.db
      .select()
      .from(dossiers)
      .where(eq(dossiers.id, row?.id ?? 0))
    expect(expired?.status).toBe('expired')
    expect(
      await test.database.db
        .select()
        .from(dossierPhotos)
        .where(eq(dossierPhotos.dossierId, row?.id ?? 0)),
    ).toEqual([])
    for (const id of fileIds) await expect(test.app.deps.files.get(id)).rejects.toThrow()
    const events = await test.database.db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, row?.id ?? 0))
    expect(events.map((event) => event.kind)).toEqual(['submitted', 'expired'])
    const sms = await test.database.db.select().from(messages).where(eq(messages.kind, 'dossier_expired'))
    expect(sms.map((message) => message.body).join()).toContain(filed.dossierNumber)
    // What the person declared is gone; the number, office, dates and phone answer the status check.
    expect(expired).toMatchObject({ fullName: '', idNumber: '', street: '', email: null })
    const query = `dossierNumber=${filed.dossierNumber}&phone=0901111007`
    expect((await test.app.inject(`/api/v1/registrations/status?${query}`)).json().status).toBe('expired')
    const pdf = await test.app.inject(
      `/api/v1/registrations/${filed.dossierNumber}/declaration.pdf?phone=0901111007`,
    )
    expect(pdf.statusCode).toBe(404)
  })

  it('sends the OTP by e-mail when the person chose e-mail, and refuses a code that has an account', async () => {
    const byEmail = await submit(
      form({
        bhxhCode: '7900099009',
        phone: '0901111009',
        email: 'Binh.Tran@Example.vn',
        contactChannel: 'email',
      }),
    )
    expect(byEmail.json().otp).toMatchObject({
      channel: 'email',
      sentTo: expect.stringContaining('@example.vn'),
    })
    const mails = await test.database.db.select().from(messages).where(eq(messages.channel, 'email'))
    expect(mails.map(({ kind, recipient }) => ({ kind, recipient: recipient.toLowerCase() }))).toContainEqual(
      {
        kind: 'otp',
        recipient: 'binh.tran@example.vn',
      },
    )

    const [person] = await test.database.db
      .insert(people)
      .values({
        bhxhCode: '7900099010',
        fullName: 'Lê Thị Hoa',
        foldedName: 'le thi hoa',
        birthYear: 1990,
        gender: 'female',
        addressCodeSet: '2025-07-01',
        provinceCode: '79',
      })
      .returning({ id: people.id })
    await test.database.db
      .insert(citizenAccounts)
      .values({ personId: person?.id ?? 0, username: '7900099010', passwordHash: 'x' })
    const taken = await submit(form({ bhxhCode: '7900099010', phone: '0901111010' }))
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error).toMatchObject({
      code: 'CONFLICT',
      fields: { bhxhCode: [expect.stringMatching(/đã có tài khoản/)] },
    })
  })

  it('deletes an abandoned request with its photos', async () => {
    const { id } = (await submit(form({ bhxhCode: '7900099008', phone: '0901111008' }))).json()
    const [request] = await test.database.db
      .select()
      .from(registrationRequests)
      .where(eq(registrationRequests.id, id))
    const submittedAt = now
    try {
      now = new Date(submittedAt.getTime() + 2 * 60 * 60_000)
      await purgeAbandonedRegistrations(test.app.deps)
    } finally {
      now = submittedAt
    }
    expect(
      await test.database.db.select().from(registrationRequests).where(eq(registrationRequests.id, id)),
    ).toEqual([])
    for (const photo of request?.photos ?? [])
      await expect(test.app.deps.files.get(photo.fileId)).rejects.toThrow()
    expect((await confirm(id, '123456')).statusCode).toBe(404)
  })
})
