import { Readable } from 'node:stream'
import { type ImportKind, ImportStatus } from '@ansinh/domain'
import type { BaseLogger } from 'pino'
import type { Deps } from '../../app'
import { type ImportFormat, type ReadRow, UnreadableFile } from './import-format'
import { claimImport, finishImport, type IntegrationImport, recordBatch } from './import-repo'

/**
 * The worker side of an import: claims a waiting file, reads it row by row through its format and
 * applies it in batches, each batch with its progress and refused rows in one transaction. A worker
 * that dies mid-file leaves the committed batches counted; the next claim (its heartbeat gone stale)
 * skips the rows already counted and goes on, so nothing is applied or reported twice.
 */

export const IMPORT_BATCH_ROWS = 500
/** A running import whose heartbeat is older than this has lost its worker. */
const STALE_AFTER_MS = 2 * 60_000

export type ImportDeps = Pick<Deps, 'database' | 'files' | 'clock'> & { log?: Pick<BaseLogger, 'error'> }
export type ImportFormats = Partial<Record<ImportKind, ImportFormat<unknown>>>

/** Runs every waiting import, one after the other, until none is left; answers how many ran. */
export async function runPendingImports(deps: ImportDeps, formats: ImportFormats): Promise<number> {
  let ran = 0
  for (;;) {
    const now = deps.clock()
    const claimed = await claimImport(deps.database.db, now, new Date(now.getTime() - STALE_AFTER_MS))
    if (!claimed) return ran
    await runImport(deps, formats, claimed)
    ran++
  }
}

async function runImport(deps: ImportDeps, formats: ImportFormats, item: IntegrationImport): Promise<void> {
  const db = deps.database.db
  const format = formats[item.kind]
  try {
    if (!format) throw new UnreadableFile('Loại dữ liệu này chưa được hỗ trợ.')
    const file = Readable.from([await deps.files.get(item.fileId)])
    const rowsTotal = await applyRows(deps, format, item, format.read(file, item.fileName))
    await finishImport(db, item.id, { status: ImportStatus.Done, rowsTotal }, deps.clock())
  } catch (error) {
    if (!(error instanceof UnreadableFile)) {
      // Not the file's fault (the database went away): left running, so another claim resumes it.
      deps.log?.error({ err: error, importId: item.id }, 'import interrupted; it resumes on the next run')
      throw error
    }
    await finishImport(db, item.id, { status: ImportStatus.Failed, failure: error.reason }, deps.clock())
  }
}

/** Applies the rows past those already counted; answers how many rows the file holds. */
async function applyRows(
  deps: ImportDeps,
  format: ImportFormat<unknown>,
  item: IntegrationImport,
  rows: AsyncIterable<ReadRow<unknown>>,
): Promise<number> {
  let count = 0
  let batch: ReadRow<unknown>[] = []
  for await (const row of rows) {
    count++
    if (count <= item.rowsRead) continue
    batch.push(row)
    if (batch.length >= IMPORT_BATCH_ROWS) {
      await applyBatch(deps, format, item, batch)
      batch = []
    }
  }
  if (batch.length > 0) await applyBatch(deps, format, item, batch)
  return count
}

async function applyBatch(
  deps: ImportDeps,
  format: ImportFormat<unknown>,
  item: IntegrationImport,
  rows: ReadRow<unknown>[],
): Promise<void> {
  const unreadable = rows.flatMap((row) => ('errors' in row ? row.errors : []))
  const readable = rows.flatMap((row) => ('fields' in row ? [row] : []))
  const now = deps.clock()
  await deps.database.db.transaction(async (tx) => {
    const outcome = await format.applyBatch(tx, readable, {
      importId: item.id,
      facilityCode: item.facilityCode,
      employerUnitCode: item.employerUnitCode,
      now,
    })
    await recordBatch(
      tx,
      item.id,
      {
        read: rows.length,
        applied: outcome.applied,
        unchanged: outcome.unchanged,
        errors: [...unreadable, ...outcome.errors],
      },
      now,
    )
  })
}
