/**
 * Calls of the staff sign-in, one's own account and the dossier review endpoints, through
 * `staffRequest` (typed results, never thrown; the CSRF token on state-changing calls).
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
import type { Language } from '@ansinh/ui'
import { z } from 'zod'
import { staffRequest } from './staff-request'

const Empty = z.unknown()

// ---------------------------------------------------------------------------------------------
// Sign-in

export function login(username: string, password: string, language: Language) {
  return staffRequest('/staff/auth/login', StaffLoginAnswer, language, {
    method: 'POST',
    json: { username, password },
  })
}

export function submitSecondFactor(answer: StaffSecondFactorBody, csrfToken: string, language: Language) {
  return staffRequest('/staff/auth/totp', StaffSignedInView, language, {
    method: 'POST',
    json: answer,
    csrfToken,
  })
}

export function enrol(code: string, csrfToken: string, language: Language) {
  return staffRequest('/staff/auth/enrol', StaffEnrolledView, language, {
    method: 'POST',
    json: { code },
    csrfToken,
  })
}

export function getMe(language: Language) {
  return staffRequest('/staff/auth/me', StaffSignedInView, language)
}

export function logout(csrfToken: string, language: Language) {
  return staffRequest('/staff/auth/logout', Empty, language, { method: 'POST', json: {}, csrfToken })
}

// ---------------------------------------------------------------------------------------------
// One's own account

export function changePassword(body: StaffPasswordChangeBody, csrfToken: string, language: Language) {
  return staffRequest('/staff/auth/password', StaffPasswordChanged, language, {
    method: 'POST',
    json: body,
    csrfToken,
  })
}

export function renewRecoveryCodes(code: string, csrfToken: string, language: Language) {
  return staffRequest('/staff/auth/recovery-codes', StaffRecoveryCodesView, language, {
    method: 'POST',
    json: { code },
    csrfToken,
  })
}

// ---------------------------------------------------------------------------------------------
// Dossiers

export type DossierFilters = Partial<Record<keyof DossierSearchQuery, string>>

export function searchDossiers(filters: DossierFilters, language: Language) {
  return staffRequest('/staff/dossiers', DossierListPage, language, { query: filters })
}

export function getDossier(id: number, language: Language) {
  return staffRequest(`/staff/dossiers/${id}`, DossierDetail, language)
}

export type DossierStep = 'assign' | 'release' | 'receive'

export function stepDossier(
  id: number,
  step: DossierStep,
  version: number,
  csrfToken: string,
  language: Language,
) {
  return staffRequest(`/staff/dossiers/${id}/${step}`, DossierDetail, language, {
    method: 'POST',
    json: { version },
    csrfToken,
  })
}

export function decideDossier(id: number, decision: DossierDecision, csrfToken: string, language: Language) {
  return staffRequest(`/staff/dossiers/${id}/decision`, DecisionResult, language, {
    method: 'POST',
    json: decision,
    csrfToken,
  })
}
