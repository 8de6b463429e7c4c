import { describe, expect, it } from 'vitest'
import { csrfMatches, csrfTokenFor } from './session-tokens'
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './staff-tokens'
import { checkTotp, newTotpSecret, sealTotp, totpCode, totpUri, unsealTotp } from './staff-totp'

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const at = new Date('2026-12-01T02:00:10Z')
const key = Buffer.alloc(32, 1)

describe('TOTP codes', () => {
  it.each([
    ['a malformed code', 'abcdef', 'wrong_code'],
    ['a code of two steps ago', totpCode(secret, new Date(at.getTime() - 60_000)), 'wrong_code'],
    ['the code of a step already used', totpCode(secret, at), 'replayed'],
  ])('refuses %s', (_label, code, reason) => {
    const lastStep = Math.floor(at.getTime() / 30_000)
    expect(checkTotp({ secret, lastStep }, code, at)).toEqual({ ok: false, reason })
  })

  it('accepts the current step and the ones either side, and says which', () => {
    const step = Math.floor(at.getTime() / 30_000)
    for (const delta of [-1, 0, 1]) {
      const code = totpCode(secret, new Date(at.getTime() + delta * 30_000))
      expect(checkTotp({ secret, lastStep: null }, code, at)).toEqual({ ok: true, step: step + delta })
    }
  })

  it('makes an otpauth URI with the issuer and a fresh 160-bit secret', () => {
    const fresh = newTotpSecret()
    expect(fresh).toMatch(/^[A-Z2-7]{32}$/)
    expect(fresh).not.toBe(newTotpSecret())
    const uri = new URL(totpUri('q5.reviewer', fresh))
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.searchParams.get('issuer')).toBe('BHXH số')
    expect(uri.searchParams.get('secret')).toBe(fresh)
    expect(uri.searchParams.get('digits')).toBe('6')
  })
})

describe('sealed TOTP state', () => {
  it('opens only for the account it was sealed for, under the same key', () => {
    const sealed = sealTotp(key, 7, { secret, lastStep: 42 })
    expect(sealed).not.toContain(secret)
    expect(unsealTotp(key, 7, sealed)).toEqual({ secret, lastStep: 42 })
    expect(() => unsealTotp(key, 8, sealed)).toThrow()
    expect(() => unsealTotp(Buffer.alloc(32, 2), 7, sealed)).toThrow()
  })
})

describe('CSRF and recovery codes', () => {
  it('derives the CSRF token from the session token and the secret', () => {
    const token = csrfTokenFor('s'.repeat(32), 'session-a')
    expect(csrfMatches('s'.repeat(32), 'session-a', token)).toBe(true)
    expect(csrfMatches('s'.repeat(32), 'session-b', token)).toBe(false)
    expect(csrfMatches('t'.repeat(32), 'session-a', token)).toBe(false)
    expect(csrfMatches('s'.repeat(32), 'session-a', undefined)).toBe(false)
    expect(csrfMatches('s'.repeat(32), 'session-a', [token])).toBe(false)
  })

  it('issues distinct, readable recovery codes whose hash ignores case and dashes', () => {
    const codes = newRecoveryCodes()
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const code of codes)
      expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/)
    const code = codes[0] ?? ''
    expect(normalizeRecoveryCode(` ${code.toUpperCase()} `)).toBe(code.replaceAll('-', ''))
    expect(hashRecoveryCode('pepper', 1, code.toUpperCase())).toBe(hashRecoveryCode('pepper', 1, code))
    expect(hashRecoveryCode('pepper', 2, code)).not.toBe(hashRecoveryCode('pepper', 1, code))
  })
})
