import { EidAuthorization, EidLinkView } from '@ansinh/domain'
import { demoIdentities } from '@ansinh/eid-dev'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCitizen } from '../../../test/citizen'
import { testBackends } from '../../../test/database'
import {
  createPersonWithoutAccount,
  type EidTestBed,
  followCallback,
  identityOf,
  startEidTestBed,
  TestBrowser,
  throughProvider,
} from '../../../test/eid'
import { lastCodeSentTo } from '../../../test/registration'
import { ConfigError, loadConfig } from '../../config'
import { auditLog, citizenAccounts } from '../../db/schema'
import { demoAccounts } from '../registry/demo-population/well-known'
import { assertionOf, EidProviderError } from './relying-party'

describe.each(testBackends())('sign-in with the national e-ID through the local provider (%s)', (backend) => {
  let bed: EidTestBed
  const logLines: string[] = []
  beforeAll(async () => {
    bed = await startEidTestBed(backend, { logStream: { write: (line) => logLines.push(line) } })
  })
  afterAll(async () => bed?.close())

  const api = (path: string) => `${bed.appUrl}/api/v1${path}`

  async function start(browser: TestBrowser, deviceId = 'eid-test-device-1') {
    const response = await browser.request(api('/auth/eid/start'), { method: 'POST', json: { deviceId } })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(browser.cookies.has('ansinh_eid')).toBe(true)
    return EidAuthorization.parse(await response.json()).authorizationUrl
  }

  /** The whole trip: start, provider login and consent, callback; answers the app's result page. */
  async function signInWithEid(
    browser: TestBrowser,
    personalId: string,
    options: { deviceId?: string; decision?: 'allow' | 'deny'; level?: '1' | '2' } = {},
  ) {
    const authorizationUrl = await start(browser, options.deviceId)
    const visit = await throughProvider(browser, bed, authorizationUrl, {
      personalId,
      ...(options.decision ? { decision: options.decision } : {}),
      ...(options.level ? { level: options.level } : {}),
    })
    return { visit, result: await followCallback(browser, visit.callbackUrl) }
  }

  async function me(browser: TestBrowser) {
    return browser.request(api('/auth/me'))
  }

  async function passwordSignIn(browser: TestBrowser, username: string, password: string, deviceId: string) {
    const response = await browser.request(api('/auth/login'), {
      method: 'POST',
      json: { username, password, deviceId },
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as { csrfToken: string }).csrfToken
  }

  async function auditOutcomes(action: string) {
    const rows = await bed.test.database.db
      .select({ detail: auditLog.detail, recordId: auditLog.recordId })
      .from(auditLog)
      .where(eq(auditLog.action, action))
    return rows
  }

  it('signs an account holder in with the claims asked on the consent page, and links the account', async () => {
    const holder = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(holder, 2))
    const browser = new TestBrowser()
    const { visit, result } = await signInWithEid(browser, holder.personalId)
    expect(visit.loginPage).toContain('Số định danh cá nhân')
    expect(visit.consentPage).toContain('Đồng ý')
    expect(visit.consentPage).toContain('Số định danh cá nhân')
    expect(result).toEqual({ path: '/sign-in/eid', query: { outcome: 'signed_in' } })
    expect(browser.cookies.has('ansinh_eid')).toBe(false)
    const signedIn = await me(browser)
    expect(signedIn.status).toBe(200)
    expect(((await signedIn.json()) as { account: unknown }).account).toMatchObject({
      bhxhCode: holder.bhxhCode,
      mustChangePassword: false,
    })
    const link = EidLinkView.parse(await (await browser.request(api('/auth/eid/link'))).json())
    expect(link).toMatchObject({ linked: true, level: 2 })
    const audited = await auditOutcomes('eid.sign_in')
    const entry = audited.find((row) => row.recordId === String(holder.accountId))
    expect(entry?.detail).toEqual({ outcome: 'signed_in', level: 2 })
    expect(JSON.stringify(audited)).not.toContain(holder.personalId)
  })

  it('opens the account on the spot at level 2 for a registry person without one', async () => {
    const person = await createPersonWithoutAccount(bed.test.database)
    bed.identities.push(identityOf(person, 2))
    const browser = new TestBrowser()
    const { result } = await signInWithEid(browser, person.personalId)
    expect(result.query).toEqual({ outcome: 'account_created' })
    const signedIn = await me(browser)
    expect(signedIn.status).toBe(200)
    expect(((await signedIn.json()) as { account: unknown }).account).toMatchObject({
      bhxhCode: person.bhxhCode,
      fullName: person.fullName,
      mustChangePassword: false,
    })
    const [account] = await bed.test.database.db
      .select({ status: citizenAccounts.status })
      .from(citizenAccounts)
      .where(eq(citizenAccounts.username, person.bhxhCode))
    expect(account?.status).toBe('active')
  })

  it('refuses to open an account at level 1, and says so', async () => {
    const person = await createPersonWithoutAccount(bed.test.database)
    bed.identities.push(identityOf(person, 1))
    const browser = new TestBrowser()
    const { result } = await signInWithEid(browser, person.personalId)
    expect(result.query).toEqual({ outcome: 'level_too_low' })
    expect((await me(browser)).status).toBe(401)
    const accounts = await bed.test.database.db
      .select()
      .from(citizenAccounts)
      .where(eq(citizenAccounts.username, person.bhxhCode))
    expect(accounts).toEqual([])
    const audited = await auditOutcomes('eid.sign_in')
    expect(audited.map((row) => row.detail)).toContainEqual({ outcome: 'level_too_low', level: 1 })
  })

  it('answers no_registry_match for a personal ID in no registry record', async () => {
    const stranger = { personalId: `097${String(Date.now()).slice(-9)}` }
    bed.identities.push(identityOf(stranger, 2))
    const browser = new TestBrowser()
    const { result } = await signInWithEid(browser, stranger.personalId)
    expect(result.query).toEqual({ outcome: 'no_registry_match' })
    expect((await me(browser)).status).toBe(401)
  })

  it('answers denied when the person declines on the consent page', async () => {
    const holder = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(holder, 2))
    const browser = new TestBrowser()
    const { result } = await signInWithEid(browser, holder.personalId, { decision: 'deny' })
    expect(result.query).toEqual({ outcome: 'denied' })
    expect((await me(browser)).status).toBe(401)
  })

  it('refuses a replayed callback: the same state and code, with the same cookie, sign nobody in', async () => {
    const holder = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(holder, 2))
    const browser = new TestBrowser()
    const authorizationUrl = await start(browser)
    const flowCookie = browser.cookies.get('ansinh_eid') ?? ''
    const visit = await throughProvider(browser, bed, authorizationUrl, { personalId: holder.personalId })
    expect((await followCallback(browser, visit.callbackUrl)).query).toEqual({ outcome: 'signed_in' })

    const attacker = new TestBrowser()
    attacker.cookies.set('ansinh_eid', flowCookie)
    expect((await followCallback(attacker, visit.callbackUrl)).query).toEqual({ outcome: 'state_invalid' })
    expect(attacker.cookies.has('ansinh_citizen')).toBe(false)
    // Without the flow cookie at all (a link sent to someone else): refused too.
    expect((await followCallback(new TestBrowser(), visit.callbackUrl)).query).toEqual({
      outcome: 'state_invalid',
    })
  })

  it('refuses a forged state, and the flow it spoiled cannot be finished afterwards', async () => {
    const holder = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(holder, 2))
    const browser = new TestBrowser()
    const authorizationUrl = await start(browser)
    const flowCookie = browser.cookies.get('ansinh_eid') ?? ''
    const visit = await throughProvider(browser, bed, authorizationUrl, { personalId: holder.personalId })
    const forged = new URL(visit.callbackUrl)
    forged.searchParams.set('state', 'forged-state-value')
    expect((await followCallback(browser, forged.href)).query).toEqual({ outcome: 'state_invalid' })
    browser.cookies.set('ansinh_eid', flowCookie)
    expect((await followCallback(browser, visit.callbackUrl)).query).toEqual({ outcome: 'state_invalid' })
    expect((await me(browser)).status).toBe(401)
    const audited = await auditOutcomes('eid.sign_in')
    expect(
      audited.filter((row) => (row.detail as { outcome: string }).outcome === 'state_invalid').length,
    ).toBeGreaterThan(0)
  })

  it('logs why each callback failed, in codes only, never what the person or the provider sent', async () => {
    const from = logLines.length
    const holder = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(holder, 2))
    const declined = await signInWithEid(new TestBrowser(), holder.personalId, { decision: 'deny' })
    expect(declined.result.query).toEqual({ outcome: 'denied' })

    // A forged authorisation code: the provider's token endpoint refuses the exchange.
    const browser = new TestBrowser()
    const authorizationUrl = await start(browser)
    const flowCookie = browser.cookies.get('ansinh_eid') ?? ''
    const visit = await throughProvider(browser, bed, authorizationUrl, { personalId: holder.personalId })
    const callback = new URL(visit.callbackUrl)
    const forged = new URL(callback)
    forged.searchParams.set('code', 'forged-authorisation-code')
    expect((await followCallback(browser, forged.href)).query).toEqual({ outcome: 'provider_error' })
    // The flow is spent: the true callback, with the cookie put back, and then without any cookie.
    browser.cookies.set('ansinh_eid', flowCookie)
    expect((await followCallback(browser, visit.callbackUrl)).query).toEqual({ outcome: 'state_invalid' })
    expect((await followCallback(new TestBrowser(), visit.callbackUrl)).query).toEqual({
      outcome: 'state_invalid',
    })

    const lines = logLines.slice(from)
    const refusals = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'e-ID callback refused')
      .map(({ level, eidOutcome, reason, providerError, httpStatus, errorCode }) => ({
        level,
        eidOutcome,
        reason,
        ...(providerError === undefined ? {} : { providerError }),
        ...(httpStatus === undefined ? {} : { httpStatus }),
        ...(errorCode === undefined ? {} : { errorCode }),
      }))
    const warn = 40
    const error = 50
    expect(refusals).toEqual([
      {
        level: warn,
        eidOutcome: 'denied',
        reason: 'provider_returned_error',
        providerError: 'access_denied',
      },
      {
        level: error,
        eidOutcome: 'provider_error',
        reason: 'token_exchange_failed',
        providerError: 'invalid_grant',
        httpStatus: 400,
        errorCode: 'OAUTH_RESPONSE_BODY_ERROR',
      },
      { level: warn, eidOutcome: 'state_invalid', reason: 'state_unknown_or_used' },
      { level: warn, eidOutcome: 'state_invalid', reason: 'flow_cookie_missing' },
    ])
    const log = lines.join('\n')
    for (const secret of [
      holder.personalId,
      holder.bhxhCode,
      holder.phone ?? '',
      callback.searchParams.get('code') ?? '',
      callback.searchParams.get('state') ?? '',
      'forged-authorisation-code',
      flowCookie,
    ]) {
      expect(secret.length).toBeGreaterThan(0)
      expect(log).not.toContain(secret)
    }
  })

  it('at level 2 signs the other device out; at level 1 asks for the device-change OTP instead', async () => {
    const strong = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(strong, 2))
    const first = new TestBrowser()
    await passwordSignIn(first, strong.bhxhCode, strong.password, 'eid-first-device')
    const second = new TestBrowser()
    const { result } = await signInWithEid(second, strong.personalId, { deviceId: 'eid-second-device' })
    expect(result.query).toEqual({ outcome: 'signed_in' })
    const elsewhere = await me(first)
    expect(elsewhere.status).toBe(401)
    expect(((await elsewhere.json()) as { error: { code: string } }).error.code).toBe('SIGNED_IN_ELSEWHERE')

    const weak = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(weak, 1))
    const phoneA = new TestBrowser()
    await passwordSignIn(phoneA, weak.bhxhCode, weak.password, 'eid-weak-first')
    const phoneB = new TestBrowser()
    const step = await signInWithEid(phoneB, weak.personalId, { deviceId: 'eid-weak-second' })
    expect(step.result.query).toMatchObject({ outcome: 'device_change_required', sentTo: expect.any(String) })
    expect(phoneB.cookies.has('ansinh_citizen')).toBe(false)
    expect((await me(phoneA)).status).toBe(200)
    const otp = await lastCodeSentTo(bed.test.database, weak.phone ?? '')
    const confirmed = await phoneB.request(
      api(`/auth/device-change/${step.result.query.requestId}/confirm`),
      {
        method: 'POST',
        json: { otp },
      },
    )
    expect(confirmed.status).toBe(200)
    expect((await me(phoneB)).status).toBe(200)
    expect((await me(phoneA)).status).toBe(401)
  })

  it('takes the level the tester chose on the local provider’s login page, never one above the identity’s', async () => {
    const holder = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(holder, 2))
    const first = new TestBrowser()
    await passwordSignIn(first, holder.bhxhCode, holder.password, 'eid-chosen-first')
    // Level 2 in the provider's records, level 1 asserted by this login: the OTP step, as at level 1.
    const second = new TestBrowser()
    const lower = await signInWithEid(second, holder.personalId, {
      deviceId: 'eid-chosen-second',
      level: '1',
    })
    expect(lower.visit.loginPage).toContain('Mức định danh khi thử')
    expect(lower.result.query).toMatchObject({ outcome: 'device_change_required' })
    expect(second.cookies.has('ansinh_citizen')).toBe(false)
    expect((await me(first)).status).toBe(200)
    const audited = await auditOutcomes('eid.sign_in')
    expect(audited.find((row) => row.recordId === String(holder.accountId))?.detail).toEqual({
      outcome: 'device_change_required',
      level: 1,
    })
    const otp = await lastCodeSentTo(bed.test.database, holder.phone ?? '')
    const confirmed = await second.request(
      api(`/auth/device-change/${lower.result.query.requestId}/confirm`),
      {
        method: 'POST',
        json: { otp },
      },
    )
    expect(confirmed.status).toBe(200)
    expect((await me(first)).status).toBe(401)

    // Her own level chosen explicitly: signed in at once, the other device signed out.
    const third = new TestBrowser()
    const own = await signInWithEid(third, holder.personalId, { deviceId: 'eid-chosen-third', level: '2' })
    expect(own.result.query).toEqual({ outcome: 'signed_in' })
    expect((await me(second)).status).toBe(401)

    // A level above the identity's is refused on the login page itself.
    const weak = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(weak, 1))
    const browser = new TestBrowser()
    const authorizationUrl = await start(browser, 'eid-chosen-weak')
    const raised = throughProvider(browser, bed, authorizationUrl, {
      personalId: weak.personalId,
      level: '2',
    })
    await expect(raised).rejects.toThrow(
      /login answered 200: .*không được cao hơn mức của tài khoản \(mức 1\)/s,
    )
  })

  it('links and unlinks from a session; an unlinked account refuses e-ID sign-in until linked again', async () => {
    const holder = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(holder, 2))
    const browser = new TestBrowser()
    const csrf = await passwordSignIn(browser, holder.bhxhCode, holder.password, 'eid-link-device')
    const headers = { 'x-ansinh-csrf': csrf }
    const before = EidLinkView.parse(await (await browser.request(api('/auth/eid/link'))).json())
    expect(before).toEqual({ linked: false, linkedAt: null, level: null })
    // The CSRF header guards the start of a link like every change.
    expect((await browser.request(api('/auth/eid/link'), { method: 'POST', json: {} })).status).toBe(403)

    const link = async () => {
      const started = await browser.request(api('/auth/eid/link'), { method: 'POST', json: {}, headers })
      expect(started.status).toBe(200)
      const { authorizationUrl } = EidAuthorization.parse(await started.json())
      const visit = await throughProvider(browser, bed, authorizationUrl, { personalId: holder.personalId })
      return followCallback(browser, visit.callbackUrl)
    }
    expect(await link()).toEqual({ path: '/account/eid', query: { outcome: 'linked' } })
    expect(await link()).toEqual({ path: '/account/eid', query: { outcome: 'already_linked' } })
    expect(EidLinkView.parse(await (await browser.request(api('/auth/eid/link'))).json()).linked).toBe(true)

    const unlinked = await browser.request(api('/auth/eid/link'), { method: 'DELETE', headers })
    expect(unlinked.status).toBe(200)
    expect(EidLinkView.parse(await unlinked.json())).toEqual({ linked: false, linkedAt: null, level: 2 })
    const refused = await signInWithEid(new TestBrowser(), holder.personalId, { deviceId: 'eid-link-device' })
    expect(refused.result.query).toEqual({ outcome: 'eid_unlinked' })
    expect((await link()).query).toEqual({ outcome: 'linked' })
    expect(
      (await signInWithEid(new TestBrowser(), holder.personalId, { deviceId: 'eid-link-device' })).result
        .query,
    ).toEqual({ outcome: 'signed_in' })
    const audited = await auditOutcomes('eid.unlink')
    expect(audited).toContainEqual({ recordId: String(holder.accountId), detail: { outcome: 'unlinked' } })
  })

  it("refuses to link someone else's e-ID to the account", async () => {
    const holder = await createTestCitizen(bed.test.database)
    const other = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(other, 2))
    const browser = new TestBrowser()
    const csrf = await passwordSignIn(browser, holder.bhxhCode, holder.password, 'eid-mismatch-device')
    const started = await browser.request(api('/auth/eid/link'), {
      method: 'POST',
      json: {},
      headers: { 'x-ansinh-csrf': csrf },
    })
    const { authorizationUrl } = EidAuthorization.parse(await started.json())
    const visit = await throughProvider(browser, bed, authorizationUrl, { personalId: other.personalId })
    expect((await followCallback(browser, visit.callbackUrl)).query).toEqual({
      outcome: 'personal_id_mismatch',
    })
    expect(EidLinkView.parse(await (await browser.request(api('/auth/eid/link'))).json()).linked).toBe(false)
  })

  it('says whether the e-ID button is shown, and documents the routes', async () => {
    const config = (await (await fetch(api('/app-config'))).json()) as { eid: unknown }
    expect(config.eid).toEqual({ enabled: true })
    const spec = (await (await fetch(`${bed.appUrl}/docs/json`)).json()) as { paths: Record<string, unknown> }
    for (const path of ['/api/v1/auth/eid/start', '/api/v1/auth/eid/callback', '/api/v1/auth/eid/link'])
      expect(spec.paths[path]).toBeDefined()
  })
})

describe('a client authenticated with private_key_jwt', () => {
  let bed: EidTestBed
  beforeAll(async () => {
    bed = await startEidTestBed('pglite', { privateKeyJwt: true })
  })
  afterAll(async () => bed?.close())

  it('signs an account holder in with a signed client assertion instead of a secret', async () => {
    const holder = await createTestCitizen(bed.test.database)
    bed.identities.push(identityOf(holder, 2))
    const browser = new TestBrowser()
    const started = await browser.request(`${bed.appUrl}/api/v1/auth/eid/start`, {
      method: 'POST',
      json: { deviceId: 'eid-jwt-device' },
    })
    const { authorizationUrl } = EidAuthorization.parse(await started.json())
    const visit = await throughProvider(browser, bed, authorizationUrl, { personalId: holder.personalId })
    expect((await followCallback(browser, visit.callbackUrl)).query).toEqual({ outcome: 'signed_in' })
  })
})

describe('without an e-ID provider', () => {
  it('answers 503 to the start and hides the button', async () => {
    const { createTestApp } = await import('../../../test/app')
    const test = await createTestApp()
    try {
      const started = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/eid/start',
        payload: { deviceId: 'no-provider-device' },
      })
      expect(started.statusCode).toBe(503)
      expect(started.json().error.code).toBe('SERVICE_UNAVAILABLE')
      expect((await test.app.inject('/api/v1/app-config')).json().eid).toEqual({ enabled: false })
    } finally {
      await test.close()
    }
  })
})

describe('e-ID configuration', () => {
  const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent' }

  it('names a missing or malformed claim by its configured name, never by what it held', () => {
    const eid = loadConfig({
      ...base,
      EID_ISSUER: 'https://vneid.example.vn',
      EID_CLIENT_ID: 'ansinh',
      EID_CLIENT_SECRET: 'secret',
      EID_CLAIM_LEVEL: 'loa',
    }).eid
    if (!eid) throw new Error('no e-ID configuration')
    const claims = { sub: 'subject-1', [eid.claims.personalId]: '079176000417', loa: '2' }
    expect(assertionOf(eid, claims)).toMatchObject({ personalId: '079176000417', level: 2 })
    const failureOf = (changed: Record<string, unknown>) => {
      try {
        assertionOf(eid, { ...claims, ...changed })
      } catch (error) {
        if (!(error instanceof EidProviderError)) throw error
        return { outcome: error.outcome, failure: error.failure, message: error.message }
      }
      throw new Error('the claims were accepted')
    }
    expect(failureOf({ [eid.claims.personalId]: '07917600041' })).toEqual({
      outcome: 'provider_error',
      failure: { reason: 'claim_missing', claim: eid.claims.personalId },
      message: 'e-ID claim_missing',
    })
    expect(failureOf({ loa: undefined }).failure).toEqual({ reason: 'claim_missing', claim: 'loa' })
    expect(failureOf({ sub: 42 }).failure).toEqual({ reason: 'claim_missing', claim: 'sub' })
  })

  it('runs the local provider on the loopback with its own client when no issuer is set', () => {
    const config = loadConfig({ ...base, EID_DEV_PROVIDER: 'true', EID_DEV_PROVIDER_PORT: '3911' })
    expect(config.eid).toMatchObject({ issuer: 'http://127.0.0.1:3911', devProvider: { port: 3911 } })
  })

  it('needs a client id and a secret or a private key with a real issuer', () => {
    expect(() => loadConfig({ ...base, EID_ISSUER: 'https://vneid.example.vn' })).toThrow(ConfigError)
    const config = loadConfig({
      ...base,
      EID_ISSUER: 'https://vneid.example.vn',
      EID_CLIENT_ID: 'ansinh',
      EID_CLIENT_SECRET: 'secret',
      EID_CLAIM_LEVEL: 'loa',
      EID_LEVEL2_VALUES: 'muc2, 2',
    })
    expect(config.eid).toMatchObject({
      claims: { level: 'loa' },
      level2Values: ['muc2', '2'],
      devProvider: null,
    })
  })

  it('refuses the local provider in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', EID_DEV_PROVIDER: 'true' })).toThrow(/EID_DEV_PROVIDER/)
  })
})

describe('the local provider’s demo identities', () => {
  it('are the demo population’s well-known people, and one personal ID that is in no record', () => {
    const { citizen, spouse, mother } = demoAccounts
    const byId = new Map(demoIdentities.map((identity) => [identity.personalId, identity]))
    expect(byId.get(citizen.personalId)).toMatchObject({ fullName: citizen.fullName, level: 2 })
    expect(byId.get(spouse.personalId)).toMatchObject({ fullName: spouse.fullName, level: 2 })
    expect(byId.get(mother.personalId)).toMatchObject({ fullName: mother.fullName, level: 1 })
    const known = new Set<string>([
      citizen.personalId,
      spouse.personalId,
      mother.personalId,
      demoAccounts.child.personalId,
    ])
    expect(demoIdentities.filter((identity) => !known.has(identity.personalId))).toHaveLength(1)
  })
})
