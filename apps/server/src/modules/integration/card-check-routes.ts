import {
  CardCheckAnswer,
  CardCheckRequest,
  FacilityKeyId,
  FacilityKeyIssued,
  FacilityKeyList,
  FacilityKeyQuery,
  FacilityKeyView,
  NewFacilityKeyBody,
} from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { errorAnswers } from '../../http/error-answers'
import { staffOf } from '../identity/staff-guard'
import { checkCard } from './card-check'
import {
  facilityKeyRateLimit,
  facilityKeySecurity,
  facilityOf,
  issueFacilityKey,
  listFacilityKeys,
  requireFacilityKey,
  revokeFacilityKey,
} from './facility-keys'

/** The hospitals' card check, and the back-office's management of the keys it is called with. */
export async function registerCardCheckRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app

  api.post(
    '/integration/card-check',
    {
      preHandler: requireFacilityKey(app),
      config: { rateLimit: facilityKeyRateLimit(deps.config) },
      schema: {
        tags: ['integration'],
        summary: 'Check a BHYT card: by card number or personal ID, with the name and date of birth',
        description:
          `${facilityKeySecurity}\n\nGive exactly one of \`cardNumber\` and \`personalId\`. Answers \`valid\` on \`onDate\` ` +
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
    '/staff/integration/facility-keys',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Issue an API key to a medical facility; answers the key once, never again',
        description:
          'Only its SHA-256 is kept. Give the key to the facility over a safe channel; a lost key is revoked ' +
          'and a new one issued.',
        body: NewFacilityKeyBody,
        response: { 201: FacilityKeyIssued, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201).header('cache-control', 'no-store')
      return issueFacilityKey(deps, staffOf(request), request.body)
    },
  )

  api.get(
    '/staff/integration/facility-keys',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'The API keys of a medical facility (prefix, use and state; never the key)',
        querystring: FacilityKeyQuery,
        response: { 200: FacilityKeyList, ...errors },
      },
    },
    async (request) => listFacilityKeys(deps, staffOf(request), request.query.facilityCode),
  )

  api.post(
    '/staff/integration/facility-keys/:id/revoke',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Revoke an API key: its next request is refused',
        params: FacilityKeyId,
        response: { 200: FacilityKeyView, ...errors },
      },
    },
    async (request) => revokeFacilityKey(deps, staffOf(request), request.params.id),
  )
}
