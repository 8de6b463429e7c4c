/**
 * Calendar dates, dates of birth with their precision, months of contribution, and business dates
 * in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year: no daylight saving since 1975, so a fixed offset is
 * exact and needs no time-zone database).
 *
 * Full dates travel as ISO strings `yyyy-mm-dd` (`IsoDate`), months as `yyyymm` integers, and
 * dates of birth as `PartialDate`, because registry records often hold only the year or
 * month/year.
 */
import { ParseErrorCode as Code } from './errors'
import { fail, ok, type Parsed } from './result'

/** `yyyy-mm-dd`, a real calendar date. */
export type IsoDate = string

/** A date known to the year, month or day. `day` is only present together with `month`. */
export type PartialDate = { year: number; month?: number; day?: number }

export const DatePrecision = { Year: 'year', Month: 'month', Day: 'day' } as const
export type DatePrecision = (typeof DatePrecision)[keyof typeof DatePrecision]

export type YearMonth = { year: number; month: number }

const pad2 = (value: number): string => String(value).padStart(2, '0')
const pad4 = (value: number): string => String(value).padStart(4, '0')

// ---------------------------------------------------------------------------------------------
// Calendar

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

export function isoDateFromParts(year: number, month: number, day: number): IsoDate {
  if (!isValidCalendarDate(year, month, day))
    throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`)
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`
}

export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return match !== null && isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
}

/** The parts of an ISO date; throws `RangeError` when it is not one (a programming error). */
export function isoDateParts(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`)
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}

export function parseIsoDate(text: string): Parsed<IsoDate> {
  const value = text.trim()
  return isIsoDate(value) ? ok(value) : fail(Code.InvalidDate, 'Ngày không hợp lệ (định dạng yyyy-mm-dd).')
}

/** A full date typed the Vietnamese way: `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`). */
export function parseDateVi(text: string): Parsed<IsoDate> {
  const match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text.trim())
  const invalid = fail(Code.InvalidDate, 'Ngày không hợp lệ (định dạng dd/mm/yyyy).')
  if (match === null) return invalid
  const [day, month, year] = [Number(match[1]), Number(match[3]), Number(match[4])]
  return isValidCalendarDate(year, month, day) ? ok(isoDateFromParts(year, month, day)) : invalid
}

// ---------------------------------------------------------------------------------------------
// Partial dates (dates of birth)

export function precisionOf(date: PartialDate): DatePrecision {
  if (date.day !== undefined) return DatePrecision.Day
  if (date.month !== undefined) return DatePrecision.Month
  return DatePrecision.Year
}

/**
 * Whole years of age on `on`. A date of birth known only to the month or the year counts from its
 * latest possible day, so rounding never makes a child an adult.
 */
export function ageOn(birth: PartialDate, on: IsoDate): number {
  const { year, month, day } = isoDateParts(on)
  const birthMonth = birth.month ?? 12
  const birthDay = birth.day ?? daysInMonth(birth.year, birthMonth)
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay)
  return year - birth.year - (hadBirthday ? 0 : 1)
}

/** Structural check: integers in range, day only with month, and a real calendar date. */
export function isValidPartialDate(date: PartialDate): boolean {
  const { year, month, day } = date
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false
  if (month === undefined) return day === undefined
  if (!Number.isInteger(month) || month < 1 || month > 12) return false
  return day === undefined || isValidCalendarDate(year, month, day)
}

/**
 * Reads a date of birth with its precision: `dd/mm/yyyy` (or `d/m/yyyy`, `-` or `.` separators),
 * `mm/yyyy`, `yyyy`, and the ISO forms `yyyy-mm-dd`, `yyyy-mm`. A day or month of `00` means
 * "unknown", as registry and claim files write it (`00/00/1950` is the year 1950).
 */
export function parsePartialDate(text: string): Parsed<PartialDate> {
  const value = text.trim()
  const invalid = fail(Code.InvalidDate, 'Ngày không hợp lệ (định dạng dd/mm/yyyy, mm/yyyy hoặc yyyy).')
  const parts = partialDateParts(value)
  if (parts === null) return invalid
  const [year, month, day] = parts
  // A known day in an unknown month cannot be stored.
  if (month === 0 && day !== 0) return invalid
  const date: PartialDate = { year }
  if (month !== 0) date.month = month
  if (day !== 0) date.day = day
  return isValidPartialDate(date) ? ok(date) : invalid
}

// [year, month, day] with 0 for an unknown part, or null when the text has none of the forms.
function partialDateParts(value: string): [number, number, number] | null {
  const dayMonthYear = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(value)
  if (dayMonthYear) return [Number(dayMonthYear[4]), Number(dayMonthYear[3]), Number(dayMonthYear[1])]
  const monthYear = /^(\d{1,2})[/.-](\d{4})$/.exec(value)
  if (monthYear) return [Number(monthYear[2]), Number(monthYear[1]), 0]
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value)
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3] ?? 0)]
  if (/^\d{4}$/.test(value)) return [Number(value), 0, 0]
  return null
}

/** `dd/mm/yyyy`, `mm/yyyy` or `yyyy`, following the date's precision. */
export function formatPartialDate(date: PartialDate): string {
  if (date.month === undefined) return pad4(date.year)
  if (date.day === undefined) return `${pad2(date.month)}/${pad4(date.year)}`
  return `${pad2(date.day)}/${pad2(date.month)}/${pad4(date.year)}`
}

/** ISO 8601 at the date's precision: `yyyy-mm-dd`, `yyyy-mm` or `yyyy`. */
export function partialDateToIso(date: PartialDate): string {
  if (date.month === undefined) return pad4(date.year)
  if (date.day === undefined) return `${pad4(date.year)}-${pad2(date.month)}`
  return `${pad4(date.year)}-${pad2(date.month)}-${pad2(date.day)}`
}

export function partialDateFromIsoDate(date: IsoDate): PartialDate {
  return isoDateParts(date)
}

export type ValidatePartialDateOptions = {
  /** Today in Vietnam (`todayInVietnam(now)`); passed in so that rules stay pure and testable. */
  today: IsoDate
  /** Earliest accepted year; default 1880 (survivor cases can involve people born long ago). */
  minYear?: number
}

/**
 * Checks a date of birth: a real calendar date, not after today at its own precision (a year-only
 * date is in the future only if the year is), and not before `minYear`.
 */
export function validatePartialDate(
  date: PartialDate,
  options: ValidatePartialDateOptions,
): Parsed<PartialDate> {
  if (!isValidPartialDate(date)) return fail(Code.InvalidDate, 'Ngày không hợp lệ.')
  const today = isoDateParts(options.today)
  if (date.year < (options.minYear ?? 1880)) {
    return fail(Code.DateTooEarly, `Năm ${date.year} quá xa trong quá khứ.`)
  }
  // Compare only the parts the date has: a year-only date is in the future only if its year is.
  let order = date.year - today.year
  if (order === 0 && date.month !== undefined) order = date.month - today.month
  if (order === 0 && date.day !== undefined) order = date.day - today.day
  if (order > 0) return fail(Code.DateInFuture, 'Ngày không được sau ngày hôm nay.')
  return ok(date)
}

// ---------------------------------------------------------------------------------------------
// Business dates in Vietnam

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000
const DAY_MS = 86_400_000

function shiftedToVietnam(instant: Date): Date {
  const time = instant.getTime()
  if (Number.isNaN(time)) throw new RangeError('Invalid Date')
  return new Date(time + OFFSET_MS)
}

/** The calendar date in Vietnam at an instant. */
export function toVietnamDate(instant: Date): IsoDate {
  return shiftedToVietnam(instant).toISOString().slice(0, 10)
}

/** Today's date in Vietnam; `now` comes from the caller's clock so that tests can fix it. */
export function todayInVietnam(now: Date): IsoDate {
  return toVietnamDate(now)
}

/** The instant 00:00 in Vietnam on `date` (17:00 UTC the day before). */
export function startOfVietnamDay(date: IsoDate): Date {
  const { year, month, day } = isoDateParts(date)
  return new Date(Date.UTC(year, month - 1, day) - OFFSET_MS)
}

/** `dd/mm/yyyy`. An instant is shown as its date in Vietnam; an ISO date is reformatted as is. */
export function formatDateVi(date: Date | IsoDate): string {
  const iso = typeof date === 'string' ? date : toVietnamDate(date)
  const { year, month, day } = isoDateParts(iso)
  return `${pad2(day)}/${pad2(month)}/${pad4(year)}`
}

/** `dd/mm/yyyy HH:mm` in Vietnam time. */
export function formatDateTimeVi(instant: Date): string {
  const shifted = shiftedToVietnam(instant)
  return `${formatDateVi(instant)} ${pad2(shifted.getUTCHours())}:${pad2(shifted.getUTCMinutes())}`
}

function dayNumber(date: IsoDate): number {
  const { year, month, day } = isoDateParts(date)
  return Date.UTC(year, month - 1, day) / DAY_MS
}

function fromDayNumber(days: number): IsoDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from)
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay()
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = dayOfWeek(date)
  return weekday === 0 || weekday === 6
}

/**
 * The date `days` working days after `date` ("within 3 working days"): Saturdays, Sundays and the
 * given public holidays are skipped. The holiday list is data (it changes by decree every year),
 * so callers pass it in.
 */
export function addWorkingDays(date: IsoDate, days: number, holidays: Iterable<IsoDate> = []): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer')
  const closed = new Set(holidays)
  let current = date
  let remaining = days
  while (remaining > 0) {
    current = addDays(current, 1)
    if (!isWeekend(current) && !closed.has(current)) remaining -= 1
  }
  return current
}

// ---------------------------------------------------------------------------------------------
// Months (yyyymm integers)

export function isYyyymm(value: number): boolean {
  if (!Number.isInteger(value)) return false
  const year = Math.floor(value / 100)
  const month = value % 100
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12
}

export function toYyyymm(month: YearMonth): number {
  const value = month.year * 100 + month.month
  if (
    !Number.isInteger(month.year) ||
    !Number.isInteger(month.month) ||
    month.month < 1 ||
    month.month > 12
  ) {
    throw new RangeError(`Not a month: ${month.year}-${month.month}`)
  }
  if (!isYyyymm(value)) throw new RangeError(`Not a month: ${month.year}-${month.month}`)
  return value
}

/** `202501` → `{ year: 2025, month: 1 }`; throws `RangeError` for a value that is not a month. */
export function fromYyyymm(value: number): YearMonth {
  if (!isYyyymm(value)) throw new RangeError(`Not a yyyymm month: ${value}`)
  return { year: Math.floor(value / 100), month: value % 100 }
}

/** The month an ISO date falls in, as `yyyymm`. */
export function yyyymmOf(date: IsoDate): number {
  const { year, month } = isoDateParts(date)
  return year * 100 + month
}

// Validates either form and returns the integer; throws RangeError for a value that is not a month.
function asYyyymm(month: number | YearMonth): number {
  return toYyyymm(typeof month === 'number' ? fromYyyymm(month) : month)
}

/** A month typed as `mm/yyyy` (also `m/yyyy`, `mm-yyyy`, `yyyy-mm`) → `yyyymm`. */
export function parseMonthVi(text: string): Parsed<number> {
  const value = text.trim()
  const match = /^(\d{1,2})[/.-](\d{4})$/.exec(value) ?? /^(\d{4})-(\d{2})$/.exec(value)
  const invalid = fail(Code.InvalidMonth, 'Tháng không hợp lệ (định dạng mm/yyyy).')
  if (match === null) return invalid
  const [year, month] =
    value.indexOf('-') === 4 ? [Number(match[1]), Number(match[2])] : [Number(match[2]), Number(match[1])]
  const yyyymm = year * 100 + month
  return isYyyymm(yyyymm) ? ok(yyyymm) : invalid
}

/** `202501` or `{ year: 2025, month: 1 }` → `01/2025`. */
export function formatMonth(month: number | YearMonth): string {
  const { year, month: m } = fromYyyymm(asYyyymm(month))
  return `${pad2(m)}/${pad4(year)}`
}

function monthIndex(month: number | YearMonth): number {
  const { year, month: m } = fromYyyymm(asYyyymm(month))
  return year * 12 + (m - 1)
}

function fromMonthIndex(index: number): number {
  return Math.floor(index / 12) * 100 + (index % 12) + 1
}

/** `addMonths(202511, 3)` → `202602`. Negative counts go back. */
export function addMonths(month: number | YearMonth, count: number): number {
  if (!Number.isInteger(count)) throw new RangeError('count must be an integer')
  return fromMonthIndex(monthIndex(month) + count)
}

/** Months from `from` to `to`, both included (01/2020–12/2020 is 12); 0 when `to` is earlier. */
export function monthsBetweenInclusive(from: number | YearMonth, to: number | YearMonth): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1)
}

export type MonthPeriod = { from: number | YearMonth; to: number | YearMonth }

/** Plain sum of each period's months, as a statement adds up its lines (overlaps count twice). */
export function sumPeriodMonths(periods: readonly MonthPeriod[]): number {
  return periods.reduce((total, period) => total + monthsBetweenInclusive(period.from, period.to), 0)
}

/**
 * Distinct months covered by the periods: a month worked for two employers counts once, as in the
 * total participation time.
 */
export function coveredMonths(periods: readonly MonthPeriod[]): number {
  const ranges = periods
    .map((period) => [monthIndex(period.from), monthIndex(period.to)] as const)
    .filter(([start, end]) => end >= start)
    .sort((a, b) => a[0] - b[0])
  let total = 0
  let coveredUpTo = Number.NEGATIVE_INFINITY
  for (const [start, end] of ranges) {
    const first = Math.max(start, coveredUpTo + 1)
    if (end >= first) total += end - first + 1
    coveredUpTo = Math.max(coveredUpTo, end)
  }
  return total
}

/** `27` → `{ years: 2, months: 3 }`. */
export function splitMonths(totalMonths: number): { years: number; months: number } {
  if (!Number.isInteger(totalMonths) || totalMonths < 0) {
    throw new RangeError('totalMonths must be a non-negative integer')
  }
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12 }
}

/** `{ years: 2, months: 3 }` → `2 năm 3 tháng`; `0 tháng` when both are zero. */
export function formatYearsMonthsVi(duration: { years: number; months: number }): string {
  const parts: string[] = []
  if (duration.years > 0) parts.push(`${duration.years} năm`)
  if (duration.months > 0 || parts.length === 0) parts.push(`${duration.months} tháng`)
  return parts.join(' ')
}
