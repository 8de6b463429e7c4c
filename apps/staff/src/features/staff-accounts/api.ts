/**
 * Calls of the staff-account administration API and the office tree its form offers. Results are
 * typed, never thrown (see `apiRequest`); the answers are parsed with the API's own schemas.
 */
import {
  type NewStaffAccountBody,
  OfficeTree,
  StaffAccountCreated,
  StaffAccountPage,
  StaffAccountView,
} from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'

type Language = 'vi' | 'en'

/** The actions of a row, named as the API's paths. */
export type StaffAccountAction = 'lock' | 'unlock' | 'reset-second-factor'

const pageSize = 50

// The session wrapper keeps its CSRF helper to itself; these POSTs send the same header it does.
const csrf = (token: string) => ({ 'x-ansinh-csrf': token })

export function listStaffAccounts(cursor: string | null, language: Language) {
  const params = new URLSearchParams({ limit: String(pageSize) })
  if (cursor) params.set('cursor', cursor)
  return apiRequest(`/staff/accounts?${params}`, StaffAccountPage, language)
}

export function createStaffAccount(body: NewStaffAccountBody, csrfToken: string, language: Language) {
  return apiRequest('/staff/accounts', StaffAccountCreated, language, {
    method: 'POST',
    json: body,
    headers: csrf(csrfToken),
  })
}

export function actOnStaffAccount(
  id: number,
  action: StaffAccountAction,
  csrfToken: string,
  language: Language,
) {
  return apiRequest(`/staff/accounts/${id}/${action}`, StaffAccountView, language, {
    method: 'POST',
    json: {},
    headers: csrf(csrfToken),
  })
}

export function getOfficeTree(language: Language) {
  return apiRequest('/directory/offices', OfficeTree, language)
}
