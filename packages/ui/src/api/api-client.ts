/**
 * The apps' one way to call the API: every call resolves to a typed result instead of throwing, so
 * each screen must decide what to show for a failure; the server's `{ error: { code, message, fields } }`
 * is read into one `ApiFailure`, and the answer is parsed with the contract's zod schema.
 */
import { ApiError } from '@ansinh/domain'
import type { z } from 'zod'

export const apiBase = '/api/v1'

/** Codes of the browser side: no answer at all, or an answer that is not what the contract says. */
export const ClientErrorCode = { Network: 'NETWORK', BadResponse: 'BAD_RESPONSE' } as const

export type ApiFailure = {
  code: string
  message: string
  /** Field path (`address.communeCode`, `photos.idFront`, `otp`) → messages. */
  fields: Record<string, string[]>
  /** HTTP status; 0 when the network failed. */
  status: number
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure }

export type ApiRequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  body?: BodyInit
  json?: unknown
  signal?: AbortSignal
  headers?: Record<string, string>
}

export async function apiRequest<T>(
  path: string,
  schema: z.ZodType<T>,
  language: 'vi' | 'en',
  options: ApiRequestOptions = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
    ...options.headers,
  }
  let body = options.body
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.json)
  }
  let response: Response
  try {
    response = await fetch(`${apiBase}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: body ?? null,
      signal: options.signal ?? null,
      credentials: 'same-origin',
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
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

// A proxy or the server's own early rejections (body too large) may answer without our envelope.
function failureOf(payload: unknown, status: number): ApiFailure {
  const parsed = ApiError.safeParse(payload)
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error
    return { code, message, fields: fields ?? {}, status }
  }
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 429 ? 'RATE_LIMITED' : `HTTP_${status}`
  return { code, message: '', fields: {}, status }
}
