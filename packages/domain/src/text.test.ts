import { describe, expect, it } from 'vitest'
import {
  foldVietnamese,
  maskName,
  namesMatch,
  normalizeName,
  normalizeSpaces,
  splitFullName,
  titleCaseVietnamese,
  toNfc,
} from './text'

const nfd = (text: string) => text.normalize('NFD')

describe('toNfc', () => {
  it.each([
    ['', ''],
    [nfd('Nguyễn Thị Hằng'), 'Nguyễn Thị Hằng'],
    [nfd('Đặng Ưng Ơn'), 'Đặng Ưng Ơn'],
    ['Nguyễn', 'Nguyễn'],
  ])('%j → %j', (input, expected) => {
    expect(toNfc(input)).toBe(expected)
    expect(toNfc(input)).toBe(expected.normalize('NFC'))
  })
})

describe('normalizeSpaces / normalizeName', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['  a  b\t\nc ', 'a b c'],
    ['Lê\u00a0Văn\u2003Tám', 'Lê Văn Tám'],
    ['Ng\u200Buyễn\uFEFF', 'Nguyễn'],
  ])('normalizeSpaces(%j) → %j', (input, expected) => {
    expect(normalizeSpaces(input)).toBe(expected)
  })

  it.each([
    [nfd('  Nguyễn   Thị Hằng '), 'Nguyễn Thị Hằng'],
    ['H\u2019Hen Niê', "H'Hen Niê"],
    ['Hoà', 'Hoà'],
  ])('normalizeName(%j) → %j (case and tone placement kept)', (input, expected) => {
    expect(normalizeName(input)).toBe(expected)
  })
})

describe('foldVietnamese', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['  Nguyễn Thị  Hằng', 'nguyen thi hang'],
    [nfd('  Nguyễn Thị  Hằng'), 'nguyen thi hang'],
    ['Hoà', 'hoa'],
    ['Hòa', 'hoa'],
    ['Thuỷ', 'thuy'],
    ['Thủy', 'thuy'],
    ['ĐẶNG VĂN ĐỨC', 'dang van duc'],
    ['đỗ đức đạt', 'do duc dat'],
    ['Trương Ưng Ơn', 'truong ung on'],
    [nfd('Trương Ưng Ơn'), 'truong ung on'],
    ['Lê\u00a0Văn\tTám', 'le van tam'],
    ['\u00D0oàn', 'doan'],
    ['Ng\u200Buyễn', 'nguyen'],
    ['H\u2019Hen Niê', "h'hen nie"],
    ['Nguyễn Văn A 2', 'nguyen van a 2'],
  ])('%j → %j', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected)
  })

  it('folds old-style and new-style tone placement of every vowel pair to the same key', () => {
    const pairs = [
      ['oà', 'òa'],
      ['oá', 'óa'],
      ['oả', 'ỏa'],
      ['oã', 'õa'],
      ['oạ', 'ọa'],
      ['uỳ', 'ùy'],
      ['uý', 'úy'],
      ['oè', 'òe'],
    ]
    for (const [oldStyle = '', newStyle = ''] of pairs) {
      expect(foldVietnamese(oldStyle)).toBe(foldVietnamese(newStyle))
    }
  })
})

describe('namesMatch', () => {
  it.each([
    ['', '', false],
    ['   ', '', false],
    ['Nguyễn Văn A', 'Nguyễn Văn B', false],
    ['Nguyễn Văn An', 'Nguyễn Văn Anh', false],
    ['Nguyễn Thị Hằng', 'Nguyễn Hằng', false],
    ['Nguyễn Văn A', 'nguyen van a', true],
    ['NGUYỄN VĂN A', '  Nguyễn  Văn A ', true],
    ['Lê Thị Hoà', 'Lê Thị Hòa', true],
    [nfd('Đặng Thị Ngọc'), 'Đặng Thị Ngọc', true],
    ['Đỗ Văn Tư', 'Do Van Tu', true],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(namesMatch(a, b)).toBe(expected)
    expect(namesMatch(b, a)).toBe(expected)
  })
})

describe('splitFullName', () => {
  it.each([
    ['', { familyName: '', middleName: '', givenName: '' }],
    ['   ', { familyName: '', middleName: '', givenName: '' }],
    ['Minh', { familyName: '', middleName: '', givenName: 'Minh' }],
    ['Lê Minh', { familyName: 'Lê', middleName: '', givenName: 'Minh' }],
    ['Nguyễn Thị Hằng', { familyName: 'Nguyễn', middleName: 'Thị', givenName: 'Hằng' }],
    ['  Nguyễn   Thị Minh  Khai ', { familyName: 'Nguyễn', middleName: 'Thị Minh', givenName: 'Khai' }],
    [nfd('Trương Ưng Ơn'), { familyName: 'Trương', middleName: 'Ưng', givenName: 'Ơn' }],
    ['Tôn Nữ Thị Ninh', { familyName: 'Tôn', middleName: 'Nữ Thị', givenName: 'Ninh' }],
  ])('%j', (input, expected) => {
    expect(splitFullName(input)).toEqual(expected)
  })
})

describe('maskName', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['Minh', 'Minh'],
    ['Nguyễn Thị Hằng', 'Nguyễn T** H***'],
    [nfd('Nguyễn Thị Hằng'), 'Nguyễn T** H***'],
    ['  Lê   Văn  Tám ', 'Lê V** T**'],
    ['Trương Ưng', 'Trương Ư**'],
    ['Nguyễn Thị Minh Khai', 'Nguyễn T** M*** K***'],
    ['Đặng Đức', 'Đặng Đ**'],
    ['Lê A', 'Lê A'],
  ])('%j → %j', (input, expected) => {
    expect(maskName(input)).toBe(expected)
  })
})

describe('titleCaseVietnamese', () => {
  it.each([
    ['', ''],
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An'],
    ['  đặng   thị ưng ', 'Đặng Thị Ưng'],
    [nfd('ĐỖ ƠN'), 'Đỗ Ơn'],
    ["h'hen niê", "H'Hen Niê"],
    ['y-moan ênuôl', 'Y-Moan Ênuôl'],
  ])('%j → %j', (input, expected) => {
    expect(titleCaseVietnamese(input)).toBe(expected)
  })
})
