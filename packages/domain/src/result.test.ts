import { describe, expect, it } from 'vitest'
import { fail, isOk, mapParsed, ok, type Parsed, ParseFailedError, parsedOr, unwrapParsed } from './result'

const failure = fail('INVALID_X', 'Không hợp lệ') as Parsed<number>
const success = ok(2) as Parsed<number>

describe('result helpers', () => {
  it('builds failures and successes', () => {
    expect(failure).toEqual({ ok: false, error: { code: 'INVALID_X', message: 'Không hợp lệ' } })
    expect(success).toEqual({ ok: true, value: 2 })
  })

  it.each([
    [failure, false],
    [success, true],
  ])('isOk(%j) is %s', (parsed, expected) => {
    expect(isOk(parsed)).toBe(expected)
  })

  it('maps only successes', () => {
    expect(mapParsed(failure, (n) => n * 10)).toBe(failure)
    expect(mapParsed(success, (n) => n * 10)).toEqual(ok(20))
  })

  it('falls back on failure', () => {
    expect(parsedOr(failure, null)).toBeNull()
    expect(parsedOr(success, null)).toBe(2)
  })

  it('unwraps or throws with the code', () => {
    expect(() => unwrapParsed(failure)).toThrow(ParseFailedError)
    try {
      unwrapParsed(failure)
    } catch (error) {
      expect(error).toBeInstanceOf(ParseFailedError)
      expect((error as ParseFailedError).code).toBe('INVALID_X')
      expect((error as ParseFailedError).message).toBe('Không hợp lệ')
    }
    expect(unwrapParsed(success)).toBe(2)
  })
})
