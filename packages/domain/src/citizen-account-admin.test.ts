import { describe, expect, it } from 'vitest'
import {
  AccountActionReason,
  CitizenAccountDetail,
  CitizenAccountSearchQuery,
  parseAccountLookup,
} from './citizen-account-admin'

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

describe('CitizenAccountDetail', () => {
  const detail = {
    id: 1,
    bhxhCode: '7900012345',
    personalId: '079176000417',
    fullName: 'Nguyễn Thị Thu Hằng',
    dateOfBirth: { year: 1976, month: 3, day: 15 },
    phone: '0901234567',
    email: null,
    status: 'locked',
    mustChangePassword: false,
    createdAt: '2026-01-05T02:00:00.000Z',
    issuingOffice: null,
    activeDevices: 0,
    address: 'Số 125 Đường Trần Hưng Đạo, Phường Chợ Quán, Thành phố Hồ Chí Minh',
    currentUnits: null,
    passwordChangedAt: null,
    statusReason: 'Người tham gia báo mất điện thoại',
    statusChangedAt: '2026-03-02T03:15:00.000Z',
    devices: [],
    dossiers: [],
  }

  it.each([
    ['without the status reason', { statusReason: undefined }],
    ['with a status change that is not an instant', { statusChangedAt: '02/03/2026' }],
  ])('refuses a detail %s', (_case, change) => {
    expect(CitizenAccountDetail.safeParse({ ...detail, ...change }).success).toBe(false)
  })

  it('carries why and when the account was last locked or unlocked', () => {
    expect(CitizenAccountDetail.parse(detail)).toMatchObject({
      statusReason: 'Người tham gia báo mất điện thoại',
      statusChangedAt: '2026-03-02T03:15:00.000Z',
    })
    const never = CitizenAccountDetail.parse({ ...detail, statusReason: null, statusChangedAt: null })
    expect(never).toMatchObject({ statusReason: null, statusChangedAt: null })
  })
})
