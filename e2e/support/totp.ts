import { TOTP } from 'otpauth'

/** The 6-digit code an authenticator app shows for `secret` (base32) at `at`: what a staff member types. */
export function totpCode(secret: string, at: Date = new Date()): string {
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() })
}
