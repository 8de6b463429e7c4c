/**
 * Integration: the files that feed the registry — employers' monthly declarations (danh sách D02-LT)
 * and hospitals' claim files (XML 130, table XML1) — and what an import answers while it runs and
 * after. One definition for the API, the back-office's upload page and the tests.
 */
import { z } from 'zod'
import { enumValues } from './enums'

export const ImportKind = {
  EmployerDeclarations: 'employer_declarations', // danh sách lao động tham gia (D02-LT)
  HospitalClaims: 'hospital_claims', // dữ liệu đề nghị thanh toán (QĐ 130/QĐ-BYT, XML1)
} as const
export type ImportKind = (typeof ImportKind)[keyof typeof ImportKind]
export const importKinds = enumValues(ImportKind)

/** Chờ xử lý → đang xử lý → hoàn tất (some rows may be refused), or lỗi tệp (the file is unreadable). */
export const ImportStatus = {
  Queued: 'queued',
  Running: 'running',
  Done: 'done',
  Failed: 'failed',
} as const
export type ImportStatus = (typeof ImportStatus)[keyof typeof ImportStatus]
export const importStatuses = enumValues(ImportStatus)

/**
 * A file larger than this is refused before it is stored: a 100,000-claim XML 130 file with XML1 and
 * an XML2 per claim is ~235 MB (it is held in memory while stored and read, so not much more).
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024

export const ImportView = z.object({
  id: z.number(),
  kind: z.enum(ImportKind),
  status: z.enum(ImportStatus),
  fileName: z.string(),
  fileSha256: z.string(),
  /** Rows in the file, known once it was read to the end; null while reading. */
  rowsTotal: z.number().nullable(),
  rowsRead: z.number(),
  rowsApplied: z.number(),
  /** Rows an earlier file already applied: nothing changed. */
  rowsUnchanged: z.number(),
  rowsRefused: z.number(),
  /** Why the file as a whole could not be read (not a row's fault), in Vietnamese. */
  failure: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** True when these bytes had been sent before: the answer is the earlier import. */
  duplicate: z.boolean(),
})
export type ImportView = z.infer<typeof ImportView>

export const ImportId = z.object({
  id: z.coerce.number().int().positive({ error: 'Mã lần nhập không hợp lệ.' }),
})

/** One refused row of the error report: the row (1 = the first data row, or record), the column, why. */
export type RowError = { rowNumber: number; column: string; reason: string }

export const IMPORT_ERROR_REPORT_COLUMNS = ['Dòng', 'Cột', 'Lý do'] as const
