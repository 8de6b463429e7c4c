/**
 * Calls of "Tài khoản cá nhân" to the staff API, through the shared client; actions carry the
 * session's CSRF token as the staff session calls do.
 */
import { CitizenAccountActionResult, CitizenAccountDetail, CitizenAccountSearchResult } from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'

type Language = 'vi' | 'en'

export type AccountAction = 'lock' | 'unlock' | 'reset-password' | 'sign-out-everywhere'

export function searchAccounts(q: string, language: Language) {
  return apiRequest(
    `/staff/citizen-accounts?${new URLSearchParams({ q })}`,
    CitizenAccountSearchResult,
    language,
  )
}

export function getAccount(id: number, language: Language) {
  return apiRequest(`/staff/citizen-accounts/${id}`, CitizenAccountDetail, language)
}

/** Lock and unlock name a reason; the reset and the sign-out take none. */
export function actOnAccount(
  id: number,
  action: AccountAction,
  reason: string | undefined,
  csrfToken: string,
  language: Language,
) {
  return apiRequest(`/staff/citizen-accounts/${id}/${action}`, CitizenAccountActionResult, language, {
    method: 'POST',
    json: reason === undefined ? {} : { reason },
    headers: { 'x-ansinh-csrf': csrfToken },
  })
}
