/**
 * Staff sign-in and a staff member's own account security (password, recovery codes): the API's
 * bodies and answers, shared by the server, which validates and serialises with them, and the staff
 * app, which checks its forms and parses the answers with them; and the staff password rule.
 */
import { z } from 'zod'
import { StaffRole } from './staff-admin'

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
export type StaffLoginBody = z.infer<typeof StaffLoginBody>

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
export type StaffLoginAnswer = z.infer<typeof StaffLoginAnswer>

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
export type StaffSecondFactorBody = z.infer<typeof StaffSecondFactorBody>

/** A code of the authenticator app: to confirm it at enrolment, or to renew the recovery codes. */
export const StaffCodeBody = z.object({ code: TotpCode })
export type StaffCodeBody = z.infer<typeof StaffCodeBody>

export const StaffProfileView = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  officeCode: z.string(),
  officeName: z.string(),
  role: StaffRole,
  mustChangePassword: z
    .boolean()
    .describe('Set for an account created with a one-time password: only the password change is open'),
})
export type StaffProfileView = z.infer<typeof StaffProfileView>

/** The profile with the CSRF token of the session (it changes when the second factor is accepted). */
export const StaffSignedInView = StaffProfileView.extend({ csrfToken })
export type StaffSignedInView = z.infer<typeof StaffSignedInView>

const recoveryCodes = z
  .array(z.string())
  .describe('Shown this once: each signs in once without the authenticator')

export const StaffEnrolledView = StaffSignedInView.extend({ recoveryCodes })
export type StaffEnrolledView = z.infer<typeof StaffEnrolledView>

export const StaffRecoveryCodesView = z.object({ recoveryCodes })
export type StaffRecoveryCodesView = z.infer<typeof StaffRecoveryCodesView>

/** The staff password rule; the staff app shows it beside the form. */
export const staffPasswordRule = { minLength: 12, maxLength: 64, minClasses: 3 } as const

const characterClasses = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{Lu}\p{Ll}\p{Nd}]/u]

/** How many of the four kinds of character a password mixes: upper case, lower case, digits, others. */
export function passwordCharacterClasses(password: string): number {
  return characterClasses.filter((pattern) => pattern.test(password)).length
}

/** Whether the password contains the username, in any case: the first guess of anyone who knows it. */
export function passwordContainsUsername(password: string, username: string): boolean {
  return username.length > 0 && password.toLowerCase().includes(username.toLowerCase())
}

/** The part of the rule the body alone cannot check: the server takes the username from the session. */
export const passwordContainsUsernameMessage = 'Mật khẩu mới không được chứa tên đăng nhập.'

const lengthMessage = `Mật khẩu mới gồm ${staffPasswordRule.minLength}–${staffPasswordRule.maxLength} ký tự.`

export const StaffNewPassword = z
  .string({ error: 'Vui lòng nhập mật khẩu mới.' })
  .min(1, { error: 'Vui lòng nhập mật khẩu mới.', abort: true })
  .min(staffPasswordRule.minLength, { error: lengthMessage })
  .max(staffPasswordRule.maxLength, { error: lengthMessage })
  .refine((password) => passwordCharacterClasses(password) >= staffPasswordRule.minClasses, {
    error: `Mật khẩu mới cần có ít nhất ${staffPasswordRule.minClasses} trong 4 loại ký tự: chữ hoa, chữ thường, chữ số, ký tự khác.`,
  })

export const StaffPasswordChangeBody = z
  .object({
    currentPassword: z
      .string({ error: 'Vui lòng nhập mật khẩu hiện tại.' })
      .min(1, { error: 'Vui lòng nhập mật khẩu hiện tại.' })
      .max(256),
    newPassword: StaffNewPassword,
  })
  .refine((body) => body.newPassword !== body.currentPassword, {
    path: ['newPassword'],
    error: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  })
export type StaffPasswordChangeBody = z.infer<typeof StaffPasswordChangeBody>

/** The session goes on with the same cookie and CSRF token; every other session of the account ended. */
export const StaffPasswordChanged = StaffSignedInView.extend({
  otherSessionsEnded: z.number().int().describe('How many other sessions of the account were ended'),
})
export type StaffPasswordChanged = z.infer<typeof StaffPasswordChanged>
