import { apiRequest } from '@ansinh/ui'
import { z } from 'zod'

// Mirrors `AuditPage` of apps/server/src/modules/audit/search-audit.ts, like the staff schemas in
// ../session/api.ts, until the staff API's schemas move to @ansinh/domain.
const AuditEntry = z.object({
  id: z.number(),
  at: z.iso.datetime(),
  actorKind: z.string(),
  staffId: z.number().nullable(),
  username: z.string().nullable(),
  officeCode: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() })

export const auditFilterKeys = ['username', 'action', 'recordType', 'recordId', 'from', 'to'] as const
export type AuditFilterKey = (typeof auditFilterKeys)[number]
export type AuditFilters = Partial<Record<AuditFilterKey | 'cursor', string>>

/** One page of the audit log, newest first; reading it is itself recorded by the server. */
export function searchAuditLog(filters: AuditFilters, language: 'vi' | 'en') {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  return apiRequest(`/staff/audit?${params}`, AuditPage, language)
}
