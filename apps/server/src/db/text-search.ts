import { type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'

/**
 * `column like '%text%'` with the searcher's `%`, `_` and `\` taken literally. Pass folded text to a
 * `folded_name` column (foldVietnamese): names are compared without accents, in lower case.
 */
export function containsText(column: AnyPgColumn, text: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (character) => `\\${character}`)
  return sql`${column} like ${`%${escaped}%`}`
}
