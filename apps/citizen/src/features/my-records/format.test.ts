import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { formatDuration, formatMonthPeriod } from './format'

// A stand-in for i18next's `t` with the English plurals and the Vietnamese "đến nay".
const t = ((key: string, options?: { count?: number }) => {
  const count = options?.count ?? 0
  if (key === 'records.untilNow') return 'đến nay'
  if (key === 'records.years') return `${count} ${count === 1 ? 'year' : 'years'}`
  if (key === 'records.months') return `${count} ${count === 1 ? 'month' : 'months'}`
  return key
}) as unknown as TFunction

describe('formatDuration', () => {
  it('refuses a negative or fractional count of months', () => {
    expect(() => formatDuration(t, 'vi', -1)).toThrow(RangeError)
    expect(() => formatDuration(t, 'en', 1.5)).toThrow(RangeError)
  })

  it.each([
    [0, 'vi', '0 tháng'],
    [11, 'vi', '11 tháng'],
    [12, 'vi', '1 năm'],
    [359, 'vi', '29 năm 11 tháng'],
    [0, 'en', '0 months'],
    [1, 'en', '1 month'],
    [13, 'en', '1 year 1 month'],
    [359, 'en', '29 years 11 months'],
  ] as const)('%i months in %s: %s', (months, language, expected) => {
    expect(formatDuration(t, language, months)).toBe(expected)
  })
})

describe('formatMonthPeriod', () => {
  it('shows both months, or "đến nay" for a period that goes on', () => {
    expect(formatMonthPeriod(t, 199607, 199712)).toBe('07/1996 – 12/1997')
    expect(formatMonthPeriod(t, 202510, null)).toBe('10/2025 – đến nay')
  })
})
