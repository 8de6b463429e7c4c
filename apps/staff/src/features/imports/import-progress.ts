import { ImportKind, type ImportStatus, type ImportView } from '@ansinh/domain'

/**
 * The pure rules of following an import on screen: how far the progress bar goes, which status line
 * to show, and whether to ask again. No React, no I/O: the page and its tests share them.
 */

/** How often an import still queued or running is asked for again. */
export const POLL_INTERVAL_MS = 1000

/** After a failed request that may pass (no connection, too many requests, a server fault). */
export const RETRY_INTERVAL_MS = 5000

/** Only an import that is still waiting or being read can change: the others are final. */
export function shouldPoll(status: ImportStatus): boolean {
  return status === 'queued' || status === 'running'
}

/**
 * Whether a failed request for the import is worth trying again: no answer (status 0), too many
 * requests, or a fault of the server. A 404 (the import is gone, or out of reach) and the other
 * refusals will answer the same way next time.
 */
export function retriesAfter(httpStatus: number): boolean {
  return httpStatus === 0 || httpStatus === 429 || httpStatus >= 500
}

/**
 * What the native `<progress>` shows: rows read out of the rows in the file once that is known
 * (`percent` rounded down, so 100 means all read), or `null` for an indeterminate bar while the file
 * is still being counted. A finished import is never indeterminate: one done with an empty file is
 * full, one whose file could not be read before it was counted is empty.
 */
export function progressOf(
  view: Pick<ImportView, 'status' | 'rowsRead' | 'rowsTotal'>,
): { value: number; max: number; percent: number } | null {
  const { status, rowsRead, rowsTotal } = view
  if (rowsTotal !== null && rowsTotal > 0) {
    const value = Math.min(Math.max(rowsRead, 0), rowsTotal)
    return { value, max: rowsTotal, percent: Math.floor((value * 100) / rowsTotal) }
  }
  if (status === 'done') return { value: 1, max: 1, percent: 100 }
  if (status === 'failed') return { value: 0, max: 1, percent: 0 }
  return null
}

/**
 * The status line: the import's status (its label under `imports.status`: Chờ xử lý, Đang xử lý,
 * Hoàn tất, Lỗi tệp) and, for a file that could not be read, why, as the server wrote it.
 */
export type StatusLine = { key: ImportStatus; reason: string | null }

export function statusLineOf(view: Pick<ImportView, 'status' | 'failure'>): StatusLine {
  return { key: view.status, reason: view.status === 'failed' ? view.failure?.trim() || null : null }
}

/** The error report is worth a link once the import is over and refused some rows. */
export function hasErrorReport(view: Pick<ImportView, 'status' | 'rowsRefused'>): boolean {
  return view.status === 'done' && view.rowsRefused > 0
}

/**
 * What the file picker offers for each kind (the server reads the content, not the name): D02-LT as
 * CSV or XLSX, claims as XML 130. Before a kind is chosen, any of them.
 */
const acceptOf: Record<ImportKind, string> = {
  [ImportKind.EmployerDeclarations]:
    '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [ImportKind.HospitalClaims]: '.xml,application/xml,text/xml',
}

export function fileAccept(kind: ImportKind | null): string {
  return kind ? acceptOf[kind] : Object.values(acceptOf).join(',')
}
