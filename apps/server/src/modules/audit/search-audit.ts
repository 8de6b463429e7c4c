import { addDays, ErrorCode, startOfVietnamDay } from '@ansinh/domain'
import { z } from 'zod'
import type { Deps } from '../../app'
import { DomainError } from '../../platform/errors'
import type { StaffActor } from '../identity/staff-actor'
import { searchAudit } from './repo'
import { recordAudit } from './service'

const isoDay = z.iso.date({ error: 'Ngày theo dạng yyyy-mm-dd.' })

export const AuditQuery = z.object({
  action: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/, { error: 'Hành động không hợp lệ.' })
    .optional(),
  staffId: z.coerce.number().int().positive().optional(),
  // What an administrator knows of a colleague; ids appear nowhere in the back-office.
  username: z.string().trim().toLowerCase().max(64).optional(),
  recordType: z
    .string()
    .regex(/^[a-z_]{1,24}$/)
    .optional(),
  recordId: z.string().max(64).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d+$/, { error: 'Con trỏ trang không hợp lệ.' }).optional(),
})
export type AuditQuery = z.infer<typeof AuditQuery>

export const AuditPage = z.object({
  items: z.array(
    z.object({
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
    }),
  ),
  nextCursor: z.string().nullable(),
})
export type AuditPage = z.infer<typeof AuditPage>

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
