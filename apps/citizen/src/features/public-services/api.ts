/**
 * "Dịch vụ công" (issue 7): the requests a signed-in person files from their account, and the
 * dossiers they filed. Every POST carries the session's CSRF token in `x-ansinh-csrf`.
 */
import {
  type AccountRequestPurpose,
  type ChildRegistrationRequest,
  CitizenOtpSent,
  type ContactChangeFiling,
  FiledDossier,
  MyDossierList,
  type StopFiling,
} from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'

export { type ApiFailure, type ApiResult, ClientErrorCode } from '@ansinh/ui'

type Language = 'vi' | 'en'

const csrf = (token: string) => ({ 'x-ansinh-csrf': token })

/** The OTP for a change of information or a stop, sent to the registered phone (or e-mail). */
export function requestOtp(purpose: AccountRequestPurpose, csrfToken: string, language: Language) {
  return apiRequest('/me/requests/otp', CitizenOtpSent, language, {
    method: 'POST',
    json: { purpose },
    headers: csrf(csrfToken),
  })
}

export function resendOtp(requestId: string, csrfToken: string, language: Language) {
  return apiRequest(`/me/requests/otp/${encodeURIComponent(requestId)}/resend`, CitizenOtpSent, language, {
    method: 'POST',
    headers: csrf(csrfToken),
  })
}

export function fileContactChange(body: ContactChangeFiling, csrfToken: string, language: Language) {
  return apiRequest('/me/requests/contact-change', FiledDossier, language, {
    method: 'POST',
    json: body,
    headers: csrf(csrfToken),
  })
}

export function fileStop(body: StopFiling, csrfToken: string, language: Language) {
  return apiRequest('/me/requests/stop', FiledDossier, language, {
    method: 'POST',
    json: body,
    headers: csrf(csrfToken),
  })
}

/** `POST /me/requests/child`: the three text fields, then the birth certificate photo. */
export function fileChild(
  request: ChildRegistrationRequest,
  birthCertificate: { blob: Blob; name: string },
  csrfToken: string,
  language: Language,
) {
  const body = new FormData()
  body.append('identifier', request.identifier.value)
  body.append('fullName', request.fullName)
  body.append('officeCode', request.officeCode)
  body.append('birthCertificate', birthCertificate.blob, birthCertificate.name)
  return apiRequest('/me/requests/child', FiledDossier, language, {
    method: 'POST',
    body,
    headers: csrf(csrfToken),
  })
}

export function getMyDossiers(language: Language, signal?: AbortSignal) {
  return apiRequest('/me/dossiers', MyDossierList, language, signal ? { signal } : {})
}
