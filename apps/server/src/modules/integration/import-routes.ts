import { ImportId, ImportKind, ImportView, importerRoles, MAX_IMPORT_BYTES } from '@ansinh/domain'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../app'
import { errorAnswers } from '../../http/error-answers'
import { multipartRouteValidator, readUploadForm, registerPhotoUploads } from '../../http/photo-uploads'
import { staffOf } from '../identity/staff-guard'
import { errorReportCsv } from './error-report'
import { type IntegrationImport, rowErrorsOf } from './import-repo'
import { startImportsHere } from './imports'
import {
  employerOf,
  facilityOf,
  partnerKeyRateLimit,
  partnerKeySecurity,
  requireEmployerKey,
  requireFacilityKey,
  requirePartnerKey,
} from './partner-keys'
import { importView, submitImport, viewImport, visibleTo } from './submit-import'

const staffTags = ['staff: integration']
const apiTags = ['integration']
const errors = errorAnswers(400, 401, 403, 404, 413, 429)
const UploadFields = z.object({ kind: z.enum(ImportKind, { error: 'Vui lòng chọn loại dữ liệu.' }) })
const UploadBody = z
  .object({
    kind: UploadFields.shape.kind,
    file: z
      .string()
      .meta({ format: 'binary' })
      .describe('D02-LT as CSV or XLSX; XML 130 claims as XML. 256 MB at most'),
  })
  .describe('multipart/form-data')

/**
 * Imports from the back-office: an administrator uploads a D02-LT list or a claims file, follows its
 * progress, and downloads the rows refused. An import is seen within the uploader's office tree.
 */
export async function registerImportRoutes(app: FastifyInstance) {
  await registerPhotoUploads(app, { files: 1, fields: 1, fieldSize: 64, fileSize: MAX_IMPORT_BYTES })
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const administrator = app.requireStaff(importerRoles)
  const withinReach = (request: FastifyRequest) => visibleTo({ kind: 'staff', staff: staffOf(request) })

  api.post(
    '/staff/integration/imports',
    {
      preHandler: administrator,
      validatorCompiler: multipartRouteValidator,
      bodyLimit: MAX_IMPORT_BYTES + 64 * 1024,
      schema: {
        tags: staffTags,
        summary: 'Upload a file to import (D02-LT list or XML 130 claims); it is read in the background',
        description:
          'Answers at once (202) with the import to follow at `GET /staff/integration/imports/{id}`. The same ' +
          'bytes sent again answer the earlier import (`duplicate: true`) and change nothing.',
        consumes: ['multipart/form-data'],
        body: UploadBody,
        response: { 202: ImportView, ...errors },
      },
    },
    async (request, reply) => {
      const upload = await readImportUpload(request)
      const view = await submitImport(deps, upload, { kind: 'staff', staff: staffOf(request) })
      startImportsHere(app)
      return reply.code(202).send(view)
    },
  )

  api.get(
    '/staff/integration/imports/:id',
    {
      preHandler: administrator,
      schema: {
        tags: staffTags,
        summary: 'An import and its progress: rows read, applied, unchanged and refused',
        params: ImportId,
        response: { 200: ImportView, ...errors },
      },
    },
    async (request) => importView(await viewImport(deps, request.params.id, withinReach(request)), false),
  )

  api.get(
    '/staff/integration/imports/:id/errors.csv',
    {
      preHandler: administrator,
      schema: {
        tags: staffTags,
        summary: 'The error report: each refused row with its column and the reason, in Vietnamese (CSV)',
        params: ImportId,
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      sendErrorReport(reply, deps, await viewImport(deps, request.params.id, withinReach(request))),
  )
}

/** The media types of a declaration list sent as the body: CSV, or an Excel workbook. */
const declarationTypes = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']

/**
 * Files straight from a partner's system, the file itself as the body, with the partner's API key: a
 * hospital's claims (XML 130 envelope) and an employer's declaration list (D02-LT, CSV or XLSX). Every
 * row must be the partner's own (its claims, its employees); the import is the partner's to follow.
 */
export async function registerPartnerImportRoutes(app: FastifyInstance) {
  app.addContentTypeParser(
    ['application/xml', 'text/xml', ...declarationTypes],
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_request, body, done) => done(null, body),
  )
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const rateLimit = partnerKeyRateLimit(deps.config)
  const facility = { preHandler: requireFacilityKey(app), config: { rateLimit } }
  const employer = { preHandler: requireEmployerKey(app), config: { rateLimit } }
  const anyPartner = { preHandler: requirePartnerKey(app, 'any'), config: { rateLimit } }
  // A partner sees the imports its keys sent: a facility's by its code, an employer's by its unit code.
  const ownImport = (request: FastifyRequest) =>
    visibleTo(
      request.facility
        ? { kind: 'facility', ...request.facility }
        : { kind: 'employer', ...employerOf(request) },
    )
  const bodyBytes = (request: FastifyRequest) => (Buffer.isBuffer(request.body) ? request.body : undefined)

  api.post(
    '/integration/claim-files',
    {
      ...facility,
      validatorCompiler: multipartRouteValidator,
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: apiTags,
        summary: 'Send a claims file (QĐ 130/QĐ-BYT envelope, XML1 read); it is read in the background',
        description:
          `${partnerKeySecurity('facility')} The body is the XML file itself (\`Content-Type: application/xml\`), ` +
          'up to 256 MB. Answers 202 with the import to follow; the same bytes again answer the earlier import. ' +
          'Claims of another facility are refused row by row; a claim already received (same facility and ' +
          'MA_LK) is unchanged.',
        consumes: ['application/xml'],
        body: z.string().describe('The GIAMDINHHS envelope'),
        response: { 202: ImportView, ...errors },
      },
    },
    async (request, reply) => {
      const { keyId, facilityCode } = facilityOf(request)
      const view = await submitImport(
        deps,
        {
          kind: ImportKind.HospitalClaims,
          fileName: `claims-${facilityCode}.xml`,
          bytes: bodyBytes(request),
        },
        { kind: 'facility', keyId, facilityCode },
      )
      startImportsHere(app)
      return reply.code(202).send(view)
    },
  )

  api.post(
    '/integration/employer-declarations',
    {
      ...employer,
      validatorCompiler: multipartRouteValidator,
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: apiTags,
        summary:
          "Send an employer's monthly declaration list (D02-LT, CSV or XLSX); it is read in the background",
        description:
          `${partnerKeySecurity('employer')} The body is the file itself: \`Content-Type: text/csv\` (UTF-8) or ` +
          '`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (XLSX, first sheet), up to 256 MB, ' +
          'with the columns of the back-office upload. Answers 202 with the import to follow; the same bytes again ' +
          'answer the earlier import. Rows of another employer (Mã đơn vị) are refused row by row; a row already ' +
          'applied is unchanged.',
        consumes: declarationTypes,
        body: z.string().describe('The D02-LT list'),
        response: { 202: ImportView, ...errors },
      },
    },
    async (request, reply) => {
      const { keyId, unitCode } = employerOf(request)
      const csv = request.headers['content-type']?.startsWith('text/csv') ?? false
      const view = await submitImport(
        deps,
        {
          kind: ImportKind.EmployerDeclarations,
          fileName: `d02-lt-${unitCode}.${csv ? 'csv' : 'xlsx'}`,
          bytes: bodyBytes(request),
        },
        { kind: 'employer', keyId, unitCode },
      )
      startImportsHere(app)
      return reply.code(202).send(view)
    },
  )

  api.get(
    '/integration/imports/:id',
    {
      ...anyPartner,
      schema: {
        tags: apiTags,
        summary: "One of the partner's imports (claims or declarations) and its progress",
        description: partnerKeySecurity('any'),
        params: ImportId,
        response: { 200: ImportView, ...errors },
      },
    },
    async (request) => importView(await viewImport(deps, request.params.id, ownImport(request)), false),
  )

  api.get(
    '/integration/imports/:id/errors.csv',
    {
      ...anyPartner,
      schema: {
        tags: apiTags,
        summary: "The error report of one of the partner's imports (CSV)",
        description: partnerKeySecurity('any'),
        params: ImportId,
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      sendErrorReport(reply, deps, await viewImport(deps, request.params.id, ownImport(request))),
  )
}

async function sendErrorReport(reply: FastifyReply, deps: Pick<Deps, 'database'>, item: IntegrationImport) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="loi-nhap-du-lieu-${item.id}.csv"`)
    .header('cache-control', 'private, no-store')
    .send(errorReportCsv(await rowErrorsOf(deps.database.db, item.id)))
}

/** The `kind` field and the file, with its name; a file over the limit is refused by its field. */
async function readImportUpload(request: FastifyRequest) {
  // One file at most: the multipart limits of these routes stop a second one.
  const { fields, files } = await readUploadForm(request, { fields: UploadFields, fileField: 'file' })
  const file = files[0]
  return { kind: fields.kind, fileName: file?.fileName ?? '', bytes: file?.bytes }
}
