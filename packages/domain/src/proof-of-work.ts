/**
 * The look-up's proof of work (SHA-256 of `challenge:nonce` with enough leading zero bits), without
 * zod or anything else: the citizen app's worker imports this file alone
 * (`@ansinh/domain/proof-of-work`), so that it starts in a few kilobytes.
 */
import { sha256 } from '@noble/hashes/sha2'

/** What is hashed: the challenge and the nonce, joined by a colon. */
export function proofInput(challenge: string, nonce: string): string {
  return `${challenge}:${nonce}`
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8
      continue
    }
    return bits + Math.clz32(byte) - 24
  }
  return bits
}

/**
 * Finds a nonce for a challenge. Hashes in slices of `slice` tries and yields between them, so that a
 * page stays responsive while the person types; `signal` stops a search that is no longer wanted.
 */
export async function solveLookupChallenge(
  challenge: { challenge: string; difficulty: number },
  options: { signal?: AbortSignal; slice?: number } = {},
): Promise<{ challenge: string; nonce: string }> {
  const encoder = new TextEncoder()
  const slice = options.slice ?? 20_000
  for (let nonce = 0; ; nonce++) {
    if (nonce % slice === 0 && nonce > 0) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      options.signal?.throwIfAborted()
    }
    const digest = sha256(encoder.encode(proofInput(challenge.challenge, String(nonce))))
    if (leadingZeroBits(digest) >= challenge.difficulty)
      return { challenge: challenge.challenge, nonce: String(nonce) }
  }
}
