import { previewMessages } from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { RecipientMessage } from './outbox-repo'
import { listDevOutbox } from './service'

const tags = ['development']

const DevOutboxQuery = z.object({
  to: z
    .string({ error: 'Vui lòng nhập số điện thoại hoặc địa chỉ email.' })
    .trim()
    .min(3)
    .max(254)
    .describe('A mobile number in any usual form (0912…, +84912…, 84912…) or an e-mail address'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .describe('How many messages, newest first (1–50)'),
})

const DevOutboxMessage = z.object({
  id: z.uuid(),
  kind: z.string(),
  channel: z.enum(['sms', 'email', 'inbox']),
  to: z.string().describe('The normalised recipient: 0xxxxxxxxx or a lower-case address'),
  language: z.enum(['vi', 'en']),
  subject: z.string().nullable(),
  text: z.string().describe('The SMS text or the plain-text part of the e-mail'),
  status: z.enum(['queued', 'sending', 'sent', 'delivered', 'failed']),
  failureKind: z.string().nullable(),
  smsEncoding: z.enum(['gsm7', 'ucs2']).nullable(),
  smsSegments: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
})
const DevOutboxList = z.object({ items: z.array(DevOutboxMessage) })

const TemplatePreview = z.object({
  kind: z.string(),
  channel: z.enum(['sms', 'email', 'inbox']),
  language: z.enum(['vi', 'en']),
  maxSmsSegments: z.number().int(),
  subject: z.string().optional(),
  text: z.string(),
  html: z.string().optional(),
  sms: z.object({ encoding: z.enum(['gsm7', 'ucs2']), segments: z.number().int() }).optional(),
})
const TemplatePreviewList = z.object({ items: z.array(TemplatePreview) })

function presentDevMessage(message: RecipientMessage): z.infer<typeof DevOutboxMessage> {
  return {
    id: message.id,
    kind: message.kind,
    channel: message.channel,
    to: message.recipient,
    language: message.language,
    subject: message.subject,
    text: message.body,
    status: message.status,
    failureKind: message.failureKind,
    smsEncoding: message.smsEncoding,
    smsSegments: message.smsSegments,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
  }
}

/**
 * Routes of the `notify` module. The development outbox exists only when `DEV_OUTBOX` is on (never in
 * production): it hands out every message's text, OTPs included, to anyone who asks. The citizen's
 * inbox (`/me/inbox…`: list, unread count, mark read) is in `inbox-routes.ts`, behind citizen sign-in.
 */
export function registerNotifyRoutes(app: FastifyInstance) {
  if (!app.deps.config.devOutbox) return
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = () => app.deps.database.db

  api.get(
    '/dev/outbox',
    {
      schema: {
        tags,
        summary: 'Development outbox: the latest messages to a phone or e-mail address, with their text',
        description:
          'How the demo and the end-to-end tests read an OTP. Only present when DEV_OUTBOX is on, which ' +
          'production refuses; otherwise this route does not exist (404). `+84912…` and `0912…` find the ' +
          'same messages; e-mail addresses match case-insensitively.',
        querystring: DevOutboxQuery,
        response: { 200: DevOutboxList },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      const items = await listDevOutbox(db(), request.query)
      return { items: items.map(presentDevMessage) }
    },
  )

  api.get(
    '/dev/templates',
    {
      schema: {
        tags,
        summary: 'Every message template rendered with sample variables (preview)',
        description:
          'Each kind on each of its channels, in Vietnamese and English, with the SMS encoding and segment ' +
          'count and the maximum the template declares. Only present when DEV_OUTBOX is on.',
        response: { 200: TemplatePreviewList },
      },
    },
    async () => ({ items: previewMessages() }),
  )
}
