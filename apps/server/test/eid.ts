import { generateKeyPairSync, randomInt } from 'node:crypto'
import { foldVietnamese } from '@ansinh/domain'
import { type DemoIdentity, demoPassword, type RunningDevProvider, startDevProvider } from '@ansinh/eid-dev'
import { devEidClient } from '../src/config'
import type { DatabaseHandle } from '../src/db/client'
import { people } from '../src/db/schema'
import { eidCallbackPath } from '../src/modules/eid/relying-party'
import { createTestApp, type TestApp } from './app'
import type { TestBackend } from './database'
import { freePort } from './server-process'

/**
 * The e-ID flow end to end over real HTTP: the local provider (apps/eid-dev) in this process on a
 * random port, the application listening on another, and a tiny browser (fetch with a cookie jar)
 * that follows redirects by hand and fills the provider's login and consent forms.
 */

export type EidTestBed = {
  test: TestApp
  provider: RunningDevProvider
  /** The provider's identities: push to it, the provider looks them up on each use. */
  identities: DemoIdentity[]
  appUrl: string
  close: () => Promise<void>
}

/**
 * `privateKeyJwt`: the client authenticates with a signed JWT (an EC key made here) instead of its
 * secret. `logStream`: the application's log lines (level info), for tests of what is logged.
 */
export async function startEidTestBed(
  backend: TestBackend,
  options: { privateKeyJwt?: boolean; logStream?: { write: (line: string) => void } } = {},
): Promise<EidTestBed> {
  const port = await freePort()
  const appUrl = `http://127.0.0.1:${port}`
  const identities: DemoIdentity[] = []
  const key = options.privateKeyJwt ? clientKeyPair() : null
  const provider = await startDevProvider({
    port: 0,
    client: {
      clientId: devEidClient.clientId,
      ...(key ? { publicKeys: [key.publicJwk] } : { clientSecret: devEidClient.clientSecret }),
      redirectUris: [`${appUrl}${eidCallbackPath}`],
    },
    identities,
  })
  const test = await createTestApp({
    backend,
    env: {
      EID_ISSUER: provider.issuer,
      EID_CLIENT_ID: devEidClient.clientId,
      ...(key
        ? { EID_PRIVATE_KEY_JWK: JSON.stringify(key.privateJwk) }
        : { EID_CLIENT_SECRET: devEidClient.clientSecret }),
      RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000',
      OTP_SMS_PER_HOUR: '1000',
      MESSAGES_PER_RECIPIENT_PER_HOUR: '1000',
      ...(options.logStream ? { LOG_LEVEL: 'info' } : {}),
    },
    ...(options.logStream ? { logStream: options.logStream } : {}),
  })
  await test.app.listen({ port, host: '127.0.0.1' })
  return {
    test,
    provider,
    identities,
    appUrl,
    close: async () => {
      await test.close()
      await provider.close()
    },
  }
}

function clientKeyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const kid = 'ansinh-test-1'
  return {
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' },
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid },
  }
}

const digits = (length: number) => Array.from({ length }, () => randomInt(10)).join('')

/** A registry person without an account (personal IDs 098…, apart from the test citizens' 099…). */
export async function createPersonWithoutAccount(database: DatabaseHandle, phone: string | null = null) {
  const bhxhCode = `7998${digits(6)}`
  const personalId = `098${digits(9)}`
  const fullName = 'Phan Thị Định'
  await database.db.insert(people).values({
    bhxhCode,
    personalId,
    fullName,
    foldedName: foldVietnamese(fullName),
    birthYear: 1990,
    birthMonth: 1,
    birthDay: 20,
    gender: 'female',
    addressCodeSet: '2025-07-01',
    provinceCode: '79',
    phone: phone ?? `091${digits(7)}`,
  })
  return { bhxhCode, personalId, fullName }
}

export function identityOf(person: { personalId: string }, level: 1 | 2): DemoIdentity {
  return {
    personalId: person.personalId,
    fullName: 'Người Thử',
    birthdate: '1990-01-20',
    phone: null,
    level,
    note: 'test',
  }
}

/** A browser: cookies by name for 127.0.0.1 (both servers' names differ), redirects followed by hand. */
export class TestBrowser {
  readonly cookies = new Map<string, string>()

  async request(
    url: string,
    init: {
      method?: string
      form?: Record<string, string>
      json?: unknown
      headers?: Record<string, string>
    } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers }
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    let body: string | undefined
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(init.form).toString()
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(init.json)
    }
    const response = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) this.remember(line)
    return response
  }

  private remember(line: string) {
    const [pair = '', ...attributes] = line.split(';')
    const name = pair.slice(0, pair.indexOf('=')).trim()
    const value = pair.slice(pair.indexOf('=') + 1).trim()
    const expired = attributes.some((attribute) => {
      const [key = '', setting = ''] = attribute.trim().split('=')
      if (key.toLowerCase() === 'max-age') return Number(setting) <= 0
      if (key.toLowerCase() === 'expires') return new Date(setting).getTime() <= Date.now()
      return false
    })
    if (expired || value === '') this.cookies.delete(name)
    else this.cookies.set(name, value)
  }

  /** Follows redirects from `url` until a page (2xx) or a redirect into `stopAt`; answers where it stopped. */
  async walk(url: string, stopAt: string): Promise<{ url: string; page?: string }> {
    let current = url
    for (let hops = 0; hops < 10; hops += 1) {
      if (current.startsWith(stopAt)) return { url: current }
      const response = await this.request(current)
      if (response.status >= 300 && response.status < 400) {
        current = new URL(response.headers.get('location') ?? '', current).href
        continue
      }
      if (response.status !== 200)
        throw new Error(`${current} answered ${response.status}: ${await response.text()}`)
      return { url: current, page: await response.text() }
    }
    throw new Error('too many redirects')
  }
}

export type ProviderVisit = {
  /** The callback URL the provider sent the browser to, not yet followed. */
  callbackUrl: string
  loginPage: string
  consentPage: string
}

/**
 * From the authorisation URL to the provider's redirect back to An Sinh: the login form (personal ID
 * and password, and the level to sign in at, the identity's own unless told), then the consent page,
 * agreeing or declining.
 */
export async function throughProvider(
  browser: TestBrowser,
  bed: EidTestBed,
  authorizationUrl: string,
  input: { personalId: string; level?: '1' | '2'; decision?: 'allow' | 'deny' },
): Promise<ProviderVisit> {
  const callbackPrefix = `${bed.appUrl}${eidCallbackPath}`
  const login = await browser.walk(authorizationUrl, callbackPrefix)
  if (!login.page) throw new Error('the provider showed no login page')
  const loginAction = formAction(login.page, login.url)
  const submitted = await browser.request(loginAction, {
    method: 'POST',
    form: { personalId: input.personalId, password: demoPassword, level: input.level ?? '' },
  })
  if (submitted.status !== 303)
    throw new Error(`login answered ${submitted.status}: ${await submitted.text()}`)
  const consent = await browser.walk(
    new URL(submitted.headers.get('location') ?? '', loginAction).href,
    callbackPrefix,
  )
  if (!consent.page) throw new Error('the provider showed no consent page')
  const consentAction = formAction(consent.page, consent.url)
  const decided = await browser.request(consentAction, {
    method: 'POST',
    form: { decision: input.decision ?? 'allow' },
  })
  const back = await browser.walk(
    new URL(decided.headers.get('location') ?? '', consentAction).href,
    callbackPrefix,
  )
  if (back.page) throw new Error('the provider did not send the browser back')
  return { callbackUrl: back.url, loginPage: login.page, consentPage: consent.page }
}

function formAction(page: string, pageUrl: string): string {
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1]
  if (!action) throw new Error('no form on the page')
  return new URL(action.replaceAll('&amp;', '&'), pageUrl).href
}

/** The app's redirect after the callback: the result page's path and its query. */
export async function followCallback(browser: TestBrowser, callbackUrl: string) {
  const response = await browser.request(callbackUrl)
  if (response.status !== 303)
    throw new Error(`callback answered ${response.status}: ${await response.text()}`)
  const location = new URL(response.headers.get('location') ?? '', callbackUrl)
  return { path: location.pathname, query: Object.fromEntries(location.searchParams) }
}
