/**
 * Fetch wrappers for the registration and the directory endpoints. Every call resolves to a typed
 * result instead of throwing, so that each screen must decide what to show for a failure; the
 * server's `{ error: { code, message, fields } }` is read into one `ApiFailure`.
 */
import {
  AdminUnitSearchResult,
  CommuneList,
  type DossierNumber,
  OfficeSuggestion,
  OfficeTree,
  OfficeView,
  ProvinceList,
  RegistrationConfirmed,
  RegistrationCreated,
  RegistrationStatusView,
} from '@ansinh/domain'
import { apiBase, apiRequest } from '@ansinh/ui'
import { z } from 'zod'

export { type ApiFailure, type ApiResult, apiBase, ClientErrorCode } from '@ansinh/ui'

type Language = 'vi' | 'en'
const request = apiRequest

// ---------------------------------------------------------------------------------------------
// Directory

export function getProvinces(codeSet: string, language: Language) {
  return request(`/directory/provinces?${new URLSearchParams({ codeSet })}`, ProvinceList, language)
}

function unitsOfProvince(provinceCode: string, level: 'districts' | 'communes', codeSet: string): string {
  return `/directory/provinces/${encodeURIComponent(provinceCode)}/${level}?${new URLSearchParams({ codeSet })}`
}

export function getDistricts(codeSet: string, provinceCode: string, language: Language) {
  return request(unitsOfProvince(provinceCode, 'districts', codeSet), ProvinceList, language)
}

export function getCommunes(codeSet: string, provinceCode: string, language: Language) {
  return request(unitsOfProvince(provinceCode, 'communes', codeSet), CommuneList, language)
}

/** `GET /directory/admin-units`: communes of `codeSet` whose old or new name contains `q`. */
export function searchCommunes(q: string, codeSet: string, language: Language, signal: AbortSignal) {
  const params = new URLSearchParams({ q, level: 'commune', codeSet })
  return request(`/directory/admin-units?${params}`, AdminUnitSearchResult, language, { signal })
}

export function getOfficeTree(language: Language) {
  return request('/directory/offices', OfficeTree, language)
}

export function getOffice(code: string, language: Language) {
  return request(`/directory/offices/${encodeURIComponent(code)}`, OfficeView, language)
}

export type SuggestQuery = {
  codeSet: string
  provinceCode: string
  districtCode?: string | undefined
  communeCode?: string | undefined
}

export function suggestOffice(query: SuggestQuery, language: Language) {
  const params = new URLSearchParams({ codeSet: query.codeSet, provinceCode: query.provinceCode })
  if (query.districtCode) params.set('districtCode', query.districtCode)
  if (query.communeCode) params.set('communeCode', query.communeCode)
  return request(`/directory/offices/suggest?${params}`, OfficeSuggestion, language)
}

// ---------------------------------------------------------------------------------------------
// Registration

export type PhotoUpload = { blob: Blob; name: string }

/** `POST /registrations`: the form as a JSON text part first, then one file part per photo. */
export function createRegistration(
  form: unknown,
  photos: Partial<Record<'portrait' | 'idFront' | 'idBack', PhotoUpload>>,
  language: Language,
) {
  const body = new FormData()
  body.append('form', JSON.stringify(form))
  for (const [kind, photo] of Object.entries(photos)) {
    if (photo) body.append(kind, photo.blob, photo.name)
  }
  return request('/registrations', RegistrationCreated, language, { method: 'POST', body })
}

const OtpResent = z.object({ otp: RegistrationCreated.shape.otp })

export function resendOtp(id: string, language: Language) {
  return request(`/registrations/${encodeURIComponent(id)}/otp`, OtpResent, language, { method: 'POST' })
}

export function confirmRegistration(id: string, otp: string, language: Language) {
  return request(`/registrations/${encodeURIComponent(id)}/confirm`, RegistrationConfirmed, language, {
    method: 'POST',
    json: { otp },
  })
}

export function getRegistrationStatus(
  query: { dossierNumber: DossierNumber; phone: string },
  language: Language,
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({ dossierNumber: query.dossierNumber, phone: query.phone })
  return request(
    `/registrations/status?${params}`,
    RegistrationStatusView,
    language,
    signal ? { signal } : {},
  )
}

/** Where the declaration (tờ khai mẫu 01) PDF is served; the phone proves it is the person's own. */
export function declarationUrl(dossierNumber: string, phone: string): string {
  return `${apiBase}/registrations/${encodeURIComponent(dossierNumber)}/declaration.pdf?${new URLSearchParams({ phone })}`
}
