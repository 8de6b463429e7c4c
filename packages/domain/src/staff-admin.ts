/**
 * Staff account management ("Quản trị" → "Cán bộ"): the API's bodies and answers, shared by the
 * server, which validates and serialises with them, and the staff app, which checks its form and
 * parses the answers with them; and the rule of which roles an administrator manages.
 */
import { z } from 'zod'
import { Email, FullName, OfficeCode } from './schemas'

/** Cán bộ tiếp nhận, quản trị đơn vị, quản trị hệ thống, quản trị tổ chức, biên tập viên tin tức. */
export const staffRoles = [
  'reviewer',
  'office_admin',
  'system_admin',
  'organisation_admin',
  'news_editor',
] as const
export const StaffRole = z.enum(staffRoles, { error: 'Vui lòng chọn vai trò.' })
export type StaffRole = z.infer<typeof StaffRole>

/**
 * The roles an administrator may create, lock, unlock and reset, within their office tree: an office
 * administrator reviewers, office administrators, news editors and organisation administrators, a system
 * administrator everyone. Whoever
 * manages no role is not an administrator.
 */
const manageable: Record<StaffRole, readonly StaffRole[]> = {
  reviewer: [],
  organisation_admin: [],
  news_editor: [],
  // An office administrator also appoints the organisation administrators of the organisations in its
  // reach (the schools of its district), who then manage their members themselves.
  office_admin: ['reviewer', 'office_admin', 'news_editor', 'organisation_admin'],
  system_admin: ['reviewer', 'office_admin', 'system_admin', 'organisation_admin', 'news_editor'],
}

/**
 * The roles that serve people's cases: dossiers, feedback and citizen accounts. Organisation
 * administrators and news editors see none of them.
 */
export const caseworkRoles: readonly StaffRole[] = ['reviewer', 'office_admin', 'system_admin']

/** The roles that import data files (employers' D02-LT lists, hospitals' XML 130 claims). */
export const importerRoles: readonly StaffRole[] = ['office_admin', 'system_admin']

export function rolesManagedBy(role: StaffRole): readonly StaffRole[] {
  return manageable[role]
}

export function managesRole(actor: StaffRole, target: StaffRole): boolean {
  return manageable[actor].includes(target)
}

export const StaffAccountStatus = z.enum(['active', 'locked'])
export type StaffAccountStatus = z.infer<typeof StaffAccountStatus>

export const StaffAccountView = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  officeCode: z.string(),
  officeName: z.string(),
  role: StaffRole,
  /** Set for an organisation administrator only: the organisation whose subtree it manages. */
  organisationId: z.number().nullable(),
  organisationName: z.string().nullable(),
  status: StaffAccountStatus,
  /** Set while wrong passwords or codes keep the account locked. */
  lockedUntil: z.iso.datetime().nullable(),
  secondFactorEnrolled: z.boolean(),
  createdAt: z.iso.datetime(),
})
export type StaffAccountView = z.infer<typeof StaffAccountView>

export const StaffAccountPage = z.object({
  items: z.array(StaffAccountView),
  nextCursor: z.string().nullable(),
})
export type StaffAccountPage = z.infer<typeof StaffAccountPage>

export const NewStaffAccountBody = z
  .object({
    username: z
      .string({ error: 'Vui lòng nhập tên đăng nhập.' })
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
        error: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.',
      }),
    fullName: FullName,
    email: Email.nullish(),
    officeCode: OfficeCode,
    role: StaffRole,
    /** Required for an organisation administrator (quản trị tổ chức), refused for every other role. */
    organisationId: z.preprocess(
      (value) => (value === '' || value === null ? undefined : value),
      z.coerce
        .number({ error: 'Tổ chức không hợp lệ.' })
        .int()
        .positive({ error: 'Tổ chức không hợp lệ.' })
        .optional(),
    ),
  })
  .refine((body) => (body.role === 'organisation_admin') === (body.organisationId !== undefined), {
    path: ['organisationId'],
    error: 'Quản trị tổ chức cần chọn đúng một tổ chức; các vai trò khác không gắn với tổ chức.',
  })
export type NewStaffAccountBody = z.infer<typeof NewStaffAccountBody>

export const StaffAccountCreated = z.object({
  account: StaffAccountView,
  oneTimePassword: z.string().describe('Shown this once; give it to the person by a channel of its own'),
})
export type StaffAccountCreated = z.infer<typeof StaffAccountCreated>

export const StaffAccountId = z.object({ id: z.coerce.number().int().positive() })
