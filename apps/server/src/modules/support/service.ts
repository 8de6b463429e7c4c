import {
  type ChatReply,
  ChatReplyKind,
  decideReply,
  type FaqEntry,
  type FaqHit,
  type FaqList,
  type FaqQuery,
  type FaqQuestion,
  type FaqView,
  mentionsSecret,
  searchFaq,
  supportContacts,
} from '@ansinh/domain'
import { notFound } from '../../platform/errors'
import type { Faq } from './faq'

// Pure reads of the FAQ held in memory (faq.ts): no transaction, no repository.

const questionOf = ({ id, category, question }: FaqEntry): FaqQuestion => ({ id, category, question })

function entriesOf(faq: Faq, hits: readonly FaqHit[]): FaqEntry[] {
  return hits.flatMap((hit) => faq.byId.get(hit.id) ?? [])
}

/** Every question in file order, or with `q` only those that match, best first; either within `category`. */
export function listFaq(faq: Faq, query: FaqQuery): FaqList {
  const inCategory = (entry: FaqEntry) => query.category === undefined || entry.category === query.category
  if (!query.q) return { items: faq.entries.filter(inCategory).map(questionOf), ranked: false }
  const found = entriesOf(faq, searchFaq(faq.index, query.q, faq.entries.length))
  return { items: found.filter(inCategory).map(questionOf), ranked: true }
}

/** One entry and the three questions nearest to it, for "xem thêm". */
export function viewFaq(faq: Faq, id: string): FaqView {
  const entry = faq.byId.get(id)
  if (!entry) throw notFound('faq entry')
  const nearest = entriesOf(faq, searchFaq(faq.index, entry.question, 4)).filter((other) => other.id !== id)
  return {
    id: entry.id,
    category: entry.category,
    question: entry.question,
    answer: entry.answer,
    related: nearest.slice(0, 3).map(questionOf),
  }
}

/**
 * The chatbot's reply: an FAQ answer word for word with its source, or, when unsure, the nearest
 * questions and the hand-over to the hotline. Never text of its own making.
 */
export function replyToChat(faq: Faq, message: string): ChatReply {
  const decision = decideReply(searchFaq(faq.index, message))
  const secretWarning = mentionsSecret(message)
  if (decision.kind === ChatReplyKind.Answer) {
    const [best] = entriesOf(faq, [decision.best])
    if (best) {
      return {
        kind: ChatReplyKind.Answer,
        answer: best.answer,
        source: questionOf(best),
        suggestions: entriesOf(faq, decision.others).map(questionOf),
        handOver: null,
        secretWarning,
      }
    }
  }
  const nearest = decision.kind === ChatReplyKind.Unclear ? decision.nearest : []
  return {
    kind: ChatReplyKind.Unclear,
    answer: null,
    source: null,
    suggestions: entriesOf(faq, nearest).map(questionOf),
    handOver: { ...supportContacts },
    secretWarning,
  }
}
