import { describe, expect, it } from 'vitest'
import { validationErrorOf } from './schemas'
import {
  passwordCharacterClasses,
  passwordContainsUsername,
  StaffPasswordChangeBody,
  StaffProfileView,
} from './staff-auth'

const fieldsOf = (body: unknown) => {
  const result = StaffPasswordChangeBody.safeParse(body)
  return result.success ? {} : validationErrorOf(result.error).error.fields
}

describe('StaffPasswordChangeBody', () => {
  const currentPassword = 'Staff@AnSinh2026'

  it.each([
    ['empty', '', ['Vui lòng nhập mật khẩu mới.']],
    ['11 characters', 'Aa1-aaaaaaa', ['Mật khẩu mới gồm 12–64 ký tự.']],
    ['65 characters', `Aa1-${'a'.repeat(61)}`, ['Mật khẩu mới gồm 12–64 ký tự.']],
    [
      'only letters, both cases',
      'MotHaiBaBonNam',
      ['Mật khẩu mới cần có ít nhất 3 trong 4 loại ký tự: chữ hoa, chữ thường, chữ số, ký tự khác.'],
    ],
    [
      'short and of one kind',
      'abc',
      [
        'Mật khẩu mới gồm 12–64 ký tự.',
        'Mật khẩu mới cần có ít nhất 3 trong 4 loại ký tự: chữ hoa, chữ thường, chữ số, ký tự khác.',
      ],
    ],
    ['the current one', currentPassword, ['Mật khẩu mới phải khác mật khẩu hiện tại.']],
  ])('refuses a new password %s', (_, newPassword, messages) => {
    expect(fieldsOf({ currentPassword, newPassword })).toEqual({ newPassword: messages })
  })

  it('asks for the current password', () => {
    expect(fieldsOf({ currentPassword: '', newPassword: 'Hoa-Sen-2026' })).toEqual({
      currentPassword: ['Vui lòng nhập mật khẩu hiện tại.'],
    })
  })

  it.each([
    ['12 characters, 3 kinds', 'hoa-sen-2026'],
    ['64 characters, 3 kinds', `Aa1${'b'.repeat(61)}`],
    ['Vietnamese letters with spaces', 'Trăm năm trong cõi 1 người'],
  ])('accepts %s', (_, newPassword) => {
    expect(fieldsOf({ currentPassword, newPassword })).toEqual({})
  })
})

describe('the parts of the rule', () => {
  it.each([
    ['', 0],
    ['abc', 1],
    ['Abc', 2],
    ['Ábc1', 3],
    ['Ábc1 ', 4],
    ['ĐƯỜNG123!', 3],
  ])('%j mixes %i kinds of character', (password, kinds) => {
    expect(passwordCharacterClasses(password)).toBe(kinds)
  })

  it.each([
    ['Q5.Reviewer-2026', 'q5.reviewer', true],
    ['toi-la-q5.reviewer', 'q5.reviewer', true],
    ['q5-reviewer-2026', 'q5.reviewer', false],
    ['Anything-at-all-1', '', false],
  ])('%j contains %j: %s', (password, username, contains) => {
    expect(passwordContainsUsername(password, username)).toBe(contains)
  })
})

describe('StaffProfileView', () => {
  it('tells whether the password must be changed first', () => {
    const profile = {
      id: 1,
      username: 'q5.reviewer',
      fullName: 'Phạm Thị Lan',
      officeCode: '07915',
      officeName: 'BHXH Quận 5',
      role: 'reviewer',
    }
    expect(StaffProfileView.safeParse(profile).success).toBe(false)
    expect(StaffProfileView.parse({ ...profile, mustChangePassword: true }).mustChangePassword).toBe(true)
  })
})
