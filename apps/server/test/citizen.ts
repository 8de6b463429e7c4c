import { randomInt } from 'node:crypto'
import { foldVietnamese } from '@ansinh/domain'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { DatabaseHandle } from '../src/db/client'
import { people } from '../src/db/schema'
import { createCitizenAccount } from '../src/modules/identity/accounts'
import { citizenCookieName } from '../src/modules/identity/citizen-guard'

export const testCitizenPassword = 'Hoa-Sen#2026'

export type TestCitizen = {
  accountId: number
  bhxhCode: string
  personalId: string
  phone: string | null
  email: string | null
  password: string
}

const digits = (length: number) => Array.from({ length }, () => randomInt(10)).join('')

/**
 * A person and an e-transaction account of their own, with random identifiers in ranges neither the
 * generator nor the well-known demo people use (BHXH codes 7999…, personal IDs 099…).
 */
export async function createTestCitizen(
  database: DatabaseHandle,
  options: {
    password?: string
    mustChangePassword?: boolean
    phone?: string | null
    email?: string | null
  } = {},
): Promise<TestCitizen> {
  const bhxhCode = `7999${digits(6)}`
  const personalId = `099${digits(9)}`
  const phone = options.phone === undefined ? `090${digits(7)}` : options.phone
  const email = options.email ?? null
  const password = options.password ?? testCitizenPassword
  const fullName = 'Trần Văn Thử'
  const [person] = await database.db
    .insert(people)
    .values({
      bhxhCode,
      personalId,
      fullName,
      foldedName: foldVietnamese(fullName),
      birthYear: 1985,
      birthMonth: 6,
      birthDay: 15,
      gender: 'male',
      addressCodeSet: '2025-07-01',
      provinceCode: '79',
      phone,
      email,
    })
    .returning({ id: people.id })
  if (!person) throw new Error('person insert returned no row')
  const account = await createCitizenAccount(database.db, {
    personId: person.id,
    username: bhxhCode,
    password,
    mustChangePassword: options.mustChangePassword ?? false,
  })
  return { accountId: account.id, bhxhCode, personalId, phone, email, password }
}

/** `ansinh_citizen=<token>` from an answer that set the citizen session cookie. */
export function citizenCookieOf(response: LightMyRequestResponse): string {
  const set = response.cookies.find((cookie) => cookie.name === citizenCookieName)
  if (!set) throw new Error('the answer set no citizen session cookie')
  return `${citizenCookieName}=${set.value}`
}

export type CitizenTestSession = { cookie: string; csrfToken: string; headers: Record<string, string> }

/** Signs in through the API (a device of its own), as the app does; fails the test on any other answer. */
export async function signInCitizen(
  app: FastifyInstance,
  credentials: { username: string; password: string; deviceId?: string },
): Promise<CitizenTestSession> {
  const { deviceId = `test-device-${credentials.username}`, ...login } = credentials
  const answer = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { ...login, deviceId },
  })
  if (answer.statusCode !== 200) throw new Error(`sign-in answered ${answer.statusCode}: ${answer.body}`)
  return citizenSessionOf(answer)
}

/** The session an answer opened (sign-in, device change): its cookie and CSRF token, as headers too. */
export function citizenSessionOf(answer: LightMyRequestResponse): CitizenTestSession {
  const cookie = citizenCookieOf(answer)
  const csrfToken: string = answer.json().csrfToken
  return { cookie, csrfToken, headers: { cookie, 'x-ansinh-csrf': csrfToken } }
}

/** A new citizen (`createTestCitizen`) signed in through the API on a device of their own. */
export async function createSignedInCitizen(
  test: { app: FastifyInstance; database: DatabaseHandle },
  options: Parameters<typeof createTestCitizen>[1] = {},
): Promise<TestCitizen & CitizenTestSession> {
  const citizen = await createTestCitizen(test.database, options)
  const session = await signInCitizen(test.app, { username: citizen.bhxhCode, password: citizen.password })
  return { ...citizen, ...session }
}
