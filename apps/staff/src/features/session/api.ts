/**
 * Fetch wrappers for the staff sign-in and the dossier review endpoints. Every call resolves to a
 * typed result instead of throwing; the server's `{ error: { code, message, fields } }` is read into
 * one `ApiFailure`. State-changing calls carry the session's CSRF token in `x-ansinh-csrf`.
 */
import {
  DecisionResult,
  type DossierDecision,
  DossierDetail,
  DossierListPage,
  type DossierSearchQuery,
} from '@ansinh/domain'
import { type ApiRequestOptions, apiBase, apiRequest } from '@ansinh/ui'
import { z } from 'zod'

export { type ApiFailure, type ApiResult, apiBase, ClientErrorCode } from '@ansinh/ui'

type Language = 'vi' | 'en'

// The staff API's answers (their schemas live with the server for now; these mirror them).
export const StaffProfile = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  officeCode: z.string(),
  officeName: z.string(),
  role: z.string(),
})
export type StaffProfile = z.infer<typeof StaffProfile>

const SignedIn = StaffProfile.extend({ csrfToken: z.string() })
export type SignedIn = z.infer<typeof SignedIn>

const Enrolled = SignedIn.extend({ recoveryCodes: z.array(z.string()) })
export type Enrolled = z.infer<typeof Enrolled>

const LoginAnswer = z.discriminatedUnion('next', [
  z.object({ next: z.literal('totp'), csrfToken: z.string() }),
  z.object({
    next: z.literal('enrol'),
    csrfToken: z.string(),
    secret: z.string(),
    otpauthUri: z.string(),
  }),
])
export type LoginAnswer = z.infer<typeof LoginAnswer>

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
  return request('/staff/auth/login', LoginAnswer, language, {
    method: 'POST',
    json: { username, password },
  })
}

export function submitSecondFactor(
  answer: { code: string } | { recoveryCode: string },
  csrfToken: string,
  language: Language,
) {
  return request('/staff/auth/totp', SignedIn, language, { method: 'POST', json: answer, csrfToken })
}

export function enrol(code: string, csrfToken: string, language: Language) {
  return request('/staff/auth/enrol', Enrolled, language, { method: 'POST', json: { code }, csrfToken })
}

export function getMe(language: Language) {
  return request('/staff/auth/me', SignedIn, language)
}

export function logout(csrfToken: string, language: Language) {
  return request('/staff/auth/logout', Empty, language, { method: 'POST', json: {}, csrfToken })
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
