import type { Readable } from 'node:stream'
import { foldVietnamese } from '@ansinh/domain'
import { UnreadableFile } from './import-format'
import { type CellKind, cellText, readSheetRows } from './sheet-read'

/**
 * A list of people under a header row, as agencies' and schools' templates are: up to ten title lines
 * above the header, the columns in any order and spelt in several ways, blank lines, and totals or
 * signatures under the list. Employers' declarations (D02-LT) and organisations' member lists are such
 * tables; each describes its columns once and gets the header matched, checked and the rows read.
 */

/** Folded header text: lower case, no diacritics, brackets and punctuation gone, single spaces. */
export function headerKey(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Where each known column sits in the header row (0-based cell index). */
export type TableLayout<Key extends string> = Partial<Record<Key, number>>

export type TableSpec<Key extends string> = {
  /** The template's header of each column: what the error messages name. */
  columns: Record<Key, string>
  /** Accepted spellings besides the template's, compared by `headerKey`. */
  aliases: Record<Key, readonly string[]>
  /** How many cells of a row must be column names for it to be the header. */
  minimumKnown: number
  /** Columns a file must have, besides one of `identifiers`. */
  required: readonly Key[]
  /** The person's two identifiers (Mã số BHXH, Số định danh cá nhân): the file needs at least one. */
  identifiers: readonly [Key, Key]
  /** A row with all these empty names nobody (a total, a signature) and is skipped. */
  naming: readonly Key[]
  /** Columns whose cells read as other than text (a month, identifiers that lost leading zeros). */
  kinds: Partial<Record<Key, CellKind>>
}

export type TableRow<Key extends string> = { rowNumber: number; layout: TableLayout<Key>; texts: string[] }

/** Title lines a template may carry above the header row. */
const MAX_ROWS_BEFORE_HEADER = 10

export function sheetTable<Key extends string>(spec: TableSpec<Key>) {
  const keys = Object.keys(spec.columns) as Key[]
  const columnByHeader = new Map<string, Key>()
  for (const key of keys)
    for (const name of [spec.columns[key], ...spec.aliases[key]]) columnByHeader.set(headerKey(name), key)

  /** The known columns of a row, or null when too few cells are column names (not the header). */
  function matchHeader(cells: readonly string[]): TableLayout<Key> | null {
    const layout: TableLayout<Key> = {}
    let known = 0
    cells.forEach((cell, index) => {
      const key = columnByHeader.get(headerKey(cell))
      if (key === undefined) return
      if (layout[key] !== undefined)
        throw new UnreadableFile(`Cột "${spec.columns[key]}" xuất hiện hai lần trong dòng tiêu đề.`)
      layout[key] = index
      known++
    })
    return known >= spec.minimumKnown ? layout : null
  }

  /** Throws `UnreadableFile` naming the required columns the header lacks (null: no header found). */
  function checkHeader(layout: TableLayout<Key> | null): TableLayout<Key> {
    const found: TableLayout<Key> = layout ?? {}
    const missing: string[] = spec.required
      .filter((key) => found[key] === undefined)
      .map((key) => spec.columns[key])
    const [first, second] = spec.identifiers
    if (found[first] === undefined && found[second] === undefined)
      missing.push(`${spec.columns[first]} hoặc ${spec.columns[second]}`)
    if (missing.length > 0)
      throw new UnreadableFile(
        layout === null
          ? `Không tìm thấy dòng tiêu đề của danh sách; tệp phải có các cột: ${missing.join(', ')}.`
          : `Tệp thiếu cột: ${missing.join(', ')}.`,
      )
    return found
  }

  /** The rows under the header that name someone, as the text a person sees in each cell. */
  async function* rows(file: Readable): AsyncGenerator<TableRow<Key>> {
    let layout: TableLayout<Key> | null = null
    let kindAt = new Map<number, CellKind>()
    let rowsBeforeHeader = 0
    for await (const row of readSheetRows(file)) {
      if (row.cells.every((cell) => cellText(cell, 'text').trim() === '')) continue
      if (layout === null) {
        const header = matchHeader(row.cells.map((cell) => cellText(cell, 'text')))
        if (header !== null) {
          layout = checkHeader(header)
          kindAt = kindsAt(layout)
        } else if (++rowsBeforeHeader >= MAX_ROWS_BEFORE_HEADER) checkHeader(null)
        continue
      }
      const texts = row.cells.map((cell, index) => cellText(cell, kindAt.get(index) ?? 'text'))
      if (!namesNobody(layout, texts)) yield { rowNumber: row.rowNumber, layout, texts }
    }
    if (layout === null) checkHeader(null)
  }

  function kindsAt(layout: TableLayout<Key>): Map<number, CellKind> {
    const kinds = new Map<number, CellKind>()
    for (const key of keys) {
      const index = layout[key]
      const kind = spec.kinds[key]
      if (index !== undefined && kind !== undefined) kinds.set(index, kind)
    }
    return kinds
  }

  function namesNobody(layout: TableLayout<Key>, texts: readonly string[]): boolean {
    return spec.naming.every((key) => {
      const index = layout[key]
      return index === undefined || (texts[index] ?? '').trim() === ''
    })
  }

  return { matchHeader, checkHeader, rows }
}
