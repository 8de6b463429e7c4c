import { type ApiRequestOptions, type ApiResult, apiRequest, type Language } from '@ansinh/ui'
import type { z } from 'zod'

type StaffRequestOptions = Omit<ApiRequestOptions, 'headers'> & {
  /** The session's token: the server refuses a state-changing call without it in `x-ansinh-csrf`. */
  csrfToken?: string | undefined
  /** Search parameters; empty ones are left out, as an empty filter means none. */
  query?: Readonly<Record<string, string | undefined>>
}

/**
 * The staff app's one way to call the API: the shared client (`apiRequest`, typed results, never
 * thrown) plus what a staff session adds, the CSRF header, and the search parameters of a list.
 */
export function staffRequest<T>(
  path: string,
  schema: z.ZodType<T>,
  language: Language,
  options: StaffRequestOptions = {},
): Promise<ApiResult<T>> {
  const { csrfToken, query, ...rest } = options
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) if (value) params.set(key, value)
  const search = params.toString()
  return apiRequest(search ? `${path}?${search}` : path, schema, language, {
    ...rest,
    ...(csrfToken ? { headers: { 'x-ansinh-csrf': csrfToken } } : {}),
  })
}
