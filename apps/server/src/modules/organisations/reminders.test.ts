import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp, unlimitedOtpEnv } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog, citizenAccounts, messages, organisationReminders, reminderOptOuts } from '../../db/schema'
import { addMember, addOrganisation, addPerson, signInOrganisationAdmin } from './collect-fixtures'
import { optOutToken } from './reminders-opt-out'

const DAY = 86_400_000

// Nhắc đăng ký: reminders to the members who have not registered, through the outbox, once a week at
// most, never to those who opted out.
describe.each(testBackends())('reminders on %s', (backend) => {
  let test: TestApp
  let now = new Date('2026-12-01T02:00:00Z')
  let admin: StaffSignIn
  const ids = { school: 0, other: 0 }
  const person: Record<string, number> = {}

  const remind = (body: object = {}, who: StaffSignIn = admin, id = ids.school) =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/organisations/${id}/reminders`,
      headers: who.headers,
      payload: body,
    })

  const reminderMessages = () =>
    test.database.db
      .select()
      .from(messages)
      .where(eq(messages.kind, 'organisation_reminder'))
      .orderBy(messages.createdAt)

  /** Moves the clock; the staff session would have ended, so sign in again. */
  async function later(days: number) {
    now = new Date(now.getTime() + days * DAY)
    admin = await signInStaff(test.app, 'truong.nhac')
  }

  beforeAll(async () => {
    test = await createTestApp({ backend, env: unlimitedOtpEnv, clock: () => now })
    const db = test.database.db
    ids.school = await addOrganisation(db, { code: 'TRUONG-NHAC', name: 'Trường THCS "Nhắc" – Quận 5' })
    ids.other = await addOrganisation(db, { code: 'TRUONG-KHAC', name: 'Trường Khác' })
    const people = [
      { key: 'sms', bhxhCode: '7900300001', fullName: 'Đỗ Thị Sương', phone: '0903000001', unit: '8A1' },
      {
        key: 'email',
        bhxhCode: '7900300002',
        fullName: 'Hồ Văn Thư',
        email: 'Thu.Ho@Example.vn',
        unit: '8A1',
      },
      { key: 'none', bhxhCode: '7900300003', fullName: 'Mai Văn Không', unit: '8A2' },
      { key: 'account', bhxhCode: '7900300004', fullName: 'Lý Thị Có', phone: '0903000004', unit: '8A2' },
      { key: 'filed', bhxhCode: '7900300005', fullName: 'Tạ Văn Nộp', phone: '0903000005', unit: '8A2' },
      { key: 'optedOut', bhxhCode: '7900300006', fullName: 'Kha Thị Thôi', phone: '0903000006', unit: '8A2' },
    ]
    for (const { key, unit, ...values } of people) {
      person[key] = await addPerson(db, values)
      await addMember(db, ids.school, person[key] as number, 'pupil', unit)
    }
    await db.insert(citizenAccounts).values({
      personId: person.account as number,
      username: '7900300004',
      passwordHash: 'not-used',
    })
    await db.execute(sql`
      insert into dossiers (dossier_number, kind, status, condition, bhxh_code, full_name, folded_name, id_kind,
        id_number, address_code_set, province_code, commune_code, street, phone, contact_channel, language,
        office_code, submitted_at, paper_deadline)
      values ('07915-2612-0300005', 'new', 'pending', 'awaiting_paper', '7900300005', 'Tạ Văn Nộp', 'ta van nop',
        'personal_id', '079100300005', '2025-07-01', '79', '27301', 'Số 1', '0903000005', 'sms', 'vi', '07915',
        now(), current_date + 10)`)
    await db.insert(reminderOptOuts).values({ personId: person.optedOut as number })
    admin = await signInOrganisationAdmin(test.app, 'truong.nhac', ids.school)
  }, 60_000)
  afterAll(async () => test?.close())

  it('queues an SMS to the phone, an e-mail without one, and counts everyone else', async () => {
    const answer = await remind()
    expect(answer.statusCode, answer.body).toBe(200)
    expect(answer.json()).toEqual({
      notRegistered: 4,
      queued: 2,
      sms: 1,
      email: 1,
      skippedOptedOut: 1,
      skippedRecentlyReminded: 0,
      skippedNoContact: 1,
      deferred: 0,
      remainingToday: 998,
    })
    const sent = await reminderMessages()
    expect(sent.map((message) => [message.channel, message.recipient])).toEqual(
      expect.arrayContaining([
        ['sms', '0903000001'],
        ['email', 'thu.ho@example.vn'],
      ]),
    )
    const sms = sent.find((message) => message.channel === 'sms')
    // The name is the organisation's, cleaned for the template; the link is this person's own.
    expect(sms?.body).toContain('Truong THCS Nhac Quan 5 nhac ban dang ky tai khoan giao dich dien tu BHXH')
    expect(sms?.body).toContain(
      `Ngung nhan tin nhac: http://localhost/api/v1/reminders/opt-out/${optOutToken(test.app.deps, person.sms as number)}`,
    )
    expect(sms?.body).not.toContain('Đỗ Thị Sương')
    const rows = await test.database.db.select().from(organisationReminders)
    expect(rows).toHaveLength(2)
    expect(rows.map((row) => row.messageId).sort()).toEqual(sent.map((message) => message.id).sort())
    const [audit] = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'organisation.reminders_sent'))
    expect(audit?.detail).toMatchObject({ queued: 2, skippedNoContact: 1 })
  })

  it('reminds nobody twice within 7 days, whoever asks, and again after them', async () => {
    const again = await remind()
    expect(again.json()).toMatchObject({ queued: 0, skippedRecentlyReminded: 2, skippedOptedOut: 1 })
    await later(6)
    expect((await remind()).json()).toMatchObject({ queued: 0, skippedRecentlyReminded: 2 })
    expect(await reminderMessages()).toHaveLength(2)
    await later(2)
    expect((await remind({ unit: '8a1' })).json()).toMatchObject({ notRegistered: 2, queued: 2 })
    expect(await reminderMessages()).toHaveLength(4)
  })

  it('stops reminding whoever opens the link and confirms; a forged link changes nothing', async () => {
    const token = optOutToken(test.app.deps, person.sms as number)
    const page = await test.app.inject({ method: 'GET', url: `/api/v1/reminders/opt-out/${token}` })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.body).toContain('<form method="post">')
    expect(page.body).toContain('Ngừng nhận tin nhắc')
    // Opening the page alone (a link preview) changes nothing.
    expect(await test.database.db.select().from(reminderOptOuts)).toHaveLength(1)

    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    for (const method of ['GET', 'POST'] as const) {
      const refused = await test.app.inject({ method, url: `/api/v1/reminders/opt-out/${forged}` })
      expect(refused.statusCode).toBe(404)
      expect(refused.body).toContain('Đường dẫn không hợp lệ')
    }
    // As a browser submits the page's form: an empty form body.
    const done = await test.app.inject({
      method: 'POST',
      url: `/api/v1/reminders/opt-out/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    })
    expect(done.statusCode).toBe(200)
    expect(done.body).toContain('Đã ngừng gửi tin nhắc')
    expect(
      (await test.app.inject({ method: 'POST', url: `/api/v1/reminders/opt-out/${token}` })).statusCode,
    ).toBe(200)
    const optedOut = await test.database.db
      .select()
      .from(reminderOptOuts)
      .where(eq(reminderOptOuts.personId, person.sms as number))
    expect(optedOut).toHaveLength(1)

    await later(8)
    expect((await remind()).json()).toMatchObject({ queued: 1, email: 1, skippedOptedOut: 2 })
  })

  it('defers whoever is past the daily cap of the organisation', async () => {
    await later(8)
    // 1,000 reminders already queued today by this organisation (to someone; the count is what matters).
    await test.database.db.execute(sql`
      insert into organisation_reminders (organisation_id, person_id, channel, message_id, sent_by, queued_at)
      select ${ids.school}, ${person.none as number}, 'sms', gen_random_uuid(), ${admin.staff.id}, ${now.toISOString()}::timestamptz
      from generate_series(1, 1000)`)
    const capped = await remind()
    expect(capped.json()).toMatchObject({ queued: 0, deferred: 1, remainingToday: 0 })
    await test.database.db
      .delete(organisationReminders)
      .where(eq(organisationReminders.personId, person.none as number))
  })

  it('writes nothing when the round fails midway, so the retry sends each message once', async () => {
    await later(8)
    await test.database.db.delete(reminderOptOuts)
    const counters = test.app.deps.recipientCounters
    const increment = counters.increment
    let calls = 0
    counters.increment = async (...args) => {
      calls += 1
      if (calls === 3) throw new Error('the process died here')
      return increment(...args)
    }
    const before = (await reminderMessages()).length
    try {
      expect((await remind()).statusCode).toBe(500)
    } finally {
      counters.increment = increment
    }
    expect(await reminderMessages()).toHaveLength(before)
    const retried = await remind()
    expect(retried.json()).toMatchObject({ queued: 3, sms: 2, email: 1 })
    const sent = await reminderMessages()
    expect(sent).toHaveLength(before + 3)
    expect(new Set(sent.slice(before).map((message) => message.recipient)).size).toBe(3)
  })

  it('answers 404 for an organisation outside reach and to other roles', async () => {
    expect((await remind({}, admin, ids.other)).statusCode).toBe(404)
    expect((await remind({ organisationId: ids.other })).statusCode).toBe(404)
    const reviewer = await signInStaff(test.app, 'q5.reviewer')
    expect((await remind({}, reviewer)).statusCode).toBe(404)
    expect((await remind({ role: 'teacher' })).statusCode).toBe(400)
  })
})
