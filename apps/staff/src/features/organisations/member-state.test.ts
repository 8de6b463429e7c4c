import { describe, expect, it } from 'vitest'
import { memberSteps } from './member-state'

describe('memberSteps', () => {
  it.each([
    [{ registered: false, accountActive: false, signedIn: false }, ['notRegistered']],
    [{ registered: true, accountActive: false, signedIn: false }, ['registered']],
    [{ registered: true, accountActive: true, signedIn: false }, ['registered', 'accountActive']],
    [{ registered: true, accountActive: true, signedIn: true }, ['registered', 'accountActive', 'signedIn']],
    // A locked account that once signed in: registered and signed in, not active.
    [{ registered: true, accountActive: false, signedIn: true }, ['registered', 'signedIn']],
  ])('%j → %j', (member, expected) => {
    expect(memberSteps(member)).toEqual(expected)
  })
})
