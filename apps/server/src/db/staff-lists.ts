import { ErrorCode } from '@ansinh/domain'
import { and, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { DomainError } from '../platform/errors'

/**
 * What the back-office lists share (dossiers, feedback): rows of the offices within a staff
 * member's reach, and keyset pages on (submitted_at, id) behind an opaque cursor.
 */

/** BHXH Việt Nam: whoever's reach includes it reaches every office. */
export const NATIONAL_OFFICE = '000'

/** Rows whose office is within reach; no condition at all for the national office's staff. */
export function withinReach(officeCode: AnyPgColumn, reach: string[]): SQL | undefined {
  return reach.includes(NATIONAL_OFFICE) ? undefined : inArray(officeCode, reach)
}

export type Keyset = { submittedAt: string; id: number }

// Keyset on (submitted_at, id): stable under inserts, and each page is an index range scan.
export function afterKeyset(
  columns: { submittedAt: AnyPgColumn; id: AnyPgColumn },
  keyset: Keyset | null,
  newestFirst: boolean,
): SQL | undefined {
  if (!keyset) return undefined
  const at = new Date(keyset.submittedAt)
  const beyond = newestFirst ? lt : gt
  return or(beyond(columns.submittedAt, at), and(eq(columns.submittedAt, at), beyond(columns.id, keyset.id)))
}

export function encodeCursor(row: { submittedAt: Date; id: number }): string {
  const keyset: Keyset = { submittedAt: row.submittedAt.toISOString(), id: row.id }
  return Buffer.from(JSON.stringify(keyset)).toString('base64url')
}

export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (!cursor) return null
  try {
    const keyset = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Keyset
    if (Number.isSafeInteger(keyset.id) && !Number.isNaN(Date.parse(keyset.submittedAt))) return keyset
  } catch {}
  throw new DomainError(ErrorCode.ValidationFailed, 'bad cursor', {
    fields: { cursor: ['Con trỏ trang không hợp lệ.'] },
  })
}

/** One page of `limit` rows out of the `limit + 1` read, and the cursor of the next one. */
export function pageOf<Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => { submittedAt: Date; id: number },
): { page: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null }
}
