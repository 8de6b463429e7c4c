import { sql } from 'drizzle-orm'
import { type AnyPgColumn, check } from 'drizzle-orm/pg-core'

/**
 * A CHECK that a text column holds one of a fixed list: the enum `varchar`s are validated by zod in
 * the application, and this makes the database refuse anything else too (an import script, a
 * hand-written fix). The values are code constants, never input, so they are written inline.
 */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  const list = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')
  return check(name, sql`${column} in (${sql.raw(list)})`)
}
