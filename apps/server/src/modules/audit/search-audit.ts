import { type AuditPage, type AuditQuery, addDays, ErrorCode, startOfVietnamDay } from '@ansinh/domain'
import type { Deps } from '../../app'
import { DomainError } from '../../platform/errors'
import type { StaffActor } from '../identity/staff-actor'
import { searchAudit } from './repo'
import { recordAudit } from './service'

const NATIONAL_OFFICE = '000'

/**
 * The audit log as an administrator reads it: entries of staff of their office tree (all of them for
 * the national office), newest first. Reading the log is itself written to the log.
 */
export async function searchAuditLog(deps: Deps, admin: StaffActor, query: AuditQuery): Promise<AuditPage> {
  if (query.from && query.to && query.from > query.to)
    throw new DomainError(ErrorCode.ValidationFailed, 'bad range', {
      fields: { to: ['"Đến ngày" phải sau "Từ ngày".'] },
    })
  const db = deps.database.db
  const offices = admin.reach.includes(NATIONAL_OFFICE) ? null : admin.reach
  const filter = {
    action: query.action,
    staffId: query.staffId,
    username: query.username,
    recordType: query.recordType,
    recordId: query.recordId,
    from: query.from ? startOfVietnamDay(query.from) : undefined,
    to: query.to ? startOfVietnamDay(addDays(query.to, 1)) : undefined,
  }
  const rows = await searchAudit(db, filter, offices, query.cursor ? Number(query.cursor) : null, query.limit)
  const page = rows.slice(0, query.limit)
  await recordAudit(db, { actor: admin, action: 'audit.search', detail: { returned: page.length } })
  return {
    items: page.map(({ entry, username }) => ({ ...entry, at: entry.at.toISOString(), username })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.entry.id) : null,
  }
}
