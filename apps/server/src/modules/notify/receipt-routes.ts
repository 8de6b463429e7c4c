import { ErrorCode } from '@ansinh/domain'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DomainError } from '../../platform/errors'
import { isAuthenticReceipt } from './receipt-auth'
import { readReceipts, recordReceipts } from './record-receipts'

const ProviderParams = z.object({ provider: z.string().max(40) })
const ReceiptAnswer = z.object({ received: z.number().int() })

/**
 * Delivery-receipt webhooks, one URL per gateway: `POST` (JSON or form body) and `GET` (query string,
 * for gateways that call back that way). Register this in its own plugin: it keeps bodies as raw
 * bytes, which an HMAC must be computed on, and parses them itself.
 */
export function registerReceiptRoutes(app: FastifyInstance) {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
  const api = app.withTypeProvider<ZodTypeProvider>()
  const schema = {
    tags: ['notify'],
    summary: 'Delivery receipt from an SMS gateway (authenticated per gateway)',
    params: ProviderParams,
    response: { 200: ReceiptAnswer },
  }

  async function receive(request: FastifyRequest<{ Params: z.infer<typeof ProviderParams> }>) {
    const { config, database, clock, metrics } = app.deps
    const provider = config.smsProviders.find(
      (candidate) => candidate.name === request.params.provider && candidate.receipts,
    )
    // The same answer as a bad secret: a caller cannot learn which gateways we use.
    if (!provider) throw new DomainError(ErrorCode.Unauthenticated, 'sms receipt with a bad secret')
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
    const query = (request.query ?? {}) as Record<string, unknown>
    const authentic = isAuthenticReceipt(provider, {
      rawBody,
      query,
      header: (name) => {
        const value = request.headers[name.toLowerCase()]
        return Array.isArray(value) ? value[0] : value
      },
    })
    if (!authentic) throw new DomainError(ErrorCode.Unauthenticated, 'sms receipt with a bad secret')
    const receipts = readReceipts(provider, request.method === 'GET' ? query : parseBody(request, rawBody))
    const outcomes = await recordReceipts({ db: database.db, clock, metrics }, provider, receipts)
    request.log.info(
      { provider: provider.name, receipts: receipts.length, outcomes: tally(outcomes) },
      'sms receipts recorded',
    )
    return { received: receipts.length }
  }

  api.post('/notify/receipts/:provider', { schema }, receive)
  api.get('/notify/receipts/:provider', { schema }, receive)
}

function parseBody(request: FastifyRequest, rawBody: Buffer): unknown {
  const type = (request.headers['content-type'] ?? '').toLowerCase()
  const text = rawBody.toString('utf8')
  if (type.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text))
  try {
    return JSON.parse(text)
  } catch {
    throw new DomainError(ErrorCode.ValidationFailed, 'sms receipt body is not JSON', {
      fields: { body: ['must be JSON or a form'] },
    })
  }
}

function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1
  return counts
}
