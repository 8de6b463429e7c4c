import { InboxMessageParams, InboxMessageRead, InboxPage, InboxQuery, InboxUnreadCount } from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { errorAnswers } from '../../http/error-answers'
import { citizenOf } from '../identity/citizen-guard'
import { type InboxItem, listInbox, markRead, unreadCount } from './service'

const tags = ['citizen: inbox']
const errors = errorAnswers(400, 401, 403, 404)

function presentMessage(item: InboxItem) {
  return { ...item, createdAt: item.createdAt.toISOString(), readAt: item.readAt?.toISOString() ?? null }
}

/** "Thông báo": the signed-in citizen's in-app inbox (hộp thư), written by `queueMessage` on channel `inbox`. */
export function registerInboxRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const signedIn = app.requireCitizen()
  // Messages are personal: no shared cache or browser history keeps them.
  api.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  api.get(
    '/me/inbox',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'The inbox, newest first, a page at a time',
        description: 'Pass `nextCursor` back as `cursor` for the next page; null on the last one.',
        querystring: InboxQuery,
        response: { 200: InboxPage, ...errors },
      },
    },
    async (request) => {
      const page = await listInbox(deps.database.db, citizenOf(request).accountId, request.query)
      return { items: page.items.map(presentMessage), nextCursor: page.nextCursor }
    },
  )

  api.get(
    '/me/inbox/unread-count',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'How many inbox messages are unread (the badge on "Thông báo")',
        response: { 200: InboxUnreadCount, ...errors },
      },
    },
    async (request) => ({ count: await unreadCount(deps.database.db, citizenOf(request).accountId) }),
  )

  api.post(
    '/me/inbox/:id/read',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Mark one inbox message read',
        description:
          "Marking it again keeps the first time. Someone else's message answers 404, as a missing one.",
        params: InboxMessageParams,
        response: { 200: InboxMessageRead, ...errors },
      },
    },
    async (request) => {
      const { id, readAt } = await markRead(
        deps.database.db,
        citizenOf(request).accountId,
        request.params.id,
        deps.clock(),
      )
      return { id, readAt: readAt.toISOString() }
    },
  )
}
