import type { Readable } from 'node:stream'
import type { ImportKind, RowError } from '@ansinh/domain'
import type { Executor } from '../../db/client'

/**
 * What the import runner needs of a file format (D02-LT, XML 130): read the file as a stream of
 * numbered rows, and apply a batch of them inside the runner's transaction. The runner owns the
 * rest — batches, progress, resuming after a crash, the error report — so each format is only its
 * parsing and its rules.
 */

/**
 * One row as read: its number as the sender finds it in the file (a sheet's row number as Excel shows
 * it, a claim's position among the HOSO), and its fields, or why it is unreadable.
 */
export type ReadRow<Fields> =
  | { rowNumber: number; fields: Fields }
  | { rowNumber: number; errors: RowError[] }

/** What a batch did: rows applied, rows an earlier file had already applied, and the refused rows. */
export type BatchOutcome = { applied: number; unchanged: number; errors: RowError[] }

export type ImportContext = {
  importId: number
  /** The facility whose key sent the file (claims by API); rows of another facility are refused. */
  facilityCode: string | null
  /** The employer whose key sent the file (declarations by API); rows of another employer are refused. */
  employerUnitCode: string | null
  now: Date
}

export type ImportFormat<Fields> = {
  kind: ImportKind
  /**
   * The rows of the file, in order, as they are read (never the whole file in memory). A file that
   * cannot be read at all (not XML, no header) throws `UnreadableFile` with a Vietnamese reason.
   */
  read(file: Readable, fileName: string): AsyncIterable<ReadRow<Fields>>
  /** Validates each row against the registry and applies the good ones; the runner commits. */
  // Method syntax on purpose: the runner holds formats of every kind as `ImportFormat<unknown>` and
  // only ever hands a format the rows its own `read` made.
  applyBatch(
    tx: Executor,
    rows: { rowNumber: number; fields: Fields }[],
    context: ImportContext,
  ): Promise<BatchOutcome>
}

/** The file as a whole cannot be read; `reason` (Vietnamese) is shown as the import's failure. */
export class UnreadableFile extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options)
    this.name = 'UnreadableFile'
  }
}
