import { describe, expect, it } from 'vitest'
import { readEidLinkResult, readEidSignInResult, safeReturnPath } from './outcome'

const requestId = '0b6f7f39-6a49-4c41-9b0a-8d7c4f1e2a55'
const resendAfter = '2026-12-01T05:31:00.000Z'

describe('readEidSignInResult', () => {
  it.each([
    ['', 'no outcome'],
    ['?outcome=granted', 'an unknown outcome'],
    ['?outcome=linked', "a link's outcome"],
    ['?outcome=already_linked', "a link's outcome"],
    ['?outcome=personal_id_mismatch', "a link's outcome"],
    ['?outcome=device_change_required', 'an OTP step without its request'],
    [`?outcome=device_change_required&requestId=${requestId}`, 'an OTP step without its resend time'],
    [
      `?outcome=device_change_required&requestId=abc&resendAfter=${resendAfter}`,
      'a request id that is no UUID',
    ],
  ])('reads %s (%s) as a flow to start again', (search) => {
    expect(readEidSignInResult(search)).toEqual({
      kind: 'refused',
      outcome: 'state_invalid',
      next: ['retry', 'password'],
    })
  })

  it.each([
    ['level_too_low', ['register', 'retry']],
    ['no_registry_match', ['offices', 'hotline']],
    ['account_unavailable', ['hotline', 'offices']],
    ['eid_unlinked', ['password']],
    ['denied', ['retry', 'password']],
    ['state_invalid', ['retry', 'password']],
    ['provider_error', ['retry', 'password']],
  ])('offers the next steps of %s', (outcome, next) => {
    expect(readEidSignInResult(`?outcome=${outcome}`)).toEqual({ kind: 'refused', outcome, next })
  })

  it('reads a session, and whether this sign-in opened the account', () => {
    expect(readEidSignInResult('?outcome=signed_in')).toEqual({ kind: 'session', created: false })
    expect(readEidSignInResult('?outcome=account_created')).toEqual({ kind: 'session', created: true })
  })

  it("reads the device-change OTP's request, with or without where it went", () => {
    const base = `?outcome=device_change_required&requestId=${requestId}&resendAfter=${encodeURIComponent(resendAfter)}`
    expect(readEidSignInResult(`${base}&sentTo=${encodeURIComponent('*******567')}`)).toEqual({
      kind: 'otp',
      request: { requestId, sentTo: '*******567', resendAfter },
    })
    expect(readEidSignInResult(base)).toEqual({
      kind: 'otp',
      request: { requestId, sentTo: null, resendAfter },
    })
  })
})

describe('readEidLinkResult', () => {
  it('has nothing to say without an outcome', () => {
    expect(readEidLinkResult('')).toBeNull()
    expect(readEidLinkResult('?other=1')).toBeNull()
  })

  it.each([
    ['?outcome=signed_in', 'state_invalid', false],
    ['?outcome=bogus', 'state_invalid', false],
    ['?outcome=', 'state_invalid', false],
    ['?outcome=personal_id_mismatch', 'personal_id_mismatch', false],
    ['?outcome=denied', 'denied', false],
    ['?outcome=provider_error', 'provider_error', false],
    ['?outcome=linked', 'linked', true],
    ['?outcome=already_linked', 'already_linked', true],
  ])('reads %s as %s', (search, outcome, success) => {
    expect(readEidLinkResult(search)).toEqual({ outcome, success })
  })
})

describe('safeReturnPath', () => {
  it.each([
    [null, '/'],
    [undefined, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['profile', '/'],
    ['/health-card', '/health-card'],
    ['/public-services/change?x=1', '/public-services/change?x=1'],
  ])('%s → %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected)
  })
})
