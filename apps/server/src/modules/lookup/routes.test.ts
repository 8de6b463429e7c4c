import { foldVietnamese, type LookupChallenge, solveLookupChallenge } from '@ansinh/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { people } from '../../db/schema'
import { seedDemo } from '../registry/demo-population/seed-demo'
import { CHALLENGE_VALID_MS } from './challenge'

// Few bits: the tests solve many challenges; the work itself is the same code at any difficulty.
const easy = { LOOKUP_CHALLENGE_BITS: '4' }

async function challengeOf(test: TestApp, remoteAddress = '127.0.0.1'): Promise<LookupChallenge> {
  const answer = await test.app.inject({ method: 'GET', url: '/api/v1/lookup/challenge', remoteAddress })
  expect(answer.statusCode, answer.body).toBe(200)
  return answer.json()
}

async function lookUp(
  test: TestApp,
  what: 'bhxh-code' | 'health-card',
  body: Record<string, unknown>,
  options: { remoteAddress?: string; proof?: { challenge: string; nonce: string } } = {},
) {
  const remoteAddress = options.remoteAddress ?? '127.0.0.1'
  const proof = options.proof ?? (await solveLookupChallenge(await challengeOf(test, remoteAddress)))
  return test.app.inject({
    method: 'POST',
    url: `/api/v1/lookup/${what}`,
    payload: { ...body, proof },
    remoteAddress,
  })
}

type Extra = { bhxhCode: string; fullName: string; birth: [number, number?, number?] } & Partial<
  Pick<typeof people.$inferInsert, 'gender' | 'personalId' | 'provinceCode' | 'addressCodeSet'>
>

async function addPeople(test: TestApp, extras: Extra[]) {
  await test.database.db.insert(people).values(
    extras.map(({ birth: [year, month, day], ...person }) => ({
      gender: 'male' as const,
      addressCodeSet: '2025-07-01' as const,
      provinceCode: '79',
      ...person,
      foldedName: foldVietnamese(person.fullName),
      birthYear: year,
      birthMonth: month ?? null,
      birthDay: day ?? null,
    })),
  )
}

describe.each(testBackends())('public look-ups on %s', (backend) => {
  let test: TestApp
  let now = Date.now()
  const hang = { provinceCode: '79', fullName: 'Nguyễn Thị Thu Hằng', dateOfBirth: '12/03/1976' }

  beforeAll(async () => {
    test = await createTestApp({
      backend,
      env: { ...easy, LOOKUP_PER_MINUTE: '1000', LOOKUP_PER_DAY: '1000' },
      clock: () => new Date(now),
    })
    await seedDemo(test.database, { people: 0, totpKey: Buffer.alloc(32, 7) })
    await addPeople(test, [
      { bhxhCode: '7900090001', fullName: 'Trần Văn Bình', birth: [1980] },
      { bhxhCode: '7900090002', fullName: 'Phạm Thị Mai', birth: [1990, 5], gender: 'female' },
      // An address written before 2025 keeps the old province code: Bình Dương (74) is now in HCMC (79).
      {
        bhxhCode: '7400090003',
        fullName: 'Đỗ Văn Đức',
        birth: [1970, 7, 9],
        provinceCode: '74',
        addressCodeSet: '2004-2025',
      },
      { bhxhCode: '7900090004', fullName: 'Lê Văn An', birth: [1985, 1, 1], personalId: '079085000111' },
      { bhxhCode: '7900090005', fullName: 'Lê Văn An', birth: [1985, 1, 1], gender: 'female' },
    ])
  })
  afterAll(async () => test?.close())

  describe('tra cứu mã số BHXH', () => {
    it('answers the one exact match with the code and the rest masked', async () => {
      const answer = await lookUp(test, 'bhxh-code', hang)
      expect(answer.statusCode, answer.body).toBe(200)
      expect(answer.headers['cache-control']).toBe('no-store')
      expect(answer.json()).toEqual({
        match: 'one',
        bhxhCode: '7900012345',
        fullName: 'Nguyễn T** T** H***',
        birthYear: 1976,
        provinceName: 'Thành phố Hồ Chí Minh',
      })
    })

    it('folds diacritics, case and spaces', async () => {
      const answer = await lookUp(test, 'bhxh-code', { ...hang, fullName: '  nguyen THI thu   hang ' })
      expect(answer.json()).toMatchObject({ match: 'one', bhxhCode: '7900012345' })
    })

    it.each([
      ['a year-only record by a full date in that year', 'Trần Văn Bình', '24/12/1980', '7900090001'],
      ['a year-only record by the year', 'Trần Văn Bình', '1980', '7900090001'],
      ['a month/year record by a full date in that month', 'Phạm Thị Mai', '17/05/1990', '7900090002'],
      ['a month/year record by month/year', 'Phạm Thị Mai', '05/1990', '7900090002'],
      ['a record with an old province code by the 2025 code', 'Đỗ Văn Đức', '09/07/1970', '7400090003'],
    ])('finds %s', async (_case, fullName, dateOfBirth, bhxhCode) => {
      const answer = await lookUp(test, 'bhxh-code', { provinceCode: '79', fullName, dateOfBirth })
      expect(answer.statusCode, answer.body).toBe(200)
      expect(answer.json()).toMatchObject({ match: 'one', bhxhCode })
    })

    it('maps an old province code to the province it joined', async () => {
      const answer = await lookUp(test, 'bhxh-code', { ...hang, provinceCode: '74' })
      expect(answer.json()).toMatchObject({ match: 'one', bhxhCode: '7900012345' })
    })

    it.each([
      ['a full record by the year only', { dateOfBirth: '1976' }],
      ['a full record by month/year only', { dateOfBirth: '03/1976' }],
      ['another day', { dateOfBirth: '13/03/1976' }],
      ['another province', { provinceCode: '01' }],
      ['another name', { fullName: 'Nguyễn Thị Thu Hà' }],
      ['a personal ID that is not hers', { personalId: '079176000418' }],
      ['an unknown province code', { provinceCode: '99' }],
    ])('finds nobody for %s, and says what to do', async (_case, change) => {
      const answer = await lookUp(test, 'bhxh-code', { ...hang, ...change })
      expect(answer.statusCode, answer.body).toBe(404)
      expect(answer.json().error.message).toMatch(/1900 9068/)
      expect(answer.body).not.toMatch(/7900012345/)
    })

    it('asks for the personal ID or gender when several people fit, never listing them', async () => {
      const several = { provinceCode: '79', fullName: 'Lê Văn An', dateOfBirth: '01/01/1985' }
      const answer = await lookUp(test, 'bhxh-code', several)
      expect(answer.statusCode, answer.body).toBe(200)
      expect(answer.json()).toEqual({ match: 'several', narrowBy: ['personalId', 'gender'] })
      expect(answer.body).not.toMatch(/79000900/)
      const byGender = await lookUp(test, 'bhxh-code', { ...several, gender: 'female' })
      expect(byGender.json()).toMatchObject({ match: 'one', bhxhCode: '7900090005' })
      const byId = await lookUp(test, 'bhxh-code', { ...several, personalId: '079085000111' })
      expect(byId.json()).toMatchObject({ match: 'one', bhxhCode: '7900090004' })
    })

    it('names the fields that are wrong, in Vietnamese', async () => {
      const answer = await lookUp(test, 'bhxh-code', {
        provinceCode: '',
        fullName: 'A1',
        dateOfBirth: '31/02/1976',
      })
      expect(answer.statusCode).toBe(400)
      expect(Object.keys(answer.json().error.fields).sort()).toEqual([
        'dateOfBirth',
        'fullName',
        'provinceCode',
      ])
      expect(answer.json().error.fields.dateOfBirth).toEqual([
        'Ngày sinh có dạng dd/mm/yyyy, mm/yyyy hoặc yyyy.',
      ])
    })
  })

  describe('tra cứu giá trị sử dụng thẻ BHYT', () => {
    const card = { fullName: 'nguyen thi thu hang', dateOfBirth: '12/03/1976' }

    it.each(['7900012345', 'DN4797900012345', 'dn4 79 7900012345'])(
      'answers the card in force by %s',
      async (cardNumber) => {
        const answer = await lookUp(test, 'health-card', { ...card, cardNumber })
        expect(answer.statusCode, answer.body).toBe(200)
        expect(answer.json()).toEqual({
          cardNumber: '7900012345',
          status: 'valid',
          validFrom: '2020-01-01',
          validTo: null,
          benefitLevel: 4,
          primaryFacility: { code: expect.any(String), name: expect.any(String) },
        })
      },
    )

    it('answers a name or date that does not fit exactly as an unknown card', async () => {
      const unknown = await lookUp(test, 'health-card', { ...card, cardNumber: '7999999999' })
      const wrongName = await lookUp(test, 'health-card', {
        ...card,
        cardNumber: '7900012345',
        fullName: 'Lê Văn Minh',
      })
      const wrongBirth = await lookUp(test, 'health-card', {
        ...card,
        cardNumber: '7900012345',
        dateOfBirth: '1976',
      })
      expect(unknown.statusCode).toBe(404)
      expect(wrongName.body).toBe(unknown.body)
      expect(wrongBirth.body).toBe(unknown.body)
    })

    it.each(['079176000417', '079 176 000 417'])(
      'answers the card by the personal ID %s',
      async (cardNumber) => {
        const answer = await lookUp(test, 'health-card', { ...card, cardNumber })
        expect(answer.statusCode, answer.body).toBe(200)
        expect(answer.json()).toMatchObject({ cardNumber: '7900012345', status: 'valid' })
      },
    )

    it('answers a personal ID that is unknown or not of that name and date exactly as an unknown card', async () => {
      const unknownCard = await lookUp(test, 'health-card', { ...card, cardNumber: '7999999999' })
      const unknownId = await lookUp(test, 'health-card', { ...card, cardNumber: '079176999999' })
      const wrongName = await lookUp(test, 'health-card', {
        ...card,
        cardNumber: '079176000417',
        fullName: 'Lê Văn Minh',
      })
      const wrongBirth = await lookUp(test, 'health-card', {
        ...card,
        cardNumber: '079176000417',
        dateOfBirth: '13/03/1976',
      })
      expect(unknownCard.statusCode).toBe(404)
      expect(unknownId.body).toBe(unknownCard.body)
      expect(wrongName.body).toBe(unknownCard.body)
      expect(wrongBirth.body).toBe(unknownCard.body)
    })

    it('refuses a card number of neither form', async () => {
      const answer = await lookUp(test, 'health-card', { ...card, cardNumber: '12345' })
      expect(answer.statusCode).toBe(400)
      expect(answer.json().error.fields.cardNumber).toEqual([
        'Nhập mã thẻ BHYT (10 chữ số hoặc 15 ký tự thẻ mẫu cũ), mã số BHXH (10 chữ số) hoặc số định danh cá nhân (12 chữ số).',
      ])
    })
  })

  describe('the proof of work', () => {
    it('hands out a signed challenge with its difficulty and expiry', async () => {
      const challenge = await challengeOf(test)
      expect(challenge.difficulty).toBe(4)
      expect(Date.parse(challenge.expiresAt) - now).toBe(CHALLENGE_VALID_MS)
    })

    it('refuses a request without a proof, a forged, a spent and an expired challenge', async () => {
      const refused = (answer: { statusCode: number; json: () => { error: { fields: object } } }) => {
        expect(answer.statusCode).toBe(400)
        expect(Object.keys(answer.json().error.fields)).toEqual(['proof'])
      }
      const missing = await test.app.inject({
        method: 'POST',
        url: '/api/v1/lookup/bhxh-code',
        payload: hang,
      })
      refused(missing)
      const proof = await solveLookupChallenge(await challengeOf(test))
      const [id, bits, expires] = proof.challenge.split('.')
      refused(
        await lookUp(test, 'bhxh-code', hang, { proof: { ...proof, challenge: `${id}.0.${expires}.x` } }),
      )
      refused(
        await lookUp(test, 'bhxh-code', hang, {
          proof: { ...proof, challenge: `${id}.${bits}.9${expires}` },
        }),
      )
      expect((await lookUp(test, 'bhxh-code', hang, { proof })).statusCode).toBe(200)
      refused(await lookUp(test, 'bhxh-code', hang, { proof }))
      const late = await solveLookupChallenge(await challengeOf(test))
      now += CHALLENGE_VALID_MS + 1
      refused(await lookUp(test, 'bhxh-code', hang, { proof: late }))
    })

    it('refuses a nonce that does not do the work', async () => {
      const challenge = await challengeOf(test)
      const encoder = new TextEncoder()
      // The first nonce whose digest misses the bits.
      let nonce = 0
      for (; ; nonce++) {
        const digest = new Uint8Array(
          await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge.challenge}:${nonce}`)),
        )
        if ((digest[0] ?? 0) >= 16) break
      }
      const answer = await lookUp(test, 'bhxh-code', hang, {
        proof: { challenge: challenge.challenge, nonce: String(nonce) },
      })
      expect(answer.statusCode).toBe(400)
    })
  })
})

describe('public look-up limits per address', () => {
  let test: TestApp
  afterAll(async () => test?.close())

  it('refuses the 11th look-up in a minute from one address, not from another', async () => {
    test = await createTestApp({ env: { ...easy, LOOKUP_PER_DAY: '1000' } })
    const ask = (remoteAddress: string) =>
      lookUp(
        test,
        'bhxh-code',
        { provinceCode: '79', fullName: 'Không Có Ai', dateOfBirth: '1990' },
        { remoteAddress },
      )
    for (let i = 0; i < 10; i++) expect((await ask('203.0.113.7')).statusCode).toBe(404)
    expect((await ask('203.0.113.7')).statusCode).toBe(429)
    expect((await ask('203.0.113.8')).statusCode).toBe(404)
  })

  it('caps the look-ups of one address per day, across both look-ups', async () => {
    const capped = await createTestApp({ env: { ...easy, LOOKUP_PER_DAY: '3' } })
    try {
      const person = { fullName: 'Không Có Ai', dateOfBirth: '1990' }
      const from = { remoteAddress: '198.51.100.4' }
      expect((await lookUp(capped, 'bhxh-code', { ...person, provinceCode: '79' }, from)).statusCode).toBe(
        404,
      )
      expect(
        (await lookUp(capped, 'health-card', { ...person, cardNumber: '7999999999' }, from)).statusCode,
      ).toBe(404)
      expect((await lookUp(capped, 'bhxh-code', { ...person, provinceCode: '01' }, from)).statusCode).toBe(
        404,
      )
      const fourth = await lookUp(capped, 'bhxh-code', { ...person, provinceCode: '79' }, from)
      expect(fourth.statusCode).toBe(429)
      expect(fourth.json().error.message).toMatch(/hôm nay/)
      const other = await lookUp(
        capped,
        'bhxh-code',
        { ...person, provinceCode: '79' },
        { remoteAddress: '198.51.100.5' },
      )
      expect(other.statusCode).toBe(404)
    } finally {
      await capped.close()
    }
  })
})
