/**
 * Vietnamese text: names are stored in NFC with their diacritics and compared after folding.
 */

// Zero-width characters arrive from copy-paste and some IMEs; they are invisible and never meaningful.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g
// Apostrophe look-alikes in ethnic-minority names (H'Hen, Ksor H'Ly) typed on different keyboards.
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g

export function toNfc(text: string): string {
  return text.normalize('NFC')
}

/** Trims, removes zero-width characters and collapses every run of whitespace to one space. */
export function normalizeSpaces(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(/\s+/gu, ' ').trim()
}

/** A person's name as stored: NFC, single spaces, one kind of apostrophe. Case is kept. */
export function normalizeName(name: string): string {
  return normalizeSpaces(toNfc(name).replace(APOSTROPHES, "'"))
}

/**
 * Lower case without diacritics, `đ` → `d`, single spaces: the key for comparing names and for
 * accent-insensitive search. Works on NFD input and folds old-style ("Hoà") and new-style ("Hòa")
 * tone placement to the same string, because every combining mark is dropped.
 */
export function foldVietnamese(text: string): string {
  return normalizeSpaces(
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // U+00D0 (Icelandic eth) looks like Đ and turns up in data typed on Western keyboards.
      .replace(/[đĐ\u00D0]/g, 'd')
      .replace(APOSTROPHES, "'")
      .toLowerCase(),
  )
}

/**
 * Whether two names are the same person's name for registry matching: equal after folding.
 * Two empty names never match.
 */
export function namesMatch(a: string, b: string): boolean {
  const folded = foldVietnamese(a)
  return folded !== '' && folded === foldVietnamese(b)
}

export type FullNameParts = { familyName: string; middleName: string; givenName: string }

/**
 * Splits a Vietnamese name written family name first: "Nguyễn Thị Minh Khai" →
 * family "Nguyễn", middle "Thị Minh", given "Khai". A single word is taken as the given name.
 */
export function splitFullName(fullName: string): FullNameParts {
  const words = wordsOf(fullName)
  if (words.length === 0) return { familyName: '', middleName: '', givenName: '' }
  if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0] ?? '' }
  return {
    familyName: words[0] ?? '',
    middleName: words.slice(1, -1).join(' '),
    givenName: words[words.length - 1] ?? '',
  }
}

/**
 * Hides a name on screens that must not show it in full (look-ups, shared devices):
 * "Nguyễn Thị Hằng" → "Nguyễn T** H***". The first word stays; every other word keeps its first
 * letter and one star per remaining letter. Letters are counted on the NFC form, so NFD input
 * gives the same result.
 */
export function maskName(fullName: string): string {
  return wordsOf(fullName)
    .map((word, index) => {
      if (index === 0) return word
      const letters = Array.from(word)
      return (letters[0] ?? '') + '*'.repeat(letters.length - 1)
    })
    .join(' ')
}

/**
 * "NGUYỄN văn  an" → "Nguyễn Văn An". Also capitalises after a hyphen or apostrophe, as in
 * ethnic-minority names ("H'Hen Niê", "Y-Moan").
 */
export function titleCaseVietnamese(text: string): string {
  return normalizeName(text)
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase())
}

function wordsOf(text: string): string[] {
  const normalized = normalizeName(text)
  return normalized === '' ? [] : normalized.split(' ')
}
