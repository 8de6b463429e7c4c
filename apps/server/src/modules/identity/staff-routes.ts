import type { FastifyInstance } from 'fastify'
import { registerStaffAdminRoutes } from './staff-admin-routes'
import { registerStaffAuthRoutes } from './staff-auth-routes'

/** Staff identity under `/api/v1/staff/`: sign-in, and administrators' management of staff accounts. */
export async function registerStaffIdentityRoutes(app: FastifyInstance) {
  await registerStaffAuthRoutes(app)
  await registerStaffAdminRoutes(app)
}
