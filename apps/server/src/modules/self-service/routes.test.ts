import { addMonths, healthCardManagingCode, parseHealthCardQr } from '@ansinh/domain'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import {
  type CitizenTestSession,
  createTestCitizen,
  signInCitizen,
  type TestCitizen,
} from '../../../test/citizen'
import { testBackends } from '../../../test/database'
import { benefits, medicalVisits, participationPeriods, people } from '../../db/schema'
import { createCitizenAccount } from '../identity/accounts'
import { seedDemo } from '../registry/demo-population/seed-demo'
import { demoAccounts } from '../registry/demo-population/well-known'

const views = ['', '/card', '/participation', '/benefits', '/medical-visits']

describe.each(testBackends())('my records on %s', (backend) => {
  let test: TestApp
  let parent: CitizenTestSession
  let stranger: CitizenTestSession
  let strangerCitizen: TestCitizen
  let childAccountId: number

  beforeAll(async () => {
    test = await createTestApp({ backend, env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })
    await seedDemo(test.database, { people: 0, totpKey: Buffer.alloc(32, 7) })
    const { citizen, child } = demoAccounts
    parent = await signInCitizen(test.app, citizen)
    const [childPerson] = await test.database.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.bhxhCode, child.bhxhCode))
    const [parentPerson] = await test.database.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.bhxhCode, citizen.bhxhCode))
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: parent.headers })
    expect(me.statusCode).toBe(200)
    const parentAccount = await test.database.db.query.citizenAccounts.findFirst({
      where: (accounts, { eq }) => eq(accounts.personId, parentPerson?.id ?? 0),
    })
    childAccountId = (
      await createCitizenAccount(test.database.db, {
        personId: childPerson?.id ?? 0,
        username: child.bhxhCode,
        password: 'Con-Trai#2026',
        mustChangePassword: true,
        guardianAccountId: parentAccount?.id ?? 0,
      })
    ).id
    strangerCitizen = await createTestCitizen(test.database)
    stranger = await signInCitizen(test.app, {
      username: strangerCitizen.bhxhCode,
      password: strangerCitizen.password,
    })
  })
  afterAll(async () => test?.close())

  const get = (url: string, session?: CitizenTestSession) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session?.headers ?? {} })

  it('shows the person their profile, and keeps it out of every cache', async () => {
    const answer = await get('/me', parent)
    expect(answer.statusCode, answer.body).toBe(200)
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.json()).toEqual({
      bhxhCode: '7900012345',
      personalId: '079176000417',
      legacyIdNumber: '025176417',
      fullName: 'Nguyễn Thị Thu Hằng',
      birth: { year: 1976, month: 3, day: 12 },
      gender: 'female',
      phone: '0901234567',
      email: 'thuhang.demo@example.com',
      address: expect.stringMatching(/^Số 125 Đường Trần Hưng Đạo, Phường Chợ Quán, Thành phố Hồ Chí Minh$/),
      currentUnits: null, // already in the 2025 units
      isChild: false,
    })
  })

  it('draws the card in force with a QR payload a hospital scanner parses back', async () => {
    const answer = await get('/me/card', parent)
    expect(answer.statusCode, answer.body).toBe(200)
    const card = answer.json()
    expect(card).toMatchObject({
      cardNumber: '7900012345',
      legacyCardNumber: 'DN4797900012345',
      groupCode: 'DN',
      benefitLevel: 4,
      validFrom: '2020-01-01',
      validTo: null,
      status: 'valid',
      issuingOffice: { code: '07915' },
    })
    expect(card.primaryFacility.name).not.toBe(card.primaryFacility.code)
    const qr = parseHealthCardQr(card.qrPayload)
    expect(qr.ok && qr.value).toMatchObject({
      cardNumber: '7900012345',
      fullName: 'Nguyễn Thị Thu Hằng',
      primaryFacilityCode: card.primaryFacility.code,
      managingCode: healthCardManagingCode('07915', '7900012345'),
    })
  })

  it('lists participation per scheme with totals and the months the employer owes', async () => {
    const answer = await get('/me/participation', parent)
    expect(answer.statusCode, answer.body).toBe(200)
    const { tabs, asOfMonth } = answer.json()
    expect(tabs.map((tab: { tab: string }) => tab.tab)).toEqual([
      'social',
      'unemployment',
      'occupational',
      'health',
    ])
    const social = tabs[0]
    // 07/1996 to this month, less 07–12/2011 out of work.
    const expected = (Math.floor(asOfMonth / 100) - 1996) * 12 + (asOfMonth % 100) - 7 + 1 - 6
    expect(social.totalMonths).toBe(expected)
    expect(social.owedAmount).toBe(2 * 14_800_000 * 0.25)
    expect(social.rows[0]).toMatchObject({
      scheme: 'compulsory_social',
      fromMonth: addMonths(asOfMonth, -2),
      toMonth: null,
      employer: { code: 'ZA0004A', name: 'Công ty Cổ phần Logistics Cảng Sài Gòn' },
      position: 'Kế toán trưởng',
      contributionBase: 14_800_000,
    })
    expect(social.rows.at(-1)).toMatchObject({
      fromMonth: 199607,
      toMonth: 199712,
      contributionBase: 250_000,
    })
  })

  it('lists benefits, newest first, monthly kinds marked per month', async () => {
    const answer = await get('/me/benefits', parent)
    expect(answer.statusCode, answer.body).toBe(200)
    const { items } = answer.json()
    expect(items).toHaveLength(5)
    expect(items[0]).toMatchObject({
      kind: 'sickness',
      fromDate: '2023-05-08',
      amount: 1_953_125,
      perMonth: false,
    })
    expect(items.at(-1)).toMatchObject({ kind: 'unemployment', perMonth: true, office: { code: '07915' } })
  })

  it('opens the visit book on a year with its totals, and on the latest year by default', async () => {
    const year2025 = (await get('/me/medical-visits?year=2025', parent)).json()
    expect(year2025.items.map((visit: { diagnosis: { code: string } }) => visit.diagnosis.code)).toEqual([
      'K35.8',
      'I10',
    ])
    expect(year2025.totals.visits).toBe(2)
    expect(year2025.totals.totalCost).toBe(14_850_000)
    expect(year2025.totals.fundPaid + year2025.totals.patientPaid).toBe(14_850_000)
    const latest = (await get('/me/medical-visits', parent)).json()
    expect(latest.year).toBe(latest.years[0])
    expect(latest.years).toEqual(expect.arrayContaining([2024, 2025]))
    const empty = (await get('/me/medical-visits?year=2001', parent)).json()
    expect(empty).toMatchObject({ year: 2001, items: [], totals: { visits: 0, totalCost: 0 } })
    const wrong = await get('/me/medical-visits?year=abc', parent)
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.fields.year).toBeDefined()
  })

  it("shows a parent their child's records", async () => {
    const children = (await get('/me/children', parent)).json()
    expect(children.items).toEqual([
      expect.objectContaining({ id: childAccountId, bhxhCode: '7900012346', fullName: 'Lê Gia Bảo' }),
    ])
    const card = await get(`/me/children/${childAccountId}/card`, parent)
    expect(card.statusCode, card.body).toBe(200)
    expect(card.json()).toMatchObject({ cardNumber: '7900012346', groupCode: 'HS' })
    expect((await get(`/me/children/${childAccountId}`, parent)).json()).toMatchObject({ isChild: true })
    const health = (await get(`/me/children/${childAccountId}/participation`, parent)).json()
    expect(health.tabs[3].rows.length).toBeGreaterThan(0)
  })

  it('names the current units beside a card whose holder lives in old units, and keeps the card as recorded', async () => {
    const { db } = test.database
    const where = eq(people.bhxhCode, demoAccounts.child.bhxhCode)
    const [recorded] = await db
      .select({
        addressCodeSet: people.addressCodeSet,
        provinceCode: people.provinceCode,
        districtCode: people.districtCode,
        communeCode: people.communeCode,
      })
      .from(people)
      .where(where)
    if (!recorded) throw new Error('the demo child is not seeded')
    // Old Hà Nội: Phường Phúc Xá (00001, Quận Ba Đình) went whole into Phường Hồng Hà (00097).
    await db
      .update(people)
      .set({ addressCodeSet: '2004-2025', provinceCode: '01', districtCode: '001', communeCode: '00001' })
      .where(where)
    try {
      const answer = await get(`/me/children/${childAccountId}/card`, parent)
      expect(answer.statusCode, answer.body).toBe(200)
      const card = answer.json()
      expect(card.address).toMatch(/Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội$/)
      expect(card.currentUnits).toMatchObject({
        communes: [{ code: '00097', fullName: 'Phường Hồng Hà' }],
        text: 'Phường Hồng Hà, Thành phố Hà Nội',
      })
      const qr = parseHealthCardQr(card.qrPayload)
      expect(qr.ok && qr.value.address).toBe(card.address)
    } finally {
      await db.update(people).set(recorded).where(where)
    }
    expect((await get(`/me/children/${childAccountId}/card`, parent)).json().currentUnits).toBeNull()
  })

  it("answers 404 to every view of someone else's child, and 401 signed out", async () => {
    for (const view of views) {
      const answer = await get(`/me/children/${childAccountId}${view}`, stranger)
      expect(answer.statusCode, `${view}: ${answer.body}`).toBe(404)
      expect((await get(`/me${view}`)).statusCode).toBe(401)
    }
    expect((await get('/me/children', stranger)).json()).toEqual({ items: [] })
    // The parent's own account id is not a child of the parent either.
    const parentAccountId = (
      await test.app.inject({ method: 'GET', url: '/api/v1/me/children', headers: parent.headers })
    ).json()
    expect(parentAccountId.items).toHaveLength(1)
    expect((await get(`/me/children/${strangerCitizen.accountId}/card`, parent)).statusCode).toBe(404)
  })

  it('answers 404 with a clear message for a person with no card, and empty lists for no history', async () => {
    const card = await get('/me/card', stranger)
    expect(card.statusCode).toBe(404)
    expect(card.json().error.message).toMatch(/Chưa có thẻ BHYT/)
    const participation = (await get('/me/participation', stranger)).json()
    expect(participation.tabs.every((tab: { rows: unknown[] }) => tab.rows.length === 0)).toBe(true)
    expect((await get('/me/benefits', stranger)).json()).toEqual({ items: [] })
  })

  it('loads 35 years of monthly history (420 rows) in one answer', async () => {
    const [person] = await test.database.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.bhxhCode, strangerCitizen.bhxhCode))
    const personId = person?.id ?? 0
    const rows = Array.from({ length: 420 }, (_, index) => {
      const month = addMonths(199001, index)
      return {
        personId,
        scheme: 'compulsory_social' as const,
        fromMonth: month,
        toMonth: month,
        contributionBase: 5_000_000,
      }
    })
    await test.database.db.insert(participationPeriods).values(rows)
    const answer = (await get('/me/participation', stranger)).json()
    expect(answer.tabs[0].rows).toHaveLength(420)
    expect(answer.tabs[0].totalMonths).toBe(420)
    await test.database.db.delete(participationPeriods).where(eq(participationPeriods.personId, personId))
    await test.database.db.delete(benefits).where(eq(benefits.personId, personId))
    await test.database.db.delete(medicalVisits).where(eq(medicalVisits.personId, personId))
  })
})
