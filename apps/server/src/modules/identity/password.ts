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
