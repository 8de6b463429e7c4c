/**
 * Retrieval over the FAQ for its search and the chatbot (trợ lý ảo): Okapi BM25 over folded Vietnamese
 * tokens. Vietnamese words are one to three syllables written apart ("mật khẩu"), so the index holds
 * each syllable and each pair of adjacent syllables: a pair ("mat khau") tells apart questions that
 * share syllables ("mat the", "khau tru"). Nothing here invents text: the chatbot answers with an entry
 * as written, or says it is not sure.
 *
 * The English FAQ (An Sinh's translation) goes through the same folding, pairs and ranking, with its
 * own rewrites and stop words: the two lists never mix, since an English word can be a Vietnamese
 * syllable ("the", "can", "do" are thẻ, cần, đó/đỏ once folded).
 */
import { type FaqLanguage, faqLanguages } from './support'
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
const vietnameseRewrites: [from: string, to: string][] = [
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

/**
 * The English counterpart: the FAQ's Vietnamese acronyms for their English names (so "health insurance
 * card" and "BHYT card" meet), sign-in and sign-up variants, negations, and a few irregular plurals.
 * Matched after `singular`, so each left side is already singular.
 */
const englishRewrites: [from: string, to: string][] = [
  ['health insurance', 'bhyt'],
  ['medical insurance', 'bhyt'],
  ['health card', 'bhyt card'],
  ['insurance card', 'bhyt card'],
  ['social insurance', 'bhxh'],
  ['social security', 'bhxh'],
  ['unemployment insurance', 'bhtn'],
  ['bhxh number', 'bhxh code'],
  ['insurance number', 'bhxh code'],
  ['insurance code', 'bhxh code'],
  ['ssn', 'bhxh code'],
  ['citizen identity card', 'cccd'],
  ['citizen id card', 'cccd'],
  ['citizen id', 'cccd'],
  ['identity card', 'cccd'],
  ['id card', 'cccd'],
  ['national id', 'cccd'],
  ['national e id', 'vneid'],
  ['electronic identity', 'vneid'],
  ['e id', 'vneid'],
  ['eid', 'vneid'],
  ['vne id', 'vneid'],
  ['vss id', 'vssid'],
  ['one time password', 'otp'],
  ['one time code', 'otp'],
  ['verification code', 'otp'],
  ['confirmation code', 'otp'],
  ['security code', 'otp'],
  ['sms code', 'otp'],
  ['otp code', 'otp'],
  ['pwd', 'password'],
  ['passwd', 'password'],
  ['pass', 'password'],
  ['pw', 'password'],
  ['log in', 'sign in'],
  ['logged in', 'sign in'],
  ['logging in', 'sign in'],
  ['log on', 'sign in'],
  ['login', 'sign in'],
  ['logon', 'sign in'],
  ['signin', 'sign in'],
  ['signed in', 'sign in'],
  ['signing in', 'sign in'],
  ['log out', 'sign out'],
  ['logged out', 'sign out'],
  ['logout', 'sign out'],
  ['signout', 'sign out'],
  ['signed out', 'sign out'],
  ['sign up', 'register'],
  ['signup', 'register'],
  ['signing up', 'register'],
  ['registration', 'register'],
  ['registering', 'register'],
  ['registered', 'register'],
  ['enrol', 'register'],
  ['enroll', 'register'],
  ['acct', 'account'],
  ['acc', 'account'],
  ['forget', 'forgot'],
  ['forgotten', 'forgot'],
  ['mobile', 'phone'],
  ['cellphone', 'phone'],
  ['cell phone', 'phone'],
  ['smartphone', 'phone'],
  ['e mail', 'email'],
  ['mail', 'email'],
  ['gmail', 'email'],
  ['helpline', 'hotline'],
  ['hot line', 'hotline'],
  ['call centre', 'hotline'],
  ['call center', 'hotline'],
  ['wi fi', 'wifi'],
  ['children', 'child'],
  ['kid', 'child'],
  ['dont', 'not'],
  ['didnt', 'not'],
  ['doesnt', 'not'],
  ['havent', 'not'],
  ['hasnt', 'not'],
  ['isnt', 'not'],
  ['wasnt', 'not'],
  ['cant', 'cannot'],
  ['can not', 'cannot'],
  ['wont', 'not'],
  ['u', 'you'],
  ['pls', 'please'],
  ['plz', 'please'],
]

/**
 * Syllables that carry no subject: pronouns, particles, question words. Only whole syllables that are
 * never part of a term the FAQ needs ("mã", "thẻ", "cơ quan" fold to "ma", "the", "co": kept or
 * handled by the pairs).
 */
const vietnameseStopwords = new Set([
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

/**
 * English words that carry no subject. Negations ("not", "no", "cannot") and the particles of phrasal
 * verbs ("out", "up") stay: "sign out" and "not received" mean something.
 */
const englishStopwords = new Set([
  'i',
  'me',
  'my',
  'mine',
  'myself',
  'you',
  'your',
  'we',
  'our',
  'us',
  'he',
  'she',
  'his',
  'her',
  'they',
  'them',
  'their',
  'it',
  'its',
  'a',
  'an',
  'the',
  'is',
  'are',
  'am',
  'was',
  'were',
  'be',
  'been',
  'being',
  'do',
  'does',
  'did',
  'doing',
  'to',
  'of',
  'at',
  'for',
  'from',
  'with',
  'by',
  'about',
  'as',
  'into',
  'and',
  'or',
  'but',
  'if',
  'then',
  'so',
  'than',
  'that',
  'this',
  'these',
  'those',
  'there',
  'here',
  'how',
  'what',
  'where',
  'when',
  'why',
  'which',
  'who',
  'whom',
  'can',
  'could',
  'should',
  'would',
  'will',
  'shall',
  'may',
  'might',
  'must',
  'have',
  'has',
  'had',
  'get',
  'got',
  'want',
  'need',
  'know',
  'please',
  'hi',
  'hello',
  'hey',
  'thanks',
  'thank',
  'any',
  'some',
  'just',
  'also',
  'still',
  'yet',
  'now',
])

/** What a language's tokens go through: its rewrites, longest first, and its stop words. */
type Lexicon = {
  rewrites: { from: string[]; to: string[] }[]
  stopwords: ReadonlySet<string>
  /** English plurals to their singular ("passwords", "cards"); Vietnamese syllables never inflect. */
  stem: (token: string) => string
  /**
   * How pairs are formed. Vietnamese pairs adjacent syllables unless both are stop words ("the bhyt",
   * "lam lai" count). English pairs the words that remain without stop words: "register an account"
   * gives "register account", while "my application" or "was approved" would be grammar outweighing
   * what is asked.
   */
  pairsSkipStopwords: boolean
}

// Longest first, so that "bao hiem y te" wins over a shorter rewrite that starts the same way.
const rewriteTable = (rewrites: [string, string][]) =>
  rewrites
    .map(([from, to]) => ({ from: from.split(' '), to: to.split(' ') }))
    .sort((a, b) => b.from.length - a.from.length)

/**
 * A light English stemmer, plurals only: "-ies" to "-y" and a final "s" after four letters or more,
 * but not "-ss", "-us" or "-is" ("access", "status", "analysis") nor a stop word ("does", "this").
 */
function singular(token: string): string {
  if (englishStopwords.has(token) || /\d/.test(token)) return token
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`
  if (token.length >= 4 && token.endsWith('s') && !/(ss|us|is)$/.test(token)) return token.slice(0, -1)
  return token
}

const lexicons: Record<FaqLanguage, Lexicon> = {
  vi: {
    rewrites: rewriteTable(vietnameseRewrites),
    stopwords: vietnameseStopwords,
    stem: (token) => token,
    pairsSkipStopwords: false,
  },
  en: {
    rewrites: rewriteTable(englishRewrites),
    stopwords: englishStopwords,
    stem: singular,
    pairsSkipStopwords: true,
  },
}

/**
 * Folded words with the rewrites applied: "Quên MK đăng nhập VssID" → quen mat khau dang nhap vssid;
 * in English "Can't log in to VssID" → cannot sign in to vssid.
 */
export function faqTokens(text: string, language: FaqLanguage = 'vi'): string[] {
  const lexicon = lexicons[language]
  const folded = foldVietnamese(text)
  // "don't", "someone else's": one word without its apostrophe, the possessive dropped.
  const words = language === 'en' ? folded.replace(/'s\b/g, '').replace(/'/g, '') : folded
  const raw = words
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((token) => token !== '')
    .map(lexicon.stem)
  const tokens: string[] = []
  let index = 0
  while (index < raw.length) {
    const rewrite = lexicon.rewrites.find(({ from }) =>
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

/**
 * The index terms of a token list: meaningful words, and pairs of neighbours unless both are stop
 * words (in English, neighbours once the stop words are gone).
 */
function termsOf(tokens: readonly string[], { stopwords, pairsSkipStopwords }: Lexicon): string[] {
  const words = tokens.filter((token) => !stopwords.has(token))
  const paired = pairsSkipStopwords ? words : tokens
  const terms = [...words]
  for (let index = 0; index + 1 < paired.length; index += 1) {
    const first = paired[index] as string
    const second = paired[index + 1] as string
    if (!(stopwords.has(first) && stopwords.has(second))) terms.push(`${first} ${second}`)
  }
  return terms
}

type IndexedDocument = { id: string; length: number; termCounts: Map<string, number> }

export type FaqSearchIndex = {
  /** The language of the entries, and so of the queries searched in them. */
  language: FaqLanguage
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

export function buildFaqIndex(
  entries: readonly FaqSearchDocument[],
  language: FaqLanguage = 'vi',
): FaqSearchIndex {
  const lexicon = lexicons[language]
  const documentFrequency = new Map<string, number>()
  const documents = entries.map(({ id, question, answer, keywords }) => {
    const heading = termsOf(faqTokens([question, ...keywords].join(' . '), language), lexicon)
    const terms = [
      ...Array.from({ length: questionWeight }, () => heading).flat(),
      ...termsOf(faqTokens(answer, language), lexicon),
    ]
    const termCounts = new Map<string, number>()
    for (const term of terms) termCounts.set(term, (termCounts.get(term) ?? 0) + 1)
    for (const term of termCounts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1)
    return { id, length: terms.length, termCounts }
  })
  const averageLength =
    documents.reduce((sum, document) => sum + document.length, 0) / (documents.length || 1)
  return { language, documents, documentFrequency, averageLength }
}

/**
 * A query's syllables with small typos mended: a syllable the FAQ never uses, of four letters or more,
 * becomes the FAQ's syllable one edit away (the most common one when several are), so "mat khua" finds
 * "mat khau".
 */
function mendTypos(index: FaqSearchIndex, tokens: string[]): string[] {
  const { stopwords } = lexicons[index.language]
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
  const queryTerms = [
    ...new Set(termsOf(mendTypos(index, faqTokens(query, index.language)), lexicons[index.language])),
  ]
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
const vietnameseSecretWords = [['mat', 'khau'], ['otp'], ['ma', 'pin'], ['passcode']]
/** Giving or asking for it: what a person does when an impostor has them on the phone. */
const vietnameseSharingWords = [
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
/** The same in English, after `faqTokens(…, 'en')`: "verification code" and "pwd" are `otp`, `password`. */
const englishSecretWords = [['password'], ['otp'], ['pin'], ['passcode']]
const englishSharingWords = [
  ['give'],
  ['gave'],
  ['tell'],
  ['told'],
  ['share'],
  ['shared'],
  ['read', 'out'],
  ['send', 'to'],
  ['sent', 'to'],
  ['ask', 'for'],
  ['asked', 'for'],
  ['asking', 'for'],
  ['transfer'],
]
const secretPhrases: Record<FaqLanguage, { secret: string[][]; sharing: string[][] }> = {
  vi: { secret: vietnameseSecretWords, sharing: vietnameseSharingWords },
  en: { secret: englishSecretWords, sharing: englishSharingWords },
}

function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  return tokens.some((_, start) => phrase.every((word, offset) => tokens[start + offset] === word))
}

/**
 * Whether a message seems to hold a password or OTP ("mật khẩu của tôi là Abc12345", "mã OTP 482913")
 * or to be about giving one to someone: the chatbot then reminds that nobody, the agency included, may
 * ask for them. It errs towards reminding: a needless reminder costs a line, a missed one money.
 */
export function mentionsSecret(message: string): boolean {
  // Both languages whatever the screen's: people write in the one they think in.
  return faqLanguages.some((language) => {
    const { secret, sharing } = secretPhrases[language]
    const tokens = faqTokens(message, language)
    if (!secret.some((phrase) => containsPhrase(tokens, phrase))) return false
    return codeLike(message) || sharing.some((phrase) => containsPhrase(tokens, phrase))
  })
}

/** Whole words as typed, so that a password's symbols ("Hoa@2024x") keep it in one piece. */
function codeLike(message: string): boolean {
  return foldVietnamese(message)
    .split(' ')
    .map((word) => word.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .some((word) => /^\d{4,8}$/.test(word) || (word.length >= 6 && /\d/.test(word) && /[a-z]/.test(word)))
}
