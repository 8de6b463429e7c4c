import {
  NewStaffAccountBody,
  Pagination,
  StaffAccountCreated,
  StaffAccountId,
  StaffAccountPage,
  StaffAccountView,
} from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { errorAnswers } from '../../http/error-answers'
import type { StaffRole } from './staff-actor'
import {
  createStaffAccountBy,
  listStaffAccounts,
  lockStaffAccount,
  resetStaffSecondFactor,
  unlockStaffAccount,
} from './staff-admin'
import { staffOf } from './staff-guard'

const tags = ['staff']
const errors = errorAnswers(400, 401, 403, 404, 409)
const administrators: readonly StaffRole[] = ['office_admin', 'system_admin']

/** Staff accounts of the administrator's office tree: list, create, lock, unlock, reset the second factor. */
export async function registerStaffAdminRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const admin = app.requireStaff(administrators)

  api.get(
    '/staff/accounts',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Staff accounts of the offices in reach, in id order (keyset: pass nextCursor as cursor)',
        querystring: Pagination,
        response: { 200: StaffAccountPage, ...errors },
      },
    },
    async (request) => listStaffAccounts(deps, staffOf(request), request.query),
  )

  api.post(
    '/staff/accounts',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Create a staff account at an office in reach; answers its one-time password, once',
        description:
          'An office administrator creates reviewers and office administrators; a system administrator any role. ' +
          'The person sets up their authenticator at the first sign-in.',
        body: NewStaffAccountBody,
        response: { 201: StaffAccountCreated, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return createStaffAccountBy(deps, staffOf(request), request.body)
    },
  )

  const actions = [
    ['lock', 'Lock the account and end its sessions', lockStaffAccount],
    ['unlock', 'Unlock the account (also lifts a lock left by wrong passwords)', unlockStaffAccount],
    [
      'reset-second-factor',
      'Remove the authenticator and recovery codes and end its sessions; the person enrols again at the next sign-in',
      resetStaffSecondFactor,
    ],
  ] as const
  for (const [path, summary, action] of actions) {
    api.post(
      `/staff/accounts/:id/${path}`,
      {
        preHandler: admin,
        schema: { tags, summary, params: StaffAccountId, response: { 200: StaffAccountView, ...errors } },
      },
      async (request) => action(deps, staffOf(request), request.params.id),
    )
  }
}
