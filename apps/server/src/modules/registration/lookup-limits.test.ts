import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'

describe.each(testBackends())('dossier look-up limits on %s', (backend) => {
  let test: TestApp

  beforeAll(async () => {
    // A per-address budget of 4 a minute for the look-up, and 4 an hour per phone.
    test = await createTestApp({ backend, env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '2' } })
  })
  afterAll(async () => test?.close())

  const lookUp = (phone: string, from: string) =>
    test.app.inject({
      url: `/api/v1/registrations/status?dossierNumber=07915-2612-0000001&phone=${phone}`,
      remoteAddress: from,
    })

  it('stops walking one phone from many addresses, and leaves other phones alone', async () => {
    for (let address = 1; address <= 4; address += 1)
      expect((await lookUp('0901111002', `203.0.113.${address}`)).statusCode).toBe(404)
    const refused = await lookUp('0901111002', '203.0.113.5')
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/quá nhiều lần/),
    })
    // The same phone written another way is the same phone.
    expect((await lookUp('%2B84901111002', '203.0.113.6')).statusCode).toBe(429)
    expect((await lookUp('0901111003', '203.0.113.7')).statusCode).toBe(404)
  })
})
