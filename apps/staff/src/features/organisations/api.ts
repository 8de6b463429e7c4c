/**
 * "Tổ chức": calls of `/api/v1/staff/organisations…` through `staffRequest` (typed results, never
 * thrown; the CSRF token on state-changing calls), and the addresses of its downloads, which are plain
 * links: the session cookie goes with them.
 */
import {
  AdoptionReport,
  type DeclarationsQuery,
  MemberImportResult,
  type MemberListQuery,
  MemberPage,
  type NewOrganisationBody,
  OrganisationDossierPage,
  type OrganisationDossierQuery,
  OrganisationList,
  type OrganisationTargetBody,
  OrganisationView,
  type ReminderBody,
  ReminderResult,
} from '@ansinh/domain'
import { apiBase, type Language } from '@ansinh/ui'
import { staffRequest } from '../session/staff-request'

const base = '/staff/organisations'

/** Filters as the address holds them: text, sent as they are, empty ones left out. */
export type MemberFilters = Partial<Record<keyof MemberListQuery, string>>
export type DossierFilters = Partial<Record<keyof OrganisationDossierQuery, string>>
type FollowUpFilters = Partial<Record<keyof DeclarationsQuery & keyof ReminderBody, string>>

/** The organisations the staff member may see, flat, parents first. */
export function listOrganisations(language: Language) {
  return staffRequest(base, OrganisationList, language)
}

export function createOrganisation(body: NewOrganisationBody, csrfToken: string, language: Language) {
  return staffRequest(base, OrganisationView, language, { method: 'POST', json: body, csrfToken })
}

export function setOrganisationTarget(
  id: number,
  body: OrganisationTargetBody,
  csrfToken: string,
  language: Language,
) {
  return staffRequest(`${base}/${id}/target`, OrganisationView, language, {
    method: 'PUT',
    json: body,
    csrfToken,
  })
}

/** The figures of the organisation's whole subtree, its units ranked, `days` of history. */
export function getAdoptionReport(id: number, language: Language) {
  return staffRequest(`${base}/${id}/adoption`, AdoptionReport, language)
}

/** CSV or XLSX as `multipart/form-data`, field `file`; read at once, the answer counts the rows. */
export function importMembers(id: number, file: File, csrfToken: string, language: Language) {
  const body = new FormData()
  body.set('file', file)
  return staffRequest(`${base}/${id}/members/import`, MemberImportResult, language, {
    method: 'POST',
    body,
    csrfToken,
  })
}

export function listMembers(id: number, filters: MemberFilters, language: Language) {
  return staffRequest(`${base}/${id}/members`, MemberPage, language, { query: filters })
}

export function listMemberDossiers(id: number, filters: DossierFilters, language: Language) {
  return staffRequest(`${base}/${id}/dossiers`, OrganisationDossierPage, language, { query: filters })
}

/** "Gửi nhắc nhở" to the members of the selection who have not registered yet. */
export function sendReminders(id: number, body: FollowUpFilters, csrfToken: string, language: Language) {
  return staffRequest(`${base}/${id}/reminders`, ReminderResult, language, {
    method: 'POST',
    json: body,
    csrfToken,
  })
}

/** The report's table as a workbook ("Tải Excel"). */
export function adoptionXlsxUrl(id: number): string {
  return `${apiBase}${base}/${id}/adoption.xlsx`
}

/** The report as an official letter, to print ("In báo cáo (PDF)"). */
export function adoptionPdfUrl(id: number): string {
  return `${apiBase}${base}/${id}/adoption.pdf`
}

/** The Mẫu 01 declarations of the members whose paper form is still due, in one PDF. */
export function declarationsPdfUrl(id: number, filters: FollowUpFilters): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  const search = params.toString()
  return `${apiBase}${base}/${id}/declarations.pdf${search ? `?${search}` : ''}`
}
