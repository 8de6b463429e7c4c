import { createHmac, timingSafeEqual } from 'node:crypto'
import { REMINDER_OPT_OUT_PATH, REMINDER_OPT_OUT_TOKEN_PATTERN } from '@ansinh/domain'
import type { Deps } from '../../app'
import { recordOptOut } from './reminders-repo'

/**
 * The opt-out link of every reminder (không nhận tin nhắc nữa): the person id and an HMAC of it with
 * the session secret. The link alone is the permission, as an unsubscribe link in an e-mail is: it
 * reaches only the phone or mailbox the reminder went to, and it can do one thing, stop reminders.
 * Nothing is stored until it is used; a forged or altered token is refused like a missing page.
 */

type SecretDeps = Pick<Deps, 'secrets'>

function mac(deps: SecretDeps, personKey: string): string {
  // 22 base64url characters: 132 bits, beyond guessing, short enough for a 2-part SMS.
  return createHmac('sha256', deps.secrets.sessionSecret)
    .update(`reminder-opt-out:${personKey}`)
    .digest('base64url')
    .slice(0, 22)
}

export function optOutToken(deps: SecretDeps, personId: number): string {
  const personKey = personId.toString(36)
  return `${personKey}.${mac(deps, personKey)}`
}

/** The person a token names, or null when it is malformed or its signature does not match. */
export function personOfToken(deps: SecretDeps, token: string): number | null {
  if (!REMINDER_OPT_OUT_TOKEN_PATTERN.test(token)) return null
  const [personKey = '', signature = ''] = token.split('.')
  const expected = Buffer.from(mac(deps, personKey))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  const personId = Number.parseInt(personKey, 36)
  return Number.isSafeInteger(personId) && personId > 0 ? personId : null
}

/** The link as the message prints it; `base` is PUBLIC_URL (or the request's origin in development). */
export function optOutUrl(deps: SecretDeps, base: string, personId: number): string {
  return new URL(`${REMINDER_OPT_OUT_PATH}${optOutToken(deps, personId)}`, base).toString()
}

/** Records the person's wish (once; again is a no-op); false for a token that is not ours. */
export async function optOutOfReminders(
  deps: Pick<Deps, 'secrets' | 'database' | 'clock'>,
  token: string,
): Promise<boolean> {
  const personId = personOfToken(deps, token)
  if (personId === null) return false
  await recordOptOut(deps.database.db, personId, deps.clock())
  return true
}
