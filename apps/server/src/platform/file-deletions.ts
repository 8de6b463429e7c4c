import { inArray, lte } from 'drizzle-orm'
import type { BaseLogger } from 'pino'
import type { Executor } from '../db/client'
import { fileDeletions } from '../db/schema'
import type { EncryptedFileStore } from './encrypted-files'

/**
 * Deleting files of the encrypted store reliably. A file cannot be deleted inside a database
 * transaction, so the transaction that drops the last reference to a file writes a row here instead,
 * and the files go after the commit (`drainFileDeletions`, also run by a job). A file stored before
 * anything refers to it is "staged": scheduled for later, and unscheduled by the transaction that
 * claims it, so a crash in between leaves no file behind for ever.
 */

export async function scheduleFileDeletions(db: Executor, fileIds: string[], dueAt: Date): Promise<void> {
  if (fileIds.length === 0) return
  await db
    .insert(fileDeletions)
    .values(fileIds.map((fileId) => ({ fileId, dueAt })))
    .onConflictDoUpdate({ target: fileDeletions.fileId, set: { dueAt } })
}

/** The files are now referenced by a committed row: they stay. */
export async function keepFiles(db: Executor, fileIds: string[]): Promise<void> {
  if (fileIds.length === 0) return
  await db.delete(fileDeletions).where(inArray(fileDeletions.fileId, fileIds))
}

export type FileDeletionDeps = {
  database: { db: Executor }
  files: EncryptedFileStore
  clock: () => Date
  log?: BaseLogger
}

/** Deletes the files that are due (all of them, in batches); a failure is logged and retried next run. */
export async function drainFileDeletions(deps: FileDeletionDeps, batchSize = 500): Promise<number> {
  let deleted = 0
  for (;;) {
    const due = await deps.database.db
      .select({ fileId: fileDeletions.fileId })
      .from(fileDeletions)
      .where(lte(fileDeletions.dueAt, deps.clock()))
      .limit(batchSize)
    const removed: string[] = []
    for (const { fileId } of due) {
      await deps.files.remove(fileId).then(
        () => removed.push(fileId),
        (error: unknown) =>
          deps.log?.warn({ err: error, fileId }, 'could not delete a file; retried next run'),
      )
    }
    if (removed.length > 0)
      await deps.database.db.delete(fileDeletions).where(inArray(fileDeletions.fileId, removed))
    deleted += removed.length
    if (due.length < batchSize || removed.length === 0) return deleted
  }
}
