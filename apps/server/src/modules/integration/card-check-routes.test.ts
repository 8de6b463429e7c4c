import { createHash, randomBytes } from 'node:crypto'
import { foldVietnamese } from '@ansinh/domain'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog, employers, healthCards, partnerApiKeys, people } from '../../db/schema'
import { seedDemo } from '../registry/demo-population/seed-demo'
import { demoAccounts } from '../registry/demo-population/well-known'

// The hospitals' card check through the HTTP API, as a hospital's system calls it with its key, and
// the partners' keys (facilities and employers) as a system administrator issues, lists and revokes
// them in the back-office.
describe.each(testBackends())('card check on %s', (backend) => {
  let test: TestApp
  let admin: StaffSignIn
  let reviewer: StaffSignIn
  let primaryFacility: string

  const { citizen } = demoAccounts
  const holder = { fullName: 'nguyen thi thu hang', dateOfBirth: '12/03/1976' }

  beforeAll(async () => {
    test = await createTestApp({ backend })
    await seedDemo(test.database, { people: 0, totpKey: Buffer.alloc(32, 7) })
    admin = await signInStaff(test.app, 'vss.admin')
    reviewer = await signInStaff(test.app, 'q5.reviewer')
    const [card] = await test.database.db
      .select({ facility: healthCards.primaryFacilityCode })
      .from(healthCards)
      .innerJoin(people, eq(people.id, healthCards.personId))
      .where(eq(people.bhxhCode, citizen.bhxhCode))
    if (!card) throw new Error('the demo citizen has no card')
    primaryFacility = card.facility
  })
  afterAll(async () => test?.close())

  const staff = (method: 'GET' | 'POST', url: string, who: StaffSignIn, payload?: object) =>
    test.app.inject({ method, url: `/api/v1/staff/integration${url}`, headers: who.headers, payload })

  async function issue(label = 'HIS phòng tiếp đón', facilityCode = primaryFacility) {
    const answer = await staff('POST', '/partner-keys', admin, { facilityCode, label })
    expect(answer.statusCode, answer.body).toBe(201)
    return answer.json() as { id: number; key: string; prefix: string }
  }

  const check = (body: object, headers: Record<string, string> = {}) =>
    test.app.inject({ method: 'POST', url: '/api/v1/integration/card-check', payload: body, headers })
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

  it('documents the routes under their tags, with how to authenticate', async () => {
    const answer = await test.app.inject({ method: 'GET', url: '/docs/json' })
    expect(answer.statusCode).toBe(200)
    const paths = answer.json().paths
    const cardCheck = paths['/api/v1/integration/card-check'].post
    expect(cardCheck.tags).toEqual(['integration'])
    expect(cardCheck.description).toContain('Authorization: Bearer ansk_')
    expect(paths['/api/v1/staff/integration/partner-keys'].post.tags).toEqual(['staff: integration'])
  })

  describe('keys', () => {
    it('issues a key once, keeps only its hash, and never lists it', async () => {
      const issued = await issue()
      expect(issued.key).toMatch(/^ansk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/)
      expect(issued.key.slice(5, 13)).toBe(issued.prefix)

      const [row] = await test.database.db
        .select()
        .from(partnerApiKeys)
        .where(eq(partnerApiKeys.id, issued.id))
      expect(row?.keyHash).toBe(createHash('sha256').update(issued.key).digest('hex'))
      expect(row?.createdBy).toBe(admin.staff.id)

      const list = await staff('GET', `/partner-keys?facilityCode=${primaryFacility}`, admin)
      expect(list.statusCode, list.body).toBe(200)
      expect(list.json().items).toContainEqual(
        expect.objectContaining({ id: issued.id, prefix: issued.prefix, revokedAt: null }),
      )
      const secret = issued.key.slice(14)
      expect(list.body).not.toContain(secret)

      const audited = await test.database.db
        .select({ action: auditLog.action, detail: auditLog.detail })
        .from(auditLog)
        .where(and(eq(auditLog.recordType, 'partner_api_key'), eq(auditLog.recordId, String(issued.id))))
      expect(audited.map((entry) => entry.action)).toEqual(['partner_key.issue'])
      expect(JSON.stringify(audited)).not.toContain(secret)
    })

    it('refuses an unknown facility, naming the field', async () => {
      const answer = await staff('POST', '/partner-keys', admin, { facilityCode: '79ZZZ', label: 'x' })
      expect(answer.statusCode).toBe(400)
      expect(Object.keys(answer.json().error.fields)).toEqual(['facilityCode'])
    })

    it('wants exactly one partner, naming the fields', async () => {
      const neither = await staff('POST', '/partner-keys', admin, { label: 'x' })
      const both = await staff('POST', '/partner-keys', admin, {
        facilityCode: primaryFacility,
        employerUnitCode: 'KEYTEST01',
        label: 'x',
      })
      expect(neither.statusCode).toBe(400)
      expect(Object.keys(neither.json().error.fields).sort()).toEqual(['employerUnitCode', 'facilityCode'])
      expect(both.statusCode).toBe(400)
      expect(Object.keys(both.json().error.fields)).toEqual(['employerUnitCode'])
    })

    it("issues an employer's key, lists it by unit code, and refuses an unknown employer", async () => {
      await test.database.db.insert(employers).values({
        unitCode: 'KEYTEST01',
        name: 'Công ty TNHH Khóa Thử',
        foldedName: foldVietnamese('Công ty TNHH Khóa Thử'),
        provinceCode: '79',
        address: '1 Nguyễn Huệ, Quận 1',
        managingOfficeCode: '79001',
      })
      const unknown = await staff('POST', '/partner-keys', admin, {
        employerUnitCode: 'KHONGCO01',
        label: 'x',
      })
      expect(unknown.statusCode).toBe(400)
      expect(Object.keys(unknown.json().error.fields)).toEqual(['employerUnitCode'])

      const answer = await staff('POST', '/partner-keys', admin, {
        employerUnitCode: ' keytest01 ',
        label: 'Phần mềm kê khai',
      })
      expect(answer.statusCode, answer.body).toBe(201)
      const issued = answer.json() as { id: number; key: string }
      expect(answer.json()).toMatchObject({ facilityCode: null, employerUnitCode: 'KEYTEST01' })

      const list = await staff('GET', '/partner-keys?employerUnitCode=KEYTEST01', admin)
      expect(list.statusCode, list.body).toBe(200)
      expect(list.json().items.map((item: { id: number }) => item.id)).toEqual([issued.id])
      const facilityList = await staff('GET', `/partner-keys?facilityCode=${primaryFacility}`, admin)
      expect(facilityList.json().items.map((item: { id: number }) => item.id)).not.toContain(issued.id)

      // An employer's key does not open the hospitals' card check.
      const refused = await check({ cardNumber: citizen.bhxhCode, ...holder }, bearer(issued.key))
      expect(refused.statusCode).toBe(401)
      expect(refused.json().error.code).toBe('UNAUTHENTICATED')

      const revoke = await staff('POST', `/partner-keys/${issued.id}/revoke`, admin)
      expect(revoke.statusCode, revoke.body).toBe(200)
      const audited = await test.database.db
        .select({ action: auditLog.action, detail: auditLog.detail })
        .from(auditLog)
        .where(and(eq(auditLog.recordType, 'partner_api_key'), eq(auditLog.recordId, String(issued.id))))
      expect(audited.map((entry) => entry.action).sort()).toEqual(['partner_key.issue', 'partner_key.revoke'])
      expect(audited[0]?.detail).toMatchObject({ employerUnitCode: 'KEYTEST01' })
    })

    it('is beyond a reviewer, as if the routes did not exist', async () => {
      const create = await staff('POST', '/partner-keys', reviewer, {
        facilityCode: primaryFacility,
        label: 'x',
      })
      const list = await staff('GET', `/partner-keys?facilityCode=${primaryFacility}`, reviewer)
      const revoke = await staff('POST', '/partner-keys/1/revoke', reviewer)
      expect([create.statusCode, list.statusCode, revoke.statusCode]).toEqual([404, 404, 404])
    })

    it('answers 404 for revoking a key that does not exist', async () => {
      const answer = await staff('POST', '/partner-keys/999999/revoke', admin)
      expect(answer.statusCode).toBe(404)
    })
  })

  describe('check', () => {
    let key: string
    beforeAll(async () => {
      key = (await issue('HIS khoa khám bệnh')).key
    })

    it('finds the card in force by its number, old or new, and by the personal ID', async () => {
      for (const identifier of [
        { cardNumber: citizen.bhxhCode },
        { cardNumber: `DN479${citizen.bhxhCode}` },
        { personalId: citizen.personalId },
      ]) {
        const answer = await check({ ...identifier, ...holder }, bearer(key))
        expect(answer.statusCode, answer.body).toBe(200)
        expect(answer.headers['cache-control']).toBe('no-store')
        expect(answer.json()).toEqual({
          valid: true,
          checkedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          card: {
            cardNumber: citizen.bhxhCode,
            legacyCardNumber: expect.stringMatching(/^[A-Z]{2}\d{13}$/),
            benefitLevel: 4,
            groupCode: expect.any(String),
            primaryFacility: { code: primaryFacility, name: expect.any(String) },
            atPrimaryFacility: true,
            validFrom: '2020-01-01',
            validTo: null,
            fiveYearsContinuousFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
            livingArea: null,
          },
        })
      }
    })

    it('takes the key in x-api-key too, and notes its use', async () => {
      const answer = await check({ cardNumber: citizen.bhxhCode, ...holder }, { 'x-api-key': key })
      expect(answer.json().valid).toBe(true)
      const [row] = await test.database.db
        .select({ lastUsedAt: partnerApiKeys.lastUsedAt })
        .from(partnerApiKeys)
        .where(eq(partnerApiKeys.prefix, key.slice(5, 13)))
      expect(row?.lastUsedAt).toBeInstanceOf(Date)
    })

    it('says a name or date of birth does not fit, and nothing of the card', async () => {
      for (const wrong of [{ fullName: 'Lê Văn Minh' }, { dateOfBirth: '1975' }]) {
        const byNumber = await check({ cardNumber: citizen.bhxhCode, ...holder, ...wrong }, bearer(key))
        const byId = await check({ personalId: citizen.personalId, ...holder, ...wrong }, bearer(key))
        for (const answer of [byNumber, byId]) {
          expect(answer.statusCode).toBe(200)
          expect(answer.json()).toEqual({
            valid: false,
            reason: 'identity_mismatch',
            checkedOn: expect.any(String),
          })
        }
      }
    })

    it('answers not_found for a number or personal ID nobody holds', async () => {
      const byNumber = await check({ cardNumber: '7999999999', ...holder }, bearer(key))
      const byId = await check({ personalId: '079999999999', ...holder }, bearer(key))
      for (const answer of [byNumber, byId])
        expect(answer.json()).toEqual({ valid: false, reason: 'not_found', checkedOn: expect.any(String) })
    })

    it('answers no_card for a person on record without a card', async () => {
      await test.database.db.insert(people).values({
        bhxhCode: '7900098761',
        personalId: '079090098761',
        fullName: 'Trần Văn Chưa Thẻ',
        foldedName: foldVietnamese('Trần Văn Chưa Thẻ'),
        birthYear: 1990,
        birthMonth: null,
        birthDay: null,
        gender: 'male',
        addressCodeSet: '2025-07-01',
        provinceCode: '79',
      })
      const answer = await check(
        { personalId: '079090098761', fullName: 'TRAN VAN CHUA THE', dateOfBirth: '05/07/1990' },
        bearer(key),
      )
      expect(answer.json()).toEqual({ valid: false, reason: 'no_card', checkedOn: expect.any(String) })
    })

    it('checks another day: before the card started it is not yet valid, with its details', async () => {
      const answer = await check(
        { cardNumber: citizen.bhxhCode, ...holder, onDate: '2019-06-01' },
        bearer(key),
      )
      expect(answer.json()).toMatchObject({
        valid: false,
        reason: 'not_yet_valid',
        checkedOn: '2019-06-01',
        card: { cardNumber: citizen.bhxhCode },
      })
    })

    it('wants exactly one of the card number and the personal ID, naming the fields', async () => {
      const neither = await check(holder, bearer(key))
      const both = await check(
        { cardNumber: citizen.bhxhCode, personalId: citizen.personalId, ...holder },
        bearer(key),
      )
      const badNumber = await check({ cardNumber: '12345', ...holder }, bearer(key))
      expect(neither.statusCode).toBe(400)
      expect(Object.keys(neither.json().error.fields).sort()).toEqual(['cardNumber', 'personalId'])
      expect(both.statusCode).toBe(400)
      expect(Object.keys(both.json().error.fields)).toEqual(['personalId'])
      expect(badNumber.statusCode).toBe(400)
      expect(Object.keys(badNumber.json().error.fields)).toEqual(['cardNumber'])
    })

    it('counts the checks by outcome, without who or which card', async () => {
      const metric = await test.app.deps.metrics.registry.getSingleMetricAsString('ansinh_card_checks_total')
      expect(metric).toMatch(/ansinh_card_checks_total\{outcome="valid"\} [1-9]/)
      expect(metric).toMatch(/ansinh_card_checks_total\{outcome="identity_mismatch"\} [1-9]/)
      expect(metric).not.toContain(citizen.bhxhCode)
    })

    it('refuses a missing, unknown, malformed or revoked key with 401', async () => {
      const body = { cardNumber: citizen.bhxhCode, ...holder }
      const revoked = await issue('HIS cũ')
      expect((await check(body, bearer(revoked.key))).statusCode).toBe(200)
      const revoke = await staff('POST', `/partner-keys/${revoked.id}/revoke`, admin)
      expect(revoke.statusCode, revoke.body).toBe(200)
      expect(revoke.json().revokedAt).not.toBeNull()

      const forged = `ansk_${key.slice(5, 13)}_${randomBytes(32).toString('base64url')}`
      const attempts: Record<string, string>[] = [
        {},
        bearer(forged),
        bearer('not-a-key'),
        { authorization: `Basic ${key}` },
        bearer(revoked.key),
        { 'x-api-key': revoked.key },
      ]
      for (const headers of attempts) {
        const answer = await check(body, headers)
        expect(answer.statusCode, JSON.stringify(headers)).toBe(401)
        expect(answer.json().error.code).toBe('UNAUTHENTICATED')
        expect(answer.headers['www-authenticate']).toMatch(/^Bearer/)
      }

      const audited = await test.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.recordType, 'partner_api_key'), eq(auditLog.recordId, String(revoked.id))))
      expect(audited.map((entry) => entry.action).sort()).toEqual(['partner_key.issue', 'partner_key.revoke'])
    })

    it('limits requests per key, not per address', async () => {
      const limited = await issue('HIS giới hạn')
      await test.database.db
        .update(partnerApiKeys)
        .set({ perMinute: 2 })
        .where(eq(partnerApiKeys.id, limited.id))
      const body = { cardNumber: citizen.bhxhCode, ...holder }
      const statuses = []
      for (let i = 0; i < 3; i++) statuses.push((await check(body, bearer(limited.key))).statusCode)
      expect(statuses).toEqual([200, 200, 429])
      const refused = await check(body, bearer(limited.key))
      expect(refused.json().error.code).toBe('RATE_LIMITED')
      // Another key from the same address is not held back.
      expect((await check(body, bearer(key))).statusCode).toBe(200)
    })
  })
})
