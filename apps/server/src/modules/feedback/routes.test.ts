import { randomInt } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp, unlimitedOtpEnv } from '../../../test/app'
import { createSignedInCitizen } from '../../../test/citizen'
import { testBackends } from '../../../test/database'
import { multipartBody, testJpeg } from '../../../test/registration'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog, feedback, feedbackAttachments, messages } from '../../db/schema'

// Phản ánh kiến nghị through the HTTP API: the person's form and look-up as the citizen app calls
// them, and the office's list, detail and answer as the back-office calls them.
describe.each(testBackends())('feedback on %s', (backend) => {
  let test: TestApp
  let hcmAdmin: StaffSignIn
  let hanoiReviewer: StaffSignIn

  beforeAll(async () => {
    test = await createTestApp({ backend, env: unlimitedOtpEnv })
    hcmAdmin = await signInStaff(test.app, 'hcm.admin')
    hanoiReviewer = await signInStaff(test.app, 'dongda.reviewer')
  })
  afterAll(async () => test?.close())

  const newPhone = () => `0908${String(randomInt(1_000_000)).padStart(6, '0')}`
  const fields = (overrides: Record<string, string> = {}) => ({
    category: 'participation',
    content: 'Quá trình tham gia tháng 03/2026 của tôi chưa được cập nhật trên ứng dụng.',
    fullName: 'Lê Thị Phản Ánh',
    phone: newPhone(),
    provinceCode: '79',
    ...overrides,
  })

  async function send(
    values: Record<string, string>,
    attachments: Buffer[] = [],
    headers: Record<string, string> = {},
  ) {
    const body = await multipartBody(values, attachments.length > 0 ? { attachments } : {})
    return test.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: body.payload,
      headers: { ...body.headers, ...headers },
    })
  }
  const status = (code: string, phone: string) =>
    test.app.inject({ method: 'GET', url: `/api/v1/feedback/status?code=${code}&phone=${phone}` })
  const staffGet = (url: string, who: StaffSignIn) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who.headers })
  const idOf = async (code: string) => {
    const [row] = await test.database.db
      .select({ id: feedback.id })
      .from(feedback)
      .where(eq(feedback.code, code))
    if (!row) throw new Error('no feedback row')
    return row.id
  }
  const messagesOf = (recipient: string) =>
    test.database.db
      .select({ kind: messages.kind, channel: messages.channel, body: messages.body })
      .from(messages)
      .where(eq(messages.recipient, recipient))

  it('refuses a form with wrong fields, naming every one of them', async () => {
    const answer = await send({ category: 'weather', content: 'ngắn', fullName: 'A', phone: '12345' })
    expect(answer.statusCode).toBe(400)
    expect(Object.keys(answer.json().error.fields).sort()).toEqual([
      'category',
      'content',
      'fullName',
      'phone',
    ])
  })

  it('refuses a body that is not multipart', async () => {
    const answer = await test.app.inject({ method: 'POST', url: '/api/v1/feedback', payload: fields() })
    expect(answer.statusCode).toBe(400)
  })

  it('refuses a file that is not an image, and keeps nothing', async () => {
    const before = await test.database.db.select({ id: feedbackAttachments.id }).from(feedbackAttachments)
    const answer = await send(fields(), [await testJpeg(), Buffer.from('%PDF-1.4 not a photo at all')])
    expect(answer.statusCode).toBe(400)
    expect(Object.keys(answer.json().error.fields)).toEqual(['attachments.1'])
    const after = await test.database.db.select({ id: feedbackAttachments.id }).from(feedbackAttachments)
    expect(after.length).toBe(before.length)
  })

  it('refuses a fourth photo and an unknown province', async () => {
    const photo = await testJpeg(320, 240)
    const four = await send(fields(), [photo, photo, photo, photo])
    expect(four.statusCode).toBe(400)
    expect(four.json().error.fields).toHaveProperty('attachments')
    const province = await send(fields({ provinceCode: '99' }))
    expect(province.statusCode).toBe(400)
    expect(province.json().error.fields).toHaveProperty('provinceCode')
  })

  it('takes feedback without photos to the national office, and sends the code by SMS and e-mail', async () => {
    const values = fields({ provinceCode: '', email: 'Phan.Anh@Example.VN' })
    const answer = await send(values)
    expect(answer.statusCode, answer.body).toBe(201)
    const receipt = answer.json()
    expect(receipt).toMatchObject({
      code: expect.stringMatching(/^PA-[2-9A-HJ-NP-Z]{10}$/),
      status: 'received',
      office: { code: '000' },
      attachments: 0,
    })
    const sent = await messagesOf(values.phone)
    expect(sent).toEqual([expect.objectContaining({ kind: 'feedback_received', channel: 'sms' })])
    expect(sent[0]?.body).toContain(receipt.code)
    expect(sent[0]?.body).not.toContain('Phản Ánh')
    expect(await messagesOf('phan.anh@example.vn')).toEqual([
      expect.objectContaining({ kind: 'feedback_received', channel: 'email' }),
    ])
    // Routed to the national office: a province's admin does not reach it.
    expect((await staffGet(`/staff/feedback/${await idOf(receipt.code)}`, hcmAdmin)).statusCode).toBe(404)
  })

  it('looks feedback up by code and phone; a wrong phone and an unknown code answer alike', async () => {
    const values = fields()
    const { code } = (await send(values)).json()
    const right = await status(code.toLowerCase(), values.phone)
    expect(right.statusCode, right.body).toBe(200)
    expect(right.json()).toMatchObject({ code, status: 'received', category: 'participation', answer: null })
    const wrongPhone = await status(code, newPhone())
    const unknown = await status('PA-2222222222', values.phone)
    expect(wrongPhone.statusCode).toBe(404)
    expect(unknown.statusCode).toBe(404)
    expect(wrongPhone.json()).toEqual(unknown.json())
    expect((await status('PA-12', values.phone)).statusCode).toBe(400)
  })

  it('routes HCM feedback with photos to the HCM office: listed, opened, photos decrypted, answered, audited', async () => {
    const values = fields()
    const answer = await send(values, [await testJpeg(), await testJpeg(800, 600)])
    expect(answer.statusCode, answer.body).toBe(201)
    const { code, office, attachments } = answer.json()
    expect(office.code).toBe('079')
    expect(attachments).toBe(2)
    const id = await idOf(code)

    // Another province's reviewer: it does not exist for them.
    expect((await staffGet(`/staff/feedback/${id}`, hanoiReviewer)).statusCode).toBe(404)
    const elsewhere = await staffGet(`/staff/feedback?text=${code}`, hanoiReviewer)
    expect(elsewhere.json()).toMatchObject({ items: [], total: 0 })

    const list = await staffGet(
      `/staff/feedback?status=received&category=participation&text=cap nhat`,
      hcmAdmin,
    )
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().items.map((item: { code: string }) => item.code)).toContain(code)

    const detail = await staffGet(`/staff/feedback/${id}`, hcmAdmin)
    expect(detail.statusCode, detail.body).toBe(200)
    expect(detail.json()).toMatchObject({
      code,
      status: 'in_progress',
      phone: values.phone,
      content: values.content,
      linkedToAccount: false,
      office: { code: '079' },
      attachments: [expect.objectContaining({ width: 640 }), expect.objectContaining({ width: 800 })],
    })
    const photoId = detail.json().attachments[0].id
    const photo = await staffGet(`/staff/feedback/${id}/attachments/${photoId}?size=thumbnail`, hcmAdmin)
    expect(photo.statusCode).toBe(200)
    expect(photo.headers['content-type']).toBe('image/jpeg')
    expect(photo.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    expect((await staffGet(`/staff/feedback/${id}/attachments/${photoId}`, hanoiReviewer)).statusCode).toBe(
      404,
    )

    const short = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/feedback/${id}/answer`,
      headers: hcmAdmin.headers,
      payload: { answer: 'Đã xem' },
    })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.fields).toHaveProperty('answer')
    const text =
      'Đơn vị của bạn đã bổ sung quá trình tham gia tháng 03/2026; ứng dụng cập nhật trong 5 ngày làm việc.'
    const answered = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/feedback/${id}/answer`,
      headers: hcmAdmin.headers,
      payload: { answer: text },
    })
    expect(answered.statusCode, answered.body).toBe(200)
    expect(answered.json()).toMatchObject({
      status: 'answered',
      answer: text,
      answeredBy: expect.any(String),
    })
    const byHanoi = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/feedback/${id}/answer`,
      headers: hanoiReviewer.headers,
      payload: { answer: text },
    })
    expect(byHanoi.statusCode).toBe(404)

    expect((await messagesOf(values.phone)).map((message) => message.kind).sort()).toEqual([
      'feedback_answered',
      'feedback_received',
    ])
    const looked = await status(code, values.phone)
    expect(looked.json()).toMatchObject({ status: 'answered', answer: text, answeredAt: expect.any(String) })

    const audit = await test.database.db
      .select({ action: auditLog.action, staffId: auditLog.staffId })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'feedback'), eq(auditLog.recordId, String(id))))
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      'feedback.answer',
      'feedback.attachment_view',
      'feedback.view',
    ])
    expect(audit.every((entry) => entry.staffId === hcmAdmin.staff.id)).toBe(true)
    const searches = await test.database.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'feedback.search'), eq(auditLog.staffId, hcmAdmin.staff.id)))
    expect(JSON.stringify(searches)).not.toContain('cap nhat')
  })

  it('links feedback sent while signed in, and puts the answer in the inbox too', async () => {
    const citizen = await createSignedInCitizen(test)
    const values = fields()
    const sent = await send(values, [], citizen.headers)
    expect(sent.statusCode, sent.body).toBe(201)
    const id = await idOf(sent.json().code)
    const opened = await staffGet(`/staff/feedback/${id}`, hcmAdmin)
    expect(opened.json().linkedToAccount).toBe(true)
    const answered = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/feedback/${id}/answer`,
      headers: hcmAdmin.headers,
      payload: { answer: 'Chúng tôi đã kiểm tra và cập nhật thông tin cho bạn.' },
    })
    expect(answered.statusCode, answered.body).toBe(200)
    const inbox = await test.app.inject({ method: 'GET', url: '/api/v1/me/inbox', headers: citizen.headers })
    expect(inbox.json().items.map((item: { kind: string }) => item.kind)).toEqual([
      'feedback_answered',
      'feedback_received',
    ])
    // Without the session's CSRF header the cookie alone links nothing (a cross-site form).
    const anonymous = await send(fields(), [], { cookie: citizen.cookie })
    expect(anonymous.statusCode).toBe(201)
    const [row] = await test.database.db
      .select({ account: feedback.citizenAccountId })
      .from(feedback)
      .where(eq(feedback.code, anonymous.json().code))
    expect(row?.account).toBeNull()
  })

  it('limits one phone to five feedback a day', async () => {
    const phone = newPhone()
    for (let sent = 0; sent < 5; sent++) expect((await send(fields({ phone }))).statusCode).toBe(201)
    const sixth = await send(fields({ phone }))
    expect(sixth.statusCode).toBe(429)
  })
})
