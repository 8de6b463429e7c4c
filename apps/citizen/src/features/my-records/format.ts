import { formatMonth, formatYearsMonthsVi, splitMonths } from '@ansinh/domain'
import type { TFunction } from 'i18next'

/**
 * Formatting the record screens share. Dates, months and money go through the domain's formatters
 * (GLOSSARY.md); only the words around them come from the translations.
 */

/** `01/2025 – 12/2025`, or `01/2025 – đến nay` for a period that goes on. */
export function formatMonthPeriod(t: TFunction, from: number, to: number | null): string {
  return `${formatMonth(from)} – ${to === null ? t('records.untilNow') : formatMonth(to)}`
}

/** `29 năm 11 tháng` in Vietnamese (the domain's wording); `29 years 11 months` in English. */
export function formatDuration(t: TFunction, language: 'vi' | 'en', totalMonths: number): string {
  const duration = splitMonths(totalMonths)
  if (language === 'vi') return formatYearsMonthsVi(duration)
  const parts: string[] = []
  if (duration.years > 0) parts.push(t('records.years', { count: duration.years }))
  if (duration.months > 0 || parts.length === 0) parts.push(t('records.months', { count: duration.months }))
  return parts.join(' ')
}
