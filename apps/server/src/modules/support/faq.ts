import { readFileSync } from 'node:fs'
import {
  buildFaqIndex,
  type FaqEntry,
  FaqFile,
  type FaqLanguage,
  type FaqSearchIndex,
  faqLanguages,
} from '@ansinh/domain'

/** The FAQ in memory: about sixty entries, read once at start, searched without the database. */
export type Faq = {
  language: FaqLanguage
  entries: FaqEntry[]
  byId: Map<string, FaqEntry>
  index: FaqSearchIndex
}

/** The FAQ in each language the app speaks, entry for entry. */
export type Faqs = Record<FaqLanguage, Faq>

const faqFileOf = (language: FaqLanguage) =>
  new URL(`../../../reference-data/faq/faq.${language}.json`, import.meta.url)

/**
 * Reads and checks `reference-data/faq/faq.vi.json` (or another language's file): a malformed file or
 * a repeated id stops the server at start rather than answering wrongly later. Text is kept in NFC,
 * as every name is.
 */
export function loadFaq(file: URL = faqFileOf('vi')): Faq {
  const parsed = FaqFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  const entries = parsed.entries.map((entry) => ({
    ...entry,
    question: entry.question.normalize('NFC'),
    answer: entry.answer.normalize('NFC'),
    keywords: entry.keywords.map((keyword) => keyword.normalize('NFC')),
  }))
  const byId = new Map(entries.map((entry) => [entry.id, entry]))
  if (byId.size !== entries.length) throw new Error(`${file.pathname}: FAQ ids must be unique`)
  return { language: parsed.language, entries, byId, index: buildFaqIndex(entries, parsed.language) }
}

/**
 * Both files, which must hold the same entries (ids, categories, order): a link, a chatbot source or
 * a list switched to the other language then always finds its counterpart. A translation that lags
 * behind the Vietnamese stops the server at start, like a repeated id.
 */
export function loadFaqs(
  files: Record<FaqLanguage, URL> = { vi: faqFileOf('vi'), en: faqFileOf('en') },
): Faqs {
  const faqs = { vi: loadFaq(files.vi), en: loadFaq(files.en) }
  for (const language of faqLanguages) {
    if (faqs[language].language !== language) {
      throw new Error(`${files[language].pathname}: "language" must be "${language}"`)
    }
  }
  const outline = (faq: Faq) => faq.entries.map(({ id, category }) => `${id}:${category}`)
  const vietnamese = outline(faqs.vi)
  const english = outline(faqs.en)
  const differing = [
    ...vietnamese.filter((item, position) => english[position] !== item),
    ...english.filter((item, position) => vietnamese[position] !== item),
  ]
  if (differing.length > 0) {
    throw new Error(
      `${files.en.pathname}: the FAQ files must hold the same ids and categories in the same order; ` +
        `differing: ${[...new Set(differing)].slice(0, 5).join(', ')}`,
    )
  }
  return faqs
}
