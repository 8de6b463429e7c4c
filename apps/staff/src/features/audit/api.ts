import { AuditPage, type AuditQuery } from '@ansinh/domain'
import type { Language } from '@ansinh/ui'
import { staffRequest } from '../session/staff-request'

/** The filters the page offers, in the order of its form. */
export const auditFilterKeys = [
  'username',
  'action',
  'recordType',
  'recordId',
  'from',
  'to',
] as const satisfies readonly (keyof AuditQuery)[]
export type AuditFilterKey = (typeof auditFilterKeys)[number]
export type AuditFilters = Partial<Record<AuditFilterKey | 'cursor', string>>

/** One page of the audit log, newest first; reading it is itself recorded by the server. */
export function searchAuditLog(filters: AuditFilters, language: Language) {
  return staffRequest('/staff/audit', AuditPage, language, { query: filters })
}
