import {
  ChildParams,
  MedicalVisitsQuery,
  MyBenefits,
  MyChildren,
  MyHealthCard,
  MyMedicalVisits,
  MyParticipation,
  MyProfile,
} from '@ansinh/domain'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import type { Deps } from '../../app'
import { errorAnswers } from '../../http/error-answers'
import { citizenOf } from '../identity/citizen-guard'
import {
  childOf,
  myBenefits,
  myChildren,
  myHealthCard,
  myMedicalVisits,
  myParticipation,
  myProfile,
  type Subject,
  selfOf,
} from './service'

const tags = ['citizen: my records']
const errors = errorAnswers(400, 401, 403, 404, 429)

type View<Response extends z.ZodType> = {
  path: string
  summary: string
  response: Response
  load: (deps: Deps, subject: Subject, request: FastifyRequest) => Promise<z.infer<Response>>
}

// The same views answer for the person (`/me/…`) and for each child they hold (`/me/children/{id}/…`).
const views = [
  {
    path: '',
    summary: 'Quản lý cá nhân: who the person is and how to reach them',
    response: MyProfile,
    load: myProfile,
  },
  {
    path: '/card',
    summary: 'Thẻ BHYT: the card in force, with its QR payload (for offline display)',
    response: MyHealthCard,
    load: myHealthCard,
  },
  {
    path: '/participation',
    summary: 'Quá trình tham gia: periods per scheme (BHXH, BHTN, BHTNLĐ-BNN, BHYT) with totals and arrears',
    response: MyParticipation,
    load: myParticipation,
  },
  {
    path: '/benefits',
    summary: 'Thông tin hưởng: benefits paid, newest first',
    response: MyBenefits,
    load: myBenefits,
  },
  {
    path: '/medical-visits',
    summary: 'Sổ khám chữa bệnh: the visits of one year with its totals',
    response: MyMedicalVisits,
    load: (deps, subject, request) =>
      myMedicalVisits(deps, subject, (request.query as MedicalVisitsQuery).year),
  },
] as const satisfies readonly View<z.ZodType>[]

/**
 * The signed-in person's own record (seeds 001–003) and their children's. Personal data: every
 * answer is `Cache-Control: no-store`, so no shared cache or browser history keeps it; the app keeps
 * its own offline copy of the card, cleared on sign-out.
 */
export async function registerSelfServiceRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const preHandler = app.requireCitizen()
  api.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  for (const view of views) {
    const querystring = view.path === '/medical-visits' ? { querystring: MedicalVisitsQuery } : {}
    api.get(
      `/me${view.path}`,
      {
        preHandler,
        schema: { tags, summary: view.summary, ...querystring, response: { 200: view.response, ...errors } },
      },
      async (request) => view.load(app.deps, await selfOf(app.deps, citizenOf(request).accountId), request),
    )
    api.get(
      `/me/children/:id${view.path}`,
      {
        preHandler,
        schema: {
          tags,
          summary: `A child's view — ${view.summary}`,
          description: 'Only for a child account the signed-in parent holds; 404 for any other id.',
          params: ChildParams,
          ...querystring,
          response: { 200: view.response, ...errors },
        },
      },
      async (request) =>
        view.load(
          app.deps,
          await childOf(app.deps, citizenOf(request).accountId, request.params.id),
          request,
        ),
    )
  }

  api.get(
    '/me/children',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The children whose accounts the signed-in parent holds (tài khoản của con)',
        response: { 200: MyChildren, ...errors },
      },
    },
    async (request) => myChildren(app.deps, citizenOf(request).accountId),
  )
}
