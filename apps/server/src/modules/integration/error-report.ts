import { IMPORT_ERROR_REPORT_COLUMNS, type RowError } from '@ansinh/domain'

/**
 * The error report of an import: one line per refused field — row, column, reason in Vietnamese —
 * as CSV that Excel opens with its diacritics (UTF-8 with a byte-order mark, CRLF line ends).
 */
export function errorReportCsv(errors: RowError[]): string {
  const lines = [
    IMPORT_ERROR_REPORT_COLUMNS.map(cell),
    ...errors.map((error) => [String(error.rowNumber), cell(error.column), cell(error.reason)]),
  ]
  return `\uFEFF${lines.map((line) => line.join(',')).join('\r\n')}\r\n`
}

/**
 * RFC 4180 quoting; and a value that a spreadsheet would run as a formula (=, +, -, @ first — a
 * reason may quote what the sender typed) is kept as text with a leading apostrophe.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}
