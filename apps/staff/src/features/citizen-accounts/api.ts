/** Calls of "Tài khoản cá nhân" to the staff API. */
import { CitizenAccountActionResult, CitizenAccountDetail, CitizenAccountSearchResult } from '@ansinh/domain'
import type { Language } from '@ansinh/ui'
import { staffRequest } from '../session/staff-request'

export type AccountAction = 'lock' | 'unlock' | 'reset-password' | 'sign-out-everywhere'

export function searchAccounts(q: string, language: Language) {
  return staffRequest('/staff/citizen-accounts', CitizenAccountSearchResult, language, { query: { q } })
}

export function getAccount(id: number, language: Language) {
  return staffRequest(`/staff/citizen-accounts/${id}`, CitizenAccountDetail, language)
}

/** Lock and unlock name a reason; the reset and the sign-out take none. */
export function actOnAccount(
  id: number,
  action: AccountAction,
  reason: string | undefined,
  csrfToken: string,
  language: Language,
) {
  return staffRequest(`/staff/citizen-accounts/${id}/${action}`, CitizenAccountActionResult, language, {
    method: 'POST',
    json: reason === undefined ? {} : { reason },
    csrfToken,
  })
}
