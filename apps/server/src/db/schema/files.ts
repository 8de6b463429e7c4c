import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Files of the encrypted store that must go: written in the same transaction that drops the last
 * reference to a file (or right after a file is stored, before anything refers to it), and drained
 * by a job. A crash between the commit and the deletion therefore leaves a row, never a lost file.
 */
export const fileDeletions = pgTable('file_deletions', {
  fileId: uuid('file_id').primaryKey(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(), // not before: a staged file gets time to be claimed
})
