import type { StaffRole } from '@ansinh/domain'

/** The roles the server lets read the audit log (`GET /staff/audit`); anyone else gets a 404 there. */
const auditReaders: readonly StaffRole[] = ['office_admin', 'system_admin']

/** The session types the role as text. */
export function canReadAuditLog(role: string): boolean {
  return auditReaders.some((reader) => reader === role)
}
