import { describe, expect, it } from 'vitest'
import {
  type CitizenPasswordContext,
  CitizenPasswordProblem,
  checkCitizenPassword,
  citizenNewPassword,
  citizenPasswordMessagesEn,
  citizenPasswordMessagesVi,
  commonCandidates,
  type CitizenPasswordProblem as Problem,
  personalDigitStrings,
} from './citizen-password'

// A stand-in for the server's list of 10,000: a few entries are enough to exercise the lookup.
const commonList = new Set([
  'password',
  'password1',
  '123456',
  'qwerty',
  'iloveyou',
  'trustno1',
  'hung',
  'matkhau',
])
const isCommon = (lowercased: string) => commonList.has(lowercased)

const person: CitizenPasswordContext = {
  bhxhCode: '0123456789',
  personalId: '001090123456',
  phone: '0912345678',
  birth: { year: 1990, month: 2, day: 15 },
}

const problemsOf = (password: string, context: CitizenPasswordContext = person): Problem[] => {
  const check = checkCitizenPassword(password, context, isCommon)
  return check.ok ? [] : check.problems
}

describe('checkCitizenPassword refuses', () => {
  it.each<[string, string, Problem[]]>([
    ['nothing', '', ['length', 'lower', 'upper', 'digit', 'special']],
    ['7 characters', 'Ab1!xyz', ['length']],
    ['21 characters', 'Abcdefgh1!Abcdefgh1!x', ['length']],
    ['no lower case', 'HOA-SEN-2026', ['lower']],
    ['no upper case', 'hoa-sen-2026', ['upper']],
    ['no digit', 'Hoa-Sen-Trang', ['digit']],
    ['no special character', 'HoaSen2026', ['special']],
    ['no special character, diacritics being letters', 'Mậtkhẩu2026', ['special']],
    ['no special character, Đ and đ being letters', 'Đườngđi2026', ['special']],
    ['no upper case in a Vietnamese password', 'mật-khẩu-2026', ['upper']],
    ['several problems, in order', 'password', ['upper', 'digit', 'special', 'common']],
  ])('%s: %j', (_label, password, expected) => {
    expect(problemsOf(password)).toEqual(expected)
  })

  it.each([
    ['the BHXH code', 'Xy!0123456789'],
    ['the BHXH code between separators', 'Xy!01234-56789'],
    ['the personal ID', 'Xy!001090123456'],
    ['the phone as 0xxxxxxxxx', 'Ab!0912345678'],
    ['the phone as 84xxxxxxxxx', 'Ab!84912345678'],
    ['the phone as +84xxxxxxxxx', 'Ab+84912345678'],
    ['the phone with dots', 'Ab!0912.345.678'],
    ['the phone without its trunk 0', 'Ab!912345678'],
    ['the date of birth as ddmmyyyy', 'Hoa!15021990'],
    ['the date of birth as yyyymmdd', 'Hoa!19900215'],
    ['the date of birth as ddmmyy', 'Hoa!150290'],
    ['the date of birth as dd/mm/yyyy', 'Hoa!15/02/1990'],
    ['the date of birth as dd-mm-yyyy', 'Hoa!15-02-1990'],
    ['the date of birth as dd.mm.yyyy', 'Hoa!15.02.1990'],
    ['the date of birth as yyyy-mm-dd', 'Hoa!1990-02-15'],
  ])('a password containing %s: %j', (_label, password) => {
    expect(problemsOf(password)).toEqual(['personal'])
  })

  it.each<[string, CitizenPasswordContext['birth'], string]>([
    ['month and year as mmyyyy', { year: 1990, month: 2 }, 'Hoa!021990'],
    ['month and year as mm/yyyy', { year: 1990, month: 2 }, 'Hoa!02/1990'],
    ['a full date, single-digit day and month padded', { year: 2001, month: 3, day: 7 }, 'Hoa!07032001'],
  ])('a date of birth known to %s: %j', (_label, birth, password) => {
    expect(problemsOf(password, { ...person, birth })).toEqual(['personal'])
  })

  it.each([
    ['the whole password', 'Qwerty', 'qwerty'],
    ['with trailing digits and symbols', 'Password1!', 'password'],
    ['with a trailing symbol after a listed entry', 'Trustno1!', 'trustno1'],
    ['in any case', 'PaSsWoRd!2', 'password'],
    ['a Vietnamese word with decoration', 'Matkhau@123', 'matkhau'],
  ])('a common password, %s: %j', (_label, password) => {
    expect(problemsOf(password)).toContain('common')
  })
})

describe('checkCitizenPassword accepts', () => {
  it.each([
    'Sen-Hồng-2026',
    'Mật-khẩu-2026',
    'Đồng!Tháp9x',
    'Phở bò 47 Lý Thường Kiệt!'.slice(0, 20),
    'Hà Nội 1990!',
    'Ab1!xyzw',
    'Abcdefgh1!Abcdefgh1!',
    'Trăng#Rằm15',
    'Cà phê sữa đá 3$',
  ])('%j', (password) => {
    expect(checkCitizenPassword(password, person, isCommon)).toEqual({ ok: true })
  })

  it('counts characters after NFC: a decomposed Vietnamese password of 19 letters is 19 long', () => {
    const composed = 'Nguyễn Thị Ánh!2026'
    const decomposed = composed.normalize('NFD')
    expect([...composed]).toHaveLength(19)
    expect([...decomposed].length).toBeGreaterThan(20)
    expect(checkCitizenPassword(decomposed, person, isCommon)).toEqual({ ok: true })
  })

  it('does not refuse the year of birth alone', () => {
    expect(problemsOf('Hoa@1990Xanh')).toEqual([])
    expect(problemsOf('Hoa@1990Xanh', { ...person, birth: { year: 1990 } })).toEqual([])
  })

  it('checks no date when the record holds the year only, or no usable date', () => {
    for (const birth of [{ year: 1990 }, { year: Number.NaN }, { year: 1990, month: 13, day: 1 }]) {
      expect(problemsOf('Hoa!15021990', { ...person, birth })).toEqual([])
    }
  })

  it('checks nothing the record does not hold (the citizen app knows only what was typed)', () => {
    const browser: CitizenPasswordContext = {
      bhxhCode: '',
      personalId: null,
      phone: null,
      birth: { year: Number.NaN },
    }
    expect(problemsOf('Ab!0912345678', browser)).toEqual([])
    expect(problemsOf('Hoa!15021990', browser)).toEqual([])
  })

  it('does not take a digit run of someone else for the phone', () => {
    expect(problemsOf('Ab!0912345679')).toEqual([])
  })
})

describe('the common-password lookup', () => {
  it('asks about the lower-cased password, then without trailing symbols, then without trailing digits', () => {
    const asked: string[] = []
    checkCitizenPassword('Hoa-Sen1!', person, (candidate) => {
      asked.push(candidate)
      return false
    })
    expect(asked).toEqual(['hoa-sen1!', 'hoa-sen1', 'hoa-sen'])
  })

  it.each([
    ['Password1!', ['password1!', 'password1', 'password']],
    ['Hoa-Sen', ['hoa-sen']],
    ['Sen!', ['sen!', 'sen']],
    ['2026!', ['2026!', '2026']],
    ['', []],
  ])('candidates of %j', (password, expected) => {
    expect(commonCandidates(password)).toEqual(expected)
  })
})

describe('personalDigitStrings', () => {
  it('lists the codes, the phone digits after the trunk or country code, and the date forms', () => {
    expect(personalDigitStrings(person)).toEqual([
      '0123456789',
      '001090123456',
      '912345678',
      '15021990',
      '19900215',
      '150290',
      '15/02/1990',
      '15-02-1990',
      '15.02.1990',
      '1990-02-15',
    ])
  })

  it.each([
    ['0912 345 678', '912345678'],
    ['+84 912 345 678', '912345678'],
    ['84912345678', '912345678'],
    ['0084912345678', '912345678'],
  ])('reads the phone %j as %j', (phone, expected) => {
    expect(personalDigitStrings({ ...person, phone, birth: { year: 1990 } })).toContain(expected)
  })
})

describe('messages', () => {
  it('has a Vietnamese and an English message for every problem', () => {
    for (const problem of Object.values(CitizenPasswordProblem)) {
      expect(citizenPasswordMessagesVi[problem]).toMatch(/^Mật khẩu mới /)
      expect(citizenPasswordMessagesEn[problem]).toMatch(/^The new password /)
    }
    expect(citizenPasswordMessagesVi.length).toContain('8–20')
  })
})

describe('citizenNewPassword', () => {
  it.each([
    ['', ['Vui lòng nhập mật khẩu mới.']],
    [
      'hoasen',
      [
        citizenPasswordMessagesVi.length,
        citizenPasswordMessagesVi.upper,
        citizenPasswordMessagesVi.digit,
        citizenPasswordMessagesVi.special,
      ],
    ],
  ])('without a context, refuses %j with the shape problems', (password, messages) => {
    const parsed = citizenNewPassword().safeParse(password)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(messages)
  })

  it('without a context, lets personal data and common passwords through to the server', () => {
    expect(citizenNewPassword().safeParse('Password1!').success).toBe(true)
    expect(citizenNewPassword().safeParse('Ab!0912345678').success).toBe(true)
  })

  it('with the context and the list, is the full rule', () => {
    const schema = citizenNewPassword(person, isCommon)
    expect(schema.safeParse('Mật-khẩu-2026')).toEqual({ success: true, data: 'Mật-khẩu-2026' })
    expect(schema.safeParse('Password1!').error?.issues.map((issue) => issue.message)).toEqual([
      citizenPasswordMessagesVi.common,
    ])
    expect(schema.safeParse('Ab!0912345678').error?.issues.map((issue) => issue.message)).toEqual([
      citizenPasswordMessagesVi.personal,
    ])
  })

  it('refuses a non-string', () => {
    expect(citizenNewPassword().safeParse(12345678).success).toBe(false)
  })
})
