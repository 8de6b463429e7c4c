// The wage floors are pure data that the demo generator owns today; they belong in packages/domain.
import {
  BhxhCode,
  formatMonth,
  formatThousands,
  normalizeName,
  normalizeSpaces,
  type PartialDate,
  type ParticipationScheme,
  PersonalId,
  parseMonthVi,
  parsePartialDate,
  parseVnd,
  type RowError,
  wageFloor,
} from '@ansinh/domain'
import { headerKey, sheetTable, type TableLayout } from './sheet-table'

/**
 * The columns of an employer's monthly declaration (danh sách D02-LT) and the reading of one row into
 * checked fields. Pure: no database, no clock (the registry and "not in the future" checks are
 * `applyBatch`'s). See declarations-format.md for the layout as employers read it.
 */

/** Loại biến động: tăng (TM), giảm (GH), điều chỉnh (DC). */
export const DeclarationChange = { Increase: 'increase', Decrease: 'decrease', Adjust: 'adjust' } as const
export type DeclarationChange = (typeof DeclarationChange)[keyof typeof DeclarationChange]

export type DeclarationFields = {
  unitCode: string
  /** yyyymm: the first month the change takes effect. */
  month: number
  bhxhCode: string | null
  personalId: string | null
  /** NFC, single spaces, as written. */
  fullName: string
  birth: PartialDate
  change: DeclarationChange
  position: string | null
  /** Đồng per month; null only on a decrease that left it empty. */
  contributionBase: number | null
  /**
   * Canonical order, no repeats; null when the cell is empty: the four employee schemes on an increase,
   * every scheme open at the employer on a decrease or an adjustment.
   */
  schemes: ParticipationScheme[] | null
}

/** The header each column is reported under in the error report (Cột). */
export const DeclarationColumn = {
  UnitCode: 'Mã đơn vị',
  Month: 'Tháng',
  BhxhCode: 'Mã số BHXH',
  PersonalId: 'Số định danh cá nhân',
  FullName: 'Họ và tên',
  Birth: 'Ngày sinh',
  Change: 'Loại biến động',
  Position: 'Chức vụ/nghề nghiệp',
  ContributionBase: 'Mức đóng',
  Schemes: 'Chế độ tham gia',
} as const
export type DeclarationColumn = (typeof DeclarationColumn)[keyof typeof DeclarationColumn]
type ColumnKey = keyof typeof DeclarationColumn

// Accepted spellings besides the header itself, compared after `headerKey` (case, diacritics and
// punctuation do not matter, a "(mm/yyyy)"-style hint in brackets is ignored). "Phương án" alone is the
// change kind, as on the agency's own D02-LT template where that column holds TM/GH/DC.
const aliases: Record<ColumnKey, string[]> = {
  UnitCode: ['Mã ĐV', 'Mã đơn vị tham gia', 'unit code', 'employer code', 'unitCode'],
  Month: ['Tháng đóng', 'Tháng biến động', 'Từ tháng', 'Tháng năm', 'month'],
  BhxhCode: ['Mã BHXH', 'Số sổ BHXH', 'Số BHXH', 'BHXH code', 'social insurance code', 'bhxhCode'],
  PersonalId: ['Số CCCD', 'CCCD', 'Số định danh', 'Số ĐDCN', 'personal ID', 'personalId'],
  FullName: ['Họ tên', 'Tên', 'full name', 'name', 'fullName'],
  Birth: ['Ngày tháng năm sinh', 'Năm sinh', 'date of birth', 'birth date', 'birth'],
  Change: ['Biến động', 'Loại', 'Phương án', 'change', 'change kind', 'kind'],
  Position: [
    'Chức vụ, nghề nghiệp',
    'Chức vụ nghề nghiệp',
    'Chức danh nghề',
    'Chức vụ',
    'Nghề nghiệp',
    'position',
    'occupation',
  ],
  ContributionBase: [
    'Mức đóng mới',
    'Tiền lương',
    'Tiền lương đóng',
    'Mức lương',
    'contribution base',
    'contributionBase',
    'base',
  ],
  Schemes: ['Phương án/Chế độ', 'Chế độ', 'Loại bảo hiểm', 'Bảo hiểm', 'schemes', 'scheme'],
}

/** The D02-LT list as a table: its header found, checked and its rows read (sheet-table.ts). */
export const declarationTable = sheetTable({
  columns: DeclarationColumn,
  aliases,
  minimumKnown: 3,
  required: ['UnitCode', 'Month', 'FullName', 'Birth', 'Change', 'ContributionBase'],
  identifiers: ['BhxhCode', 'PersonalId'],
  // A total, a signature or a note under the list: no identifier, name, date of birth or change.
  naming: ['BhxhCode', 'PersonalId', 'FullName', 'Birth', 'Change'],
  kinds: { Month: 'month', BhxhCode: 'bhxhCode', PersonalId: 'personalId' },
})
export const { matchHeader, checkHeader } = declarationTable
export type HeaderLayout = TableLayout<ColumnKey>

const changeByKey = new Map<string, DeclarationChange>([
  ['tang', 'increase'],
  ['tang moi', 'increase'],
  ['tm', 'increase'],
  ['increase', 'increase'],
  ['giam', 'decrease'],
  ['giam han', 'decrease'],
  ['gh', 'decrease'],
  ['decrease', 'decrease'],
  ['dieu chinh', 'adjust'],
  ['dieu chinh luong', 'adjust'],
  ['dc', 'adjust'],
  ['adjust', 'adjust'],
])

/** The four schemes an employee under a labour contract is declared for. */
export const employeeSchemes: ParticipationScheme[] = [
  'compulsory_social',
  'health',
  'unemployment',
  'occupational',
]

const schemeByKey = new Map<string, ParticipationScheme>([
  ['bhxh', 'compulsory_social'],
  ['bhxh bat buoc', 'compulsory_social'],
  ['social', 'compulsory_social'],
  ['compulsory social', 'compulsory_social'],
  ['bhyt', 'health'],
  ['health', 'health'],
  ['bhtn', 'unemployment'],
  ['unemployment', 'unemployment'],
  ['bhtnld bnn', 'occupational'],
  ['bhtnld', 'occupational'],
  ['tnld bnn', 'occupational'],
  ['occupational', 'occupational'],
])

/** Compulsory BHXH began on 1 Jan 1995 (Điều lệ BHXH 1995): no declaration is older. */
const FIRST_MONTH = 199501

/**
 * One data row's cells (as text, by the header's layout) into fields, or every fault it has with its
 * column. `rowNumber` is the row as the sheet shows it (the header is row 1 when it is the first line).
 */
export function readDeclarationRow(
  layout: HeaderLayout,
  cells: readonly string[],
  rowNumber: number,
): { rowNumber: number; fields: DeclarationFields } | { rowNumber: number; errors: RowError[] } {
  const errors: RowError[] = []
  const refuse = (column: DeclarationColumn, reason: string) => errors.push({ rowNumber, column, reason })
  const cell = (key: ColumnKey) => {
    const index = layout[key]
    return index === undefined ? '' : normalizeSpaces((cells[index] ?? '').normalize('NFC'))
  }

  const unitCode = cell('UnitCode').replace(/\s/g, '').toUpperCase()
  if (unitCode === '') refuse(DeclarationColumn.UnitCode, 'Vui lòng nhập mã đơn vị.')
  else if (!/^[A-Z0-9]{2,10}$/.test(unitCode))
    refuse(DeclarationColumn.UnitCode, 'Mã đơn vị không hợp lệ (tối đa 10 chữ cái và chữ số).')

  let month = 0
  const monthText = cell('Month')
  const parsedMonth = parseMonthVi(monthText)
  if (monthText === '') refuse(DeclarationColumn.Month, 'Vui lòng nhập tháng (mm/yyyy).')
  else if (!parsedMonth.ok) refuse(DeclarationColumn.Month, parsedMonth.error.message)
  else if (parsedMonth.value < FIRST_MONTH)
    refuse(DeclarationColumn.Month, `Tháng không được trước ${formatMonth(FIRST_MONTH)}.`)
  else month = parsedMonth.value

  const bhxhText = cell('BhxhCode')
  const personalIdText = cell('PersonalId')
  const bhxh = bhxhText === '' ? null : BhxhCode.safeParse(bhxhText)
  const personal = personalIdText === '' ? null : PersonalId.safeParse(personalIdText)
  if (bhxh === null && personal === null)
    refuse(
      layout.BhxhCode !== undefined ? DeclarationColumn.BhxhCode : DeclarationColumn.PersonalId,
      'Vui lòng nhập mã số BHXH hoặc số định danh cá nhân.',
    )
  if (bhxh && !bhxh.success) refuse(DeclarationColumn.BhxhCode, bhxh.error.issues[0]?.message ?? '')
  if (personal && !personal.success)
    refuse(DeclarationColumn.PersonalId, personal.error.issues[0]?.message ?? '')

  const fullName = normalizeName(cell('FullName'))
  if (fullName === '') refuse(DeclarationColumn.FullName, 'Vui lòng nhập họ và tên.')
  else if (fullName.length > 100 || !/\p{L}/u.test(fullName))
    refuse(DeclarationColumn.FullName, 'Họ và tên không hợp lệ.')

  const birthText = cell('Birth')
  const birth = parsePartialDate(birthText)
  if (birthText === '') refuse(DeclarationColumn.Birth, 'Vui lòng nhập ngày sinh.')
  else if (!birth.ok) refuse(DeclarationColumn.Birth, birth.error.message)

  const changeText = cell('Change')
  const change = changeByKey.get(headerKey(changeText))
  if (changeText === '')
    refuse(DeclarationColumn.Change, 'Vui lòng nhập loại biến động (Tăng, Giảm, Điều chỉnh).')
  else if (change === undefined)
    refuse(
      DeclarationColumn.Change,
      `Loại biến động "${changeText}" không hợp lệ (Tăng/TM, Giảm/GH, Điều chỉnh/DC).`,
    )

  const position = cell('Position').slice(0, 200) || null

  let contributionBase: number | null = null
  const baseText = cell('ContributionBase')
  if (baseText === '') {
    if (change !== 'decrease') refuse(DeclarationColumn.ContributionBase, 'Vui lòng nhập mức đóng (đồng).')
  } else {
    const amount = parseVnd(baseText)
    if (!amount.ok || amount.value <= 0)
      refuse(DeclarationColumn.ContributionBase, 'Mức đóng không hợp lệ (số đồng, ví dụ 5.310.000).')
    else if (month !== 0 && amount.value < wageFloor(month, 4))
      refuse(
        DeclarationColumn.ContributionBase,
        `Mức đóng ${formatThousands(amount.value)} đồng thấp hơn lương tối thiểu vùng của tháng ` +
          `${formatMonth(month)} (${formatThousands(wageFloor(month, 4))} đồng).`,
      )
    else contributionBase = amount.value
  }

  const schemes = readSchemes(cell('Schemes'))
  if (!schemes.ok) refuse(DeclarationColumn.Schemes, schemes.reason)

  if (errors.length > 0 || change === undefined || !birth.ok || !schemes.ok) return { rowNumber, errors }
  return {
    rowNumber,
    fields: {
      unitCode,
      month,
      bhxhCode: bhxh?.success ? bhxh.data : null,
      personalId: personal?.success ? personal.data : null,
      fullName,
      birth: birth.value,
      change,
      position,
      contributionBase,
      schemes: schemes.value,
    },
  }
}

function readSchemes(
  text: string,
): { ok: true; value: ParticipationScheme[] | null } | { ok: false; reason: string } {
  const tokens = text
    .split(/[,;+]/)
    .map((token) => token.trim())
    .filter((token) => token !== '')
  if (tokens.length === 0) return { ok: true, value: null }
  const chosen = new Set<ParticipationScheme>()
  for (const token of tokens) {
    const scheme = schemeByKey.get(headerKey(token))
    if (scheme === undefined)
      return {
        ok: false,
        reason: `Chế độ "${token}" không hợp lệ (BHXH, BHYT, BHTN, BHTNLĐ-BNN, cách nhau bởi dấu phẩy).`,
      }
    chosen.add(scheme)
  }
  return { ok: true, value: employeeSchemes.filter((scheme) => chosen.has(scheme)) }
}
