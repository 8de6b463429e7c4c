/**
 * Citizen sign-in and account security (issue 6): the API's bodies and answers, shared by the
 * server, which validates and serialises with them, and the citizen app, which checks its forms and
 * parses the answers with them. The password rule itself is in `citizen-password.ts`: it needs the
 * person's details, so the server applies it after this shape check.
 */
import { z } from 'zod'
import { OtpCode } from './registration'

const usernameMessage = 'Nhập mã số BHXH (10 chữ số) hoặc số định danh cá nhân (12 chữ số).'

/** The BHXH code or the 12-digit personal ID: whichever the person remembers. */
export const CitizenUsername = z
  .string({ error: usernameMessage })
  .overwrite((value) => value.replace(/\s/g, ''))
  .regex(/^(\d{10}|\d{12})$/, { error: usernameMessage })
export type CitizenUsername = z.infer<typeof CitizenUsername>

const password = z
  .string({ error: 'Vui lòng nhập mật khẩu.' })
  .min(1, { error: 'Vui lòng nhập mật khẩu.' })
  .max(256)

const deviceId = z
  .string({ error: 'Thiếu mã thiết bị.' })
  .trim()
  .min(8)
  .max(100)
  .describe('A random id the app keeps on the device: one device at a time is signed in')

const deviceName = z
  .string()
  .trim()
  .max(100)
  .optional()
  .describe('Shown on the devices page, e.g. "Chrome trên Android"')

export const CitizenLoginBody = z.object({ username: CitizenUsername, password, deviceId, deviceName })
export type CitizenLoginBody = z.infer<typeof CitizenLoginBody>

/** Continue a sign-in refused with DEVICE_CHANGE_OTP_REQUIRED: the same body, an OTP is sent. */
export const CitizenDeviceChangeBody = CitizenLoginBody
export type CitizenDeviceChangeBody = z.infer<typeof CitizenDeviceChangeBody>

const csrfToken = z
  .string()
  .describe('Send it back in the x-ansinh-csrf header of every POST, PUT, PATCH and DELETE')

export const CitizenAccountView = z.object({
  bhxhCode: z.string(),
  fullName: z.string(),
  mustChangePassword: z.boolean().describe('Still the one-time password: only the password change is open'),
  passwordExpired: z.boolean().describe('Older than the maximum age: only the password change is open'),
})
export type CitizenAccountView = z.infer<typeof CitizenAccountView>

export const CitizenSignedIn = z.object({
  account: CitizenAccountView,
  csrfToken,
  expiresAt: z.iso.datetime().describe('When the session ends at the latest (absolute expiry)'),
})
export type CitizenSignedIn = z.infer<typeof CitizenSignedIn>

/** An OTP sent to the registered phone; confirm it at `/{requestId}/confirm`. */
export const CitizenOtpSent = z.object({
  requestId: z.uuid(),
  /** Masked phone, e.g. `090****567`. */
  sentTo: z.string(),
  resendAfter: z.iso.datetime(),
})
export type CitizenOtpSent = z.infer<typeof CitizenOtpSent>

export const CitizenOtpConfirmBody = z.object({ otp: OtpCode })
export type CitizenOtpConfirmBody = z.infer<typeof CitizenOtpConfirmBody>

/** A new password's shape; the full rule (classes, personal data, common list) is checked on the server. */
const newPassword = z
  .string({ error: 'Vui lòng nhập mật khẩu mới.' })
  .min(1, { error: 'Vui lòng nhập mật khẩu mới.' })
  .max(256)

export const CitizenPasswordChangeBody = z
  .object({
    currentPassword: z
      .string({ error: 'Vui lòng nhập mật khẩu hiện tại.' })
      .min(1, { error: 'Vui lòng nhập mật khẩu hiện tại.' })
      .max(256),
    newPassword,
  })
  .refine((body) => body.newPassword !== body.currentPassword, {
    path: ['newPassword'],
    error: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  })
export type CitizenPasswordChangeBody = z.infer<typeof CitizenPasswordChangeBody>

export const CitizenPasswordResetBody = z.object({ username: CitizenUsername })
export type CitizenPasswordResetBody = z.infer<typeof CitizenPasswordResetBody>

export const citizenPasswordResetMessage =
  'Nếu thông tin đúng, mã OTP đã được gửi tới số điện thoại (hoặc email) đã đăng ký.'

/** The same answer whether the username exists or not: the requestId of an unknown one is a decoy. */
export const CitizenPasswordResetStarted = z.object({ requestId: z.uuid(), message: z.string() })
export type CitizenPasswordResetStarted = z.infer<typeof CitizenPasswordResetStarted>

export const CitizenPasswordResetConfirmBody = z.object({ otp: OtpCode, newPassword })
export type CitizenPasswordResetConfirmBody = z.infer<typeof CitizenPasswordResetConfirmBody>

/** Every session of the account ended: the person signs in with the new password. */
export const CitizenPasswordResetDone = z.object({ message: z.string() })
export type CitizenPasswordResetDone = z.infer<typeof CitizenPasswordResetDone>

export const citizenPasswordResetDoneMessage = 'Đã đặt lại mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.'

export const CitizenDeviceView = z.object({
  id: z.string(),
  deviceName: z.string().nullable(),
  current: z.boolean(),
  signedInAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  /** Masked, e.g. `203.0.113.x`. */
  ip: z.string().nullable(),
})
export type CitizenDeviceView = z.infer<typeof CitizenDeviceView>

export const CitizenDeviceList = z.object({ items: z.array(CitizenDeviceView) })
export type CitizenDeviceList = z.infer<typeof CitizenDeviceList>

/**
 * Passkeys (WebAuthn): the fingerprint / Face ID quick sign-in. The browser's JSON goes to the
 * server as it is (the WebAuthn library checks it); the schemas only bound its shape and size.
 */
const webAuthnJson = z.looseObject({
  id: z.string().min(1).max(1_400),
  rawId: z.string().min(1).max(1_400),
  type: z.literal('public-key'),
  response: z.record(z.string(), z.unknown()),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
})

/** Options for `navigator.credentials.create/get`, with the id of the server-held challenge. */
export const CitizenPasskeyOptions = z.object({
  challengeId: z.uuid(),
  options: z.looseObject({ challenge: z.string() }),
})
export type CitizenPasskeyOptions = z.infer<typeof CitizenPasskeyOptions>

export const CitizenPasskeyRegisterBody = z.object({
  challengeId: z.uuid(),
  credential: webAuthnJson,
  deviceName,
})
export type CitizenPasskeyRegisterBody = z.infer<typeof CitizenPasskeyRegisterBody>

export const CitizenPasskeySignInBody = z.object({
  challengeId: z.uuid(),
  credential: webAuthnJson,
  // Optional: when given, the passkey must be this account's.
  username: CitizenUsername.optional(),
  deviceId,
  deviceName,
})
export type CitizenPasskeySignInBody = z.infer<typeof CitizenPasskeySignInBody>

export const CitizenPasskeyView = z.object({
  id: z.uuid(),
  deviceName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
})
export type CitizenPasskeyView = z.infer<typeof CitizenPasskeyView>

export const CitizenPasskeyList = z.object({ items: z.array(CitizenPasskeyView) })
export type CitizenPasskeyList = z.infer<typeof CitizenPasskeyList>
