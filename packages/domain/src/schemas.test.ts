import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  ApiError,
  BhxhCode,
  Email,
  FacilityCode,
  FullName,
  HealthCardNumber,
  LegacyIdNumber,
  MobilePhone,
  OfficeCode,
  Pagination,
  PartialDateSchema,
  PassportNumber,
  PersonalId,
  PersonIdentifier,
  ROOT_FIELD,
  validationErrorOf,
} from './schemas'

function firstMessage(schema: z.ZodType, input: unknown): string | undefined {
  const result = schema.safeParse(input)
  expect(result.success).toBe(false)
  return result.error?.issues[0]?.message
}

describe('identifier schemas', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ['BhxhCode', BhxhCode, undefined, 'Vui lòng nhập mã số BHXH.'],
    ['BhxhCode', BhxhCode, 111077012, 'Mã số BHXH không hợp lệ.'],
    ['BhxhCode', BhxhCode, '011107701', 'Mã số BHXH phải gồm đúng 10 chữ số.'],
    ['PersonalId', PersonalId, undefined, 'Vui lòng nhập số định danh cá nhân (CCCD).'],
    ['PersonalId', PersonalId, '00109012345', 'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.'],
    ['PersonIdentifier', PersonIdentifier, undefined, 'Vui lòng nhập số định danh cá nhân hoặc mã số BHXH.'],
    [
      'PersonIdentifier',
      PersonIdentifier,
      '01110770121',
      'Nhập số định danh cá nhân (12 chữ số) hoặc mã số BHXH',
    ],
    ['LegacyIdNumber', LegacyIdNumber, '001090123456', 'Số CMND phải gồm đúng 9 chữ số.'],
    ['PassportNumber', PassportNumber, 'ABCDEF', 'Số hộ chiếu phải gồm 6–9 chữ cái và chữ số.'],
    ['MobilePhone', MobilePhone, '0212345678', 'Số điện thoại di động không hợp lệ'],
    ['MobilePhone', MobilePhone, null, 'Số điện thoại di động không hợp lệ.'],
    ['Email', Email, 'a@b', 'Địa chỉ email không hợp lệ.'],
    ['HealthCardNumber', HealthCardNumber, 'ZZ4010120878811', 'Mã đối tượng "ZZ"'],
    ['HealthCardNumber', HealthCardNumber, '123', 'Mã thẻ BHYT gồm 10 chữ số'],
    ['FacilityCode', FacilityCode, '0102', 'Mã cơ sở KCB gồm 5 ký tự'],
    ['OfficeCode', OfficeCode, '0791', 'Mã cơ quan BHXH gồm 3 chữ số'],
  ])('%s rejects %j in Vietnamese', (_name, schema, input, message) => {
    expect(firstMessage(schema, input)).toContain(message)
    expect(firstMessage(schema, input)?.charAt(0)).toMatch(/\p{Lu}/u)
  })

  it.each<[string, z.ZodType, unknown, unknown]>([
    ['BhxhCode', BhxhCode, ' 01 1107 7012 ', '0111077012'],
    ['PersonalId', PersonalId, '001 090 123 456', '001090123456'],
    ['PersonIdentifier', PersonIdentifier, '001 090 123 456', { kind: 'personalId', value: '001090123456' }],
    ['PersonIdentifier', PersonIdentifier, '01 1107 7012', { kind: 'bhxhCode', value: '0111077012' }],
    ['LegacyIdNumber', LegacyIdNumber, '123456789', '123456789'],
    ['PassportNumber', PassportNumber, 'c1234567', 'C1234567'],
    ['MobilePhone', MobilePhone, '+84 912 345 678', '0912345678'],
    ['MobilePhone', MobilePhone, '0912.345.678', '0912345678'],
    ['Email', Email, ' An.Nguyen@Example.VN ', 'An.Nguyen@example.vn'],
    ['HealthCardNumber', HealthCardNumber, 'hs 4 01 0120878811', 'HS4010120878811'],
    ['HealthCardNumber', HealthCardNumber, '0111077012', '0111077012'],
    ['FacilityCode', FacilityCode, '01 - c54', '01C54'],
    ['OfficeCode', OfficeCode, ' 07915 ', '07915'],
    ['OfficeCode', OfficeCode, '079', '079'],
  ])('%s accepts %j → %j', (_name, schema, input, expected) => {
    expect(schema.parse(input)).toEqual(expected)
  })
})

describe('PartialDateSchema', () => {
  it.each([
    [undefined, 'Vui lòng nhập ngày.'],
    ['01/01/1990', 'Ngày không hợp lệ.'],
    [{}, 'Ngày không hợp lệ.'],
    [{ year: 1990.5 }, 'Ngày không hợp lệ.'],
    [{ year: 1990, month: 13 }, 'Ngày không hợp lệ.'],
    [{ year: 1990, month: 2, day: 30 }, 'Ngày không có thật trên lịch.'],
    [{ year: 1990, day: 3 }, 'Ngày không có thật trên lịch.'],
  ])('rejects %j', (input, message) => {
    expect(firstMessage(PartialDateSchema, input)).toBe(message)
  })

  it.each([{ year: 1990 }, { year: 1990, month: 2 }, { year: 1992, month: 2, day: 29 }])(
    'accepts %j',
    (input) => {
      expect(PartialDateSchema.parse(input)).toEqual(input)
    },
  )

  it('drops unknown keys', () => {
    expect(PartialDateSchema.parse({ year: 1990, extra: 1 })).toEqual({ year: 1990 })
  })
})

describe('FullName', () => {
  it.each([
    [undefined, 'Vui lòng nhập họ và tên.'],
    ['', 'Họ và tên phải có ít nhất 2 ký tự.'],
    ['   A  ', 'Họ và tên phải có ít nhất 2 ký tự.'],
    ['A'.repeat(101), 'Họ và tên không được quá 100 ký tự.'],
    ['Nguyễn Văn 2', 'Họ và tên chỉ gồm chữ cái'],
    ['Nguyễn <Văn>', 'Họ và tên chỉ gồm chữ cái'],
    ["'Nguyễn", 'Họ và tên chỉ gồm chữ cái'],
    ['Nguyễn.Văn', 'Họ và tên chỉ gồm chữ cái'],
  ])('rejects %j', (input, message) => {
    expect(firstMessage(FullName, input)).toContain(message)
  })

  it.each([
    ['Nguyễn Thị Hằng', 'Nguyễn Thị Hằng'],
    ['  Nguyễn   Thị Hằng  '.normalize('NFD'), 'Nguyễn Thị Hằng'],
    ['ĐẶNG ƯNG ƠN', 'ĐẶNG ƯNG ƠN'],
    ['H\u2019Hen Niê', "H'Hen Niê"],
    ['Y-Moan Ênuôl', 'Y-Moan Ênuôl'],
    ['Lê Thị Hoà', 'Lê Thị Hoà'],
    ['Jean-Pierre Dupont', 'Jean-Pierre Dupont'],
  ])('accepts %j → %j (NFC)', (input, expected) => {
    const value = FullName.parse(input)
    expect(value).toBe(expected)
    expect(value).toBe(value.normalize('NFC'))
  })
})

describe('ApiError', () => {
  it.each([{}, { error: { code: 'X' } }, { error: { code: 'X', message: 'm', fields: { a: 'b' } } }])(
    'rejects %j',
    (input) => {
      expect(ApiError.safeParse(input).success).toBe(false)
    },
  )

  it.each([
    { error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } },
    { error: { code: 'VALIDATION_FAILED', message: 'm', fields: { phone: ['a', 'b'] } } },
  ])('accepts %j', (input) => {
    expect(ApiError.parse(input)).toEqual(input)
  })
})

describe('Pagination', () => {
  it.each([
    [{ limit: '0' }, 'Số bản ghi mỗi trang phải từ 1 đến 100.'],
    [{ limit: '101' }, 'Số bản ghi mỗi trang phải từ 1 đến 100.'],
    [{ limit: '2.5' }, 'Số bản ghi mỗi trang phải là số nguyên.'],
    [{ limit: 'abc' }, 'Số bản ghi mỗi trang không hợp lệ.'],
    [{ cursor: 5 }, 'Con trỏ trang không hợp lệ.'],
  ])('rejects %j', (input, message) => {
    expect(firstMessage(Pagination, input)).toBe(message)
  })

  it.each([
    [{}, { limit: 20 }],
    [{ limit: '' }, { limit: 20 }],
    [{ limit: '1' }, { limit: 1 }],
    [{ limit: 100 }, { limit: 100 }],
    [
      { limit: '50', cursor: 'eyJpZCI6MX0' },
      { limit: 50, cursor: 'eyJpZCI6MX0' },
    ],
  ])('reads %j as %j', (input, expected) => {
    expect(Pagination.parse(input)).toEqual(expected)
  })
})

describe('validationErrorOf', () => {
  it('lists messages by field path, in Vietnamese', () => {
    const result = PartialDateSchema.safeParse({ year: 1990, month: 2, day: 30 })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(validationErrorOf(result.error)).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Thông tin chưa hợp lệ. Vui lòng kiểm tra lại các trường được đánh dấu.',
        fields: { [ROOT_FIELD]: ['Ngày không có thật trên lịch.'] },
      },
    })
  })

  it('uses dotted paths for nested fields', () => {
    const result = Pagination.safeParse({ limit: '0', cursor: 5 })
    expect(result.success).toBe(false)
    if (result.success) return
    const answer = validationErrorOf(result.error)
    expect(ApiError.parse(answer)).toEqual(answer)
    expect(answer.error.fields).toEqual({
      limit: ['Số bản ghi mỗi trang phải từ 1 đến 100.'],
      cursor: ['Con trỏ trang không hợp lệ.'],
    })
  })
})
