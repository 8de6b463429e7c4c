/**
 * Turns a scanned QR text into the fields it fills: the BHYT card gives the BHXH code and the name,
 * the chip CCCD gives the personal ID, the name and the printed address. Pure functions: the screen
 * decides what to say.
 */
import {
  type AdminUnitView,
  detectQrKind,
  foldVietnamese,
  IdDocumentKind,
  normalizeName,
  type ParseError,
  parseCitizenIdQr,
  parseHealthCardQr,
  QrKind,
  titleCaseVietnamese,
} from '@ansinh/domain'
import type { DraftFields } from './draft'

export type QrFill =
  | { ok: true; patch: Partial<DraftFields>; addressFilled: boolean }
  | { ok: false; reason: 'otherKind' }
  | { ok: false; reason: 'unreadable'; error: ParseError }

/** Cards print names in capitals; the form wants "Nguyễn Thị Thu Hằng". Mixed case is kept as given. */
export function nameFromQr(name: string): string {
  const normalized = normalizeName(name)
  return normalized === normalized.toLocaleUpperCase('vi') ? titleCaseVietnamese(normalized) : normalized
}

export function fillFromHealthCardQr(text: string): QrFill {
  if (detectQrKind(text) === QrKind.CitizenId) return { ok: false, reason: 'otherKind' }
  const parsed = parseHealthCardQr(text)
  if (!parsed.ok) return { ok: false, reason: 'unreadable', error: parsed.error }
  return {
    ok: true,
    patch: { bhxhCode: parsed.value.bhxhCode, fullName: nameFromQr(parsed.value.fullName) },
    addressFilled: false,
  }
}

/**
 * The CCCD's address is free text ("…, Phường Chợ Quán, Thành phố Hồ Chí Minh"): it goes to the street
 * field only while no address is chosen, and the province is pre-selected when its name ends the text.
 * The commune is left to the person: the card may still carry a unit that no longer exists.
 */
export function fillFromCitizenIdQr(text: string, fields: DraftFields, provinces: AdminUnitView[]): QrFill {
  if (detectQrKind(text) === QrKind.HealthCard) return { ok: false, reason: 'otherKind' }
  const parsed = parseCitizenIdQr(text)
  if (!parsed.ok) return { ok: false, reason: 'unreadable', error: parsed.error }
  const { personalId, fullName, address } = parsed.value
  const patch: Partial<DraftFields> = {
    idKind: IdDocumentKind.PersonalId,
    idNumber: personalId,
    fullName: nameFromQr(fullName),
  }
  const noAddressYet = fields.provinceCode === '' && fields.communeCode === '' && fields.street.trim() === ''
  if (!address || !noAddressYet) return { ok: true, patch, addressFilled: false }
  patch.street = address.slice(0, 200)
  const province = provinceAtEndOf(address, provinces)
  if (province) {
    patch.provinceCode = province.code
    patch.districtCode = ''
    patch.communeCode = ''
  }
  return { ok: true, patch, addressFilled: true }
}

/**
 * The province whose name ends the address, compared without diacritics or case ("TP. Hồ Chí Minh",
 * "Thành phố Hồ Chí Minh" and "HO CHI MINH" all end with "ho chi minh"). The longest name wins, so a
 * province whose name ends another's cannot take its place.
 */
export function provinceAtEndOf(address: string, provinces: AdminUnitView[]): AdminUnitView | undefined {
  const folded = foldVietnamese(address).replace(/[\s.,;]+$/, '')
  let best: { unit: AdminUnitView; length: number } | undefined
  for (const unit of provinces) {
    const name = foldVietnamese(unit.name)
    if (name === '' || !endsWithWord(folded, name)) continue
    if (!best || name.length > best.length) best = { unit, length: name.length }
  }
  return best?.unit
}

function endsWithWord(text: string, word: string): boolean {
  if (!text.endsWith(word)) return false
  const before = text.charAt(text.length - word.length - 1)
  return before === '' || /[\s.,;-]/.test(before)
}
