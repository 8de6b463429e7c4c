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
import { sheetTable, type TableLayout } from '../integration/sheet-table'

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
export type MemberLayout = TableLayout<ColumnKey>

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

/** The member list as a table: its header found, checked and its rows read (sheet-table.ts). */
const memberTable = sheetTable({
  columns: MEMBER_IMPORT_COLUMNS,
  aliases,
  minimumKnown: 2,
  required: ['fullName', 'role'],
  identifiers: ['bhxhCode', 'personalId'],
  naming: ['bhxhCode', 'personalId', 'fullName'], // a total or a signature under the list names nobody
  kinds: { bhxhCode: 'bhxhCode', personalId: 'personalId' },
})

export async function* readMemberFile(file: Readable): AsyncGenerator<MemberRow> {
  for await (const row of memberTable.rows(file)) yield readMemberRow(row.layout, row.texts, row.rowNumber)
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
