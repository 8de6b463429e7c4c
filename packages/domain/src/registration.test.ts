import { describe, expect, it } from 'vitest'
import {
  DossierNumber,
  formatDossierNumber,
  RegistrationForm,
  requiredPhotoKinds,
  sniffImageType,
} from './registration'

const valid = {
  bhxhCode: '7900012345',
  fullName: `  ${'Nguyễn   Thị Thu Hằng'.normalize('NFD')} `,
  idKind: 'personal_id',
  idNumber: '079 176 000 417',
  address: {
    codeSet: '2025-07-01',
    provinceCode: '79',
    communeCode: '27301',
    street: ' Số 12  Trần Hưng Đạo ',
  },
  phone: '+84 912 345 678',
  email: '',
  officeCode: '07915',
  contactChannel: 'sms',
  agreed: true,
}

function fieldsOf(input: unknown): string[] {
  const parsed = RegistrationForm.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))
}

describe('RegistrationForm', () => {
  it.each([
    [{ bhxhCode: '12345' }, 'bhxhCode'],
    [{ fullName: 'A1' }, 'fullName'],
    [{ idNumber: '12345' }, 'idNumber'],
    [{ idKind: 'legacy_id', idNumber: '0791760004' }, 'idNumber'],
    [{ idKind: 'driving_licence' }, 'idKind'],
    [{ phone: '0123' }, 'phone'],
    [{ email: 'not-an-email' }, 'email'],
    [{ contactChannel: 'email' }, 'email'],
    [{ officeCode: '000' }, 'officeCode'],
    [{ officeCode: '7915' }, 'officeCode'],
    [{ agreed: false }, 'agreed'],
    [{ address: { ...valid.address, codeSet: '2004-2025' } }, 'address.districtCode'],
    [{ address: { ...valid.address, street: ' ' } }, 'address.street'],
    [{ address: { ...valid.address, communeCode: '' } }, 'address.communeCode'],
  ])('refuses %o with an error on %s', (change, field) => {
    expect(fieldsOf({ ...valid, ...change })).toContain(field)
  })

  it('normalises what it accepts', () => {
    const form = RegistrationForm.parse(valid)
    expect(form).toMatchObject({
      fullName: 'Nguyễn Thị Thu Hằng',
      idNumber: '079176000417',
      phone: '0912345678',
      language: 'vi',
      address: { street: 'Số 12 Trần Hưng Đạo', districtCode: undefined },
    })
    expect(form.email).toBeUndefined()
    expect(form.fullName).toBe(form.fullName.normalize('NFC'))
  })

  it('keeps the district only for the old three-level units', () => {
    const old = { ...valid.address, codeSet: '2004-2025', districtCode: '774', communeCode: '27301' }
    expect(RegistrationForm.parse({ ...valid, address: old }).address.districtCode).toBe('774')
    const current = { ...valid.address, districtCode: '774' }
    expect(RegistrationForm.parse({ ...valid, address: current }).address.districtCode).toBeUndefined()
  })
})

describe('sniffImageType', () => {
  const bytes = (...values: Array<number | string>) =>
    new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...Buffer.from(value)] : [value])))
  it.each([
    ['empty', bytes(), null],
    ['text', bytes('hello, world!'), null],
    ['PDF', bytes('%PDF-1.7 ....'), null],
    ['GIF', bytes('GIF89a......'), null],
    ['AVIF brand', bytes(0, 0, 0, 28, 'ftypavif'), null],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['PNG', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['WebP', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
    ['HEIC', bytes(0, 0, 0, 24, 'ftypheic'), 'image/heic'],
  ])('%s → %s', (_name, input, expected) => {
    expect(sniffImageType(input)).toBe(expected)
  })
})

describe('dossier numbers and photos', () => {
  it('formats and validates dossier numbers', () => {
    expect(formatDossierNumber('07915', 202612, 42)).toBe('07915-2612-0000042')
    expect(formatDossierNumber('079', 202701, 1)).toBe('079-2701-0000001')
    expect(DossierNumber.safeParse('07915-2612-0000042').success).toBe(true)
    // The sequence is national: it outgrows seven digits, and its numbers must stay valid.
    expect(DossierNumber.safeParse(formatDossierNumber('07915', 202612, 10_000_000)).success).toBe(true)
    for (const bad of ['', '7915-2612-0000042', '07915-2612-42', '07915/2612/0000042'])
      expect(DossierNumber.safeParse(bad).success).toBe(false)
  })

  it('needs no back photo for a passport', () => {
    expect(requiredPhotoKinds('passport')).toEqual(['portrait', 'idFront'])
    expect(requiredPhotoKinds('personal_id')).toEqual(['portrait', 'idFront', 'idBack'])
  })
})
