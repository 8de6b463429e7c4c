import { foldVietnamese } from '@ansinh/domain'
import { type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'

/**
 * `column like '%text%'` with the searcher's `%`, `_` and `\` taken literally. Pass folded text to a
 * `folded_name` column (foldVietnamese): names are compared without accents, in lower case.
 */
export function containsText(column: AnyPgColumn | SQL, text: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (character) => `\\${character}`)
  return sql`${column} like ${`%${escaped}%`}`
}

// Lower-case Vietnamese letters and what they fold to (foldVietnamese's mapping, for SQL).
const VIETNAMESE_LETTERS = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ'
const ASCII_LETTERS = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'

/**
 * Free text (content, a name) that contains the words, with or without accents and in any case, for
 * columns without a folded copy. unaccent is not installed everywhere (PGlite): translate() folds.
 */
export function containsFoldedText(column: AnyPgColumn, text: string): SQL {
  const folded = sql`translate(lower(${column}), ${VIETNAMESE_LETTERS}, ${ASCII_LETTERS})`
  return containsText(folded, foldVietnamese(text))
}
