import { describe, expect, it } from 'vitest'
import {
  checkHeader,
  DeclarationColumn,
  type HeaderLayout,
  matchHeader,
  readDeclarationRow,
} from './declarations-fields'
import { UnreadableFile } from './import-format'

const header = Object.values(DeclarationColumn)
const layout = checkHeader(matchHeader(header))
const good: Record<string, string> = {
  [DeclarationColumn.UnitCode]: 'ta1234b',
  [DeclarationColumn.Month]: '03/2026',
  [DeclarationColumn.BhxhCode]: '7912345678',
  [DeclarationColumn.PersonalId]: '079190001234',
  [DeclarationColumn.FullName]: '  Nguyễn   Thị Hoà ',
  [DeclarationColumn.Birth]: '15/03/1990',
  [DeclarationColumn.Change]: 'Tăng',
  [DeclarationColumn.Position]: 'Kế toán',
  [DeclarationColumn.ContributionBase]: '6.500.000',
  [DeclarationColumn.Schemes]: 'BHXH, bhyt, BHTNLĐ-BNN',
}
const row = (overrides: Record<string, string> = {}, columns: HeaderLayout = layout) =>
  readDeclarationRow(
    columns,
    header.map((column) => overrides[column] ?? good[column] ?? ''),
    7,
  )

describe('declaration header', () => {
  it.each([
    ['a row of data', ['TA1234B', '03/2026', 'Nguyễn Văn A']],
    ['an empty row', []],
  ])('is not found in %s', (_, cells) => {
    expect(matchHeader(cells)).toBeNull()
  })

  it('names every missing required column', () => {
    const cells = header.filter(
      (column) => column !== DeclarationColumn.Month && column !== DeclarationColumn.Birth,
    )
    expect(() => checkHeader(matchHeader(cells))).toThrow(UnreadableFile)
    expect(() => checkHeader(matchHeader(cells))).toThrow(/Tháng, Ngày sinh/)
  })

  it('asks for one of the two identifiers', () => {
    const cells = header.filter(
      (column) => column !== DeclarationColumn.BhxhCode && column !== DeclarationColumn.PersonalId,
    )
    expect(() => checkHeader(matchHeader(cells))).toThrow(/Mã số BHXH hoặc Số định danh cá nhân/)
  })

  it('refuses a column given twice', () => {
    expect(() => matchHeader([...header, 'MA SO BHXH'])).toThrow(/hai lần/)
  })

  it('accepts folded, English and hinted spellings in any order', () => {
    const found = matchHeader([
      'STT',
      'ma don vi',
      'THÁNG (mm/yyyy)',
      'BHXH code',
      'Họ tên',
      'Date of birth',
      'Phương án',
      'Mức đóng (đồng)',
      'Phương án/Chế độ',
    ])
    expect(found).toEqual({
      UnitCode: 1,
      Month: 2,
      BhxhCode: 3,
      FullName: 4,
      Birth: 5,
      Change: 6,
      ContributionBase: 7,
      Schemes: 8,
    })
    expect(() => checkHeader(found)).not.toThrow()
  })
})

describe('declaration row', () => {
  it.each([
    [DeclarationColumn.UnitCode, '', 'Vui lòng nhập mã đơn vị.'],
    [DeclarationColumn.UnitCode, 'TA-1234', 'Mã đơn vị không hợp lệ'],
    [DeclarationColumn.Month, '2026/03', 'Tháng không hợp lệ'],
    [DeclarationColumn.Month, '12/1994', 'không được trước 01/1995'],
    [DeclarationColumn.BhxhCode, '79123', 'đúng 10 chữ số'],
    [DeclarationColumn.PersonalId, '0791900012', 'đúng 12 chữ số'],
    [DeclarationColumn.FullName, '   ', 'Vui lòng nhập họ và tên.'],
    [DeclarationColumn.FullName, '12345', 'Họ và tên không hợp lệ.'],
    [DeclarationColumn.Birth, '30/02/1990', 'Ngày không hợp lệ'],
    [DeclarationColumn.Change, 'Chuyển', 'Loại biến động "Chuyển" không hợp lệ'],
    [DeclarationColumn.ContributionBase, '', 'Vui lòng nhập mức đóng'],
    [DeclarationColumn.ContributionBase, '-5.000.000', 'Mức đóng không hợp lệ'],
    [
      DeclarationColumn.ContributionBase,
      '3.000.000',
      'thấp hơn lương tối thiểu vùng của tháng 03/2026 (3.700.000 đồng)',
    ],
    [DeclarationColumn.Schemes, 'BHXH, BHXX', 'Chế độ "BHXX" không hợp lệ'],
  ])('refuses %s "%s"', (column, value, reason) => {
    const read = row({ [column]: value })
    expect(read).toMatchObject({
      rowNumber: 7,
      errors: [{ rowNumber: 7, column, reason: expect.stringContaining(reason) }],
    })
  })

  it('refuses a row with neither identifier, under the BHXH code column', () => {
    expect(row({ [DeclarationColumn.BhxhCode]: '', [DeclarationColumn.PersonalId]: '' })).toMatchObject({
      errors: [
        { column: DeclarationColumn.BhxhCode, reason: 'Vui lòng nhập mã số BHXH hoặc số định danh cá nhân.' },
      ],
    })
  })

  it('reports every fault of a row', () => {
    const read = row({ [DeclarationColumn.Month]: 'x', [DeclarationColumn.Change]: '?' })
    expect('errors' in read && read.errors.map((error) => error.column)).toEqual([
      DeclarationColumn.Month,
      DeclarationColumn.Change,
    ])
  })

  it('reads a good row into normalised fields', () => {
    expect(row()).toEqual({
      rowNumber: 7,
      fields: {
        unitCode: 'TA1234B',
        month: 202603,
        bhxhCode: '7912345678',
        personalId: '079190001234',
        fullName: 'Nguyễn Thị Hoà',
        birth: { year: 1990, month: 3, day: 15 },
        change: 'increase',
        position: 'Kế toán',
        contributionBase: 6_500_000,
        schemes: ['compulsory_social', 'health', 'occupational'],
      },
    })
  })

  it.each([
    ['TM', 'increase'],
    ['giảm', 'decrease'],
    ['GH', 'decrease'],
    ['Điều chỉnh', 'adjust'],
    ['dc', 'adjust'],
  ])('reads the change "%s" as %s', (text, change) => {
    expect(row({ [DeclarationColumn.Change]: text })).toMatchObject({ fields: { change } })
  })

  it('takes an empty schemes cell as "not said" and an empty base on a decrease as none', () => {
    const read = row({
      [DeclarationColumn.Change]: 'Giảm',
      [DeclarationColumn.ContributionBase]: '',
      [DeclarationColumn.Schemes]: '',
      [DeclarationColumn.Birth]: '1990',
    })
    expect(read).toMatchObject({ fields: { schemes: null, contributionBase: null, birth: { year: 1990 } } })
  })

  it('accepts comma thousands and plain digits', () => {
    expect(row({ [DeclarationColumn.ContributionBase]: '6,500,000' })).toMatchObject({
      fields: { contributionBase: 6_500_000 },
    })
    expect(row({ [DeclarationColumn.ContributionBase]: '6500000' })).toMatchObject({
      fields: { contributionBase: 6_500_000 },
    })
  })
})
