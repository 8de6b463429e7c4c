/**
 * Fetch wrappers for the staff sign-in, one's own account and the dossier review endpoints. Every
 * call resolves to a typed result instead of throwing; the server's `{ error: { code, message, fields } }`
 * is read into one `ApiFailure`. State-changing calls carry the session's CSRF token in `x-ansinh-csrf`.
 */
import {
  DecisionResult,
  type DossierDecision,
  DossierDetail,
  DossierListPage,
  type DossierSearchQuery,
  StaffEnrolledView,
  StaffLoginAnswer,
  type StaffPasswordChangeBody,
  StaffPasswordChanged,
  StaffRecoveryCodesView,
  type StaffSecondFactorBody,
  StaffSignedInView,
} from '@ansinh/domain'
import { type ApiRequestOptions, apiBase, apiRequest } from '@ansinh/ui'
import { z } from 'zod'

export { type ApiFailure, type ApiResult, apiBase, ClientErrorCode } from '@ansinh/ui'

type Language = 'vi' | 'en'

const Empty = z.unknown()

type RequestOptions = Omit<ApiRequestOptions, 'headers'> & { csrfToken?: string | undefined }

/** A call to the staff API; state-changing ones carry the session's CSRF token. */
function request<T>(path: string, schema: z.ZodType<T>, language: Language, options: RequestOptions = {}) {
  const { csrfToken, ...rest } = options
  return apiRequest(path, schema, language, {
    ...rest,
    ...(csrfToken ? { headers: { 'x-ansinh-csrf': csrfToken } } : {}),
  })
}

// ---------------------------------------------------------------------------------------------
// Sign-in

export function login(username: string, password: string, language: Language) {
  return request('/staff/auth/login', StaffLoginAnswer, language, {
    method: 'POST',
    json: { username, password },
  })
}

export function submitSecondFactor(answer: StaffSecondFactorBody, csrfToken: string, language: Language) {
  return request('/staff/auth/totp', StaffSignedInView, language, { method: 'POST', json: answer, csrfToken })
}

export function enrol(code: string, csrfToken: string, language: Language) {
  return request('/staff/auth/enrol', StaffEnrolledView, language, {
    method: 'POST',
    json: { code },
    csrfToken,
  })
}

export function getMe(language: Language) {
  return request('/staff/auth/me', StaffSignedInView, language)
}

export function logout(csrfToken: string, language: Language) {
  return request('/staff/auth/logout', Empty, language, { method: 'POST', json: {}, csrfToken })
}

// ---------------------------------------------------------------------------------------------
// One's own account

export function changePassword(body: StaffPasswordChangeBody, csrfToken: string, language: Language) {
  return request('/staff/auth/password', StaffPasswordChanged, language, {
    method: 'POST',
    json: body,
    csrfToken,
  })
}

export function renewRecoveryCodes(code: string, csrfToken: string, language: Language) {
  return request('/staff/auth/recovery-codes', StaffRecoveryCodesView, language, {
    method: 'POST',
    json: { code },
    csrfToken,
  })
}

// ---------------------------------------------------------------------------------------------
// Dossiers

export type DossierFilters = Partial<Record<keyof DossierSearchQuery, string>>

export function searchDossiers(filters: DossierFilters, language: Language) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  return request(`/staff/dossiers?${params}`, DossierListPage, language)
}

export function getDossier(id: number, language: Language) {
  return request(`/staff/dossiers/${id}`, DossierDetail, language)
}

export type DossierStep = 'assign' | 'release' | 'receive'

export function stepDossier(
  id: number,
  step: DossierStep,
  version: number,
  csrfToken: string,
  language: Language,
) {
  return request(`/staff/dossiers/${id}/${step}`, DossierDetail, language, {
    method: 'POST',
    json: { version },
    csrfToken,
  })
}

export function decideDossier(id: number, decision: DossierDecision, csrfToken: string, language: Language) {
  return request(`/staff/dossiers/${id}/decision`, DecisionResult, language, {
    method: 'POST',
    json: decision,
    csrfToken,
  })
}

export function photoUrl(id: number, kind: string, size: 'full' | 'thumbnail'): string {
  return `${apiBase}/staff/dossiers/${id}/photos/${kind}?size=${size}`
}
