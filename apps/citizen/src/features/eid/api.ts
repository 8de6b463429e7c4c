/**
 * Sign-in with the national e-ID (tài khoản định danh điện tử, VNeID; issue 11): the app starts the
 * flow and then leaves for the provider's page; the server's callback sends the browser back to
 * `/sign-in/eid` or `/account/eid` with the outcome in the query (see `outcome.ts`).
 */
import { EidAuthorization, EidLinkView, type EidStartBody } from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'

type Language = 'vi' | 'en'

const csrf = (token: string) => ({ 'x-ansinh-csrf': token })

/** `POST /auth/eid/start`: the provider's sign-in page; 503 when no provider is configured. */
export function startEidSignIn(body: EidStartBody, language: Language) {
  return apiRequest('/auth/eid/start', EidAuthorization, language, { method: 'POST', json: body })
}

/** `POST /auth/eid/link`: the same trip, from a signed-in session, to link the account. */
export function startEidLink(csrfToken: string, language: Language) {
  return apiRequest('/auth/eid/link', EidAuthorization, language, {
    method: 'POST',
    json: {},
    headers: csrf(csrfToken),
  })
}

export function getEidLink(language: Language, signal?: AbortSignal) {
  return apiRequest('/auth/eid/link', EidLinkView, language, signal ? { signal } : {})
}

export function unlinkEid(csrfToken: string, language: Language) {
  return apiRequest('/auth/eid/link', EidLinkView, language, { method: 'DELETE', headers: csrf(csrfToken) })
}

const returnPathKey = 'ansinh.citizen.eidReturnPath'

/** Keeps where to come back to across the trip to the provider (this tab only). */
export function rememberReturnPath(path: string | undefined): void {
  try {
    if (path) sessionStorage.setItem(returnPathKey, path)
    else sessionStorage.removeItem(returnPathKey)
  } catch {
    // Storage refused: the person lands on the home screen instead.
  }
}

/** Where to come back to, if the trip began on a page that needed the sign-in. */
export function readReturnPath(): string | null {
  try {
    return sessionStorage.getItem(returnPathKey)
  } catch {
    return null
  }
}

/** Once used: a later sign-in does not come back here. */
export function forgetReturnPath(): void {
  rememberReturnPath(undefined)
}

/** Leaves the app for the provider's page. */
export function goToProvider(authorization: EidAuthorization): void {
  window.location.assign(authorization.authorizationUrl)
}
