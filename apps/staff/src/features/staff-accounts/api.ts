/** Calls of the staff-account administration API and the office tree its form offers. */
import {
  type NewStaffAccountBody,
  OfficeTree,
  StaffAccountCreated,
  StaffAccountPage,
  StaffAccountView,
} from '@ansinh/domain'
import type { Language } from '@ansinh/ui'
import { staffRequest } from '../session/staff-request'

/** The actions of a row, named as the API's paths. */
export type StaffAccountAction = 'lock' | 'unlock' | 'reset-second-factor'

const pageSize = 50

export function listStaffAccounts(cursor: string | undefined, language: Language) {
  return staffRequest('/staff/accounts', StaffAccountPage, language, {
    query: { limit: String(pageSize), cursor },
  })
}

export function createStaffAccount(body: NewStaffAccountBody, csrfToken: string, language: Language) {
  return staffRequest('/staff/accounts', StaffAccountCreated, language, {
    method: 'POST',
    json: body,
    csrfToken,
  })
}

export function actOnStaffAccount(
  id: number,
  action: StaffAccountAction,
  csrfToken: string,
  language: Language,
) {
  return staffRequest(`/staff/accounts/${id}/${action}`, StaffAccountView, language, {
    method: 'POST',
    json: {},
    csrfToken,
  })
}

export function getOfficeTree(language: Language) {
  return staffRequest('/directory/offices', OfficeTree, language)
}
