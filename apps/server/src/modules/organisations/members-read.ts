import type { Readable } from 'node:stream'
import {
  BhxhCode,
  foldVietnamese,
  MEMBER_IMPORT_COLUMNS,
  type MemberRole,
  normalizeName,
  normalizeSpaces,
  PersonalId,
  type RowError,
} from '@ansinh/domain'
import { headerKey } from '../integration/declarations-fields'
import { type CellKind, cellText, readSheetRows } from '../integration/declarations-read'
import { UnreadableFile } from '../integration/import-format'

/**
 * Reads a member list (CSV or XLSX, the integration imports' reader): a header row with Mã số BHXH
 * or Số CCCD/định danh, Họ tên, Vai trò, optionally Lớp/Phòng and Mã tổ chức (a supervising body
 * importing for its schools), then one member a row. Pure but for the file: the registry checks are
 * members-import.ts's.
 */

export type MemberFields = {
  bhxhCode: string | null
  personalId: string | null
  /** NFC, single spaces, as written. */
  fullName: string
  role: MemberRole
  unit: string | null
  /** Upper case; null: the organisation the file was sent to. */
  organisationCode: string | null
}

export type MemberRow =
  | { rowNumber: number; fields: MemberFields }
  | { rowNumber: number; errors: RowError[] }

type ColumnKey = keyof typeof MEMBER_IMPORT_COLUMNS
export type MemberLayout = Partial<Record<ColumnKey, number>>

// Accepted spellings besides the template's own header, compared by `headerKey` (case, accents and
// punctuation ignored).
const aliases: Record<ColumnKey, string[]> = {
  bhxhCode: ['Mã BHXH', 'Số BHXH', 'Số sổ BHXH', 'Mã số bảo hiểm xã hội', 'BHXH code', 'bhxhCode'],
  personalId: [
    'Số CCCD',
    'CCCD',
    'Số định danh',
    'Số định danh cá nhân',
    'Số ĐDCN',
    'personal ID',
    'personalId',
  ],
  fullName: ['Họ và tên', 'Tên', 'full name', 'name', 'fullName'],
  role: ['Vai trò', 'Đối tượng', 'Chức danh', 'role'],
  unit: ['Lớp', 'Phòng', 'Lớp/Phòng ban', 'Phòng ban', 'Tổ', 'Đơn vị', 'class', 'unit', 'department'],
  organisationCode: ['Mã trường', 'Mã đơn vị', 'organisation code', 'organisationCode'],
}

const columnByHeader = new Map<string, ColumnKey>()
for (const key of Object.keys(MEMBER_IMPORT_COLUMNS) as ColumnKey[])
  for (const name of [MEMBER_IMPORT_COLUMNS[key], ...aliases[key]]) columnByHeader.set(headerKey(name), key)

// Vai trò as schools write it, folded: cán bộ, giáo viên, nhân viên are staff; học sinh, sinh viên pupils.
const roleByKey = new Map<string, MemberRole>([
  ...[
    'can bo',
    'giao vien',
    'nhan vien',
    'cb',
    'gv',
    'nv',
    'cbgvnv',
    'can bo giao vien nhan vien',
    'giang vien',
    'staff',
    'teacher',
  ].map((key) => [key, 'staff'] as [string, MemberRole]),
  ...['hoc sinh', 'sinh vien', 'hs', 'sv', 'hoc vien', 'tre', 'pupil', 'student'].map(
    (key) => [key, 'pupil'] as [string, MemberRole],
  ),
])

/** Title lines a school's template may carry above the header row. */
const MAX_ROWS_BEFORE_HEADER = 10

export async function* readMemberFile(file: Readable): AsyncGenerator<MemberRow> {
  let layout: MemberLayout | null = null
  let rowsBeforeHeader = 0
  for await (const row of readSheetRows(file)) {
    if (row.cells.every((cell) => cellText(cell, 'text').trim() === '')) continue
    if (layout === null) {
      const header = matchMemberHeader(row.cells.map((cell) => cellText(cell, 'text')))
      if (header !== null) layout = checkMemberHeader(header)
      else if (++rowsBeforeHeader >= MAX_ROWS_BEFORE_HEADER) checkMemberHeader(null)
      continue
    }
    const columns = layout
    const texts = row.cells.map((cell, index) => cellText(cell, kindOf(columns, index)))
    if (namesNobody(columns, texts)) continue
    yield readMemberRow(columns, texts, row.rowNumber)
  }
  if (layout === null) checkMemberHeader(null)
}

function kindOf(layout: MemberLayout, index: number): CellKind {
  if (index === layout.bhxhCode) return 'bhxhCode'
  if (index === layout.personalId) return 'personalId'
  return 'text'
}

/** A total or a signature under the list: no identifier and no name. */
function namesNobody(layout: MemberLayout, texts: readonly string[]): boolean {
  return [layout.bhxhCode, layout.personalId, layout.fullName].every(
    (index) => index === undefined || (texts[index] ?? '').trim() === '',
  )
}

/** The known columns of a row, or null when fewer than two cells are column names (not a header). */
export function matchMemberHeader(cells: readonly string[]): MemberLayout | null {
  const layout: MemberLayout = {}
  let known = 0
  cells.forEach((cell, index) => {
    const key = columnByHeader.get(headerKey(cell))
    if (key === undefined) return
    if (layout[key] !== undefined)
      throw new UnreadableFile(`Cột "${MEMBER_IMPORT_COLUMNS[key]}" xuất hiện hai lần trong dòng tiêu đề.`)
    layout[key] = index
    known++
  })
  return known >= 2 ? layout : null
}

function checkMemberHeader(layout: MemberLayout | null): MemberLayout {
  const found = layout ?? {}
  const missing: string[] = (['fullName', 'role'] as const)
    .filter((key) => found[key] === undefined)
    .map((key) => MEMBER_IMPORT_COLUMNS[key])
  if (found.bhxhCode === undefined && found.personalId === undefined)
    missing.push(`${MEMBER_IMPORT_COLUMNS.bhxhCode} hoặc ${MEMBER_IMPORT_COLUMNS.personalId}`)
  if (missing.length > 0)
    throw new UnreadableFile(
      layout === null
        ? `Không tìm thấy dòng tiêu đề của danh sách; tệp phải có các cột: ${missing.join(', ')}.`
        : `Tệp thiếu cột: ${missing.join(', ')}.`,
    )
  return found
}

/** One data row into fields, or every fault it has with its column. */
export function readMemberRow(layout: MemberLayout, cells: readonly string[], rowNumber: number): MemberRow {
  const errors: RowError[] = []
  const text = (key: ColumnKey) => {
    const index = layout[key]
    return index === undefined ? '' : normalizeSpaces(cells[index] ?? '')
  }
  const refuse = (key: ColumnKey, reason: string) =>
    errors.push({ rowNumber, column: MEMBER_IMPORT_COLUMNS[key], reason })

  const identifier = (key: 'bhxhCode' | 'personalId', schema: typeof BhxhCode | typeof PersonalId) => {
    const value = text(key)
    if (value === '') return null
    const parsed = schema.safeParse(value)
    if (parsed.success) return parsed.data
    refuse(key, parsed.error.issues[0]?.message ?? 'Không hợp lệ.')
    return null
  }
  const bhxhCode = identifier('bhxhCode', BhxhCode)
  const personalId = identifier('personalId', PersonalId)
  if (text('bhxhCode') === '' && text('personalId') === '')
    refuse(
      layout.bhxhCode !== undefined ? 'bhxhCode' : 'personalId',
      'Vui lòng nhập mã số BHXH hoặc số CCCD/định danh.',
    )

  const fullName = normalizeName(text('fullName'))
  if (fullName === '') refuse('fullName', 'Vui lòng nhập họ tên.')

  const roleText = text('role')
  const role = roleByKey.get(
    foldVietnamese(roleText)
      .replace(/[^a-z ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
  if (role === undefined)
    refuse(
      'role',
      roleText === ''
        ? 'Vui lòng nhập vai trò (Cán bộ, Giáo viên, Nhân viên hoặc Học sinh, Sinh viên).'
        : 'Vai trò không hợp lệ; ghi Cán bộ, Giáo viên, Nhân viên hoặc Học sinh, Sinh viên.',
    )

  const unit = text('unit')
  if (unit.length > 50) refuse('unit', 'Lớp/Phòng không được quá 50 ký tự.')
  const organisationCode = text('organisationCode').toUpperCase()

  if (errors.length > 0 || role === undefined) return { rowNumber, errors }
  return {
    rowNumber,
    fields: {
      bhxhCode,
      personalId,
      fullName,
      role,
      unit: unit === '' ? null : unit,
      organisationCode: organisationCode === '' ? null : organisationCode,
    },
  }
}
