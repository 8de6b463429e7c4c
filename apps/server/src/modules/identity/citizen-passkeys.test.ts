import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { citizenCookieOf, createTestCitizen, signInCitizen, type TestCitizen } from '../../../test/citizen'
import { testBackends } from '../../../test/database'
import { createSoftPasskey } from '../../../test/passkey-authenticator'
import { citizenAccounts, citizenPasskeyChallenges, citizenPasskeys, messages } from '../../db/schema'
import { relyingPartyOf } from './citizen-passkeys'

// Without PUBLIC_URL the relying party is the request's host, as on a developer's machine.
const host = 'localhost:8080'
const origin = `http://${host}`

describe('relyingPartyOf', () => {
  const request = { protocol: 'http', host, hostname: 'localhost' }
  it.each([
    [
      { publicUrl: 'https://an-sinh.example.vn/app' },
      { rpId: 'an-sinh.example.vn', origin: 'https://an-sinh.example.vn' },
    ],
    [
      { publicUrl: 'http://an-sinh.local:3000' },
      { rpId: 'an-sinh.local', origin: 'http://an-sinh.local:3000' },
    ],
    [{}, { rpId: 'localhost', origin }],
  ])('%j → %j', (config, expected) => {
    expect(relyingPartyOf(config, request)).toEqual(expected)
  })
})

describe.each(testBackends())('citizen passkeys on %s', (backend) => {
  let test: TestApp
  let now = new Date()

  beforeAll(async () => {
    test = await createTestApp({
      backend,
      clock: () => now,
      env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' },
    })
  })
  afterAll(async () => test?.close())

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: payload as object,
      headers: { host, ...headers },
    })
  const get = (url: string, headers: Record<string, string>) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { host, ...headers } })

  type Session = { headers: Record<string, string> }
  const signIn = (citizen: TestCitizen, deviceId: string): Promise<Session> =>
    signInCitizen(test.app, { username: citizen.bhxhCode, password: citizen.password, deviceId })
  async function signOut(session: Session) {
    expect((await post('/auth/logout', {}, session.headers)).statusCode).toBe(204)
  }
  /** A citizen signed in on `deviceId` with a passkey registered there. */
  async function withPasskey(deviceId: string) {
    const citizen = await createTestCitizen(test.database)
    const session = await signIn(citizen, deviceId)
    const passkey = createSoftPasskey(`citizen:${citizen.accountId}`)
    const options = await post('/auth/passkeys/registration-options', {}, session.headers)
    expect(options.statusCode, options.body).toBe(201)
    const { challengeId, options: creation } = options.json()
    const added = await post(
      '/auth/passkeys',
      { challengeId, credential: passkey.register(creation, origin), deviceName: 'Chrome trên Android' },
      session.headers,
    )
    expect(added.statusCode, added.body).toBe(201)
    return { citizen, session, passkey, passkeyId: added.json().id as string }
  }
  async function signInOptions() {
    const answer = await post('/auth/passkey-sign-in/options', {})
    expect(answer.statusCode, answer.body).toBe(201)
    return answer.json() as { challengeId: string; options: { challenge: string; rpId?: string } }
  }
  const passkeySignIn = (body: object) => post('/auth/passkey-sign-in', body)

  it('refuses registration without a session or without the CSRF header', async () => {
    expect((await post('/auth/passkeys/registration-options', {})).statusCode).toBe(401)
    const citizen = await createTestCitizen(test.database)
    const session = await signIn(citizen, 'device-csrf-1')
    const noCsrf = await post(
      '/auth/passkeys/registration-options',
      {},
      { cookie: session.headers.cookie ?? '' },
    )
    expect(noCsrf.statusCode).toBe(403)
  })

  it('tells the holder by SMS and in the inbox that a passkey was added', async () => {
    const { citizen, session } = await withPasskey('device-notice-1')
    const sent = await test.database.db
      .select({ channel: messages.channel, body: messages.body })
      .from(messages)
      .where(and(eq(messages.kind, 'passkey_added'), eq(messages.citizenAccountId, citizen.accountId)))
    expect(sent.map((message) => message.channel).sort()).toEqual(['inbox', 'sms'])
    expect(sent.find((message) => message.channel === 'sms')?.body).toMatch(/Chrome tren Android.*1900 9068/)
    const inbox = (await get('/me/inbox', session.headers)).json()
    expect(inbox.items[0]).toMatchObject({ kind: 'passkey_added' })
  })

  it('answers registration options for the account: discoverable, verified, its passkeys excluded', async () => {
    const { session, passkey } = await withPasskey('device-options-1')
    const answer = await post('/auth/passkeys/registration-options', {}, session.headers)
    const { options } = answer.json()
    expect(options).toMatchObject({
      rp: { id: 'localhost', name: 'An Sinh' },
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      excludeCredentials: [{ id: passkey.credentialId, type: 'public-key' }],
    })
    // The user handle is opaque: not the BHXH code.
    expect(Buffer.from(options.user.id, 'base64url').toString()).toMatch(/^citizen:\d+$/)
    const signIn = (await signInOptions()).options
    expect(signIn).toMatchObject({ rpId: 'localhost', userVerification: 'required' })
    expect(signIn).not.toHaveProperty('allowCredentials')
  })

  it('signs in with the passkey on the same device: the password sign-in answer and cookie', async () => {
    const { citizen, session, passkey } = await withPasskey('device-same-1')
    await signOut(session)
    const { challengeId, options } = await signInOptions()
    const answer = await passkeySignIn({
      challengeId,
      credential: passkey.authenticate(options, origin),
      deviceId: 'device-same-1',
    })
    expect(answer.statusCode, answer.body).toBe(200)
    expect(answer.json()).toMatchObject({
      account: { bhxhCode: citizen.bhxhCode, mustChangePassword: false, passwordExpired: false },
      csrfToken: expect.any(String),
    })
    const cookie = answer.cookies.find((set) => set.name === 'ansinh_citizen')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    const me = await get('/auth/me', { cookie: citizenCookieOf(answer) })
    expect(me.json().account.bhxhCode).toBe(citizen.bhxhCode)
  })

  it('spends a challenge once: a replayed answer is refused', async () => {
    const { session, passkey } = await withPasskey('device-replay-1')
    await signOut(session)
    const { challengeId, options } = await signInOptions()
    const body = {
      challengeId,
      credential: passkey.authenticate(options, origin),
      deviceId: 'device-replay-1',
    }
    expect((await passkeySignIn(body)).statusCode).toBe(200)
    const replay = await passkeySignIn(body)
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.code).toBe('UNAUTHENTICATED')
  })

  it('spends a challenge even when the answer fails, and refuses an expired one', async () => {
    const { session, passkey } = await withPasskey('device-expiry-1')
    await signOut(session)
    const first = await signInOptions()
    const wrong = {
      challengeId: first.challengeId,
      credential: passkey.authenticate(first.options, 'https://evil.example'),
      deviceId: 'device-expiry-1',
    }
    expect((await passkeySignIn(wrong)).statusCode).toBe(401)
    const retry = { ...wrong, credential: passkey.authenticate(first.options, origin) }
    expect((await passkeySignIn(retry)).statusCode).toBe(401)

    const late = await signInOptions()
    now = new Date(now.getTime() + 6 * 60_000)
    const answer = await passkeySignIn({
      challengeId: late.challengeId,
      credential: passkey.authenticate(late.options, origin),
      deviceId: 'device-expiry-1',
    })
    expect(answer.statusCode).toBe(401)
    const [left] = await test.database.db
      .select()
      .from(citizenPasskeyChallenges)
      .where(eq(citizenPasskeyChallenges.id, late.challengeId))
    expect(left).toBeUndefined()
  })

  it('refuses an answer made for another origin or another domain', async () => {
    const { session, passkey } = await withPasskey('device-origin-1')
    await signOut(session)
    const a = await signInOptions()
    const otherOrigin = await passkeySignIn({
      challengeId: a.challengeId,
      credential: passkey.authenticate(a.options, 'https://an-sinh.example.com'),
      deviceId: 'device-origin-1',
    })
    expect(otherOrigin.statusCode).toBe(401)
    const b = await signInOptions()
    const otherDomain = await passkeySignIn({
      challengeId: b.challengeId,
      credential: passkey.authenticate(b.options, origin, 'evil.example'),
      deviceId: 'device-origin-1',
    })
    expect(otherDomain.statusCode).toBe(401)

    // Registration checks the origin too.
    const other = await withPasskey('device-origin-2')
    const options = await post('/auth/passkeys/registration-options', {}, other.session.headers)
    const { challengeId, options: creation } = options.json()
    const added = await post(
      '/auth/passkeys',
      { challengeId, credential: createSoftPasskey().register(creation, 'https://evil.example') },
      other.session.headers,
    )
    expect(added.statusCode).toBe(400)
  })

  it('stores the new signature counter and refuses one that does not move on', async () => {
    const { session, passkey } = await withPasskey('device-counter-1')
    await signOut(session)
    const counterOf = async () => {
      const [row] = await test.database.db
        .select({ counter: citizenPasskeys.counter, lastUsedAt: citizenPasskeys.lastUsedAt })
        .from(citizenPasskeys)
        .where(eq(citizenPasskeys.credentialId, passkey.credentialId))
      return row
    }
    for (const expected of [1, 2]) {
      const { challengeId, options } = await signInOptions()
      const answer = await passkeySignIn({
        challengeId,
        credential: passkey.authenticate(options, origin),
        deviceId: 'device-counter-1',
      })
      expect(answer.statusCode, answer.body).toBe(200)
      expect(await counterOf()).toEqual({ counter: expected, lastUsedAt: now })
    }
    // A clone of the authenticator would sign with a counter already seen.
    passkey.counter = 1
    const { challengeId, options } = await signInOptions()
    const cloned = await passkeySignIn({
      challengeId,
      credential: passkey.authenticate(options, origin),
      deviceId: 'device-counter-1',
    })
    expect(cloned.statusCode).toBe(401)
    expect((await counterOf())?.counter).toBe(2)
  })

  it("refuses another account's passkey: named with a username, or removed by its owner", async () => {
    const mine = await withPasskey('device-mine-1')
    const theirs = await createTestCitizen(test.database)
    await signOut(mine.session)
    const a = await signInOptions()
    const named = await passkeySignIn({
      challengeId: a.challengeId,
      credential: mine.passkey.authenticate(a.options, origin),
      username: theirs.bhxhCode,
      deviceId: 'device-mine-1',
    })
    expect(named.statusCode).toBe(401)

    // The other account cannot list or remove it either: the same 404 as a passkey that is not there.
    const theirSession = await signIn(theirs, 'device-theirs-1')
    expect((await get('/auth/passkeys', theirSession.headers)).json()).toEqual({ items: [] })
    const remove = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/passkeys/${mine.passkeyId}`,
      headers: { host, ...theirSession.headers },
    })
    expect(remove.statusCode).toBe(404)

    const again = await signIn(mine.citizen, 'device-mine-1')
    expect((await get('/auth/passkeys', again.headers)).json().items).toEqual([
      expect.objectContaining({ id: mine.passkeyId, deviceName: 'Chrome trên Android' }),
    ])
    const removed = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/passkeys/${mine.passkeyId}`,
      headers: { host, ...again.headers },
    })
    expect(removed.statusCode).toBe(204)
    await signOut(again)
    const b = await signInOptions()
    const gone = await passkeySignIn({
      challengeId: b.challengeId,
      credential: mine.passkey.authenticate(b.options, origin),
      deviceId: 'device-mine-1',
    })
    expect(gone.statusCode).toBe(401)
  })

  it('obeys the one-device rule: signed in on another device → 409 DEVICE_CHANGE_OTP_REQUIRED', async () => {
    const { citizen, passkey } = await withPasskey('device-first-1')
    // The passkey travelled (synced) to a second device while the first is still signed in.
    const { challengeId, options } = await signInOptions()
    const answer = await passkeySignIn({
      challengeId,
      credential: passkey.authenticate(options, origin),
      deviceId: 'device-second-1',
    })
    expect(answer.statusCode).toBe(409)
    expect(answer.json().error.code).toBe('DEVICE_CHANGE_OTP_REQUIRED')
    expect(answer.cookies.find((set) => set.name === 'ansinh_citizen')).toBeUndefined()
    // The first device is still signed in.
    const first = await signIn(citizen, 'device-first-1')
    expect((await get('/auth/me', first.headers)).statusCode).toBe(200)
  })

  it.each(['locked', 'stopped'] as const)('refuses a %s account', async (status) => {
    const { citizen, session, passkey } = await withPasskey(`device-${status}-1`)
    await signOut(session)
    await test.database.db
      .update(citizenAccounts)
      .set({ status })
      .where(eq(citizenAccounts.id, citizen.accountId))
    const { challengeId, options } = await signInOptions()
    const answer = await passkeySignIn({
      challengeId,
      credential: passkey.authenticate(options, origin),
      deviceId: `device-${status}-1`,
    })
    expect(answer.statusCode).toBe(403)
    expect(answer.cookies.find((set) => set.name === 'ansinh_citizen')).toBeUndefined()
  })

  it('refuses while wrong passwords keep the account locked out', async () => {
    const { citizen, session, passkey } = await withPasskey('device-lockout-1')
    await signOut(session)
    await test.database.db
      .update(citizenAccounts)
      .set({ lockedUntil: new Date(now.getTime() + 10 * 60_000) })
      .where(eq(citizenAccounts.id, citizen.accountId))
    const { challengeId, options } = await signInOptions()
    const answer = await passkeySignIn({
      challengeId,
      credential: passkey.authenticate(options, origin),
      deviceId: 'device-lockout-1',
    })
    expect(answer.statusCode).toBe(429)
  })
})
