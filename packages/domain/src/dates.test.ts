import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  addWorkingDays,
  ageOn,
  coveredMonths,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatDateTimeVi,
  formatDateVi,
  formatMonth,
  formatPartialDate,
  formatYearsMonthsVi,
  fromYyyymm,
  isIsoDate,
  isLeapYear,
  isoDateFromParts,
  isoDateParts,
  isValidCalendarDate,
  isValidPartialDate,
  isWeekend,
  isYyyymm,
  monthsBetweenInclusive,
  parseDateVi,
  parseIsoDate,
  parseMonthVi,
  parsePartialDate,
  partialDateFromIsoDate,
  partialDateToIso,
  precisionOf,
  splitMonths,
  startOfVietnamDay,
  sumPeriodMonths,
  todayInVietnam,
  toVietnamDate,
  toYyyymm,
  validatePartialDate,
  yyyymmOf,
} from './dates'

describe('calendar', () => {
  it.each([
    [1900, false],
    [2000, true],
    [2023, false],
    [2024, true],
    [2100, false],
  ])('isLeapYear(%i) is %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected)
  })

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('daysInMonth(%i, %i) is %i', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days)
  })

  it.each([
    [2023, 2, 29, false],
    [2025, 4, 31, false],
    [2025, 13, 1, false],
    [2025, 0, 1, false],
    [2025, 1, 0, false],
    [0, 1, 1, false],
    [10000, 1, 1, false],
    [2025, 1.5, 1, false],
    [2024, 2, 29, true],
    [1, 1, 1, true],
  ])('isValidCalendarDate(%i, %i, %i) is %s', (year, month, day, expected) => {
    expect(isValidCalendarDate(year, month, day)).toBe(expected)
  })

  it.each(['', '2025-1-01', '2025-02-30', '25-01-01', '2025-01-01T00:00:00Z', '2025/01/01'])(
    'isIsoDate rejects %j',
    (input) => {
      expect(isIsoDate(input)).toBe(false)
      expect(parseIsoDate(input).ok).toBe(false)
      expect(() => isoDateParts(input)).toThrow(RangeError)
    },
  )

  it('converts between parts and ISO dates', () => {
    expect(isoDateFromParts(2025, 7, 1)).toBe('2025-07-01')
    expect(isoDateFromParts(5, 1, 2)).toBe('0005-01-02')
    expect(() => isoDateFromParts(2025, 2, 29)).toThrow(RangeError)
    expect(isoDateParts('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
    expect(parseIsoDate(' 2024-02-29 ')).toEqual({ ok: true, value: '2024-02-29' })
  })
})

describe('parseDateVi', () => {
  it.each([
    '',
    '31/02/2024',
    '29/02/2023',
    '1/1/25',
    '2024-01-01',
    '01/13/2024',
    '00/01/2024',
    '01/01-2024',
    'abc',
  ])('rejects %j', (input) => {
    const parsed = parseDateVi(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_DATE')
  })

  it.each([
    ['01/07/2023', '2023-07-01'],
    ['1/7/2023', '2023-07-01'],
    [' 29/02/2024 ', '2024-02-29'],
    ['31-12-2025', '2025-12-31'],
    ['31.12.2025', '2025-12-31'],
  ])('%j → %s', (input, expected) => {
    expect(parseDateVi(input)).toEqual({ ok: true, value: expected })
  })
})

describe('partial dates', () => {
  it.each([
    '',
    'abc',
    '31/02/1990',
    '32/01/1990',
    '15/00/1990',
    '13/1990',
    '90',
    '19900',
    '0000',
    '1990-13',
    '1990-02-30',
    '1/2/3/1990',
    '01/01-1990',
  ])('parsePartialDate rejects %j', (input) => {
    const parsed = parsePartialDate(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_DATE')
  })

  it.each([
    ['15/08/1992', { year: 1992, month: 8, day: 15 }],
    ['5/8/1992', { year: 1992, month: 8, day: 5 }],
    ['15-08-1992', { year: 1992, month: 8, day: 15 }],
    ['15.08.1992', { year: 1992, month: 8, day: 15 }],
    ['08/1992', { year: 1992, month: 8 }],
    ['8/1992', { year: 1992, month: 8 }],
    ['1992', { year: 1992 }],
    [' 1992 ', { year: 1992 }],
    ['1992-08-15', { year: 1992, month: 8, day: 15 }],
    ['1992-08', { year: 1992, month: 8 }],
    ['00/00/1950', { year: 1950 }],
    ['00/05/1950', { year: 1950, month: 5 }],
    ['00/1950', { year: 1950 }],
    ['29/02/2000', { year: 2000, month: 2, day: 29 }],
  ])('parsePartialDate(%j) → %j', (input, expected) => {
    expect(parsePartialDate(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    [{ year: 1992, month: 8, day: 15 }, 'day', '15/08/1992', '1992-08-15'],
    [{ year: 1992, month: 8 }, 'month', '08/1992', '1992-08'],
    [{ year: 1992 }, 'year', '1992', '1992'],
  ])('%j has precision %s and formats as %s / %s', (date, precision, vi, iso) => {
    expect(precisionOf(date)).toBe(precision)
    expect(formatPartialDate(date)).toBe(vi)
    expect(partialDateToIso(date)).toBe(iso)
    expect(parsePartialDate(vi)).toEqual({ ok: true, value: date })
    expect(parsePartialDate(iso)).toEqual({ ok: true, value: date })
  })

  it.each([
    [{ year: 0 }, false],
    [{ year: 1990.5 }, false],
    [{ year: 1990, day: 1 }, false],
    [{ year: 1990, month: 0 }, false],
    [{ year: 1990, month: 13 }, false],
    [{ year: 1990, month: 2, day: 29 }, false],
    [{ year: 1990 }, true],
    [{ year: 1990, month: 2 }, true],
    [{ year: 1992, month: 2, day: 29 }, true],
  ])('isValidPartialDate(%j) is %s', (date, expected) => {
    expect(isValidPartialDate(date)).toBe(expected)
  })

  it('reads an ISO date as a day-precision partial date', () => {
    expect(partialDateFromIsoDate('2020-01-31')).toEqual({ year: 2020, month: 1, day: 31 })
  })
})

describe('ageOn', () => {
  it.each([
    [{ year: 2008, month: 12, day: 1 }, '2026-12-01', 18], // the 18th birthday itself
    [{ year: 2008, month: 12, day: 2 }, '2026-12-01', 17],
    [{ year: 2008, month: 2, day: 29 }, '2026-02-28', 17], // no 29 Feb this year: not yet
    [{ year: 2008, month: 11 }, '2026-11-29', 17], // month only: counted from 30 Nov
    [{ year: 2008, month: 11 }, '2026-11-30', 18],
    [{ year: 2008 }, '2026-12-30', 17], // year only: counted from 31 Dec
    [{ year: 2008 }, '2026-12-31', 18],
  ])('%o on %s is %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age)
  })
})

describe('validatePartialDate', () => {
  const today = '2025-06-15'
  it.each([
    [{ year: 1990, month: 2, day: 30 }, 'INVALID_DATE'],
    [{ year: 1990, day: 3 }, 'INVALID_DATE'],
    [{ year: 2026 }, 'DATE_IN_FUTURE'],
    [{ year: 2025, month: 7 }, 'DATE_IN_FUTURE'],
    [{ year: 2025, month: 6, day: 16 }, 'DATE_IN_FUTURE'],
    [{ year: 1879 }, 'DATE_TOO_EARLY'],
  ])('rejects %j with %s', (date, code) => {
    const parsed = validatePartialDate(date, { today })
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe(code)
  })

  it.each([
    { year: 2025 },
    { year: 2025, month: 6 },
    { year: 2025, month: 6, day: 15 },
    { year: 2024, month: 12, day: 31 },
    { year: 1880 },
  ])('accepts %j', (date) => {
    expect(validatePartialDate(date, { today })).toEqual({ ok: true, value: date })
  })

  it('honours minYear', () => {
    expect(validatePartialDate({ year: 1899 }, { today, minYear: 1900 }).ok).toBe(false)
    expect(validatePartialDate({ year: 1850 }, { today, minYear: 1800 }).ok).toBe(true)
  })
})

describe('business dates in Vietnam', () => {
  it.each([
    ['2025-06-30T16:59:59.999Z', '2025-06-30'],
    ['2025-06-30T17:00:00.000Z', '2025-07-01'],
    ['2024-12-31T17:00:00Z', '2025-01-01'],
    ['2025-01-01T00:00:00Z', '2025-01-01'],
    ['2024-02-28T18:30:00Z', '2024-02-29'],
  ])('at %s it is %s in Vietnam', (instant, expected) => {
    expect(todayInVietnam(new Date(instant))).toBe(expected)
    expect(toVietnamDate(new Date(instant))).toBe(expected)
  })

  it('agrees with Intl for Asia/Ho_Chi_Minh', () => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    for (let hour = 0; hour < 24 * 3; hour += 1) {
      const instant = new Date(Date.UTC(2025, 11, 30, hour, 30))
      expect(toVietnamDate(instant)).toBe(format.format(instant))
    }
  })

  it('rejects an invalid Date', () => {
    expect(() => todayInVietnam(new Date('nonsense'))).toThrow(RangeError)
  })

  it('starts a Vietnamese day at 17:00 UTC the day before', () => {
    expect(startOfVietnamDay('2025-07-01').toISOString()).toBe('2025-06-30T17:00:00.000Z')
    expect(toVietnamDate(startOfVietnamDay('2025-07-01'))).toBe('2025-07-01')
  })

  it.each([
    [new Date('2025-06-30T17:00:00Z'), '01/07/2025'],
    ['2025-07-01', '01/07/2025'],
    ['0999-12-31', '31/12/0999'],
  ])('formatDateVi(%j) → %s', (input, expected) => {
    expect(formatDateVi(input)).toBe(expected)
  })

  it.each(['01/07/2025', '2025-02-30', ''])('formatDateVi rejects %j', (input) => {
    expect(() => formatDateVi(input)).toThrow(RangeError)
  })

  it('formats date and time in Vietnam', () => {
    expect(formatDateTimeVi(new Date('2025-06-30T17:05:00Z'))).toBe('01/07/2025 00:05')
    expect(formatDateTimeVi(new Date('2025-01-01T08:30:59Z'))).toBe('01/01/2025 15:30')
  })

  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-12-31', 366, '2027-01-01'],
  ])('addDays(%s, %i) → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected)
    expect(daysBetween(date, expected)).toBe(days)
  })

  it.each([
    ['2025-07-05', 6, true],
    ['2025-07-06', 0, true],
    ['2025-07-07', 1, false],
    ['2025-07-04', 5, false],
  ])('%s is weekday %i (weekend: %s)', (date, weekday, weekend) => {
    expect(dayOfWeek(date)).toBe(weekday)
    expect(isWeekend(date)).toBe(weekend)
  })

  it.each([
    ['2025-07-03', 0, [], '2025-07-03'],
    ['2025-07-03', 1, [], '2025-07-04'],
    ['2025-07-03', 3, [], '2025-07-08'],
    ['2025-07-04', 1, [], '2025-07-07'],
    ['2025-07-05', 1, [], '2025-07-07'],
    ['2025-08-29', 3, ['2025-09-01', '2025-09-02'], '2025-09-05'],
  ])('addWorkingDays(%s, %i, %j) → %s', (date, days, holidays, expected) => {
    expect(addWorkingDays(date, days, holidays)).toBe(expected)
  })

  it('rejects a negative number of working days', () => {
    expect(() => addWorkingDays('2025-07-03', -1)).toThrow(RangeError)
  })
})

describe('months', () => {
  it.each([
    [202501, true],
    [202512, true],
    [100001, true],
    [202500, false],
    [202513, false],
    [2025, false],
    [202501.5, false],
  ])('isYyyymm(%d) is %s', (value, expected) => {
    expect(isYyyymm(value)).toBe(expected)
  })

  it('converts between yyyymm and year/month', () => {
    expect(toYyyymm({ year: 2025, month: 1 })).toBe(202501)
    expect(fromYyyymm(202512)).toEqual({ year: 2025, month: 12 })
    expect(() => fromYyyymm(202513)).toThrow(RangeError)
    expect(() => toYyyymm({ year: 2025, month: 13 })).toThrow(RangeError)
    expect(() => toYyyymm({ year: 2024, month: 112 })).toThrow(RangeError)
    expect(() => toYyyymm({ year: 2025, month: 0 })).toThrow(RangeError)
    expect(yyyymmOf('2025-07-31')).toBe(202507)
  })

  it.each(['', '13/2025', '00/2025', '1/25', '2025/01', '01-2025-01', 'abc'])(
    'parseMonthVi rejects %j',
    (input) => {
      const parsed = parseMonthVi(input)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.error.code).toBe('INVALID_MONTH')
    },
  )

  it.each([
    ['01/2025', 202501],
    ['1/2025', 202501],
    ['12-2025', 202512],
    ['2025-03', 202503],
    [' 07/2019 ', 201907],
  ])('parseMonthVi(%j) → %i', (input, expected) => {
    expect(parseMonthVi(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    [202501, '01/2025'],
    [{ year: 2019, month: 12 }, '12/2019'],
  ])('formatMonth(%j) → %s', (input, expected) => {
    expect(formatMonth(input)).toBe(expected)
  })

  it('formatMonth rejects a non-month', () => {
    expect(() => formatMonth(202500)).toThrow(RangeError)
  })

  it.each([
    [202511, 3, 202602],
    [202501, -1, 202412],
    [202512, 0, 202512],
    [202501, 24, 202701],
    [{ year: 2025, month: 6 }, -18, 202312],
  ])('addMonths(%j, %i) → %i', (month, count, expected) => {
    expect(addMonths(month, count)).toBe(expected)
  })

  it.each([
    [202001, 202012, 12],
    [202001, 202001, 1],
    [201907, 202006, 12],
    [202012, 202001, 0],
    [{ year: 2010, month: 1 }, { year: 2025, month: 6 }, 186],
  ])('monthsBetweenInclusive(%j, %j) is %i', (from, to, expected) => {
    expect(monthsBetweenInclusive(from, to)).toBe(expected)
  })

  it('sums periods plainly and counts covered months once', () => {
    const periods = [
      { from: 202001, to: 202012 },
      { from: 202006, to: 202106 },
      { from: 202301, to: 202303 },
      { from: 202305, to: 202304 },
    ]
    expect(sumPeriodMonths(periods)).toBe(12 + 13 + 3)
    expect(coveredMonths(periods)).toBe(18 + 3)
    expect(coveredMonths([])).toBe(0)
    expect(
      coveredMonths([
        { from: 202001, to: 202012 },
        { from: 202003, to: 202004 },
      ]),
    ).toBe(12)
  })

  it.each([
    [0, { years: 0, months: 0 }, '0 tháng'],
    [5, { years: 0, months: 5 }, '5 tháng'],
    [12, { years: 1, months: 0 }, '1 năm'],
    [27, { years: 2, months: 3 }, '2 năm 3 tháng'],
    [186, { years: 15, months: 6 }, '15 năm 6 tháng'],
  ])('%i months → %j → %s', (total, split, text) => {
    expect(splitMonths(total)).toEqual(split)
    expect(formatYearsMonthsVi(split)).toBe(text)
  })

  it('splitMonths rejects negatives and fractions', () => {
    expect(() => splitMonths(-1)).toThrow(RangeError)
    expect(() => splitMonths(1.5)).toThrow(RangeError)
  })
})
