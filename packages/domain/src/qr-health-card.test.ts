import { describe, expect, it } from 'vitest'
import {
  decodeHexText,
  encodeHexText,
  generateHealthCardQr,
  type HealthCardQrInput,
  parseHealthCardQr,
  splitQrFields,
} from './qr-health-card'

// Hex of the UTF-8 bytes, computed independently of the code under test.
const HEX = {
  tranThiBichNgoc: '5472e1baa76e205468e1bb8b2042c3ad6368204e67e1bb8d63',
  cauGiayHaNoi: '5175e1baad6e2043e1baa775204769e1baa5792c205468c3a06e68207068e1bb912048c3a0204ee1bb9969',
  vuMinhKhoi: '56c5a9204d696e68204b68c3b469',
  nghiaDoAddress:
    '5068c6b0e1bb9d6e67204e6768c4a96120c490c3b42c205175e1baad6e2043e1baa775204769e1baa5792c205468c3a06e68207068e1bb912048c3a0204ee1bb9969',
  vuThiLan: '56c5a9205468e1bb8b204c616e',
  nguyenVanAnUtf16: '4e00670075007900c51e6e002000560003016e00200041006e00',
}

// A new-template (2021) card built field by field from DATA-FORMATS.md §3.1.
const NEW_CARD_FIELDS = [
  '0111077012',
  HEX.tranThiBichNgoc,
  '15/08/1992',
  '2',
  '-',
  '01 - 028',
  '01/01/2024',
  '-',
  '15/01/2024',
  '01050111077012',
  '-',
  '4',
  ' 01/10/2027',
  '4641c59ff02659c3-1202',
  '4',
  HEX.cauGiayHaNoi,
  '$',
]
const NEW_CARD = NEW_CARD_FIELDS.join('|')

// NEW_CARD as its fields: parsing it gives these back, and generating from them gives it again.
const NEW_CARD_INPUT: HealthCardQrInput = {
  bhxhCode: '0111077012',
  fullName: 'Trần Thị Bích Ngọc',
  dateOfBirth: { year: 1992, month: 8, day: 15 },
  gender: 'female',
  address: null,
  primaryFacilityCode: '01028',
  validFrom: '2024-01-01',
  validTo: null,
  issuedOn: '2024-01-15',
  managingCode: '01050111077012',
  guardianName: null,
  livingArea: null,
  fiveYearsContinuousFrom: '2027-10-01',
  issuingPlace: 'Quận Cầu Giấy, Thành phố Hà Nội',
}

// A legacy card (15-character number) for a child, with address and guardian.
const LEGACY_CARD = [
  'HS4010120878811',
  HEX.vuMinhKhoi,
  '07/09/2008',
  '1',
  HEX.nghiaDoAddress,
  '01 - C54',
  '01/01/2024',
  '31/12/2024',
  '24/01/2019',
  '01050120878811',
  HEX.vuThiLan,
  '5',
  ' 01/01/2026',
  '-',
  '$',
].join('|')

describe('parseHealthCardQr: rejects what is not a BHYT card', () => {
  it.each([
    ['', 'trống'],
    ['\u0000\u0000', 'trống'],
    ['$', 'trống'],
    ['hello world', 'không phải mã QR thẻ BHYT'],
    ['|5472|15/08/1992', 'trống'],
    ['-|5472|15/08/1992', 'trống'],
    ['12345|5472e1baa76e|15/08/1992|2|$', 'không phải mã QR thẻ BHYT'],
    ['001090123456|012345678|NGUYỄN VĂN A|01011990|Nam|Hà Nội|15042021', 'không phải mã QR thẻ BHYT'],
    ['ZZ4010120878811|5472e1baa76e|15/08/1992|2|$', 'ZZ'],
    ['HS6010120878811|5472e1baa76e|15/08/1992|2|$', 'mức hưởng'],
    ['0111077012', 'họ tên'],
    ['0111077012|-|15/08/1992|2|$', 'họ tên'],
    ['0111077012||15/08/1992|2|$', 'họ tên'],
    ['0111077012|$', 'họ tên'],
  ])('%j', (payload, message) => {
    const parsed = parseHealthCardQr(payload)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('INVALID_QR_PAYLOAD')
      expect(parsed.error.message).toContain(message)
    }
  })
})

describe('parseHealthCardQr: new card (2021 layout)', () => {
  it('reads every field of a realistic payload', () => {
    expect(parseHealthCardQr(NEW_CARD)).toEqual({
      ok: true,
      value: {
        layout: '2021',
        cardNumberForm: 'new',
        ...NEW_CARD_INPUT,
        cardNumber: '0111077012',
        legacyCard: null,
        checkCode: '4641c59ff02659c3-1202',
        field14: '4',
        extraFields: [],
        unreadableFields: [],
        raw: NEW_CARD,
      },
    })
  })

  it.each([
    ['NUL then garbage', `${NEW_CARD}\u0000\u0000\u0000garbage|more`],
    ['NUL instead of the terminator', `${NEW_CARD.slice(0, -2)}\u0000garbage`],
    ['missing terminator', NEW_CARD.slice(0, -2)],
    ['missing terminator, trailing separator', NEW_CARD.slice(0, -1)],
    ['terminator glued to the last field', `${NEW_CARD.slice(0, -2)}$`],
    ['garbage after the terminator', `${NEW_CARD}junk|0999999999|more`],
    ['trailing CRLF', `${NEW_CARD}\r\n`],
    ['leading BOM and spaces', `\uFEFF  ${NEW_CARD}`],
    ['upper-case hex', NEW_CARD.replace(HEX.tranThiBichNgoc, HEX.tranThiBichNgoc.toUpperCase())],
  ])('tolerates %s', (_label, payload) => {
    const parsed = parseHealthCardQr(payload)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(parsed.value.fullName).toBe('Trần Thị Bích Ngọc')
      expect(parsed.value.issuingPlace).toBe('Quận Cầu Giấy, Thành phố Hà Nội')
      expect(parsed.value.fiveYearsContinuousFrom).toBe('2027-10-01')
      expect(parsed.value.extraFields).toEqual([])
      expect(parsed.value.raw).toBe(payload)
    }
  })

  it('keeps extra fields before the terminator', () => {
    const payload = [...NEW_CARD_FIELDS.slice(0, -1), 'extra1', '', 'extra3', '$'].join('|')
    const parsed = parseHealthCardQr(payload)
    expect(parsed.ok && parsed.value.extraFields).toEqual(['extra1', '', 'extra3'])
  })

  it('reads a truncated payload as far as it goes', () => {
    const parsed = parseHealthCardQr(NEW_CARD_FIELDS.slice(0, 4).join('|'))
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(parsed.value.gender).toBe('female')
      expect(parsed.value.primaryFacilityCode).toBeNull()
      expect(parsed.value.issuingPlace).toBeNull()
      expect(parsed.value.unreadableFields).toEqual([])
    }
  })
})

describe('parseHealthCardQr: legacy card', () => {
  it('reads every field', () => {
    const parsed = parseHealthCardQr(LEGACY_CARD)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value).toMatchObject({
      layout: 'legacy',
      cardNumberForm: 'legacy',
      cardNumber: 'HS4010120878811',
      bhxhCode: '0120878811',
      fullName: 'Vũ Minh Khôi',
      dateOfBirth: { year: 2008, month: 9, day: 7 },
      gender: 'male',
      address: 'Phường Nghĩa Đô, Quận Cầu Giấy, Thành phố Hà Nội',
      primaryFacilityCode: '01C54',
      validFrom: '2024-01-01',
      validTo: '2024-12-31',
      issuedOn: '2019-01-24',
      managingCode: '01050120878811',
      guardianName: 'Vũ Thị Lan',
      livingArea: 'K1',
      fiveYearsContinuousFrom: '2026-01-01',
      checkCode: null,
      field14: null,
      issuingPlace: null,
      extraFields: [],
      unreadableFields: [],
    })
    expect(parsed.value.legacyCard).toMatchObject({ groupCode: 'HS', benefitLevel: 4, provinceCode: '01' })
  })

  it('reads a short legacy payload ending early with $', () => {
    const payload = `HS4010120878811|${HEX.vuMinhKhoi}|07/09/2008|1|${HEX.nghiaDoAddress}|01 - 028|24/01/2019|-|24/01/2019|$`
    const parsed = parseHealthCardQr(payload)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(parsed.value.primaryFacilityCode).toBe('01028')
      expect(parsed.value.validTo).toBeNull()
      expect(parsed.value.managingCode).toBeNull()
    }
  })

  it('accepts a lower-case code and spaces around fields', () => {
    const payload = ` hs4010120878811 | ${HEX.vuMinhKhoi} | 07/09/2008 | 1 |$`
    const parsed = parseHealthCardQr(payload)
    expect(parsed.ok && parsed.value.cardNumber).toBe('HS4010120878811')
    expect(parsed.ok && parsed.value.fullName).toBe('Vũ Minh Khôi')
  })
})

describe('parseHealthCardQr: field by field', () => {
  const withField = (index: number, value: string) => {
    const fields = [...NEW_CARD_FIELDS]
    fields[index] = value
    return parseHealthCardQr(fields.join('|'))
  }

  it.each([
    ['1988', { year: 1988 }],
    ['03/1988', { year: 1988, month: 3 }],
    ['1/2/1988', { year: 1988, month: 2, day: 1 }],
    ['00/00/1988', { year: 1988 }],
    ['-', null],
    ['', null],
  ])('date of birth %j → %j', (value, expected) => {
    const parsed = withField(2, value)
    expect(parsed.ok && parsed.value.dateOfBirth).toEqual(expected)
    expect(parsed.ok && parsed.value.unreadableFields).toEqual([])
  })

  it.each([
    ['1', 'male'],
    ['2', 'female'],
    [' 1 ', 'male'],
    ['-', null],
  ])('sex %j → %j', (value, expected) => {
    const parsed = withField(3, value)
    expect(parsed.ok && parsed.value.gender).toBe(expected)
  })

  it.each([
    ['4', null],
    ['5', 'K1'],
    ['6', 'K2'],
    ['7', 'K3'],
    ['K2', 'K2'],
    ['k3', 'K3'],
    ['-', null],
    ['', null],
  ])('living area %j → %j', (value, expected) => {
    const parsed = withField(11, value)
    expect(parsed.ok && parsed.value.livingArea).toBe(expected)
    expect(parsed.ok && parsed.value.unreadableFields).toEqual([])
  })

  it.each([
    ['01 - C54', '01C54'],
    ['01 – C54', '01C54'],
    ['01-028', '01028'],
    ['01028', '01028'],
  ])('facility %j → %s', (value, expected) => {
    const parsed = withField(5, value)
    expect(parsed.ok && parsed.value.primaryFacilityCode).toBe(expected)
  })

  it.each([
    [2, '31/02/1990', 'dateOfBirth'],
    [3, '3', 'gender'],
    [5, '01 - C5', 'primaryFacilityCode'],
    [6, '2024-01-01', 'validFrom'],
    [7, '32/01/2030', 'validTo'],
    [8, 'soon', 'issuedOn'],
    [11, '9', 'livingArea'],
    [12, ' 01/13/2027', 'fiveYearsContinuousFrom'],
  ])('field %i %j is unreadable (%s) without failing the scan', (index, value, name) => {
    const parsed = withField(index, value)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(parsed.value.unreadableFields).toEqual([name])
      expect(parsed.value[name as keyof typeof parsed.value]).toBeNull()
    }
  })

  it('stores the check code without verifying it', () => {
    const parsed = withField(13, 'not-a-real-check')
    expect(parsed.ok && parsed.value.checkCode).toBe('not-a-real-check')
  })
})

describe('decodeHexText', () => {
  it.each([
    ['hex of UTF-8', HEX.tranThiBichNgoc, 'Trần Thị Bích Ngọc'],
    ['upper-case hex', HEX.vuThiLan.toUpperCase(), 'Vũ Thị Lan'],
    ['hex of UTF-16LE', HEX.nguyenVanAnUtf16, 'Nguyễn Văn An'],
    ['plain text', 'NGUYEN VAN A', 'NGUYEN VAN A'],
    ['plain Vietnamese in NFD', 'Nguyễn Văn A'.normalize('NFD'), 'Nguyễn Văn A'],
    ['odd-length hex', 'abc', 'abc'],
    ['hex that decodes to nonsense', 'ffff', 'ffff'],
    ['hex of digits only', '31393838', '31393838'],
    ['hex-looking word', 'CAFE', 'CAFE'],
    ['hex of a control character', '0007', '0007'],
    ['surrounding spaces', `  ${HEX.vuThiLan}  `, 'Vũ Thị Lan'],
  ])('%s', (_label, input, expected) => {
    expect(decodeHexText(input)).toBe(expected)
  })

  it('decodes NFD bytes to NFC text', () => {
    const nfdHex = Array.from(new TextEncoder().encode('Hằng'.normalize('NFD')), (byte) =>
      byte.toString(16).padStart(2, '0'),
    ).join('')
    expect(decodeHexText(nfdHex)).toBe('Hằng')
  })

  it.each([
    ['Trần Thị Bích Ngọc', HEX.tranThiBichNgoc],
    ['Quận Cầu Giấy, Thành phố Hà Nội', HEX.cauGiayHaNoi],
    ['Trần Thị Bích Ngọc'.normalize('NFD'), HEX.tranThiBichNgoc],
  ])('encodeHexText(%j)', (text, hex) => {
    expect(encodeHexText(text)).toBe(hex)
  })
})

describe('splitQrFields', () => {
  it.each([
    ['a|b|$', ['a', 'b']],
    ['a|b$', ['a', 'b']],
    ['a|b', ['a', 'b']],
    ['a|b|', ['a', 'b']],
    ['a||', ['a', '']],
    ['a|b|$|c', ['a', 'b']],
    ['a|b\u0000|c', ['a', 'b']],
    ['a| b |$', ['a', ' b ']],
    ['', ['']],
  ])('%j → %j', (payload, expected) => {
    expect(splitQrFields(payload)).toEqual(expected)
  })
})

describe('generateHealthCardQr', () => {
  const card = NEW_CARD_INPUT

  it('emits the new-card layout exactly, with field 13 empty', () => {
    const expected = [...NEW_CARD_FIELDS]
    expected[13] = ''
    expect(generateHealthCardQr(card)).toBe(expected.join('|'))
    expect(generateHealthCardQr(card).split('|')).toHaveLength(17)
  })

  it.each<[string, HealthCardQrInput]>([
    ['the realistic card', card],
    [
      'a child with every optional field',
      {
        bhxhCode: '0120878811',
        fullName: 'Vũ Minh Khôi',
        dateOfBirth: { year: 2020, month: 2, day: 29 },
        gender: 'male',
        address: 'Phường Nghĩa Đô, Quận Cầu Giấy, Thành phố Hà Nội',
        primaryFacilityCode: '01C54',
        validFrom: '2024-01-01',
        validTo: '2026-02-28',
        issuedOn: '2024-01-01',
        managingCode: '01050120878811',
        guardianName: 'Vũ Thị Lan',
        livingArea: 'K3',
        fiveYearsContinuousFrom: null,
        issuingPlace: 'Phường Đống Đa, Thành phố Hà Nội',
      },
    ],
    [
      'a year-only birth and minimal fields',
      {
        bhxhCode: '7912345678',
        fullName: 'Đặng Ưng Ơn',
        dateOfBirth: { year: 1950 },
        gender: 'male',
        primaryFacilityCode: '79025',
        validFrom: '2025-07-01',
        issuedOn: '2025-07-01',
      },
    ],
    [
      'a month/year birth and gender not 1/2',
      {
        bhxhCode: '0111077013',
        fullName: "H'Hen Niê",
        dateOfBirth: { year: 1975, month: 4 },
        gender: 'other',
        primaryFacilityCode: '66001',
        validFrom: '2025-01-01',
        issuedOn: '2025-01-02',
        livingArea: 'K2',
      },
    ],
  ])('round-trips %s', (_label, input) => {
    const payload = generateHealthCardQr(input)
    expect(payload.endsWith('|$')).toBe(true)
    const parsed = parseHealthCardQr(payload)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value).toMatchObject({
      layout: '2021',
      cardNumber: input.bhxhCode,
      bhxhCode: input.bhxhCode,
      fullName: input.fullName,
      dateOfBirth: input.dateOfBirth,
      gender: input.gender === 'other' ? null : input.gender,
      address: input.address ?? null,
      primaryFacilityCode: input.primaryFacilityCode,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      issuedOn: input.issuedOn,
      managingCode: input.managingCode ?? null,
      guardianName: input.guardianName ?? null,
      livingArea: input.livingArea ?? null,
      fiveYearsContinuousFrom: input.fiveYearsContinuousFrom ?? null,
      checkCode: null,
      field14: '4',
      issuingPlace: input.issuingPlace ?? null,
      unreadableFields: [],
      extraFields: [],
    })
  })

  it('normalises the name to NFC before encoding', () => {
    const payload = generateHealthCardQr({ ...card, fullName: '  Trần  Thị Bích Ngọc '.normalize('NFD') })
    expect(payload.split('|')[1]).toBe(HEX.tranThiBichNgoc)
  })

  it.each<[string, Partial<HealthCardQrInput>]>([
    ['a legacy number as code', { bhxhCode: 'HS4010120878811' }],
    ['a short code', { bhxhCode: '011107701' }],
    ['a bad facility', { primaryFacilityCode: '0102' }],
    ['an empty name', { fullName: '   ' }],
    ['an impossible birth date', { dateOfBirth: { year: 1990, month: 2, day: 30 } }],
    ['a bad valid-from date', { validFrom: '2024-02-30' }],
    ['a separator in the managing code', { managingCode: '0105|x' }],
    ['a terminator in field 14', { field14: '$' }],
  ])('throws on %s', (_label, change) => {
    expect(() => generateHealthCardQr({ ...card, ...change })).toThrow(RangeError)
  })
})
