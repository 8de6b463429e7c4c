import { Secret, TOTP } from 'otpauth'
import { decryptBytes, encryptBytes } from '../../platform/encrypted-files'

/**
 * The staff second factor: TOTP (RFC 6238, 6 digits, 30-second steps, SHA-1: what every authenticator
 * app reads). The column `staff_accounts.totp_secret` holds this state encrypted with
 * FILE_ENCRYPTION_KEY and the staff id as associated data, so a secret copied onto another account's
 * row does not decrypt. The state carries the last time step accepted: a code seen by someone over
 * the shoulder, or replayed from a log, is refused even within its 90 seconds of validity.
 */

export type TotpState = {
  /** Base32, as shown to the person at enrolment. */
  secret: string
  /** The last time step a code was accepted for; codes of this step or earlier are refused. */
  lastStep: number | null
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'wrong_code' | 'replayed' }

const issuer = 'BHXH số'
const period = 30

/** 20 random bytes (160 bits, RFC 4226's recommendation), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totpFor(username: string, secret: string): TOTP {
  return new TOTP({ issuer, label: username, algorithm: 'SHA1', digits: 6, period, secret })
}

/** The `otpauth://` URI an authenticator app scans as a QR code. */
export function totpUri(username: string, secret: string): string {
  return totpFor(username, secret).toString()
}

/** The code an authenticator shows at `at` (tests and the demo use it; the server never sends codes). */
export function totpCode(secret: string, at: Date): string {
  return totpFor('', secret).generate({ timestamp: at.getTime() })
}

/** Accepts the code of the current step or one step either side (clock drift), once per step. */
export function checkTotp(state: TotpState, code: string, now: Date): TotpCheck {
  const totp = totpFor('', state.secret)
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 })
  if (delta === null) return { ok: false, reason: 'wrong_code' }
  const step = totp.counter({ timestamp: now.getTime() }) + delta
  if (state.lastStep !== null && step <= state.lastStep) return { ok: false, reason: 'replayed' }
  return { ok: true, step }
}

const associatedData = (staffId: number) => `totp:${staffId}`

/** The column's value: the state encrypted (AES-256-GCM), in base64. */
export function sealTotp(key: Buffer, staffId: number, state: TotpState): string {
  const plain = Buffer.from(JSON.stringify(state))
  return encryptBytes(key, associatedData(staffId), plain).toString('base64')
}

/** Throws when the value was altered, belongs to another account or was sealed under another key. */
export function unsealTotp(key: Buffer, staffId: number, stored: string): TotpState {
  const plain = decryptBytes(key, associatedData(staffId), Buffer.from(stored, 'base64'))
  const parsed = JSON.parse(plain.toString('utf8')) as Partial<TotpState>
  if (typeof parsed.secret !== 'string') throw new Error('stored TOTP state has no secret')
  return { secret: parsed.secret, lastStep: typeof parsed.lastStep === 'number' ? parsed.lastStep : null }
}
