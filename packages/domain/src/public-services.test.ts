import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { AccountRequestOtpBody, ContactChangeFiling, InboxQuery, StopFiling } from './public-services'
import { validationErrorOf } from './schemas'

const otp = { requestId: '7f1c2a9e-0b7d-4c3e-9a51-2f6d8e4b1c00', code: '123456' }
const fieldsOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : Object.keys(validationErrorOf(result.error).error.fields ?? {})

describe('public-service request bodies', () => {
  it.each([
    ['no OTP', { phone: '0907799001', officeCode: '07915' }, ['otp']],
    ['a short code', { otp: { ...otp, code: '12' }, phone: '0907799001', officeCode: '07915' }, ['otp.code']],
    ['nothing to change', { otp, officeCode: '07915' }, ['phone']],
    ['the national office', { otp, phone: '0907799001', officeCode: '000' }, ['officeCode']],
  ])('refuses a change of information with %s', (_case, body, fields) => {
    expect(fieldsOf(ContactChangeFiling.safeParse(body))).toEqual(fields)
  })

  it('accepts a change of e-mail alone, and its removal', () => {
    expect(ContactChangeFiling.safeParse({ otp, email: 'An@Example.vn', officeCode: '07915' }).success).toBe(
      true,
    )
    expect(ContactChangeFiling.parse({ otp, email: null, officeCode: '07915' }).email).toBeNull()
  })

  it('refuses a stop without a reason, and trims the reason of one with it', () => {
    expect(fieldsOf(StopFiling.safeParse({ otp, officeCode: '07915' }))).toEqual(['reason'])
    expect(StopFiling.parse({ otp, reason: '  Không dùng nữa ', officeCode: '07915' }).reason).toBe(
      'Không dùng nữa',
    )
  })

  it('knows the two purposes that need an OTP', () => {
    expect(AccountRequestOtpBody.safeParse({ purpose: 'child' }).success).toBe(false)
    expect(AccountRequestOtpBody.parse({ purpose: 'stop' })).toEqual({ purpose: 'stop' })
  })

  it('reads the inbox page size from the query string', () => {
    expect(InboxQuery.safeParse({ limit: '0' }).success).toBe(false)
    expect(InboxQuery.parse({ limit: '30' })).toEqual({ limit: 30 })
  })
})
