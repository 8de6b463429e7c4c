import { ChatMessage, ChatReply, FaqList, FaqParams, FaqQuery, FaqView } from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { errorAnswers } from '../../http/error-answers'
import { loadFaq } from './faq'
import { listFaq, replyToChat, viewFaq } from './service'

const tags = ['support']

/** "Hỗ trợ": the FAQ and the chatbot, public (no sign-in), read from the FAQ file loaded here at start. */
export async function registerSupportRoutes(app: FastifyInstance) {
  const faq = loadFaq()
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get(
    '/support/faq',
    {
      schema: {
        tags,
        summary: 'FAQ (câu hỏi thường gặp): all questions, or those matching q, ranked; by category',
        querystring: FaqQuery,
        response: { 200: FaqList, ...errorAnswers(400) },
      },
    },
    async (request) => listFaq(faq, request.query),
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
    async (request) => viewFaq(faq, request.params.id),
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
          'alike, `kind` is `unclear`: suggestions and the hotline. The message is not logged or stored.',
        body: ChatMessage,
        response: { 200: ChatReply, ...errorAnswers(400, 429) },
      },
    },
    async (request) => replyToChat(faq, request.body.message),
  )
}
