import { describe, expect, it } from 'vitest'
import { Gender, genderLabelsEn, genderLabelsVi, parseGender } from './gender'

describe('parseGender', () => {
  it.each(['', 'x', 'nam nu', '1', 'M'])('rejects %j', (input) => {
    const parsed = parseGender(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_GENDER')
  })

  it.each([
    ['Nam', 'male'],
    ['NAM', 'male'],
    [' nam ', 'male'],
    ['Nữ', 'female'],
    ['NỮ', 'female'],
    ['Nữ'.normalize('NFD'), 'female'],
    ['nu', 'female'],
    ['Khác', 'other'],
    ['female', 'female'],
    ['Male', 'male'],
  ])('%j → %s', (input, expected) => {
    expect(parseGender(input)).toEqual({ ok: true, value: expected })
  })
})

describe('Gender schema and labels', () => {
  it('labels every gender', () => {
    for (const gender of Gender.options) {
      expect(genderLabelsVi[gender]).toBeTruthy()
      expect(genderLabelsEn[gender]).toBeTruthy()
    }
    expect(genderLabelsVi).toEqual({ male: 'Nam', female: 'Nữ', other: 'Khác' })
  })

  it.each([undefined, '', 'Nam', 'MALE', 1])('rejects %j in Vietnamese', (input) => {
    const result = Gender.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('Giới tính không hợp lệ')
  })

  it.each(['male', 'female', 'other'])('accepts %s', (input) => {
    expect(Gender.parse(input)).toBe(input)
  })
})
