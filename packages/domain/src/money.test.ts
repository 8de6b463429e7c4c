import { describe, expect, it } from 'vitest'
import { formatThousands, formatVnd, parseVnd } from './money'

describe('formatVnd', () => {
  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %d', (amount) => {
    expect(() => formatVnd(amount)).toThrow(RangeError)
  })

  it.each([
    [0, '0 đ'],
    [5, '5 đ'],
    [999, '999 đ'],
    [1000, '1.000 đ'],
    [1500000, '1.500.000 đ'],
    [-200000, '-200.000 đ'],
    [-1, '-1 đ'],
    [123456789, '123.456.789 đ'],
    [10n ** 18n, '1.000.000.000.000.000.000 đ'],
    [-1500000n, '-1.500.000 đ'],
    [0n, '0 đ'],
  ])('%s → %s', (amount, expected) => {
    expect(formatVnd(amount)).toBe(expected)
  })

  it('formats without the currency sign', () => {
    expect(formatThousands(2340000)).toBe('2.340.000')
  })
})

describe('parseVnd', () => {
  it.each([
    '',
    'abc',
    '1.50',
    '1,5',
    '1.500,000',
    '1..500',
    '1234.567',
    '1.5.00',
    '1,2345k',
    '1.500.000,50',
    '12 3',
    '--5',
    'đ',
    '99999999999999999999',
  ])('rejects %j', (input) => {
    const parsed = parseVnd(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_AMOUNT')
  })

  it.each([
    ['0', 0],
    ['1500000', 1500000],
    ['1.500.000', 1500000],
    ['1,500,000', 1500000],
    ['1 500 000', 1500000],
    ['1.500', 1500],
    ['1.500.000 đ', 1500000],
    ['1.500.000đ', 1500000],
    ['1.500.000 ₫', 1500000],
    ['1.500.000 VNĐ', 1500000],
    ['1.500.000 vnd', 1500000],
    ['1.500.000 đồng', 1500000],
    ['-200.000', -200000],
    ['- 200.000 đ', -200000],
    ['500k', 500000],
    ['500 nghìn', 500000],
    ['1,5 triệu', 1500000],
    ['1.5tr', 1500000],
    ['2 tỷ', 2000000000],
    ['1,234k', 1234],
    ['  42  ', 42],
  ])('%j → %i', (input, expected) => {
    expect(parseVnd(input)).toEqual({ ok: true, value: expected })
  })

  it('round-trips formatVnd', () => {
    for (const amount of [0, 7, 1000, 1500000, -200000, 987654321012]) {
      expect(parseVnd(formatVnd(amount))).toEqual({ ok: true, value: amount })
    }
  })
})
