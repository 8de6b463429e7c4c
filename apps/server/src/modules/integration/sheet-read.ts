import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import { UnreadableFile } from './import-format'

/**
 * Reads a list file, CSV or XLSX (told apart by its first bytes, not its name), as a stream of sheet
 * rows: never the whole sheet in memory. Row numbers are the ones a person sees in Excel: title lines
 * and blank lines count. Employers' declarations and organisations' member lists are read through it
 * (sheet-table.ts finds their header).
 */

export type Cell = string | number | boolean | Date | null | undefined | { [key: string]: unknown }
export type SheetRow = { rowNumber: number; cells: Cell[] }

const PEEK_BYTES = 64 * 1024

/**
 * The first worksheet of an XLSX workbook or the rows of a CSV file (told apart by the first bytes),
 * row by row with the numbers a person sees in Excel. An unreadable file throws `UnreadableFile`.
 */
export async function* readSheetRows(file: Readable): AsyncGenerator<SheetRow> {
  const { head, rest } = await peek(file, PEEK_BYTES)
  yield* isZip(head) ? xlsxRows(rest) : isOle(head) ? unsupportedXls() : csvRows(head, rest)
}

// ---------------------------------------------------------------------------------------------
// Cells to text

export type CellKind = 'text' | 'month' | 'bhxhCode' | 'personalId'

const pad2 = (value: number) => String(value).padStart(2, '0')

/**
 * A cell as the text a person sees. Excel drops the leading zeros of an identifier typed as a number
 * (most CCCD numbers start with 0), so a whole number in an identifier column gets back up to two; a date
 * cell reads as dd/mm/yyyy, or mm/yyyy in the month column (exceljs gives dates at UTC midnight).
 */
export function cellText(cell: Cell, kind: CellKind): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number') {
    const digits = String(cell)
    const length = kind === 'bhxhCode' ? 10 : kind === 'personalId' ? 12 : 0
    // Codes begin with a province code (01–96; CCCD: 001–096), so at most two zeros were lost.
    return Number.isInteger(cell) && digits.length >= length - 2 ? digits.padStart(length, '0') : digits
  }
  if (typeof cell === 'boolean') return String(cell)
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return ''
    const monthYear = `${pad2(cell.getUTCMonth() + 1)}/${cell.getUTCFullYear()}`
    return kind === 'month' ? monthYear : `${pad2(cell.getUTCDate())}/${monthYear}`
  }
  if (Array.isArray(cell.richText))
    return cell.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('')
  if ('result' in cell) return cellText(cell.result as Cell, kind) // formula: its cached value
  if (typeof cell.text === 'string') return cell.text // hyperlink
  return '' // #N/A and other error values
}

// ---------------------------------------------------------------------------------------------
// Sources

async function peek(file: Readable, bytes: number): Promise<{ head: Buffer; rest: Readable }> {
  const iterator: AsyncIterator<Buffer | string> = file[Symbol.asyncIterator]()
  const chunks: Buffer[] = []
  let length = 0
  let done = false
  while (length < bytes) {
    const next = await iterator.next()
    if (next.done) {
      done = true
      break
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value
    chunks.push(chunk)
    length += chunk.length
  }
  async function* all() {
    yield* chunks
    if (done) return
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value
  }
  return { head: Buffer.concat(chunks), rest: Readable.from(all(), { objectMode: false }) }
}

const isZip = (head: Buffer) => head.length >= 4 && head.readUInt32BE(0) === 0x504b0304
const isOle = (head: Buffer) => head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0

// biome-ignore lint/correctness/useYield: refuses before any row
async function* unsupportedXls(): AsyncGenerator<SheetRow> {
  throw new UnreadableFile(
    'Tệp Excel 97–2003 (.xls) chưa được hỗ trợ; đề nghị lưu lại dạng .xlsx hoặc CSV UTF-8.',
  )
}

/** The first worksheet of a workbook, row by row (exceljs omits empty rows and numbers the rest). */
async function* xlsxRows(stream: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // to know which numbers are dates
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = row.values as Cell[]
        yield { rowNumber: row.number, cells: values.slice(1) }
      }
      return
    }
  } catch (error) {
    throw new UnreadableFile('Không đọc được tệp Excel (.xlsx); tệp có thể bị hỏng.', { cause: error })
  }
}

/**
 * CSV in UTF-8 (with or without BOM), its delimiter guessed from the first 64 KB: Excel writes `;`
 * where the decimal mark is a comma (Vietnamese settings), `,` elsewhere.
 */
async function* csvRows(head: Buffer, stream: Readable): AsyncGenerator<SheetRow> {
  try {
    // `stream: true` lets a character cut at the end of the peeked bytes pass
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
  } catch (error) {
    throw new UnreadableFile('Tệp CSV phải được lưu với bảng mã UTF-8 (Excel: "CSV UTF-8").', {
      cause: error,
    })
  }
  const parser = parse({
    bom: true,
    delimiter: guessDelimiter(head.subarray(0, PEEK_BYTES)),
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: 100_000,
  })
  const feeding = pipeline(stream, parser).catch(() => {}) // a parse error surfaces in the loop below
  let rowNumber = 0
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++
      yield { rowNumber, cells: record }
    }
  } catch (error) {
    throw new UnreadableFile(`Không đọc được tệp CSV sau dòng ${rowNumber}: ${csvReason(error)}`, {
      cause: error,
    })
  }
  await feeding
}

/** The delimiter most used outside quotes in the first bytes (the whole file may be one chunk). */
function guessDelimiter(head: Buffer): string {
  const text = head.toString('utf8')
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ])
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1)
  }
  let best = ','
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter
  return best
}

function csvReason(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'dấu ngoặc kép (") chưa được đóng.'
  if (code === 'CSV_MAX_RECORD_SIZE') return 'dòng quá dài.'
  return 'sai định dạng CSV.'
}
