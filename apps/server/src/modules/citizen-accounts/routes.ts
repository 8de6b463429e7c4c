import {
  AccountActionReason,
  CitizenAccountActionResult,
  CitizenAccountDetail,
  CitizenAccountSearchQuery,
  CitizenAccountSearchResult,
  caseworkRoles,
} from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorAnswers } from '../../http/error-answers'
import { staffOf } from '../identity/staff-guard'
import { lockAccount, signOutEverywhere, unlockAccount } from './change-citizen-account'
import { resetAccountPassword } from './reset-citizen-password'
import { searchCitizenAccounts, viewCitizenAccount } from './view-citizen-accounts'

const tags = ['staff: citizen accounts']
const errors = errorAnswers(400, 401, 403, 404, 409, 429)
const AccountId = z.object({ id: z.coerce.number().int().positive({ error: 'Mã tài khoản không hợp lệ.' }) })
const actionResponse = { 200: CitizenAccountActionResult, ...errors }

/**
 * "Tài khoản cá nhân" for reviewers and administrators. An account is within a staff member's reach
 * by the office that issued it or, without one, by the office that serves the person's address
 * (reach.ts); outside it every endpoint answers 404, exactly like an account that does not exist.
 */
export async function registerCitizenAccountRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const preHandler = app.requireStaff(caseworkRoles)

  api.get(
    '/staff/citizen-accounts',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Find the account of a BHXH code, personal ID or mobile phone (exact match)',
        description:
          'No search by name: this finds the person at the counter, it does not browse the register. Ten digits ' +
          'that can be a phone number are looked for as both. The searched identifier is audited masked.',
        querystring: CitizenAccountSearchQuery,
        response: { 200: CitizenAccountSearchResult, ...errors },
      },
    },
    async (request) => searchCitizenAccounts(app.deps, staffOf(request), request.query.q),
  )

  api.get(
    '/staff/citizen-accounts/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'One account: the person, status, signed-in devices and recent dossiers',
        params: AccountId,
        response: { 200: CitizenAccountDetail, ...errors },
      },
    },
    async (request) => viewCitizenAccount(app.deps, staffOf(request), request.params.id),
  )

  const actionsWithReason = [
    ['lock', 'Lock the account (with a reason) and sign it out of every device', lockAccount],
    ['unlock', 'Unlock a locked account (with a reason); a stopped account answers 409', unlockAccount],
  ] as const
  for (const [action, summary, run] of actionsWithReason)
    api.post(
      `/staff/citizen-accounts/:id/${action}`,
      {
        preHandler,
        schema: { tags, summary, params: AccountId, body: AccountActionReason, response: actionResponse },
      },
      async (request) => run(app.deps, staffOf(request), request.params.id, request.body.reason),
    )

  const actions = [
    {
      action: 'reset-password',
      summary: 'Send a new one-time password to the person by SMS (and e-mail); sign out every device',
      description:
        'The password goes only to the phone and e-mail address the registry holds; the answer never carries it. ' +
        'A locked or stopped account answers 409, and so does a second reset within 60 seconds.',
      run: resetAccountPassword,
    },
    {
      action: 'sign-out-everywhere',
      summary: 'End every signed-in device of the account ("đăng xuất khỏi mọi thiết bị")',
      run: signOutEverywhere,
    },
  ]
  for (const { action, run, ...text } of actions)
    api.post(
      `/staff/citizen-accounts/:id/${action}`,
      { preHandler, schema: { tags, ...text, params: AccountId, response: actionResponse } },
      async (request) => run(app.deps, staffOf(request), request.params.id),
    )
}
