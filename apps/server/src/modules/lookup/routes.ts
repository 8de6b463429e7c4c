import {
  BhxhCodeLookupAnswer,
  BhxhCodeLookupRequest,
  HealthCardLookupAnswer,
  HealthCardLookupRequest,
  LookupChallenge,
  type LookupProof,
} from '@ansinh/domain'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { errorAnswers } from '../../http/error-answers'
import { countKeyedTry } from '../identity/citizen-throttle'
import { issueChallenge, spendChallenge } from './challenge'
import { lookUpBhxhCode, lookUpHealthCard } from './service'

const tags = ['lookup']
const errors = errorAnswers(400, 404, 429)

/** Tra cứu trực tuyến: public look-ups, no sign-in, each request with a proof of work. */
export async function registerLookupRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { lookup } = app.deps.config
  const perMinute = (share: number) => ({
    rateLimit: { max: share * lookup.perMinute, timeWindow: '1 minute' },
  })
  // Per address and Vietnam day across both look-ups and every process; then the challenge is spent.
  // The cap counts refused proofs too: an attempt is an attempt.
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store')
    await countKeyedTry(app.deps, {
      scope: 'lookup-ip-day',
      value: request.ip,
      perDay: lookup.perDay,
      tooMany: () => ({
        vi: 'Địa chỉ mạng của bạn đã tra cứu quá nhiều lần hôm nay. Vui lòng thử lại vào ngày mai hoặc gọi tổng đài 1900 9068.',
        en: 'Your network address has made too many look-ups today. Please try again tomorrow or call the hotline 1900 9068.',
      }),
    })
    // Runs after validation: the body is one of the look-up requests.
    await spendChallenge(app.deps, (request.body as { proof: LookupProof }).proof)
  }

  api.get(
    '/lookup/challenge',
    {
      // Fetching one costs the server an HMAC; a few spares cover a form left open past expiry.
      config: perMinute(3),
      schema: {
        tags,
        summary: 'A proof-of-work challenge for one look-up (single use, 5 minutes)',
        description:
          'Find a decimal `nonce` such that SHA-256 of `challenge + ":" + nonce` (UTF-8) starts with `difficulty` ' +
          'zero bits, and send `{ challenge, nonce }` as `proof` with the look-up.',
        response: { 200: LookupChallenge, ...errors },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store')
      return issueChallenge(app.deps)
    },
  )

  api.post(
    '/lookup/bhxh-code',
    {
      config: perMinute(1),
      preHandler: guard,
      schema: {
        tags,
        summary: 'Find one’s BHXH code by province, full name and date of birth (tra cứu mã số BHXH)',
        description:
          'Exact match only, diacritics- and case-insensitive. One person: the code, the name masked, the year of ' +
          'birth and the province. Several: which of `personalId` and `gender` to add (never a list). None: 404 ' +
          'with what to do. The province is a 2025 code; a pre-2025 code is mapped to the province it joined.',
        body: BhxhCodeLookupRequest,
        response: { 200: BhxhCodeLookupAnswer, ...errors },
      },
    },
    async (request) => lookUpBhxhCode(app.deps, request.body),
  )

  api.post(
    '/lookup/health-card',
    {
      config: perMinute(1),
      preHandler: guard,
      schema: {
        tags,
        summary:
          'Validity of a BHYT card by its number (or BHXH code, or personal ID), name and date of birth',
        description:
          'The card in force (else the next, else the last): validity, status, benefit level, primary facility. ' +
          '`cardNumber` takes the card number of either form, the BHXH code or the 12-digit personal ID (số định ' +
          'danh cá nhân). A name or date of birth that does not fit, and an unknown personal ID, answer 404 ' +
          'exactly as an unknown card.',
        body: HealthCardLookupRequest,
        response: { 200: HealthCardLookupAnswer, ...errors },
      },
    },
    async (request) => lookUpHealthCard(app.deps, request.body),
  )
}
