import { Email, FullName, OfficeCode } from '@ansinh/domain'
import { z } from 'zod'
import { staffRoles } from '../../db/schema'

/**
 * The staff sign-in and account-management API's bodies and answers. They live with the server for
 * now; the staff app can take them from here when they move to @ansinh/domain.
 */

export const StaffRoleSchema = z.enum(staffRoles)

export const StaffLoginBody = z.object({
  username: z
    .string({ error: 'Vui lòng nhập tên đăng nhập.' })
    .trim()
    .min(1, { error: 'Vui lòng nhập tên đăng nhập.' })
    .max(64),
  password: z
    .string({ error: 'Vui lòng nhập mật khẩu.' })
    .min(1, { error: 'Vui lòng nhập mật khẩu.' })
    .max(256),
})

const csrfToken = z
  .string()
  .describe('Send it back in the x-ansinh-csrf header of every POST, PUT, PATCH and DELETE')

export const StaffLoginAnswer = z.discriminatedUnion('next', [
  z.object({ next: z.literal('totp'), csrfToken }),
  z.object({
    next: z.literal('enrol'),
    csrfToken,
    secret: z.string().describe('Base32 TOTP secret, for typing into an authenticator app'),
    otpauthUri: z.string().describe('The same secret as an otpauth:// URI, for a QR code'),
  }),
])

const TotpCode = z
  .string({ error: 'Vui lòng nhập mã xác thực.' })
  .overwrite((value) => value.replace(/\s/g, ''))
  .regex(/^\d{6}$/, { error: 'Mã xác thực gồm 6 chữ số.' })

export const StaffSecondFactorBody = z
  .object({
    code: TotpCode.optional(),
    recoveryCode: z.string().trim().min(1).max(64).optional(),
  })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    path: ['code'],
    error: 'Nhập mã xác thực trên ứng dụng hoặc một mã khôi phục.',
  })

export const StaffEnrolBody = z.object({ code: TotpCode })

export const StaffProfileView = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  officeCode: z.string(),
  officeName: z.string(),
  role: StaffRoleSchema,
})

/** The profile with the CSRF token of the session (it changes when the second factor is accepted). */
export const StaffSignedInView = StaffProfileView.extend({ csrfToken })

export const StaffEnrolledView = StaffSignedInView.extend({
  recoveryCodes: z
    .array(z.string())
    .describe('Shown this once: each signs in once without the authenticator'),
})

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
