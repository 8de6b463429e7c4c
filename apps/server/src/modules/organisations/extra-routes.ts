import {
  DeclarationsQuery,
  MAX_DECLARATIONS_PER_PDF,
  OrganisationDossierPage,
  OrganisationDossierQuery,
  OrganisationId,
  organisationRoles,
  REMINDER_INTERVAL_DAYS,
  REMINDERS_PER_ORGANISATION_PER_DAY,
  ReminderBody,
  ReminderResult,
} from '@ansinh/domain'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorAnswers } from '../../http/error-answers'
import { staffOf } from '../identity/staff-guard'
import { collectDeclarations, listOrganisationDossiers } from './collect-dossiers'
import { exportAdoption } from './exports'
import { sendReminders } from './reminders'
import { optOutOfReminders, personOfToken } from './reminders-opt-out'
import { optOutPage } from './reminders-page'

const tags = ['staff: organisations']
const errors = errorAnswers(400, 401, 403, 404)
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function download(reply: FastifyReply, type: string, disposition: 'inline' | 'attachment', fileName: string) {
  return reply
    .type(type)
    .header('content-disposition', `${disposition}; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
}

/**
 * Routes of the organisations module beyond the core (exports, collecting declarations, reminders),
 * registered inside the organisations plugin: paths are relative to `/api/v1/staff/organisations`.
 */
export async function registerOrganisationExtraRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const preHandler = app.requireStaff(organisationRoles)

  api.get(
    '/:id/adoption.xlsx',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The adoption report as an XLSX workbook',
        description:
          'The units (direct children) ranked furthest behind first, each with members, registered, active ' +
          'accounts and signed-in people by role and their shares, then the organisation total (its whole ' +
          'subtree). Title rows, a frozen two-row header, number and percent formats. Audited.',
        params: OrganisationId,
        produces: [XLSX],
        response: errors,
      },
    },
    async (request, reply) => {
      const file = await exportAdoption(app.deps, staffOf(request), request.params.id, 'xlsx')
      return download(reply, XLSX, 'attachment', file.fileName).send(file.bytes)
    },
  )

  api.get(
    '/:id/adoption.pdf',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The adoption report as a printable letter (PDF, A4)',
        description:
          'In the form of an official letter: the organisation and the national motto, place and date ' +
          '("Quận 5, ngày 15 tháng 6 năm 2021"), the figures by role with shares written "80,83 %", the ' +
          'target and its progress, the units furthest behind first, the signature block. Text in an ' +
          'embedded font (searchable, copyable). Audited.',
        params: OrganisationId,
        produces: ['application/pdf'],
        response: errors,
      },
    },
    async (request, reply) => {
      const file = await exportAdoption(app.deps, staffOf(request), request.params.id, 'pdf')
      return download(reply, 'application/pdf', 'inline', file.fileName).send(file.bytes)
    },
  )

  api.get(
    '/:id/dossiers',
    {
      preHandler,
      schema: {
        tags,
        summary: "Members' registration dossiers and their status, 50 a page",
        description:
          'For each member of the subtree with a BHXH code, the newest registration dossier (tờ khai mẫu 01) ' +
          'filed under that code; members without one are not listed (see /members). Filters: role, unit ' +
          '(lớp/phòng), organisationId (one organisation of the subtree), dossier status and condition ' +
          '(`awaiting_paper`: the signed paper form has not reached the office). `awaitingPaper` counts ' +
          'those of all pages. Audited (personal data).',
        params: OrganisationId,
        querystring: OrganisationDossierQuery,
        response: { 200: OrganisationDossierPage, ...errors },
      },
    },
    async (request) => listOrganisationDossiers(app.deps, staffOf(request), request.params.id, request.query),
  )

  api.get(
    '/:id/declarations.pdf',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The declarations still awaiting their paper form, one PDF',
        description:
          'One page per member whose registration dossier is pending and whose signed paper form the ' +
          `office has not received, in the order of the list. At most ${MAX_DECLARATIONS_PER_PDF}: more ` +
          'answers 400 (narrow by organisationId, role or unit); none answers 404. Audited.',
        params: OrganisationId,
        querystring: DeclarationsQuery,
        produces: ['application/pdf'],
        response: errors,
      },
    },
    async (request, reply) => {
      const file = await collectDeclarations(app.deps, staffOf(request), request.params.id, request.query)
      return download(reply, 'application/pdf', 'inline', file.fileName)
        .header('x-declaration-count', String(file.count))
        .send(file.pdf)
    },
  )

  api.post(
    '/:id/reminders',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Remind the members who have not registered (SMS, or e-mail without a phone)',
        description:
          'Queues one message per selected member without an account or a filed registration dossier, ' +
          "to the registry's phone (else e-mail), through the outbox, in one transaction. Skips those who " +
          `opted out (the link in every reminder), those reminded in the last ${REMINDER_INTERVAL_DAYS} days ` +
          "by any organisation and those without contact; defers those past the organisation's daily cap " +
          `(${REMINDERS_PER_ORGANISATION_PER_DAY}) or a per-recipient limit. Answers the counts. Audited.`,
        params: OrganisationId,
        body: ReminderBody,
        response: { 200: ReminderResult, ...errors },
      },
    },
    async (request) =>
      sendReminders(app.deps, staffOf(request), request.params.id, request.body, publicBase(app, request)),
  )
}

/** Links in messages start at PUBLIC_URL; in development, at the address the request came to. */
function publicBase(app: FastifyInstance, request: { protocol: string; host: string }): string {
  return app.deps.config.publicUrl ?? `${request.protocol}://${request.host}`
}

const OptOutToken = z.object({ token: z.string().max(40) })

/**
 * The public page behind the link in every reminder (no sign-in: the signed link is the permission).
 * GET only asks, so that a link preview or a mail scanner that opens it changes nothing; the button
 * POSTs to the same address. Registered at `/api/v1`, outside the staff routes.
 */
export async function registerReminderOptOutRoutes(app: FastifyInstance): Promise<void> {
  // The page's form has no field: its body (empty, urlencoded) is accepted and ignored. This plugin's
  // own parser, so no other route starts accepting form posts.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, _body, done) => done(null, {}),
  )
  const api = app.withTypeProvider<ZodTypeProvider>()
  const schema = {
    tags: ['reminders'],
    params: OptOutToken,
    produces: ['text/html'],
  }

  api.get(
    '/reminders/opt-out/:token',
    { schema: { ...schema, summary: '"Ngừng nhận tin nhắc": the page that asks to confirm' } },
    async (request, reply) => {
      const valid = personOfToken(app.deps, request.params.token) !== null
      return html(reply, valid ? 200 : 404, optOutPage(valid ? 'ask' : 'invalid'))
    },
  )

  api.post(
    '/reminders/opt-out/:token',
    {
      schema: { ...schema, summary: 'Stop reminders to the person the link names (once; again is harmless)' },
    },
    async (request, reply) => {
      const valid = await optOutOfReminders(app.deps, request.params.token)
      return html(reply, valid ? 200 : 404, optOutPage(valid ? 'done' : 'invalid'))
    },
  )
}

function html(reply: FastifyReply, status: number, page: string) {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page)
}
