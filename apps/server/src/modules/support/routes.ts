import { ChatMessage, ChatReply, FaqList, FaqParams, FaqQuery, FaqView } from '@ansinh/domain'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { errorAnswers } from '../../http/error-answers'
import { requestLanguage } from '../../http/language'
import { loadFaqs } from './faq'
import { listFaq, replyToChat, viewFaq } from './service'

const tags = ['support']

/**
 * "Hỗ trợ": the FAQ and the chatbot, public (no sign-in), read from the FAQ files loaded here at start.
 * Each request reads and searches the FAQ in its language (`Accept-Language`, Vietnamese by default).
 */
export async function registerSupportRoutes(app: FastifyInstance) {
  const faqs = loadFaqs()
  const faqOf = (request: FastifyRequest) => faqs[requestLanguage(request)]
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get(
    '/support/faq',
    {
      schema: {
        tags,
        summary: 'FAQ (câu hỏi thường gặp): all questions, or those matching q, ranked; by category',
        description: 'In Vietnamese, or in English with `Accept-Language: en` (the same entries and ids).',
        querystring: FaqQuery,
        response: { 200: FaqList, ...errorAnswers(400) },
      },
    },
    async (request) => listFaq(faqOf(request), request.query),
  )
  api.get(
    '/support/faq/:id',
    {
      schema: {
        tags,
        summary: 'One FAQ entry with its answer and the nearest other questions',
        params: FaqParams,
        response: { 200: FaqView, ...errorAnswers(400, 404) },
      },
    },
    async (request) => viewFaq(faqOf(request), request.params.id),
  )
  api.post(
    '/support/chat',
    {
      // Each message is a search over the whole FAQ: a budget per client IP keeps one caller from
      // taking the process's time, loose enough for a conversation.
      config: { rateLimit: { max: 3 * app.deps.config.guessableRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Trợ lý ảo: the best FAQ answer to a message, or nearest questions and the hotline',
        description:
          'Answers only with FAQ text and names its source entry. When no entry fits well or two fit ' +
          'alike, `kind` is `unclear`: suggestions and the hotline. The message is not logged or stored. ' +
          'Searches and answers the English FAQ with `Accept-Language: en`.',
        body: ChatMessage,
        response: { 200: ChatReply, ...errorAnswers(400, 429) },
      },
    },
    async (request) => replyToChat(faqOf(request), request.body.message),
  )
}
