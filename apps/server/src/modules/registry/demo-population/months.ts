/**
 * Month arithmetic on a month index (year × 12 + month − 1), so that "three months later" is `+ 3`.
 * The database stores contribution months as `yyyymm` integers and dates as `yyyy-mm-dd` strings.
 */

export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1
}

export function indexFromYyyymm(yyyymm: number): number {
  return monthIndex(Math.floor(yyyymm / 100), yyyymm % 100)
}

export function yyyymm(index: number): number {
  return Math.floor(index / 12) * 100 + (index % 12) + 1
}

export function yearOf(index: number): number {
  return Math.floor(index / 12)
}

export function monthOf(index: number): number {
  return (index % 12) + 1
}

export function daysIn(index: number): number {
  return new Date(Date.UTC(yearOf(index), monthOf(index), 0)).getUTCDate()
}

/** `yyyy-mm-dd` of a day in a month (day is clamped to the month's length). */
export function isoDay(index: number, day = 1): string {
  const clamped = Math.min(Math.max(day, 1), daysIn(index))
  return `${yearOf(index)}-${pad2(monthOf(index))}-${pad2(clamped)}`
}

export function lastDay(index: number): string {
  return isoDay(index, 31)
}

/** Adds days to a `yyyy-mm-dd` date. */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000
  return new Date(time).toISOString().slice(0, 10)
}

/** Month index of a `yyyy-mm-dd` date. */
export function indexOfDate(date: string): number {
  return monthIndex(Number(date.slice(0, 4)), Number(date.slice(5, 7)))
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}

/** Retirement month of the 2019 Labour Code: 60/55 until 2020, then +3 months (men) / +4 (women) a year. */
export function retirementIndex(birthIndex: number, gender: 'male' | 'female'): number {
  const male = gender === 'male'
  const baseYears = male ? 60 : 55
  const reachedBase = birthIndex + baseYears * 12
  const year = yearOf(reachedBase)
  if (year < 2021) return reachedBase
  const steps = year - 2020
  const extra = Math.min(steps * (male ? 3 : 4), male ? 24 : 60)
  return reachedBase + extra
}
