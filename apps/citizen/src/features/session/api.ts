/**
 * The citizen sign-in and account-security endpoints (issue 6). Every state-changing call made with
 * the session cookie carries the session's CSRF token in `x-ansinh-csrf`.
 */
import {
  CitizenDeviceList,
  type CitizenLoginBody,
  CitizenOtpSent,
  CitizenPasskeyList,
  CitizenPasskeyOptions,
  type CitizenPasskeyRegisterBody,
  type CitizenPasskeySignInBody,
  CitizenPasskeyView,
  type CitizenPasswordChangeBody,
  CitizenPasswordResetDone,
  CitizenPasswordResetStarted,
  CitizenSignedIn,
} from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'
import { z } from 'zod'

export { type ApiFailure, type ApiResult, ClientErrorCode } from '@ansinh/ui'

type Language = 'vi' | 'en'

/** The codes this feature reacts to (the server's `errors.ts` holds the full table). */
export const AuthErrorCode = {
  DeviceChangeOtpRequired: 'DEVICE_CHANGE_OTP_REQUIRED',
  SignedInElsewhere: 'SIGNED_IN_ELSEWHERE',
  PasswordChangeRequired: 'PASSWORD_CHANGE_REQUIRED',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  RateLimited: 'RATE_LIMITED',
} as const

// 204 answers have no body.
const NoContent = z.unknown()

const csrf = (token: string) => ({ 'x-ansinh-csrf': token })

const path = (...parts: string[]) => parts.map((part) => encodeURIComponent(part)).join('/')

export function getMe(language: Language) {
  return apiRequest('/auth/me', CitizenSignedIn, language)
}

export function login(body: CitizenLoginBody, language: Language) {
  return apiRequest('/auth/login', CitizenSignedIn, language, { method: 'POST', json: body })
}

export function startDeviceChange(body: CitizenLoginBody, language: Language) {
  return apiRequest('/auth/device-change', CitizenOtpSent, language, { method: 'POST', json: body })
}

export function confirmDeviceChange(requestId: string, otp: string, language: Language) {
  return apiRequest(`/auth/device-change/${path(requestId)}/confirm`, CitizenSignedIn, language, {
    method: 'POST',
    json: { otp },
  })
}

export function resendDeviceChangeOtp(requestId: string, language: Language) {
  return apiRequest(`/auth/device-change/${path(requestId)}/otp`, CitizenOtpSent, language, {
    method: 'POST',
  })
}

export function logout(csrfToken: string, language: Language) {
  return apiRequest('/auth/logout', NoContent, language, { method: 'POST', headers: csrf(csrfToken) })
}

/** A forced change answers with the new session at once; a voluntary one sends an OTP first. */
const PasswordChangeAnswer = z.union([CitizenSignedIn, CitizenOtpSent])
export type PasswordChangeAnswer = z.infer<typeof PasswordChangeAnswer>

export function changePassword(body: CitizenPasswordChangeBody, csrfToken: string, language: Language) {
  return apiRequest('/auth/password', PasswordChangeAnswer, language, {
    method: 'POST',
    json: body,
    headers: csrf(csrfToken),
  })
}

export function resendPasswordChangeOtp(requestId: string, csrfToken: string, language: Language) {
  return apiRequest(`/auth/password/${path(requestId)}/otp`, CitizenOtpSent, language, {
    method: 'POST',
    headers: csrf(csrfToken),
  })
}

export function confirmPasswordChange(requestId: string, otp: string, csrfToken: string, language: Language) {
  return apiRequest(`/auth/password/${path(requestId)}/confirm`, CitizenSignedIn, language, {
    method: 'POST',
    json: { otp },
    headers: csrf(csrfToken),
  })
}

export function startPasswordReset(username: string, language: Language) {
  return apiRequest('/auth/password-reset', CitizenPasswordResetStarted, language, {
    method: 'POST',
    json: { username },
  })
}

export function confirmPasswordReset(
  requestId: string,
  body: { otp: string; newPassword: string },
  language: Language,
) {
  return apiRequest(`/auth/password-reset/${path(requestId)}/confirm`, CitizenPasswordResetDone, language, {
    method: 'POST',
    json: body,
  })
}

export function resendPasswordResetOtp(requestId: string, language: Language) {
  return apiRequest(`/auth/password-reset/${path(requestId)}/otp`, CitizenPasswordResetStarted, language, {
    method: 'POST',
  })
}

export function getDevices(language: Language, signal?: AbortSignal) {
  return apiRequest('/auth/devices', CitizenDeviceList, language, signal ? { signal } : {})
}

export function signOutDevice(id: string, csrfToken: string, language: Language) {
  return apiRequest(`/auth/devices/${path(id)}/sign-out`, NoContent, language, {
    method: 'POST',
    headers: csrf(csrfToken),
  })
}

export function passkeyRegistrationOptions(csrfToken: string, language: Language) {
  return apiRequest('/auth/passkeys/registration-options', CitizenPasskeyOptions, language, {
    method: 'POST',
    headers: csrf(csrfToken),
  })
}

export function addPasskey(body: CitizenPasskeyRegisterBody, csrfToken: string, language: Language) {
  return apiRequest('/auth/passkeys', CitizenPasskeyView, language, {
    method: 'POST',
    json: body,
    headers: csrf(csrfToken),
  })
}

export function getPasskeys(language: Language, signal?: AbortSignal) {
  return apiRequest('/auth/passkeys', CitizenPasskeyList, language, signal ? { signal } : {})
}

export function removePasskey(id: string, csrfToken: string, language: Language) {
  return apiRequest(`/auth/passkeys/${path(id)}`, NoContent, language, {
    method: 'DELETE',
    headers: csrf(csrfToken),
  })
}

export function passkeySignInOptions(language: Language) {
  return apiRequest('/auth/passkey-sign-in/options', CitizenPasskeyOptions, language, { method: 'POST' })
}

export function passkeySignIn(body: CitizenPasskeySignInBody, language: Language) {
  return apiRequest('/auth/passkey-sign-in', CitizenSignedIn, language, { method: 'POST', json: body })
}
