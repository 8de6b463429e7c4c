import { describe, expect, it } from 'vitest'
import { isGsm7, smsSegments, toGsm7, toSmsAscii } from './sms-segments'

const repeat = (text: string, times: number) => text.repeat(times)

describe('smsSegments', () => {
  it.each([
    // text, encoding, units, segments
    ['', 'gsm7', 0, 1],
    ['a', 'gsm7', 1, 1],
    [repeat('a', 160), 'gsm7', 160, 1],
    [repeat('a', 161), 'gsm7', 161, 2],
    [repeat('a', 306), 'gsm7', 306, 2],
    [repeat('a', 307), 'gsm7', 307, 3],
    [repeat('a', 459), 'gsm7', 459, 3],
    [repeat('a', 460), 'gsm7', 460, 4],
    // The GSM alphabet has these accented letters: still 7-bit.
    ['àéèùìò ÇÉ ÄÖÑÜ äöñü', 'gsm7', 19, 1],
    ['@£$¥ ΔΦΓΛΩΠΨΣΘΞ ¡¿§¤', 'gsm7', 20, 1],
    ['line\nbreak\r', 'gsm7', 11, 1],
    // Extension table: two septets each.
    ['€', 'gsm7', 2, 1],
    ['[]{}^~|\\', 'gsm7', 16, 1],
    [repeat('€', 80), 'gsm7', 160, 1],
    [repeat('€', 81), 'gsm7', 162, 2],
    // 152 plain + one escaped character: the escape pair does not fit in segment 1 (153) and moves on.
    [`${repeat('a', 152)}€${repeat('a', 7)}`, 'gsm7', 161, 2],
    [`${repeat('a', 152)}€${repeat('a', 153)}`, 'gsm7', 307, 3],
    // Backtick is ASCII but not GSM.
    ['`', 'ucs2', 1, 1],
    // Vietnamese with diacritics: UCS-2.
    ['Mã OTP', 'ucs2', 6, 1],
    [repeat('ạ', 70), 'ucs2', 70, 1],
    [repeat('ạ', 71), 'ucs2', 71, 2],
    [repeat('ạ', 134), 'ucs2', 134, 2],
    [repeat('ạ', 135), 'ucs2', 135, 3],
    // One non-GSM character turns the whole text into UCS-2.
    [`${repeat('a', 70)}ư`, 'ucs2', 71, 2],
    // Surrogate pairs count two and are never split between segments.
    ['😀', 'ucs2', 2, 1],
    [repeat('😀', 35), 'ucs2', 70, 1],
    [repeat('😀', 36), 'ucs2', 72, 2],
    [`${repeat('a', 66)}😀${repeat('a', 3)}`, 'ucs2', 71, 2],
    [`${repeat('a', 66)}😀${repeat('a', 66)}`, 'ucs2', 134, 3],
  ])('%j → %s, %i units, %i segment(s)', (text, encoding, units, segments) => {
    expect(smsSegments(text)).toEqual({ encoding, units, segments })
  })

  it('counts the text it is given: NFD Vietnamese takes more units than NFC', () => {
    const nfc = 'Nguyễn'
    expect(smsSegments(nfc).units).toBe(6)
    expect(smsSegments(nfc.normalize('NFD')).units).toBe(8)
  })
})

describe('isGsm7', () => {
  it.each([
    ['', true],
    ['Ma OTP cua ban la 123456', true],
    ['€[]', true],
    ['Mã', false],
    ['đ', false],
    ['“quoted”', false],
    ['😀', false],
  ])('%j → %s', (text, expected) => {
    expect(isGsm7(text)).toBe(expected)
  })
})

describe('toSmsAscii', () => {
  it.each([
    ['', ''],
    ['Mã OTP của bạn là 123456', 'Ma OTP cua ban la 123456'],
    ['Không cung cấp mã này cho bất kỳ ai.', 'Khong cung cap ma nay cho bat ky ai.'],
    ['ĐẶNG VĂN ĐỨC', 'DANG VAN DUC'],
    ['đỗ đức đạt', 'do duc dat'],
    ['Trương Ưng Ơn', 'Truong Ung On'],
    ['Hoà Hòa Thuỷ Thủy', 'Hoa Hoa Thuy Thuy'],
    ['BHXH cơ sở huyện Châu Thành (Tiền Giang)', 'BHXH co so huyen Chau Thanh (Tien Giang)'],
    ['“Gửi” – ‘xem tờ khai’…', '"Gui" - \'xem to khai\'...'],
    ['H\u2019Hen Niê', "H'Hen Nie"],
    ['1\u00a0900\u202f9068', '1 900 9068'],
    ['`x`', "'x'"],
  ])('%j → %j', (input, expected) => {
    expect(toSmsAscii(input)).toBe(expected)
    expect(toSmsAscii(input.normalize('NFD'))).toBe(expected)
  })

  it('makes every Vietnamese letter GSM-7', () => {
    const letters =
      'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ'
    const all = letters + letters.toUpperCase()
    expect(isGsm7(toSmsAscii(all))).toBe(true)
    expect(toSmsAscii(all)).toMatch(/^[A-Za-z]+$/)
  })
})

describe('toGsm7', () => {
  it.each([
    ['Lý do: ảnh mờ 😀', 'Ly do: anh mo ?'],
    ['Ảnh 証明', 'Anh ??'],
    ['giá 100€ [x]', 'gia 100€ [x]'],
  ])('%j → %j', (input, expected) => {
    expect(toGsm7(input)).toBe(expected)
    expect(isGsm7(toGsm7(input))).toBe(true)
  })
})
