import {
  AdoptionQuery,
  AdoptionReport,
  MAX_MEMBER_IMPORT_BYTES,
  MemberImportResult,
  MemberListQuery,
  MemberPage,
  NewOrganisationBody,
  OrganisationId,
  OrganisationList,
  OrganisationTargetBody,
  OrganisationView,
  organisationRoles,
  RenameOrganisationBody,
} from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorAnswers } from '../../http/error-answers'
import { multipartRouteValidator, readUploadForm, registerPhotoUploads } from '../../http/photo-uploads'
import { notFound } from '../../platform/errors'
import { staffOf } from '../identity/staff-guard'
import { errorReportCsv } from '../integration/error-report'
import { readAdoptionReport } from './adoption-report'
import { registerOrganisationExtraRoutes } from './extra-routes'
import { importMembers } from './members-import'
import { listOrganisationMembers } from './members-list'
import { findMemberImport } from './repo'
import {
  createOrganisation,
  listOrganisations,
  renameOrganisation,
  requireOrganisation,
  setOrganisationTarget,
  viewOrganisation,
} from './service'

const tags = ['staff: organisations']
const errors = errorAnswers(400, 401, 403, 404, 409)
const MemberImportParams = OrganisationId.extend({
  importId: z.coerce.number().int().positive({ error: 'Mã lần nhập không hợp lệ.' }),
})
const MemberUpload = z
  .object({
    file: z
      .string()
      .meta({ format: 'binary' })
      .describe(
        'CSV (UTF-8) or XLSX: Mã số BHXH or Số CCCD/định danh, Họ tên, Vai trò, Lớp/Phòng, Mã tổ chức',
      ),
  })
  .describe('multipart/form-data')

/**
 * Tổ chức (`/api/v1/staff/organisations…`): the organisation tree, its members and the adoption
 * report, for organisation administrators (their subtree) and office and system administrators (the
 * trees under their offices); every other role gets 404. Registered with that prefix.
 */
export async function registerOrganisationRoutes(app: FastifyInstance) {
  await registerPhotoUploads(app, { files: 1, fields: 0, fieldSize: 64, fileSize: MAX_MEMBER_IMPORT_BYTES })
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const administrator = app.requireStaff(organisationRoles)

  api.get(
    '/',
    {
      preHandler: administrator,
      schema: {
        tags,
        summary: 'The organisations within reach, as a flat tree (parents first, `depth` from the top)',
        description:
          'An organisation administrator sees its organisation and everything below it; office and system ' +
          'administrators the trees under the offices they reach.',
        response: { 200: OrganisationList, ...errors },
      },
    },
    async (request) => listOrganisations(deps, staffOf(request)),
  )

  api.post(
    '/',
    {
      preHandler: administrator,
      schema: {
        tags,
        summary: '"Thêm tổ chức": under an organisation within reach, or at the top under an office',
        description:
          'Give exactly one of `parentId` and `officeCode`; only office and system administrators create a top ' +
          'organisation. The code is unique (409 `fields.code`).',
        body: NewOrganisationBody,
        response: { 201: OrganisationView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrganisation(deps, staffOf(request), request.body)),
  )

  api.get(
    '/:id',
    {
      preHandler: administrator,
      schema: {
        tags,
        summary: 'One organisation within reach, with its target',
        params: OrganisationId,
        response: { 200: OrganisationView, ...errors },
      },
    },
    async (request) => viewOrganisation(deps, staffOf(request), request.params.id),
  )

  api.patch(
    '/:id',
    {
      preHandler: administrator,
      schema: {
        tags,
        summary: '"Đổi tên": rename an organisation; its code stays',
        params: OrganisationId,
        body: RenameOrganisationBody,
        response: { 200: OrganisationView, ...errors },
      },
    },
    async (request) => renameOrganisation(deps, staffOf(request), request.params.id, request.body),
  )

  api.put(
    '/:id/target',
    {
      preHandler: administrator,
      schema: {
        tags,
        summary: '"Mục tiêu": the share of members to register (0–100) and the deadline',
        params: OrganisationId,
        body: OrganisationTargetBody,
        response: { 200: OrganisationView, ...errors },
      },
    },
    async (request) => setOrganisationTarget(deps, staffOf(request), request.params.id, request.body),
  )

  api.post(
    '/:id/members/import',
    {
      preHandler: administrator,
      validatorCompiler: multipartRouteValidator,
      bodyLimit: MAX_MEMBER_IMPORT_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: '"Nhập danh sách thành viên" from CSV or XLSX; answers the counts and the refused rows',
        description:
          'Each row names a person of the registry by Mã số BHXH or Số CCCD/định danh, with the name as ' +
          'recorded (accents and case ignored), Vai trò (Cán bộ, Giáo viên, Nhân viên / Học sinh, Sinh viên), ' +
          'optionally Lớp/Phòng and Mã tổ chức (an organisation of the subtree). The same file again changes ' +
          'nothing (`unchanged`). A pupil belongs to one organisation of a tree (all under the same root): ' +
          'importing a pupil of another organisation of the tree moves them here (`moved`); staff keep every ' +
          'membership. A file that cannot be read is 400 `fields.file`.',
        consumes: ['multipart/form-data'],
        params: OrganisationId,
        body: MemberUpload,
        response: { 200: MemberImportResult, ...errors },
      },
    },
    async (request) => {
      const { files } = await readUploadForm(request, { fields: z.object({}), fileField: 'file' })
      const file = files[0]
      return importMembers(deps, staffOf(request), request.params.id, {
        fileName: file?.fileName ?? '',
        bytes: file?.bytes,
      })
    },
  )

  api.get(
    '/:id/member-imports/:importId/errors.csv',
    {
      preHandler: administrator,
      schema: {
        tags,
        summary: 'The error report of a member import: each refused row, its column and the reason (CSV)',
        params: MemberImportParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { id, importId } = request.params
      await requireOrganisation(deps.database.db, staffOf(request), id)
      const found = await findMemberImport(deps.database.db, id, importId)
      if (!found) throw notFound('member import')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="loi-nhap-thanh-vien-${importId}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(errorReportCsv(found.errors))
    },
  )

  api.get(
    '/:id/members',
    {
      preHandler: administrator,
      schema: {
        tags,
        summary: 'The members of the organisation and everything below it, 50 a page, with their adoption',
        description:
          'Filters: role, registered (yes/no), one organisation of the subtree, class or department (exact, ' +
          'accents ignored), part of the name (accents ignored). Personal data: every page read is audited.',
        params: OrganisationId,
        querystring: MemberListQuery,
        response: { 200: MemberPage, ...errors },
      },
    },
    async (request) => listOrganisationMembers(deps, staffOf(request), request.params.id, request.query),
  )

  api.get(
    '/:id/adoption',
    {
      preHandler: administrator,
      schema: {
        tags,
        summary:
          '"Tình hình cài đặt": figures by role over the subtree, units furthest behind first, target, history',
        description:
          'Members; registered (a dossier filed or an account); account active; signed in at least once — each ' +
          'with its share as written in the district reports (`80,83 %`). A person counts once per role. ' +
          'Reading it records today’s point of the history.',
        params: OrganisationId,
        querystring: AdoptionQuery,
        response: { 200: AdoptionReport, ...errors },
      },
    },
    async (request) => readAdoptionReport(deps, staffOf(request), request.params.id, request.query),
  )

  await registerOrganisationExtraRoutes(app)
}
