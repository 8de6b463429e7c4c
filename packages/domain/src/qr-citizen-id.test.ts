import { describe, expect, it } from 'vitest'
import { parseCitizenIdQr } from './qr-citizen-id'

const ADDRESS = 'Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh'
const CHIP_CARD = `001090123456|012345678|NGUYỄN VĂN A|01011990|Nam|${ADDRESS}|15042021`

describe('parseCitizenIdQr: rejects', () => {
  it.each([
    ['empty', '', 'INVALID_QR_PAYLOAD'],
    ['only NUL', '\u0000', 'INVALID_QR_PAYLOAD'],
    ['text', 'hello world', 'INVALID_QR_PAYLOAD'],
    [
      'a BHYT payload',
      '0111077012|5472e1baa76e|15/08/1992|2|-|01 - 028|01/01/2024|-|$',
      'INVALID_QR_PAYLOAD',
    ],
    [
      'an 11-digit ID',
      '00109012345|012345678|NGUYỄN VĂN A|01011990|Nam|Hà Nội|15042021',
      'INVALID_QR_PAYLOAD',
    ],
    [
      'an ID with a letter',
      '00109012345X|012345678|NGUYỄN VĂN A|01011990|Nam|Hà Nội|15042021',
      'INVALID_QR_PAYLOAD',
    ],
    ['five fields', '001090123456|012345678|NGUYỄN VĂN A|01011990|Nam', 'INVALID_QR_PAYLOAD'],
    [
      'the six-field variant',
      `001090123456|NGUYỄN VĂN A|01011990|Nam|${ADDRESS}|15042021`,
      'UNSUPPORTED_QR_LAYOUT',
    ],
    ['no name', `001090123456|012345678|  |01011990|Nam|${ADDRESS}|15042021`, 'INVALID_QR_PAYLOAD'],
  ])('%s', (_label, payload, code) => {
    const parsed = parseCitizenIdQr(payload)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe(code)
  })

  it('explains the six-field variant', () => {
    const parsed = parseCitizenIdQr(`001090123456|NGUYỄN VĂN A|01011990|Nam|${ADDRESS}|15042021`)
    expect(!parsed.ok && parsed.error.message).toContain('6 trường')
  })
})

describe('parseCitizenIdQr: reads', () => {
  it('the chip-card layout', () => {
    expect(parseCitizenIdQr(CHIP_CARD)).toEqual({
      ok: true,
      value: {
        personalId: '001090123456',
        legacyIdNumber: '012345678',
        fullName: 'NGUYỄN VĂN A',
        dateOfBirth: { year: 1990, month: 1, day: 1 },
        gender: 'male',
        address: ADDRESS,
        issuedOn: '2021-04-15',
        extraFields: [],
        unreadableFields: [],
        raw: CHIP_CARD,
      },
    })
  })

  it.each([
    ['NUL and garbage after', `${CHIP_CARD}\u0000\u0000xyz|1|2`, []],
    ['trailing newline', `${CHIP_CARD}\n`, []],
    ['extra fields (Căn cước)', `${CHIP_CARD}||Nguyễn Văn B|`, ['', 'Nguyễn Văn B', '']],
  ])('%s', (_label, payload, extra) => {
    const parsed = parseCitizenIdQr(payload)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(parsed.value.personalId).toBe('001090123456')
      expect(parsed.value.issuedOn).toBe('2021-04-15')
      expect(parsed.value.extraFields).toEqual(extra)
      expect(parsed.value.raw).toBe(payload)
    }
  })

  it('a card without an old CMND number', () => {
    const parsed = parseCitizenIdQr(`079195000123||Trần Thị Bích Ngọc|15081995|Nữ|${ADDRESS}|01072024`)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(parsed.value.legacyIdNumber).toBeNull()
      expect(parsed.value.gender).toBe('female')
      expect(parsed.value.unreadableFields).toEqual([])
    }
  })

  it.each([
    ['01011990', { year: 1990, month: 1, day: 1 }],
    ['011990', { year: 1990, month: 1 }],
    ['1990', { year: 1990 }],
    ['29022000', { year: 2000, month: 2, day: 29 }],
  ])('date of birth %j → %j', (dob, expected) => {
    const parsed = parseCitizenIdQr(`001090123456|012345678|NGUYỄN VĂN A|${dob}|Nam|${ADDRESS}|15042021`)
    expect(parsed.ok && parsed.value.dateOfBirth).toEqual(expected)
  })

  it.each([
    ['Nam', 'male'],
    ['Nữ', 'female'],
    ['Nữ'.normalize('NFD'), 'female'],
    ['NỮ', 'female'],
  ])('sex %j → %s', (sex, expected) => {
    const parsed = parseCitizenIdQr(`001090123456|012345678|NGUYỄN VĂN A|01011990|${sex}|${ADDRESS}|15042021`)
    expect(parsed.ok && parsed.value.gender).toBe(expected)
  })

  it('normalises the name and address to NFC with single spaces', () => {
    const payload = `001090123456|012345678|${'  Đặng   Thị Ưng '.normalize('NFD')}|01011990|Nữ|${' Phường  Bến Nghé '.normalize('NFD')}|15042021`
    const parsed = parseCitizenIdQr(payload)
    expect(parsed.ok && parsed.value.fullName).toBe('Đặng Thị Ưng')
    expect(parsed.ok && parsed.value.address).toBe('Phường Bến Nghé')
  })

  it.each([
    [1, '12345', 'legacyIdNumber'],
    [3, '32131990', 'dateOfBirth'],
    [3, '1.1.1990', 'dateOfBirth'],
    [4, 'Khác', 'gender'],
    [4, 'X', 'gender'],
    [6, '31022021', 'issuedOn'],
    [6, '2021', 'issuedOn'],
  ])('field %i %j is unreadable (%s) without failing', (index, value, name) => {
    const fields = CHIP_CARD.split('|')
    fields[index] = value
    const parsed = parseCitizenIdQr(fields.join('|'))
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(parsed.value.unreadableFields).toEqual([name])
      expect(parsed.value[name as keyof typeof parsed.value]).toBeNull()
    }
  })
})
