import { describe, expect, it } from 'vitest'
import {
  FEEDBACK_CODE_ALPHABET,
  FeedbackAnswer,
  FeedbackCode,
  FeedbackSubmission,
  feedbackCodeOf,
} from './feedback'

const valid = {
  category: 'participation',
  content: 'Quá trình tham gia tháng 3/2026 chưa được cập nhật.',
  fullName: 'Nguyễn Văn An',
  phone: '0912 345 678',
}

describe('FeedbackCode', () => {
  it.each(['', 'PA-', 'PA-12345678AB', 'PA-ABCDEFGHJK1', 'XX-ABCDEFGHJK', 'PA-ABCDEFGHJO'])(
    'refuses %j',
    (code) => expect(FeedbackCode.safeParse(code).success).toBe(false),
  )

  it.each([
    ['PA-ABCDEFGHJK', 'PA-ABCDEFGHJK'],
    ['pa-abcdefghjk', 'PA-ABCDEFGHJK'],
    [' PA ABCDE FGHJK ', 'PA-ABCDEFGHJK'],
    ['paabcdefghjk', 'PA-ABCDEFGHJK'],
  ])('reads %j as %j', (input, code) => expect(FeedbackCode.parse(input)).toBe(code))

  it('makes codes of the alphabet that read back', () => {
    const code = feedbackCodeOf(Uint8Array.from({ length: 10 }, (_, index) => index * 29))
    expect(code).toMatch(/^PA-.{10}$/)
    for (const char of code.slice(3)) expect(FEEDBACK_CODE_ALPHABET).toContain(char)
    expect(FeedbackCode.parse(code)).toBe(code)
  })

  it('has 32 characters and no look-alikes', () => {
    expect(new Set(FEEDBACK_CODE_ALPHABET).size).toBe(32)
    for (const char of '01IO') expect(FEEDBACK_CODE_ALPHABET).not.toContain(char)
  })
})

describe('FeedbackSubmission', () => {
  it.each([
    [{ ...valid, category: 'x' }, 'category'],
    [{ ...valid, content: 'quá ngắn' }, 'content'],
    [{ ...valid, content: 'x'.repeat(4001) }, 'content'],
    [{ ...valid, phone: '123' }, 'phone'],
    [{ ...valid, fullName: '' }, 'fullName'],
    [{ ...valid, email: 'not-an-email' }, 'email'],
    [{ ...valid, provinceCode: '7' }, 'provinceCode'],
  ])('refuses %j under %s', (input, field) => {
    const parsed = FeedbackSubmission.safeParse(input)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(field)
  })

  it('normalises: NFC content, phone, empty optional fields dropped', () => {
    const parsed = FeedbackSubmission.parse({
      ...valid,
      content: `  ${'Thẻ BHYT'.normalize('NFD')}   bị sai   ngày sinh của tôi\r\n\r\n\r\nxin sửa  `,
      email: '',
      provinceCode: '',
    })
    expect(parsed.content).toBe('Thẻ BHYT bị sai ngày sinh của tôi\n\nxin sửa')
    expect(parsed.phone).toBe('0912345678')
    expect(parsed.email).toBeUndefined()
    expect(parsed.provinceCode).toBeUndefined()
    expect(parsed.language).toBe('vi')
  })
})

describe('FeedbackAnswer', () => {
  it.each(['', 'ngắn quá', 'x'.repeat(4001)])('refuses %j', (answer) =>
    expect(FeedbackAnswer.safeParse({ answer }).success).toBe(false),
  )
  it('accepts 10 characters', () =>
    expect(FeedbackAnswer.parse({ answer: ' Đã xử lý xong ' }).answer).toBe('Đã xử lý xong'))
})
