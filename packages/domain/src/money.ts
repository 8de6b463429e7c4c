/**
 * Money is integer đồng (VND has no minor unit in practice). Amounts travel as `number` (exact up
 * to 9,007,199,254,740,991 đồng) or `bigint` (what the database driver gives for BIGINT columns).
 */
import { ParseErrorCode as Code } from './errors'
import { fail, ok, type Parsed } from './result'

export type Vnd = number | bigint

/** `1500000` → `1.500.000` (dot thousands separators, minus sign for negatives). */
export function formatThousands(amount: Vnd): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`Amount must be a whole number of đồng: ${amount}`)
  }
  const negative = amount < 0
  const digits = (negative ? -amount : amount).toString()
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return negative ? `-${grouped}` : grouped
}

/** `1500000` → `1.500.000 đ`; `-200000` → `-200.000 đ`. */
export function formatVnd(amount: Vnd): string {
  return `${formatThousands(amount)} đ`
}

// Multipliers people type after a number: "1,5tr", "500k", "2 triệu", "1 tỷ".
const MULTIPLIERS: Record<string, number> = {
  k: 1_000,
  nghin: 1_000,
  ngan: 1_000,
  tr: 1_000_000,
  trieu: 1_000_000,
  ty: 1_000_000_000,
}

/**
 * Reads an amount typed by a person: `1.500.000`, `1,500,000`, `1 500 000`, `1500000 đ`,
 * `1.500.000 VNĐ`, `1.500.000₫`, `-200.000`, and with a multiplier `1,5 triệu`, `1.5tr`, `500k`,
 * `2 tỷ`. Without a multiplier `.`, `,` and spaces are thousands separators only (so `1.500` is
 * one thousand five hundred); with one, a single `.` or `,` is the decimal mark. The result must be
 * a whole number of đồng within the safe-integer range.
 */
export function parseVnd(text: string): Parsed<number> {
  const invalid = fail(Code.InvalidAmount, 'Số tiền không hợp lệ (ví dụ 1.500.000).')
  let value = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[đ₫]/g, 'd').trim()
  value = value.replace(/\s*(?:vnd|d|dong)\.?$/, '').trim()
  const negative = /^[-\u2212]/.test(value)
  if (negative) value = value.slice(1).trim()

  const withMultiplier = /^(\d+(?:[.,]\d+)?)\s*(k|nghin|ngan|tr|trieu|ty)$/.exec(value)
  let amount: number
  if (withMultiplier !== null) {
    const [, number = '', unit = ''] = withMultiplier
    const multiplier = MULTIPLIERS[unit] ?? 1
    const [whole = '', fraction = ''] = number.split(/[.,]/)
    const scale = 10 ** fraction.length
    if (multiplier % scale !== 0) return invalid
    amount = Number(whole) * multiplier + Number(fraction || '0') * (multiplier / scale)
  } else if (/^\d{1,3}(?:([., ])\d{3})?(?:\1\d{3})*$/.test(value) || /^\d+$/.test(value)) {
    amount = Number(value.replace(/[., ]/g, ''))
  } else {
    return invalid
  }
  if (!Number.isSafeInteger(amount)) return invalid
  return ok(negative && amount !== 0 ? -amount : amount)
}
