import { describe, expect, it } from 'vitest'
import { AccountActionReason, CitizenAccountSearchQuery, parseAccountLookup } from './citizen-account-admin'

describe('parseAccountLookup', () => {
  it.each([
    [''],
    ['Nguyễn Thị Thu Hằng'],
    ['12345'],
    ['79000123456'], // 11 digits, not starting like a phone
    ['0123456789012'],
    ['0212345678a'],
  ])('refuses %j', (text) => {
    expect(parseAccountLookup(text)).toBeNull()
  })

  it.each([
    ['7900012345', { bhxhCode: '7900012345', personalId: null, phone: null }],
    ['790 001 2345', { bhxhCode: '7900012345', personalId: null, phone: null }],
    ['079176000417', { bhxhCode: null, personalId: '079176000417', phone: null }],
    ['079.176.000.417', { bhxhCode: null, personalId: '079176000417', phone: null }],
    // Ten digits that start like a mobile number may be either: both are looked for.
    ['0901234567', { bhxhCode: '0901234567', personalId: null, phone: '0901234567' }],
    ['+84 901 234 567', { bhxhCode: null, personalId: null, phone: '0901234567' }],
    ['84901234567', { bhxhCode: null, personalId: null, phone: '0901234567' }],
    ['0901-234-567', { bhxhCode: null, personalId: null, phone: '0901234567' }],
  ])('reads %j', (text, lookup) => {
    expect(parseAccountLookup(text)).toEqual(lookup)
  })
})

describe('CitizenAccountSearchQuery', () => {
  it('names the field and says what to type', () => {
    const parsed = CitizenAccountSearchQuery.safeParse({ q: 'Hằng' })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['q'],
      message: expect.stringContaining('mã số BHXH'),
    })
    expect(CitizenAccountSearchQuery.safeParse({ q: '9'.repeat(41) }).success).toBe(false)
  })

  it('answers the identifiers to look for', () => {
    expect(CitizenAccountSearchQuery.parse({ q: ' 7900012345 ' }).q).toEqual({
      bhxhCode: '7900012345',
      personalId: null,
      phone: null,
    })
  })
})

describe('AccountActionReason', () => {
  it.each([[''], ['    '], ['abc'], ['x'.repeat(501)]])('refuses %j', (reason) => {
    expect(AccountActionReason.safeParse({ reason }).success).toBe(false)
  })

  it('keeps the reason trimmed and in NFC', () => {
    const reason = '  Người tham gia báo mất điện thoại  '.normalize('NFD')
    expect(AccountActionReason.parse({ reason }).reason).toBe('Người tham gia báo mất điện thoại')
  })
})
