import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import {
  ErrorCode,
  type LookupChallenge,
  type LookupProof,
  leadingZeroBits,
  proofInput,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import { DomainError } from '../../platform/errors'

/**
 * The proof of work of the public look-ups. A challenge is `id.bits.expiresAtMs.mac`: signed with the
 * session secret, so the server keeps nothing until it is used and no client can lower its bits or
 * stretch its life. Spending is a counter (the recipient counters: the database, or Redis with
 * REDIS_URL) keyed by the id: the first use counts 1, a replay counts more. That needs no table and no
 * migration, works across processes, and the job that prunes counters keeps a row for a day, far
 * beyond a challenge's 5 minutes.
 */

export const CHALLENGE_VALID_MS = 5 * 60_000

type ChallengeDeps = Pick<Deps, 'config' | 'secrets' | 'clock' | 'recipientCounters' | 'database'>

function sign(deps: Pick<Deps, 'secrets'>, payload: string): string {
  return createHmac('sha256', deps.secrets.sessionSecret)
    .update(`lookup-challenge:${payload}`)
    .digest('base64url')
}

export function issueChallenge(deps: Pick<Deps, 'config' | 'secrets' | 'clock'>): LookupChallenge {
  const expiresAt = deps.clock().getTime() + CHALLENGE_VALID_MS
  const difficulty = deps.config.lookup.challengeBits
  const payload = `${randomBytes(12).toString('base64url')}.${difficulty}.${expiresAt}`
  return {
    challenge: `${payload}.${sign(deps, payload)}`,
    difficulty,
    expiresAt: new Date(expiresAt).toISOString(),
  }
}

const refused = (why: string) =>
  new DomainError(ErrorCode.ValidationFailed, `lookup challenge ${why}`, {
    fields: { proof: ['Mã kiểm tra bảo mật không hợp lệ hoặc đã hết hạn. Vui lòng thử lại.'] },
    userMessage: {
      vi: 'Mã kiểm tra bảo mật không hợp lệ hoặc đã hết hạn. Vui lòng thử lại.',
      en: 'The security check is not valid or has expired. Please try again.',
    },
  })

/** Checks the signature, the expiry and the work, then spends the challenge; throws if any fails. */
export async function spendChallenge(deps: ChallengeDeps, proof: LookupProof): Promise<void> {
  const parts = proof.challenge.split('.')
  const [id, bits, expires, mac] = parts
  if (parts.length !== 4 || !id || !bits || !expires || !mac) throw refused('malformed')
  const expected = Buffer.from(sign(deps, `${id}.${bits}.${expires}`))
  const given = Buffer.from(mac)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused('forged')
  const expiresAt = Number(expires)
  if (!(expiresAt > deps.clock().getTime())) throw refused('expired')
  const digest = createHash('sha256').update(proofInput(proof.challenge, proof.nonce)).digest()
  if (leadingZeroBits(digest) < Number(bits)) throw refused('without the work')
  const uses = await deps.recipientCounters.increment(
    deps.database.db,
    `lookup-challenge:${id}`,
    new Date(expiresAt),
    CHALLENGE_VALID_MS,
  )
  if (uses > 1) throw refused('spent')
}
