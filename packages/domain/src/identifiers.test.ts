import { describe, expect, it } from 'vitest'
import {
  formatFacilityCodeForQr,
  formatMobilePhone,
  isBhxhCode,
  isEmail,
  isFacilityCode,
  isIcd10Code,
  isLegacyIdNumber,
  isMobilePhone,
  isOfficeCode,
  isPersonalId,
  isVietnamesePassportNumber,
  maskEmail,
  maskMobilePhone,
  normalizeEmail,
  normalizeMobilePhone,
  parseBhxhCode,
  parseFacilityCode,
  parseIcd10Code,
  parseLegacyIdNumber,
  parseOfficeCode,
  parsePassportNumber,
  parsePersonalId,
  personalIdMatches,
  toE164,
} from './identifiers'

describe('parsePersonalId', () => {
  it.each([
    '',
    '   ',
    '00109012345',
    '0010901234567',
    '00109012345a',
    'abcdefghijkl',
    '001-090-123-456',
    '001 090 12345',
    '٠٠١٠٩٠١٢٣٤٥٦',
  ])('rejects %j', (input) => {
    const parsed = parsePersonalId(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('INVALID_PERSONAL_ID')
      expect(parsed.error.message).toContain('12 chữ số')
    }
  })

  it.each([
    ['001090123456', '001', 20, 'male', 90, 1990],
    ['079195000123', '079', 20, 'female', 95, 1995],
    ['001205012345', '001', 21, 'male', 5, 2005],
    ['001305012345', '001', 21, 'female', 5, 2005],
    ['096400000001', '096', 22, 'male', 0, 2100],
    ['001500000001', '001', 22, 'female', 0, 2100],
    ['001699000001', '001', 23, 'male', 99, 2299],
    ['001799000001', '001', 23, 'female', 99, 2299],
    ['001800000001', '001', 24, 'male', 0, 2300],
    ['001901000001', '001', 24, 'female', 1, 2301],
    ['038100000000', '038', 20, 'female', 0, 1900],
  ])('%s → province %s, century %i, %s, born %i/%i', (id, provinceCode, century, gender, yy, birthYear) => {
    expect(parsePersonalId(id)).toEqual({
      ok: true,
      value: { personalId: id, provinceCode, century, gender, birthYearTwoDigits: yy, birthYear },
    })
  })

  it.each([
    [' 001090123456 ', '001090123456'],
    ['001 090 123 456', '001090123456'],
    ['001.090.123.456', '001090123456'],
  ])('accepts separators in %j', (input, expected) => {
    const parsed = parsePersonalId(input)
    expect(parsed.ok && parsed.value.personalId).toBe(expected)
    expect(isPersonalId(input)).toBe(true)
  })
})

describe('personalIdMatches', () => {
  it.each([
    ['not an id', {}, false],
    ['00109012345', { birthYear: 1990 }, false],
    ['001090123456', { birthYear: 1991 }, false],
    ['001090123456', { gender: 'female' }, false],
    ['001190123456', { birthYear: 1990, gender: 'male' }, false],
    ['001290123456', { birthYear: 1990 }, false],
    ['001090123456', { birthYear: 1990, gender: 'male' }, true],
    ['001190123456', { birthYear: 1990, gender: 'female' }, true],
    ['001205012345', { birthYear: 2005 }, true],
    ['001090123456', { gender: 'other' }, true],
    ['001090123456', { birthYear: null, gender: null }, true],
    ['001090123456', {}, true],
  ] as const)('%j with %j → %s', (id, person, expected) => {
    expect(personalIdMatches(id, person)).toBe(expected)
  })
})

describe('parseLegacyIdNumber (CMND, 9 digits only)', () => {
  it.each(['', '12345678', '1234567890', '001090123456', 'A23456789', '12345678x'])('rejects %j', (input) => {
    const parsed = parseLegacyIdNumber(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_LEGACY_ID_NUMBER')
  })

  it.each([
    ['123456789', '123456789'],
    [' 123 456 789 ', '123456789'],
    ['012345678', '012345678'],
  ])('%j → %s', (input, expected) => {
    expect(parseLegacyIdNumber(input)).toEqual({ ok: true, value: expected })
    expect(isLegacyIdNumber(input)).toBe(true)
  })
})

describe('parsePassportNumber', () => {
  it.each(['', 'ABCDEF', '12345', 'B12345678901', 'B123-456', 'B123456!', 'Ñ1234567'])(
    'rejects %j',
    (input) => {
      const parsed = parsePassportNumber(input)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_PASSPORT_NUMBER')
    },
  )

  it.each([
    ['B1234567', 'B1234567'],
    ['c1234567', 'C1234567'],
    [' N 1234567 ', 'N1234567'],
    ['123456789', '123456789'],
    ['X12345', 'X12345'],
    ['ab12cd34e', 'AB12CD34E'],
  ])('%j → %s', (input, expected) => {
    expect(parsePassportNumber(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['B1234567', true],
    ['c1234567', true],
    ['123456789', false],
    ['AB123456', false],
    ['B123456', false],
  ])('isVietnamesePassportNumber(%j) is %s', (input, expected) => {
    expect(isVietnamesePassportNumber(input)).toBe(expected)
  })
})

describe('parseBhxhCode', () => {
  it.each(['', '011107701', '01110770123', '011107701a', 'HS4010120878811', '-111077012'])(
    'rejects %j',
    (input) => {
      const parsed = parseBhxhCode(input)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('INVALID_BHXH_CODE')
        expect(parsed.error.message).toBe('Mã số BHXH phải gồm đúng 10 chữ số.')
      }
    },
  )

  it.each([
    ['0111077012', '0111077012'],
    [' 01 1107 7012 ', '0111077012'],
    ['0111.077.012', '0111077012'],
    ['9122135078', '9122135078'],
  ])('%j → %s', (input, expected) => {
    expect(parseBhxhCode(input)).toEqual({ ok: true, value: expected })
    expect(isBhxhCode(input)).toBe(true)
  })
})

describe('normalizeMobilePhone', () => {
  it.each([
    '',
    'abc',
    '091234567',
    '09123456789',
    '0212345678',
    '0412345678',
    '0612345678',
    '0112345678',
    '+1 415 555 0100',
    '+8491234567',
    '01623456789',
    '84 91 234 56',
    '+84+912345678',
    '0912 345 67a',
    '912345678',
  ])('rejects %j', (input) => {
    const parsed = normalizeMobilePhone(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_MOBILE_PHONE')
    expect(isMobilePhone(input)).toBe(false)
  })

  it.each([
    ['0912345678', '0912345678'],
    ['091 234 5678', '0912345678'],
    ['091.234.5678', '0912345678'],
    ['091-234-5678', '0912345678'],
    ['(091) 234-5678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084912345678', '0912345678'],
    ['+84 (0) 912 345 678', '0912345678'],
    ['0321234567', '0321234567'],
    ['0561234567', '0561234567'],
    ['0701234567', '0701234567'],
    ['0861234567', '0861234567'],
    ['0849123456', '0849123456'],
    [' 0987654321 ', '0987654321'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeMobilePhone(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['0912345678', '+84912345678'],
    ['+84 32 123 4567', '+84321234567'],
  ])('toE164(%j) → %s', (input, expected) => {
    expect(toE164(input)).toEqual({ ok: true, value: expected })
  })

  it('toE164 fails on an invalid number', () => {
    expect(toE164('0212345678').ok).toBe(false)
  })

  it.each([
    ['0912345678', '0912 345 678', '091****678'],
    ['+84987654321', '0987 654 321', '098****321'],
    ['not a phone', 'not a phone', '**********'],
  ])('formats and masks %j', (input, formatted, masked) => {
    expect(formatMobilePhone(input)).toBe(formatted)
    expect(maskMobilePhone(input)).toBe(masked)
  })
})

describe('normalizeEmail', () => {
  it.each([
    '',
    'plainaddress',
    '@example.com',
    'a@',
    'a@b',
    'a@b.c',
    'a b@c.com',
    'a..b@c.com',
    '.a@c.com',
    'a.@c.com',
    'a@-c.com',
    'a@c-.com',
    'a@c..com',
    'a@gmail.com.',
    'a@b@c.com',
    'nguyễn@gmail.com',
    'an@tên.vn',
    'a@123.456',
    `${'a'.repeat(65)}@example.com`,
    `a@${'b'.repeat(64)}.com`,
  ])('rejects %j', (input) => {
    const parsed = normalizeEmail(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_EMAIL')
    expect(isEmail(input)).toBe(false)
  })

  it.each([
    ['a@b.vn', 'a@b.vn'],
    ['A.B@Gmail.COM', 'A.B@gmail.com'],
    [' user+tag@example.vn ', 'user+tag@example.vn'],
    ['nguyen_van-a@sub.baohiemxahoi.gov.vn', 'nguyen_van-a@sub.baohiemxahoi.gov.vn'],
    ["o'brien@example.com", "o'brien@example.com"],
    ['x@xn--tn-ela.vn', 'x@xn--tn-ela.vn'],
    ['x@mail.xn--p1ai', 'x@mail.xn--p1ai'],
    [`${'a'.repeat(64)}@example.com`, `${'a'.repeat(64)}@example.com`],
  ])('%j → %s', (input, expected) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['nguyen.van.a@gmail.com', 'ng**********@gmail.com'],
    ['ab@x.vn', 'a*@x.vn'],
    ['a@x.vn', 'a*@x.vn'],
    ['bad', '***'],
  ])('maskEmail(%j) → %s', (input, expected) => {
    expect(maskEmail(input)).toBe(expected)
  })
})

describe('parseFacilityCode', () => {
  it.each(['', '0102', '010288', 'AB028', '1C054', '01-C5', '01 - C5@', '01.C54'])('rejects %j', (input) => {
    const parsed = parseFacilityCode(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_FACILITY_CODE')
  })

  it.each([
    ['01C54', '01C54'],
    ['01c54', '01C54'],
    ['01 - C54', '01C54'],
    ['01 – C54', '01C54'],
    ['01 - 028', '01028'],
    ['79025', '79025'],
    ['01000', '01000'],
    [' 01028 ', '01028'],
  ])('%j → %s', (input, expected) => {
    expect(parseFacilityCode(input)).toEqual({ ok: true, value: expected })
    expect(isFacilityCode(input)).toBe(true)
  })

  it.each([
    ['01C54', '01 - C54'],
    ['01028', '01 - 028'],
  ])('formats %s for the QR as %j', (code, expected) => {
    expect(formatFacilityCodeForQr(code)).toBe(expected)
  })
})

describe('parseOfficeCode', () => {
  it.each(['', '79', '0791', '079155', 'abc', '07 9', '07a15'])('rejects %j', (input) => {
    const parsed = parseOfficeCode(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_OFFICE_CODE')
    expect(isOfficeCode(input)).toBe(false)
  })

  it.each([
    ['079', 'province', '079'],
    ['001', 'province', '001'],
    ['07915', 'grassroots', '079'],
    [' 00105 ', 'grassroots', '001'],
  ])('%j → %s under %s', (input, level, provinceOfficeCode) => {
    expect(parseOfficeCode(input)).toEqual({
      ok: true,
      value: { code: input.trim(), level, provinceOfficeCode },
    })
  })
})

describe('parseIcd10Code', () => {
  it.each(['', 'J6', 'J06.', 'J06.123', '106.9', 'JJ6.9', 'J06,9', 'J06-9', 'J06.9.1'])(
    'rejects %j',
    (input) => {
      const parsed = parseIcd10Code(input)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_ICD10_CODE')
      expect(isIcd10Code(input)).toBe(false)
    },
  )

  it.each([
    ['J06.9', 'J06.9'],
    ['j06.9', 'J06.9'],
    ['I10', 'I10'],
    ['E11', 'E11'],
    ['J069', 'J06.9'],
    ['S72.00', 'S72.00'],
    [' A09 ', 'A09'],
    ['U07.1', 'U07.1'],
  ])('%j → %s', (input, expected) => {
    expect(parseIcd10Code(input)).toEqual({ ok: true, value: expected })
  })
})
