import {
  CardCheckAnswer,
  CardCheckRequest,
  NewPartnerKeyBody,
  PartnerKeyId,
  PartnerKeyIssued,
  PartnerKeyList,
  PartnerKeyQuery,
  PartnerKeyView,
} from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { errorAnswers } from '../../http/error-answers'
import { staffOf } from '../identity/staff-guard'
import { checkCard } from './card-check'
import {
  facilityOf,
  issuePartnerKey,
  listPartnerKeys,
  partnerKeyRateLimit,
  partnerKeySecurity,
  requireFacilityKey,
  revokePartnerKey,
} from './partner-keys'

/**
 * The hospitals' card check, and the back-office's management of the partners' keys (medical
 * facilities and employers) the integration API is called with.
 */
export async function registerCardCheckRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app

  api.post(
    '/integration/card-check',
    {
      preHandler: requireFacilityKey(app),
      config: { rateLimit: partnerKeyRateLimit(deps.config) },
      schema: {
        tags: ['integration'],
        summary: 'Check a BHYT card: by card number or personal ID, with the name and date of birth',
        description:
          `${partnerKeySecurity('facility')}\n\nGive exactly one of \`cardNumber\` and \`personalId\`. Answers \`valid\` on \`onDate\` ` +
          '(default today in Vietnam) with the benefit level, primary facility and five-years date; otherwise ' +
          '`reason`: `not_found`, `no_card`, `expired`, `not_yet_valid` (these two with the card), or ' +
          '`identity_mismatch` when the name or date of birth does not fit the record (never with the card).',
        body: CardCheckRequest,
        response: { 200: CardCheckAnswer, ...errorAnswers(400, 401, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return checkCard(deps, facilityOf(request), request.body)
    },
  )

  const tags = ['staff: integration']
  const errors = errorAnswers(400, 401, 403, 404)
  const admin = app.requireStaff(['system_admin'])

  api.post(
    '/staff/integration/partner-keys',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Issue an API key to a medical facility or an employer; answers the key once, never again',
        description:
          'Give exactly one of `facilityCode` (a hospital: card check, claim files) and `employerUnitCode` (an ' +
          'employer: declaration lists); a key opens only its kind of partner’s routes. Only its SHA-256 is ' +
          'kept. Give the key to the partner over a safe channel; a lost key is revoked and a new one issued.',
        body: NewPartnerKeyBody,
        response: { 201: PartnerKeyIssued, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201).header('cache-control', 'no-store')
      return issuePartnerKey(deps, staffOf(request), request.body)
    },
  )

  api.get(
    '/staff/integration/partner-keys',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'The API keys of a medical facility or an employer (prefix, use and state; never the key)',
        description: 'Give exactly one of `facilityCode` and `employerUnitCode`.',
        querystring: PartnerKeyQuery,
        response: { 200: PartnerKeyList, ...errors },
      },
    },
    async (request) => listPartnerKeys(deps, staffOf(request), request.query),
  )

  api.post(
    '/staff/integration/partner-keys/:id/revoke',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Revoke an API key: its next request is refused',
        params: PartnerKeyId,
        response: { 200: PartnerKeyView, ...errors },
      },
    },
    async (request) => revokePartnerKey(deps, staffOf(request), request.params.id),
  )
}
