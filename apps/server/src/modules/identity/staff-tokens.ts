import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/**
 * The random values of staff sign-in and what is stored of them. The session token lives only in
 * the browser's cookie; the database keeps its SHA-256 (a 256-bit random value needs no salt or
 * slow hash), so a copy of the sessions table signs nobody in. The CSRF token is derived from the
 * session token with SESSION_SECRET: nothing to store, and it changes with the session.
 */

export const staffCookieName = 'ansinh_staff'
export const csrfHeaderName = 'x-ansinh-csrf'

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

export function csrfTokenFor(sessionSecret: string, sessionToken: string): string {
  return createHmac('sha256', sessionSecret).update(`csrf:${sessionToken}`).digest('base64url')
}

export function csrfMatches(sessionSecret: string, sessionToken: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false
  return sameText(csrfTokenFor(sessionSecret, sessionToken), presented)
}

/** Constant-time comparison of two strings (length differences end early, which reveals nothing secret). */
export function sameText(expected: string, actual: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(actual)
  return a.length === b.length && timingSafeEqual(a, b)
}

// Recovery codes are typed from paper: no look-alikes (0/o, 1/l/i), case and dashes ignored.
const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
const recoveryGroups = 3
const recoveryGroupLength = 4

/** `abcd-efgh-jkmn`: 12 characters of a 31-letter alphabet, about 59 bits each. */
export function newRecoveryCodes(count = 10): string[] {
  const group = () =>
    Array.from(
      { length: recoveryGroupLength },
      () => recoveryAlphabet[randomInt(recoveryAlphabet.length)],
    ).join('')
  return Array.from({ length: count }, () => Array.from({ length: recoveryGroups }, group).join('-'))
}

export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/**
 * A keyed hash (SESSION_SECRET as pepper, the staff id binding the code to its owner). The codes are
 * random, not chosen by people, so a slow hash would add nothing but ten argon2 runs per use.
 */
export function hashRecoveryCode(pepper: string, staffId: number, code: string): string {
  return createHmac('sha256', pepper)
    .update(`recovery:${staffId}:${normalizeRecoveryCode(code)}`)
    .digest('base64url')
}
