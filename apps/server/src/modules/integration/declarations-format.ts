import type { Readable } from 'node:stream'
import { ImportKind } from '@ansinh/domain'
import { applyDeclarations } from './declarations-apply'
import { type DeclarationFields, declarationTable, readDeclarationRow } from './declarations-fields'
import type { ImportFormat, ReadRow } from './import-format'

export type { DeclarationFields } from './declarations-fields'

/**
 * The employer's monthly declaration (danh sách D02-LT) as an import: one row per employee whose
 * participation changes that month.
 *
 * File: CSV (UTF-8, with or without BOM, `,` `;` or tab separated, guessed) or XLSX (first sheet),
 * told apart by their first bytes. A header row (up to 10 title lines may stand above it) names the
 * columns in any order; case, diacritics, punctuation and a bracketed hint are ignored, and the
 * aliases in declarations-fields.ts are accepted:
 *
 * | column                 | content                                                        | required          |
 * |------------------------|----------------------------------------------------------------|-------------------|
 * | Mã đơn vị              | employer unit code (mã đơn vị)                                 | yes               |
 * | Tháng                  | mm/yyyy, the first month of the change; not in the future      | yes               |
 * | Mã số BHXH             | 10 digits                                                      | this or the next  |
 * | Số định danh cá nhân   | 12 digits (CCCD)                                               | this or the one above |
 * | Họ và tên              | as in the registry (compared folded)                           | yes               |
 * | Ngày sinh              | dd/mm/yyyy, mm/yyyy or yyyy                                    | yes               |
 * | Loại biến động         | Tăng (TM), Giảm (GH), Điều chỉnh (DC); alias "Phương án"       | yes               |
 * | Chức vụ/nghề nghiệp    | free text                                                      | no                |
 * | Mức đóng               | đồng a month, `.`/`,` thousands; ≥ the lowest regional minimum wage of the month; may be empty on Giảm | yes |
 * | Chế độ tham gia        | BHXH, BHYT, BHTN, BHTNLĐ-BNN, comma-separated; empty = all four (Tăng) or all open ones (Giảm, Điều chỉnh) | no |
 *
 * Row numbers in the error report (Dòng) are the sheet's row numbers as Excel shows them: the header
 * is row 1 when it is the first line, so the first employee is row 2.
 *
 * A person unknown to the registry is refused: issuing a BHXH code is a registration of its own (tờ
 * khai TK1-TS), out of this import's scope. What a row does to the participation periods is in
 * declarations-apply.ts; re-importing a row already applied changes nothing (its row key).
 */
export const declarationsFormat: ImportFormat<DeclarationFields> = {
  kind: ImportKind.EmployerDeclarations,
  read: readDeclarationFile,
  applyBatch: applyDeclarations,
}

async function* readDeclarationFile(file: Readable): AsyncGenerator<ReadRow<DeclarationFields>> {
  for await (const row of declarationTable.rows(file))
    yield readDeclarationRow(row.layout, row.texts, row.rowNumber)
}
