import { foldVietnamese } from '@ansinh/domain'
import type { Gender } from './names'
import type { Random } from './prng'
import { keyedPermutation, mixSeed, textSeed } from './prng'

/**
 * Identifiers for generated people and employers. Each kind is a counter pushed through a keyed
 * permutation, so the values look random, depend only on the seed, and can never collide. The low
 * end of each range is left to the well-known demo people (see `well-known.ts`), whose identifiers
 * therefore cannot clash with a generated population of any seed.
 */

/** Generated BHXH-code suffixes start here; the well-known demo people use smaller ones. */
export const reservedBhxhSuffixes = 100_000
/** Generated personal-ID serials start here; the well-known demo people use smaller ones. */
export const reservedPersonalIdSerials = 1_000

/** Century-and-sex digit of the personal ID: 0/1 for men/women born 1900–1999, 2/3 for 2000–2099. */
export function centurySexDigit(gender: Gender, birthYear: number): number {
  const century = Math.floor(birthYear / 100) - 19
  return century * 2 + (gender === 'female' ? 1 : 0)
}

/** The first six digits of a personal ID: birth-registration province (3), century/sex (1), year (2). */
export function personalIdPrefix(legacyProvinceCode: string, gender: Gender, birthYear: number): string {
  return `0${legacyProvinceCode}${centurySexDigit(gender, birthYear)}${String(birthYear % 100).padStart(2, '0')}`
}

// Mobile prefixes in use since the 2018 renumbering (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile, Itel).
// biome-ignore format: a code list
export const mobilePrefixes = [
  '032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098',
  '081', '082', '083', '084', '085', '088', '091', '094',
  '070', '076', '077', '078', '079', '089', '090', '093',
  '052', '056', '058', '092', '059', '099', '087',
] as const

export function isValidMobile(phone: string): boolean {
  return /^0\d{9}$/.test(phone) && (mobilePrefixes as readonly string[]).includes(phone.slice(0, 3))
}

export function pickPhone(random: Random): string {
  return `${random.pick(mobilePrefixes)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`
}

const mailDomains = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com']

/** "hangnguyen1987@gmail.com": folded given name and family name, sometimes with the birth year. */
export function makeEmail(random: Random, fullName: string, birthYear: number): string {
  const words = foldVietnamese(fullName).split(' ')
  const family = words[0] ?? 'user'
  const given = words[words.length - 1] ?? 'user'
  const local = random.chance(0.5) ? `${given}${family}` : `${given}.${family}`
  const suffix = random.chance(0.6) ? String(birthYear) : String(random.int(1, 999))
  return `${local}${suffix}@${random.pick(mailDomains)}`
}

export type IdentifierIssuer = {
  bhxhCode(firstIssueProvince: string): string // mã số BHXH
  personalId(birthProvince: string, gender: Gender, birthYear: number): string // số định danh cá nhân
  legacyIdNumber(): string // CMND
  passportNumber(): string
  householdCode(provinceCode: string): string
  unitCode(): string // mã đơn vị
  taxCode(): string // mã số thuế
}

export function createIdentifierIssuer(seed: number): IdentifierIssuer {
  const bhxh = keyedPermutation(100_000_000 - reservedBhxhSuffixes, mixSeed(seed, textSeed('bhxh')))
  const household = keyedPermutation(100_000_000 - reservedBhxhSuffixes, mixSeed(seed, textSeed('household')))
  const cmnd = keyedPermutation(1_000_000_000, mixSeed(seed, textSeed('cmnd')))
  const passport = keyedPermutation(10_000_000, mixSeed(seed, textSeed('passport')))
  const tax = keyedPermutation(900_000_000, mixSeed(seed, textSeed('tax')))
  const unit = keyedPermutation(24 * 26 * 10_000 * 26, mixSeed(seed, textSeed('unit')))
  const serialSpace = 1_000_000 - reservedPersonalIdSerials
  const serials = new Map<string, { next: number; permute: (index: number) => number }>()
  const counters = { bhxh: 0, household: 0, cmnd: 0, passport: 0, tax: 0, unit: 0 }
  const take = (kind: keyof typeof counters) => counters[kind]++
  return {
    bhxhCode: (province) => `${province}${pad(reservedBhxhSuffixes + bhxh(take('bhxh')), 8)}`,
    householdCode: (province) => `${province}${pad(reservedBhxhSuffixes + household(take('household')), 8)}`,
    legacyIdNumber: () => pad(cmnd(take('cmnd')), 9),
    passportNumber: () => `C${pad(passport(take('passport')), 7)}`,
    taxCode: () => `0${100_000_000 + tax(take('tax'))}`,
    unitCode: () => {
      // Two letters, four digits, one letter (e.g. "TA1234B"); the first letter stops at X so that the
      // well-known demo employers can use Z without ever colliding.
      let value = unit(take('unit'))
      const last = value % 26
      value = Math.floor(value / 26)
      const digits = value % 10_000
      value = Math.floor(value / 10_000)
      const second = value % 26
      const first = Math.floor(value / 26)
      return `${letter(first)}${letter(second)}${pad(digits, 4)}${letter(last)}`
    },
    personalId(birthProvince, gender, birthYear) {
      const prefix = personalIdPrefix(birthProvince, gender, birthYear)
      let bucket = serials.get(prefix)
      if (!bucket) {
        bucket = { next: 0, permute: keyedPermutation(serialSpace, mixSeed(seed, textSeed(prefix))) }
        serials.set(prefix, bucket)
      }
      if (bucket.next >= serialSpace) throw new Error(`personal ID serials exhausted for ${prefix}`)
      return `${prefix}${pad(reservedPersonalIdSerials + bucket.permute(bucket.next++), 6)}`
    },
  }
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0')
}

function letter(index: number): string {
  return String.fromCharCode(65 + index)
}
