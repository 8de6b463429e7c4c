import { ApiError, AuditPage, AuditQuery } from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { staffOf } from '../identity/staff-guard'
import { searchAuditLog } from './search-audit'

/** The audit log for administrators (office administrators: their office tree; national: all). */
export async function registerAuditRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/staff/audit',
    {
      preHandler: app.requireStaff(['office_admin', 'system_admin']),
      schema: {
        tags: ['staff'],
        summary: 'Search the audit log (newest first; keyset: pass nextCursor as cursor)',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ApiError, 401: ApiError, 404: ApiError },
      },
    },
    async (request) => searchAuditLog(app.deps, staffOf(request), request.query),
  )
}
