/**
 * Fetch wrappers for the staff sign-in and the dossier review endpoints. Every call resolves to a
 * typed result instead of throwing; the server's `{ error: { code, message, fields } }` is read into
 * one `ApiFailure`. State-changing calls carry the session's CSRF token in `x-ansinh-csrf`.
 */
import {
  ApiError,
  DecisionResult,
  type DossierDecision,
  DossierDetail,
  DossierListPage,
  type DossierSearchQuery,
} from '@ansinh/domain'
import { z } from 'zod'

export const apiBase = '/api/v1'

export const ClientErrorCode = { Network: 'NETWORK', BadResponse: 'BAD_RESPONSE' } as const

export type ApiFailure = {
  code: string
  message: string
  fields: Record<string, string[]>
  /** HTTP status; 0 when the network failed. */
  status: number
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure }

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

type RequestOptions = { method?: 'GET' | 'POST'; json?: unknown; csrfToken?: string | undefined }

async function request<T>(
  path: string,
  schema: z.ZodType<T>,
  language: Language,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language }
  let body: string | null = null
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.json)
  }
  if (options.csrfToken) headers['x-ansinh-csrf'] = options.csrfToken
  let response: Response
  try {
    response = await fetch(`${apiBase}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
    })
  } catch {
    return failure(ClientErrorCode.Network, 0)
  }
  const payload: unknown = await response.json().catch(() => undefined)
  if (!response.ok) return { ok: false, error: failureOf(payload, response.status) }
  const parsed = schema.safeParse(payload)
  return parsed.success
    ? { ok: true, value: parsed.data }
    : failure(ClientErrorCode.BadResponse, response.status)
}

function failure(code: string, status: number): { ok: false; error: ApiFailure } {
  return { ok: false, error: { code, message: '', fields: {}, status } }
}

function failureOf(payload: unknown, status: number): ApiFailure {
  const parsed = ApiError.safeParse(payload)
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error
    return { code, message, fields: fields ?? {}, status }
  }
  const code = status === 429 ? 'RATE_LIMITED' : `HTTP_${status}`
  return { code, message: '', fields: {}, status }
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
