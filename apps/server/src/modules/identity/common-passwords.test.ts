import { checkCitizenPassword } from '@ansinh/domain'
import { describe, expect, it } from 'vitest'
import { commonPasswords, isCommonPassword } from './common-passwords'

describe('isCommonPassword', () => {
  it('reads the whole shipped list: 10,000 entries, no two the same after lower-casing', () => {
    expect(commonPasswords().size).toBe(10_000)
  })

  it.each(['123456', 'password', 'qwerty', 'iloveyou', 'trustno1', '1q2w3e4r', 'matrix'])(
    'knows %j',
    (entry) => {
      expect(isCommonPassword(entry)).toBe(true)
    },
  )

  it.each(['x7#Qm2!vLp9$kR4z', 'sen-hồng-2026', '', 'password '])('does not know %j', (candidate) => {
    expect(isCommonPassword(candidate)).toBe(false)
  })

  it('expects lower-cased input, as the rule gives it', () => {
    expect(isCommonPassword('Password')).toBe(false)
  })

  it('makes the citizen rule refuse a decorated common password', () => {
    const context = { bhxhCode: '0123456789', personalId: null, phone: null, birth: { year: 1990 } }
    expect(checkCitizenPassword('Password1!', context, isCommonPassword)).toEqual({
      ok: false,
      problems: ['common'],
    })
    expect(checkCitizenPassword('Sen-Hồng-2026', context, isCommonPassword)).toEqual({ ok: true })
  })
})
