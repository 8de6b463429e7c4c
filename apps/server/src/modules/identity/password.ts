import { randomBytes, randomInt } from 'node:crypto'
import { type Algorithm, hash, type Options, parseOptions, verify } from '@node-rs/argon2'

/**
 * Password hashing for citizen and staff accounts: Argon2id with the OWASP minimum
 * (19 MiB memory, 2 passes, 1 lane). Hashes are PHC strings that carry their own parameters, so the
 * parameters can be raised later and old hashes upgraded on the next successful sign-in.
 */

// `Algorithm` is a const enum, which isolated modules cannot read; 2 is its Argon2id member.
const argon2id = 2 as Algorithm
const argon2Version13 = 1 // Version.V0x13, the current Argon2 version

export const passwordHashParameters = {
  algorithm: argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options

export async function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashParameters)
}

/** False for a wrong password and for a malformed or foreign hash (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** Whether a stored hash was made with other parameters than today's and should be replaced after sign-in. */
export function needsRehash(passwordHash: string): boolean {
  try {
    const used = parseOptions(passwordHash)
    return (
      used.algorithm !== passwordHashParameters.algorithm ||
      used.version !== argon2Version13 ||
      used.memoryCost !== passwordHashParameters.memoryCost ||
      used.timeCost !== passwordHashParameters.timeCost ||
      used.parallelism !== passwordHashParameters.parallelism
    )
  } catch {
    return true
  }
}

// An argon2 hash of nothing anyone knows (a random value), made once per process.
let dummyHash: Promise<string> | undefined

/**
 * Verifies the password against a hash of nothing, and answers false: a sign-in with an unknown
 * username takes as long as one with a known username and a wrong password, so the answer's timing
 * does not tell which usernames exist.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'))
  await verifyPassword(await dummyHash, password)
  return false
}

// No look-alikes (0/O, 1/l/I) and only GSM-7 characters: the password travels by SMS and is typed by hand.
const temporaryAlphabets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#$%&*+=?!']

/**
 * A one-time password for a new account (or a reset): 10 characters with at least one upper-case
 * letter, lower-case letter, digit and special character, from a cryptographic source.
 */
export function generateTemporaryPassword(length = 10): string {
  const all = temporaryAlphabets.join('')
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)] ?? ''
  const characters = temporaryAlphabets.map(pick)
  while (characters.length < length) characters.push(pick(all))
  // Fisher–Yates, so the guaranteed classes are not always in front.
  for (let i = characters.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1)
    ;[characters[i], characters[j]] = [characters[j] ?? '', characters[i] ?? '']
  }
  return characters.join('')
}
