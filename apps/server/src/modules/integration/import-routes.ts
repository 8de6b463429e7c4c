import {
  ErrorCode,
  ImportId,
  ImportKind,
  ImportView,
  MAX_IMPORT_BYTES,
  validationErrorOf,
} from '@ansinh/domain'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../app'
import { errorAnswers } from '../../http/error-answers'
import { assertMultipart, multipartRouteValidator, registerPhotoUploads } from '../../http/photo-uploads'
import { DomainError } from '../../platform/errors'
import { staffOf } from '../identity/staff-guard'
import { errorReportCsv } from './error-report'
import { facilityKeyRateLimit, facilityKeySecurity, facilityOf, requireFacilityKey } from './facility-keys'
import { type IntegrationImport, rowErrorsOf } from './import-repo'
import { startImportsHere } from './imports'
import { importView, submitImport, viewImport } from './submit-import'

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
  const administrator = app.requireStaff(['office_admin', 'system_admin'])
  const withinReach = (request: FastifyRequest) => {
    const { reach } = staffOf(request)
    return (item: { officeCode: string | null }) =>
      item.officeCode !== null && reach.includes(item.officeCode)
  }

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

/**
 * Claim files straight from a hospital's system: the XML 130 envelope as the body, with the facility's
 * API key. Every claim in it must be the facility's own; the import is the facility's to follow.
 */
export async function registerClaimFileRoutes(app: FastifyInstance) {
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_request, body, done) => done(null, body),
  )
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const facility = {
    preHandler: requireFacilityKey(app),
    config: { rateLimit: facilityKeyRateLimit(deps.config) },
  }
  const ownImport = (request: FastifyRequest) => (item: { facilityCode: string | null }) =>
    item.facilityCode === facilityOf(request).facilityCode

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
          `${facilityKeySecurity} The body is the XML file itself (\`Content-Type: application/xml\`), up to 256 MB. ` +
          'Answers 202 with the import to follow; the same bytes again answer the earlier import. Claims of ' +
          'another facility are refused row by row; a claim already received (same facility and MA_LK) is unchanged.',
        consumes: ['application/xml'],
        body: z.string().describe('The GIAMDINHHS envelope'),
        response: { 202: ImportView, ...errors },
      },
    },
    async (request, reply) => {
      const { keyId, facilityCode } = facilityOf(request)
      const bytes = Buffer.isBuffer(request.body) ? request.body : undefined
      const view = await submitImport(
        deps,
        { kind: ImportKind.HospitalClaims, fileName: `claims-${facilityCode}.xml`, bytes },
        { kind: 'facility', keyId, facilityCode },
      )
      startImportsHere(app)
      return reply.code(202).send(view)
    },
  )

  api.get(
    '/integration/imports/:id',
    {
      ...facility,
      schema: {
        tags: apiTags,
        summary: "One of the facility's imports and its progress",
        description: facilityKeySecurity,
        params: ImportId,
        response: { 200: ImportView, ...errors },
      },
    },
    async (request) => importView(await viewImport(deps, request.params.id, ownImport(request)), false),
  )

  api.get(
    '/integration/imports/:id/errors.csv',
    {
      ...facility,
      schema: {
        tags: apiTags,
        summary: "The error report of one of the facility's imports (CSV)",
        description: facilityKeySecurity,
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
  assertMultipart(request)
  const values: Record<string, unknown> = {}
  let file: { fileName: string; bytes: Buffer | 'tooLarge' } | undefined
  for await (const part of request.parts()) {
    if (part.type === 'field') values[part.fieldname] = part.value
    else if (part.fieldname === 'file' && !file) {
      const bytes = await part.toBuffer()
      file = { fileName: part.filename, bytes: part.file.truncated ? 'tooLarge' : bytes }
    } else part.file.resume()
  }
  const parsed = UploadFields.safeParse(values)
  if (!parsed.success)
    throw new DomainError(ErrorCode.ValidationFailed, 'import fields invalid', {
      fields: validationErrorOf(parsed.error).error.fields ?? {},
    })
  return { kind: parsed.data.kind, fileName: file?.fileName ?? '', bytes: file?.bytes }
}
