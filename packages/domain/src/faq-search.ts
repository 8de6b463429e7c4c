/**
 * Retrieval over the FAQ for its search and the chatbot (trợ lý ảo): Okapi BM25 over folded Vietnamese
 * tokens. Vietnamese words are one to three syllables written apart ("mật khẩu"), so the index holds
 * each syllable and each pair of adjacent syllables: a pair ("mat khau") tells apart questions that
 * share syllables ("mat the", "khau tru"). Nothing here invents text: the chatbot answers with an entry
 * as written, or says it is not sure.
 */
import { foldVietnamese } from './text'

export type FaqSearchDocument = {
  id: string
  question: string
  answer: string
  keywords: readonly string[]
}

export type FaqHit = { id: string; score: number }

/**
 * What people type instead of the words the FAQ uses, on folded tokens: abbreviations, English words,
 * words typed together. The right side is the form the index holds, so both sides of a search agree.
 */
const rewrites: [from: string, to: string][] = [
  ['bao hiem y te', 'bhyt'],
  ['bao hiem xa hoi', 'bhxh'],
  ['bao hiem that nghiep', 'bhtn'],
  ['baohiem', 'bao hiem'],
  ['mk', 'mat khau'],
  ['matkhau', 'mat khau'],
  ['pass', 'mat khau'],
  ['password', 'mat khau'],
  ['pw', 'mat khau'],
  ['ma xac thuc', 'otp'],
  ['ma xac nhan', 'otp'],
  ['ma otp', 'otp'],
  ['kham chua benh', 'kcb'],
  ['can cuoc cong dan', 'cccd'],
  ['can cuoc', 'cccd'],
  ['chung minh nhan dan', 'cmnd'],
  ['chung minh thu', 'cmnd'],
  ['cmt', 'cmnd'],
  ['dinh danh dien tu', 'vneid'],
  ['vne id', 'vneid'],
  ['vss id', 'vssid'],
  ['tk', 'tai khoan'],
  ['taikhoan', 'tai khoan'],
  ['account', 'tai khoan'],
  ['dk', 'dang ky'],
  ['dky', 'dang ky'],
  ['dki', 'dang ky'],
  ['dang ki', 'dang ky'],
  ['dangky', 'dang ky'],
  ['login', 'dang nhap'],
  ['log in', 'dang nhap'],
  ['dangnhap', 'dang nhap'],
  ['sdt', 'so dien thoai'],
  ['dt', 'dien thoai'],
  ['dthoai', 'dien thoai'],
  ['ko', 'khong'],
  ['k', 'khong'],
  ['kg', 'khong'],
  ['khg', 'khong'],
  ['hok', 'khong'],
  ['dc', 'duoc'],
  ['bv', 'benh vien'],
  ['dvc', 'dich vu cong'],
  ['e mail', 'email'],
  ['gmail', 'email'],
  ['mail', 'email'],
  ['thu dien tu', 'email'],
  ['app', 'ung dung'],
  ['hotline', 'tong dai'],
]

// Longest first, so that "bao hiem y te" wins over a shorter rewrite that starts the same way.
const rewriteTable = rewrites
  .map(([from, to]) => ({ from: from.split(' '), to: to.split(' ') }))
  .sort((a, b) => b.from.length - a.from.length)

/**
 * Syllables that carry no subject: pronouns, particles, question words. Only whole syllables that are
 * never part of a term the FAQ needs ("mã", "thẻ", "cơ quan" fold to "ma", "the", "co": kept or
 * handled by the pairs).
 */
const stopwords = new Set([
  'toi',
  'minh',
  'em',
  'anh',
  'chi',
  'ban',
  'oi',
  'a',
  'ah',
  'nhe',
  'nha',
  'vay',
  'ha',
  'nao',
  'gi',
  'sao',
  'co',
  'la',
  'thi',
  'va',
  'voi',
  'cua',
  'cac',
  'nhung',
  'mot',
  'duoc',
  'de',
  'khi',
  'neu',
  'nay',
  'do',
  'o',
  'bi',
  'phai',
  'se',
  'da',
  'roi',
  'hoi',
  'xin',
  'cho',
  'muon',
  'can',
  'giup',
  'lam',
  'the',
  'nhu',
  've',
  'thuoc',
  'tu',
  'den',
  'tren',
  'trong',
  'ra',
  'vao',
  'hay',
])
// `the` (thẻ / thế) and `lam` (làm) are everywhere in the FAQ: their pairs ("the bhyt", "lam lai")
// still count, which is where they mean something.

/** Folded syllables with the rewrites applied: "Quên MK đăng nhập VssID" → quen mat khau dang nhap vssid. */
export function faqTokens(text: string): string[] {
  const raw = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((token) => token !== '')
  const tokens: string[] = []
  let index = 0
  while (index < raw.length) {
    const rewrite = rewriteTable.find(({ from }) =>
      from.every((token, offset) => raw[index + offset] === token),
    )
    if (rewrite) {
      tokens.push(...rewrite.to)
      index += rewrite.from.length
    } else {
      tokens.push(raw[index] as string)
      index += 1
    }
  }
  return tokens
}

/** The index terms of a token list: meaningful syllables, and adjacent pairs unless both are stopwords. */
function termsOf(tokens: readonly string[]): string[] {
  const terms = tokens.filter((token) => !stopwords.has(token))
  for (let index = 0; index + 1 < tokens.length; index += 1) {
    const first = tokens[index] as string
    const second = tokens[index + 1] as string
    if (!(stopwords.has(first) && stopwords.has(second))) terms.push(`${first} ${second}`)
  }
  return terms
}

type IndexedDocument = { id: string; length: number; termCounts: Map<string, number> }

export type FaqSearchIndex = {
  documents: IndexedDocument[]
  /** Number of documents holding each term. */
  documentFrequency: Map<string, number>
  averageLength: number
}

// The usual BM25 constants; short FAQ entries need no tuning beyond the question's extra weight.
const k1 = 1.2
const b = 0.75
/** The question and keywords count this many times over the answer: they say what the entry is about. */
const questionWeight = 2

export function buildFaqIndex(entries: readonly FaqSearchDocument[]): FaqSearchIndex {
  const documentFrequency = new Map<string, number>()
  const documents = entries.map(({ id, question, answer, keywords }) => {
    const heading = termsOf(faqTokens([question, ...keywords].join(' . ')))
    const terms = [
      ...Array.from({ length: questionWeight }, () => heading).flat(),
      ...termsOf(faqTokens(answer)),
    ]
    const termCounts = new Map<string, number>()
    for (const term of terms) termCounts.set(term, (termCounts.get(term) ?? 0) + 1)
    for (const term of termCounts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1)
    return { id, length: terms.length, termCounts }
  })
  const averageLength =
    documents.reduce((sum, document) => sum + document.length, 0) / (documents.length || 1)
  return { documents, documentFrequency, averageLength }
}

/**
 * A query's syllables with small typos mended: a syllable the FAQ never uses, of four letters or more,
 * becomes the FAQ's syllable one edit away (the most common one when several are), so "mat khua" finds
 * "mat khau".
 */
function mendTypos(index: FaqSearchIndex, tokens: string[]): string[] {
  return tokens.map((token) => {
    if (
      token.length < 4 ||
      stopwords.has(token) ||
      index.documentFrequency.has(token) ||
      /^\d+$/.test(token)
    ) {
      return token
    }
    let best: { term: string; frequency: number } | undefined
    for (const [term, frequency] of index.documentFrequency) {
      if (term.includes(' ') || Math.abs(term.length - token.length) > 1) continue
      if (withinOneEdit(token, term) && (!best || frequency > best.frequency)) best = { term, frequency }
    }
    return best?.term ?? token
  })
}

/** Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1
    endB -= 1
  }
  const restA = a.slice(start, endA)
  const restB = b.slice(start, endB)
  if (restA.length <= 1 && restB.length <= 1) return true
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0]
}

/** The entries that match `query`, best first (BM25); entries with no term in common are left out. */
export function searchFaq(index: FaqSearchIndex, query: string, limit = 20): FaqHit[] {
  const queryTerms = [...new Set(termsOf(mendTypos(index, faqTokens(query))))]
  const count = index.documents.length
  const hits: FaqHit[] = []
  for (const document of index.documents) {
    let score = 0
    for (const term of queryTerms) {
      const frequency = document.termCounts.get(term)
      if (!frequency) continue
      const holding = index.documentFrequency.get(term) ?? 0
      const idf = Math.log(1 + (count - holding + 0.5) / (holding + 0.5))
      const norm = k1 * (1 - b + (b * document.length) / index.averageLength)
      score += (idf * frequency * (k1 + 1)) / (frequency + norm)
    }
    if (score > 0) hits.push({ id: document.id, score })
  }
  return hits.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id)).slice(0, limit)
}

/**
 * When the chatbot answers. Below `minScore` the best entry shares too little with the message; when
 * the runner-up scores within `ambiguityRatio` of the best, the message fits two entries and picking
 * one would be a guess. Calibrated on the 50 test questions of the support module.
 */
export const chatThresholds = { minScore: 4, ambiguityRatio: 0.9, suggestions: 3 } as const

export type ChatDecision =
  | { kind: 'answer'; best: FaqHit; others: FaqHit[] }
  | { kind: 'unclear'; nearest: FaqHit[] }

export function decideReply(hits: readonly FaqHit[], thresholds = chatThresholds): ChatDecision {
  const [best, second] = hits
  const nearest = hits.slice(0, thresholds.suggestions)
  if (!best || best.score < thresholds.minScore) return { kind: 'unclear', nearest }
  if (second && second.score >= best.score * thresholds.ambiguityRatio) return { kind: 'unclear', nearest }
  return { kind: 'answer', best, others: hits.slice(1, thresholds.suggestions) }
}

/** Words that name a secret; after `faqTokens`, "mã OTP", "mã xác thực" and "mk" are all here. */
const secretWords = [['mat', 'khau'], ['otp'], ['ma', 'pin'], ['passcode']]
/** Giving or asking for it: what a person does when an impostor has them on the phone. */
const sharingWords = [
  ['cung', 'cap'],
  ['doc'],
  ['gui', 'cho'],
  ['dua', 'cho'],
  ['noi', 'cho'],
  ['cho', 'biet'],
  ['xin', 'otp'],
  ['xin', 'mat', 'khau'],
  ['hoi', 'otp'],
  ['hoi', 'mat', 'khau'],
  ['yeu', 'cau'],
  ['chuyen', 'tien'],
]

function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  return tokens.some((_, start) => phrase.every((word, offset) => tokens[start + offset] === word))
}

/**
 * Whether a message seems to hold a password or OTP ("mật khẩu của tôi là Abc12345", "mã OTP 482913")
 * or to be about giving one to someone: the chatbot then reminds that nobody, the agency included, may
 * ask for them. It errs towards reminding: a needless reminder costs a line, a missed one money.
 */
export function mentionsSecret(message: string): boolean {
  const tokens = faqTokens(message)
  if (!secretWords.some((phrase) => containsPhrase(tokens, phrase))) return false
  // Whole words as typed, so that a password's symbols ("Hoa@2024x") keep it in one piece.
  const codeLike = foldVietnamese(message)
    .split(' ')
    .map((word) => word.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .some((word) => /^\d{4,8}$/.test(word) || (word.length >= 6 && /\d/.test(word) && /[a-z]/.test(word)))
  return codeLike || sharingWords.some((phrase) => containsPhrase(tokens, phrase))
}
