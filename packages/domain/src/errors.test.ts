import { describe, expect, it } from 'vitest'
import {
  ErrorCode,
  errorHttpStatus,
  errorMessagesEn,
  errorMessagesVi,
  ParseErrorCode,
  parseErrorMessagesEn,
  parseErrorMessagesVi,
} from './errors'

describe('platform error codes', () => {
  it('has exactly the agreed codes', () => {
    expect(Object.values(ErrorCode).sort()).toEqual(
      [
        'CONFLICT',
        'DEVICE_CHANGE_OTP_REQUIRED',
        'FORBIDDEN',
        'INTERNAL',
        'NOT_FOUND',
        'OTP_ATTEMPTS_EXCEEDED',
        'OTP_EXPIRED',
        'OTP_INVALID',
        'PASSWORD_CHANGE_REQUIRED',
        'PAYLOAD_TOO_LARGE',
        'RATE_LIMITED',
        'SERVICE_UNAVAILABLE',
        'SIGNED_IN_ELSEWHERE',
        'UNAUTHENTICATED',
        'VALIDATION_FAILED',
      ].sort(),
    )
  })

  it.each(Object.values(ErrorCode))('%s has messages in both languages and an HTTP status', (code) => {
    expect(errorMessagesVi[code].length).toBeGreaterThan(5)
    expect(errorMessagesEn[code].length).toBeGreaterThan(5)
    expect(errorMessagesVi[code]).not.toBe(errorMessagesEn[code])
    expect(errorHttpStatus[code]).toBeGreaterThanOrEqual(400)
  })

  it.each([
    ['VALIDATION_FAILED', 400],
    ['OTP_INVALID', 400],
    ['OTP_EXPIRED', 410],
    ['OTP_ATTEMPTS_EXCEEDED', 429],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['PASSWORD_CHANGE_REQUIRED', 403],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['DEVICE_CHANGE_OTP_REQUIRED', 409],
    ['SIGNED_IN_ELSEWHERE', 401],
    ['PAYLOAD_TOO_LARGE', 413],
    ['RATE_LIMITED', 429],
    ['INTERNAL', 500],
    ['SERVICE_UNAVAILABLE', 503],
  ] as const)('%s → HTTP %i', (code, status) => {
    expect(errorHttpStatus[code]).toBe(status)
  })
})

describe('parse error codes', () => {
  it.each(Object.values(ParseErrorCode))('%s has messages in both languages', (code) => {
    expect(parseErrorMessagesVi[code]).toBeTruthy()
    expect(parseErrorMessagesEn[code]).toBeTruthy()
  })
})
