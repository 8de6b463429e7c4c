import {
  ApiError,
  DecisionResult,
  DossierDecision,
  DossierDetail,
  DossierListPage,
  DossierSearchQuery,
  DossierVersion,
  PhotoKind,
} from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { staffOf } from '../identity/staff-guard'
import { decideDossier } from './decide-dossier'
import { exportDossiers } from './export-dossiers'
import { type DossierStep, handleDossier } from './handle-dossier'
import { searchDossierList, viewDossier, viewDossierPhoto } from './view-dossiers'

const tags = ['staff: dossiers']
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError }
const DossierId = z.object({ id: z.coerce.number().int().positive({ error: 'Mã hồ sơ không hợp lệ.' }) })

/**
 * "Hồ sơ ĐK GDĐT" → "Cá nhân" (seed 002, Appendix 02) for reviewers and administrators. A dossier
 * outside the staff member's office tree answers 404, exactly like one that does not exist.
 */
export async function registerReviewRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const preHandler = app.requireStaff(['reviewer', 'office_admin', 'system_admin'])

  api.get(
    '/staff/dossiers',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Search registration dossiers within reach ("Mở rộng" → "Tra cứu")',
        description:
          'Keyset pages: pass `nextCursor` back as `cursor`. `total` counts every match within reach.',
        querystring: DossierSearchQuery,
        response: { 200: DossierListPage, ...errors },
      },
    },
    async (request) => searchDossierList(app.deps, staffOf(request), request.query),
  )

  api.get(
    '/staff/dossiers/export.xlsx',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The result of a search as an XLSX workbook (at most 50,000 rows)',
        querystring: DossierSearchQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const workbook = exportDossiers(app.deps, staffOf(request), request.query)
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="ho-so-dk-gddt.xlsx"')
        .header('cache-control', 'private, no-store')
        .send(workbook)
    },
  )

  api.get(
    '/staff/dossiers/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'One dossier: every field, photos, history, and the registry record beside it',
        params: DossierId,
        response: { 200: DossierDetail, ...errors },
      },
    },
    async (request) => viewDossier(app.deps, staffOf(request), request.params.id),
  )

  api.get(
    '/staff/dossiers/:id/photos/:kind',
    {
      preHandler,
      schema: {
        tags,
        summary: 'A photo of the dossier (JPEG), or its thumbnail',
        params: DossierId.extend({ kind: z.enum(PhotoKind) }),
        querystring: z.object({ size: z.enum(['full', 'thumbnail']).default('full') }),
        produces: ['image/jpeg'],
      },
    },
    async (request, reply) => {
      const { id, kind } = request.params
      const jpeg = await viewDossierPhoto(app.deps, staffOf(request), id, kind, request.query.size)
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(jpeg)
    },
  )

  const steps: Array<[DossierStep, string]> = [
    ['assign', 'Take the dossier to decide it (phân công cho mình)'],
    ['release', 'Give the dossier back (its holder, or an administrator)'],
    ['receive', 'Record that the signed paper declaration was received in person'],
  ]
  for (const [step, summary] of steps) {
    api.post(
      `/staff/dossiers/:id/${step}`,
      {
        preHandler,
        schema: {
          tags,
          summary,
          params: DossierId,
          body: DossierVersion,
          response: { 200: DossierDetail, ...errors },
        },
      },
      async (request) =>
        handleDossier(app.deps, staffOf(request), request.params.id, step, request.body.version),
    )
  }

  api.post(
    '/staff/dossiers/:id/decision',
    {
      preHandler,
      schema: {
        tags,
        summary: '"Đánh giá hồ sơ" → "Ghi nhận": valid, or invalid with a reason',
        description:
          'Valid: the BHXH code and name are checked against the registry; a match creates the account and sends ' +
          'its one-time password, no match moves the dossier to "needs a BHXH code". Invalid: the reason is sent to the ' +
          'person. The body names the version the reviewer saw; a changed or already decided dossier answers 409.',
        params: DossierId,
        body: DossierDecision,
        response: { 200: DecisionResult, ...errors },
      },
    },
    async (request) => decideDossier(app.deps, staffOf(request), request.params.id, request.body),
  )
}
