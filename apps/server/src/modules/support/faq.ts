import { readFileSync } from 'node:fs'
import { buildFaqIndex, type FaqEntry, FaqFile, type FaqSearchIndex } from '@ansinh/domain'

/** The FAQ in memory: about sixty entries, read once at start, searched without the database. */
export type Faq = {
  entries: FaqEntry[]
  byId: Map<string, FaqEntry>
  index: FaqSearchIndex
}

const faqFile = new URL('../../../reference-data/faq/faq.vi.json', import.meta.url)

/**
 * Reads and checks `reference-data/faq/faq.vi.json`: a malformed file or a repeated id stops the
 * server at start rather than answering wrongly later. Text is kept in NFC, as every name is.
 */
export function loadFaq(file: URL = faqFile): Faq {
  const parsed = FaqFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  const entries = parsed.entries.map((entry) => ({
    ...entry,
    question: entry.question.normalize('NFC'),
    answer: entry.answer.normalize('NFC'),
    keywords: entry.keywords.map((keyword) => keyword.normalize('NFC')),
  }))
  const byId = new Map(entries.map((entry) => [entry.id, entry]))
  if (byId.size !== entries.length) throw new Error(`${file.pathname}: FAQ ids must be unique`)
  return { entries, byId, index: buildFaqIndex(entries) }
}
