import {
  ApiError,
  caseworkRoles,
  DecisionResult,
  DossierDecision,
  DossierDetail,
  DossierFileKind,
  DossierListPage,
  DossierSearchQuery,
  DossierVersion,
} from '@ansinh/domain'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorAnswers } from '../../http/error-answers'
import { multipartRouteValidator, readPhotoForm, registerPhotoUploads } from '../../http/photo-uploads'
import { staffOf } from '../identity/staff-guard'
import { decideDossier } from './decide-dossier'
import { addDossierFile, type DossierFileUpload } from './dossier-files'
import { exportDossiers } from './export-dossiers'
import { type DossierStep, handleDossier } from './handle-dossier'
import { searchDossierList, viewDossier, viewDossierFile } from './view-dossiers'

const tags = ['staff: dossiers']
const errors = errorAnswers(400, 401, 403, 404, 409)
const DossierId = z.object({ id: z.coerce.number().int().positive({ error: 'Mã hồ sơ không hợp lệ.' }) })
const FileId = DossierId.extend({
  fileId: z.coerce.number().int().positive({ error: 'Mã tệp không hợp lệ.' }),
})

/** The text fields of `POST /staff/dossiers/{id}/files`, as multipart sends them (strings). */
const DossierFileFields = z.object({
  kind: z.enum(DossierFileKind, { error: 'Vui lòng chọn loại ảnh.' }),
  version: z.coerce.number({ error: 'Phiên bản hồ sơ không hợp lệ.' }).int().min(1),
})

/** The multipart body, for the OpenAPI description (parsed by hand in `readFileUpload`). */
const DossierFileMultipart = DossierFileFields.extend({
  file: z.string().meta({ format: 'binary', description: 'JPEG, PNG, HEIC or WebP, at most 10 MB' }),
}).describe('multipart/form-data')

/**
 * "Hồ sơ ĐK GDĐT" → "Cá nhân" (seed 002, Appendix 02) for reviewers and administrators. A dossier
 * outside the staff member's office tree answers 404, exactly like one that does not exist.
 */
export async function registerReviewRoutes(app: FastifyInstance) {
  // A reviewer's file is checked like a citizen's photo: one file, cut and reported at the size limit.
  await registerPhotoUploads(app, { files: 1, fields: 2, fieldSize: 1024 })
  const api = app.withTypeProvider<ZodTypeProvider>()
  const preHandler = app.requireStaff(caseworkRoles)

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
    '/staff/dossiers/:id/files/:fileId',
    {
      preHandler,
      schema: {
        tags,
        summary: 'A photo or scan of the dossier (JPEG), or its thumbnail; replaced ones too',
        params: FileId,
        querystring: z.object({ size: z.enum(['full', 'thumbnail']).default('full') }),
        produces: ['image/jpeg'],
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params
      const jpeg = await viewDossierFile(app.deps, staffOf(request), id, fileId, request.query.size)
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(jpeg)
    },
  )

  api.post(
    '/staff/dossiers/:id/files',
    {
      preHandler,
      // The body is multipart and read part by part in the handler; the schema documents it.
      validatorCompiler: multipartRouteValidator,
      schema: {
        tags,
        summary: 'Replace a photo of the dossier, or attach a scan (its holder, while it is pending)',
        description:
          'The file is checked and re-encoded like the registration photos and stored encrypted. A portrait, ' +
          'ID or birth-certificate photo replaces the current one of its kind, which stays listed with ' +
          '`replacedAt`; a scan is added to the others. `version` is the one the reviewer saw: a changed, ' +
          'decided or not-held dossier answers 409. Answers the updated dossier.',
        params: DossierId,
        consumes: ['multipart/form-data'],
        body: DossierFileMultipart,
        response: { 200: DossierDetail, ...errors, 413: ApiError },
      },
    },
    async (request) =>
      addDossierFile(app.deps, staffOf(request), request.params.id, await readFileUpload(request)),
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

/** Reads the multipart body: `kind`, `version` and one file; a file over 10 MB is marked, not read. */
async function readFileUpload(request: FastifyRequest): Promise<DossierFileUpload> {
  const { fields, file } = await readPhotoForm(request, { fields: DossierFileFields, fileField: 'file' })
  return { ...fields, file }
}
