/**
 * SMS length rules (3GPP TS 23.038 / 23.040). Operators bill per segment, so every template's SMS is
 * checked against a declared maximum and the count is stored with the message.
 *
 * - GSM 03.38 7-bit default alphabet: 160 septets in one SMS, 153 per segment of a long (concatenated)
 *   SMS — the user-data header takes the rest. Characters of the extension table (`€ [ ] { } ^ ~ | \`
 *   and form feed) are sent as ESC + character and count 2.
 * - Anything else makes the whole SMS UCS-2: 70 UTF-16 code units in one SMS, 67 per segment;
 *   a character outside the BMP (an emoji) is a surrogate pair and counts 2.
 *
 * Vietnamese with diacritics (tiếng Việt có dấu) is UCS-2 — "ạ", "ư", "ơ" are not in the GSM
 * alphabet — which more than halves what fits in one SMS. Brand-name SMS (tin nhắn thương hiệu) in
 * Vietnam is therefore usually sent without diacritics (không dấu); `toSmsAscii` makes that form
 * and each template decides which one it sends.
 */

export const SmsEncoding = { Gsm7: 'gsm7', Ucs2: 'ucs2' } as const
export type SmsEncoding = (typeof SmsEncoding)[keyof typeof SmsEncoding]

export type SmsSegments = {
  encoding: SmsEncoding
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text. */
  units: number
  /** Messages the operator sends and bills; an empty text is still one SMS. */
  segments: number
}

/** Units per SMS: one-part limit and the per-segment limit of a concatenated SMS. */
export const SMS_LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
}

// The default alphabet in code-point order of the GSM table (0x1B, the escape, is left out: it is
// never a character of the text). Note é è ù ì ò à Ç É are here, so "à" alone stays GSM-7.
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
)
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€')

/** Septets a character takes in GSM-7, or `null` when GSM-7 cannot carry it. */
function gsm7Cost(char: string): 1 | 2 | null {
  if (GSM7_BASIC.has(char)) return 1
  if (GSM7_EXTENSION.has(char)) return 2
  return null
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (gsm7Cost(char) === null) return false
  return true
}

/**
 * Counts how a text is sent. In a long SMS an escaped character or a surrogate pair is never split
 * between two segments (phones would show garbage), so segments are filled character by character
 * rather than by dividing the total.
 */
export function smsSegments(text: string): SmsSegments {
  const encoding: SmsEncoding = isGsm7(text) ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2
  // `for … of` walks code points, so a surrogate pair arrives as one two-unit character.
  const costs = Array.from(text, (char) => (encoding === 'gsm7' ? (gsm7Cost(char) ?? 1) : char.length))
  const units = costs.reduce((sum, cost) => sum + cost, 0)
  const limits = SMS_LIMITS[encoding]
  if (units <= limits.single) return { encoding, units, segments: 1 }
  let segments = 1
  let used = 0
  for (const cost of costs) {
    if (used + cost > limits.multi) {
      segments += 1
      used = 0
    }
    used += cost
  }
  return { encoding, units, segments }
}

// Typography that word processors and phone keyboards insert; GSM-7 has plain equivalents.
const PUNCTUATION: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02BC': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u202F': ' ',
  '\u00AB': '"',
  '\u00BB': '"',
  '`': "'",
}

/**
 * Vietnamese without diacritics for SMS ("tiếng Việt không dấu"): every combining mark is dropped,
 * `đ`/`Đ` become `d`/`D`, case is kept, and typographic quotes, dashes, ellipses and non-breaking
 * spaces become their ASCII forms. "Mã OTP của bạn" → "Ma OTP cua ban". Other characters are kept:
 * `toGsm7` replaces what GSM-7 still cannot carry.
 */
export function toSmsAscii(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/[Đ\u00D0]/g, 'D')
      // NFD already split ư/ơ into u/o + horn; the marks are gone, so what is left is plain Latin.
      .replace(
        /[\u2018\u2019\u02BC\u201C\u201D\u2013\u2014\u2026\u00A0\u2007\u202F\u00AB\u00BB`]/g,
        (char) => {
          return PUNCTUATION[char] ?? char
        },
      )
      .normalize('NFC')
  )
}

/**
 * `toSmsAscii`, then `?` for every character GSM-7 still cannot carry (an emoji, a Chinese
 * character pasted into a free-text reason), so that one stray character cannot turn a whole SMS into
 * UCS-2 and double its segments.
 */
export function toGsm7(text: string): string {
  return Array.from(toSmsAscii(text), (char) => (gsm7Cost(char) === null ? '?' : char)).join('')
}
