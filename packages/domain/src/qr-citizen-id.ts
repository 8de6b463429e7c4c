/**
 * The QR code on the chip citizen ID card (CCCD, Circular 06/2021/TT-BCA), DATA-FORMATS.md §4:
 * plain UTF-8 text (not hex), 7 fields separated by `|`:
 *
 *   personal ID (12 digits) | old CMND (9 digits or empty) | full name | date of birth ddmmyyyy |
 *   Nam/Nữ | permanent residence | issue date ddmmyyyy
 *
 * The 2024 "Căn cước" card is read the same way and may carry more fields after these seven; they
 * are kept, never a reason to reject.
 */
import {
  type IsoDate,
  isoDateFromParts,
  isValidCalendarDate,
  type PartialDate,
  parsePartialDate,
} from './dates'
import { ParseErrorCode as Code } from './errors'
import { parseGender } from './gender'
import { parseLegacyIdNumber, parsePersonalId } from './identifiers'
import { fail, ok, type Parsed } from './result'
import { normalizeName, normalizeSpaces, toNfc } from './text'

export type CitizenIdQr = {
  personalId: string
  /** The old 9-digit CMND number, when the card carries one. */
  legacyIdNumber: string | null
  /** NFC, single spaces, as printed (often upper case). */
  fullName: string
  dateOfBirth: PartialDate | null
  gender: 'male' | 'female' | null
  address: string | null
  issuedOn: IsoDate | null
  /** Fields after the seventh, kept for the newer card layouts. */
  extraFields: string[]
  /** Names of fields that were present but could not be read (left null above). */
  unreadableFields: string[]
  raw: string
}

export function citizenIdQrFields(payload: string): string[] {
  const beforeNul = payload.split('\u0000', 1)[0] ?? ''
  return beforeNul
    .replace(/^\uFEFF/, '')
    .trim()
    .split('|')
}

// Dates in this QR are written without separators: ddmmyyyy, mmyyyy or yyyy.
function compactPartialDate(value: string): PartialDate | null {
  let text: string
  if (/^\d{8}$/.test(value)) text = `${value.slice(0, 2)}/${value.slice(2, 4)}/${value.slice(4)}`
  else if (/^\d{6}$/.test(value)) text = `${value.slice(0, 2)}/${value.slice(2)}`
  else if (/^\d{4}$/.test(value)) text = value
  else return null
  const parsed = parsePartialDate(text)
  return parsed.ok ? parsed.value : null
}

function compactFullDate(value: string): IsoDate | null {
  const match = /^(\d{2})(\d{2})(\d{4})$/.exec(value)
  if (match === null) return null
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return isValidCalendarDate(year, month, day) ? isoDateFromParts(year, month, day) : null
}

/** Reads the QR code of a chip CCCD. The personal ID and the name are required. */
export function parseCitizenIdQr(payload: string): Parsed<CitizenIdQr> {
  const fields = citizenIdQrFields(payload).map((field) => toNfc(field).trim())
  const personalId = parsePersonalId(fields[0] ?? '')
  if (!personalId.ok || !/^\d{12}$/.test(fields[0] ?? '')) {
    return fail(
      Code.InvalidQrPayload,
      'Mã QR không phải mã QR căn cước công dân: trường đầu tiên phải là số CCCD 12 chữ số.',
    )
  }
  if (fields.length === 6) {
    return fail(
      Code.UnsupportedQrLayout,
      'Mã QR căn cước công dân chỉ có 6 trường (thiếu trường số CMND cũ); mã QR trên thẻ thật có 7 trường. Vui lòng quét lại mã QR trên thẻ.',
    )
  }
  if (fields.length < 7) {
    return fail(
      Code.InvalidQrPayload,
      `Mã QR căn cước công dân phải có 7 trường, mã này chỉ có ${fields.length}.`,
    )
  }
  const fullName = normalizeName(fields[2] ?? '')
  if (fullName === '') return fail(Code.InvalidQrPayload, 'Mã QR căn cước công dân không có họ tên.')

  const unreadableFields: string[] = []
  function read<T>(name: string, index: number, reader: (value: string) => T | null): T | null {
    const value = fields[index] ?? ''
    if (value === '') return null
    const result = reader(value)
    if (result === null) unreadableFields.push(name)
    return result
  }

  return ok({
    personalId: personalId.value.personalId,
    legacyIdNumber: read('legacyIdNumber', 1, (value) => {
      const parsed = parseLegacyIdNumber(value)
      return parsed.ok ? parsed.value : null
    }),
    fullName,
    dateOfBirth: read('dateOfBirth', 3, compactPartialDate),
    gender: read('gender', 4, (value) => {
      const parsed = parseGender(value)
      return parsed.ok && parsed.value !== 'other' ? parsed.value : null
    }),
    address: read('address', 5, (value) => normalizeSpaces(value) || null),
    issuedOn: read('issuedOn', 6, compactFullDate),
    extraFields: fields.slice(7),
    unreadableFields,
    raw: payload,
  })
}
