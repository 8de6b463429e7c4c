import { type ImportKind, ImportView } from '@ansinh/domain'
import { apiBase, type Language } from '@ansinh/ui'
import { staffRequest } from '../session/staff-request'

/**
 * "Nhập dữ liệu": an administrator's upload of an employer's D02-LT list or a hospital's XML 130
 * claims, read by the server in the background, and the import to follow while it runs.
 */

/**
 * Sends the file as `multipart/form-data` (the browser writes the boundary): `kind` first, so the
 * server knows what it reads, then the file. Answers 202 with the import; refusals name `kind` or
 * `file` in their fields.
 */
export function uploadImport(kind: ImportKind, file: File, csrfToken: string, language: Language) {
  const body = new FormData()
  body.set('kind', kind)
  body.set('file', file)
  return staffRequest('/staff/integration/imports', ImportView, language, { method: 'POST', body, csrfToken })
}

export function getImport(id: number, language: Language, signal?: AbortSignal) {
  return staffRequest(`/staff/integration/imports/${id}`, ImportView, language, signal ? { signal } : {})
}

/** The refused rows (Dòng, Cột, Lý do) as CSV: a plain link, the session cookie goes with it. */
export function importErrorReportUrl(id: number): string {
  return `${apiBase}/staff/integration/imports/${id}/errors.csv`
}
