import { describe, expect, it } from 'vitest'
import { decideEidSignIn, type EidMatch } from './eid'

const holder = (overrides: Partial<Extract<EidMatch, { hasAccount: true }>> = {}): EidMatch => ({
  kind: 'person',
  hasAccount: true,
  accountActive: true,
  unlinked: false,
  otherDevice: false,
  ...overrides,
})

describe('decideEidSignIn', () => {
  const level = (n: 1 | 2) => ({ personalId: '079176000417', level: n })

  it('refuses a personal ID in no registry record, at any level', () => {
    for (const n of [1, 2] as const)
      expect(decideEidSignIn(level(n), { kind: 'none' })).toEqual({
        kind: 'refuse',
        outcome: 'no_registry_match',
      })
  })

  it('opens an account on the spot at level 2 only', () => {
    const noAccount: EidMatch = { kind: 'person', hasAccount: false }
    expect(decideEidSignIn(level(2), noAccount)).toEqual({ kind: 'create_account' })
    expect(decideEidSignIn(level(1), noAccount)).toEqual({ kind: 'refuse', outcome: 'level_too_low' })
  })

  it('signs an account holder in; another device is replaced at level 2, asks for the OTP at level 1', () => {
    expect(decideEidSignIn(level(1), holder())).toEqual({ kind: 'sign_in', replaceOtherDevice: false })
    expect(decideEidSignIn(level(2), holder({ otherDevice: true }))).toEqual({
      kind: 'sign_in',
      replaceOtherDevice: true,
    })
    expect(decideEidSignIn(level(1), holder({ otherDevice: true }))).toEqual({ kind: 'device_change' })
  })

  it('refuses a locked account and an unlinked one', () => {
    expect(decideEidSignIn(level(2), holder({ accountActive: false }))).toEqual({
      kind: 'refuse',
      outcome: 'account_unavailable',
    })
    expect(decideEidSignIn(level(2), holder({ unlinked: true }))).toEqual({
      kind: 'refuse',
      outcome: 'eid_unlinked',
    })
  })
})
