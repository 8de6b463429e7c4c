import { Email, FullName, OfficeCode } from '@ansinh/domain'
import { z } from 'zod'
import { staffRoles } from '../../db/schema'

/**
 * The staff account-management API's bodies and answers (sign-in's are in @ansinh/domain). They live
 * with the server for now; the staff app can take them from here when they move to @ansinh/domain.
 */

export const StaffRoleSchema = z.enum(staffRoles)

export const StaffAccountView = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  officeCode: z.string(),
  officeName: z.string(),
  role: StaffRoleSchema,
  status: z.enum(['active', 'locked']),
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

export const NewStaffAccountBody = z.object({
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
  role: StaffRoleSchema,
})
export type NewStaffAccountBody = z.infer<typeof NewStaffAccountBody>

export const StaffAccountCreated = z.object({
  account: StaffAccountView,
  oneTimePassword: z.string().describe('Shown this once; give it to the person by a channel of its own'),
})

export const StaffAccountId = z.object({ id: z.coerce.number().int().positive() })
