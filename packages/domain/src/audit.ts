/**
 * The audit log ("Nhật ký truy cập") as administrators search it: the query and the answer of
 * `GET /staff/audit`, shared by the server, which validates and serialises with them, and the staff
 * app, which parses the answer with them.
 */
import { z } from 'zod'

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

/** One entry; `detail` holds codes and outcomes, never personal data. */
export const AuditEntry = z.object({
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

/** Newest first; keyset: pass `nextCursor` as `cursor` for the next page. */
export const AuditPage = z.object({
  items: z.array(AuditEntry),
  nextCursor: z.string().nullable(),
})
export type AuditPage = z.infer<typeof AuditPage>
