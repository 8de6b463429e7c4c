import { createHmac, randomInt } from 'node:crypto'

/** What staff sign-in adds to the shared session tokens: its cookie's name and the recovery codes. */

export const staffCookieName = 'ansinh_staff'

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
