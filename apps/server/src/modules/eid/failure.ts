import * as oidc from 'openid-client'

/**
 * Why an e-ID callback did not sign anyone in, for the operators' log (the table in
 * docs/ARCHITECTURE.md, "Why an e-ID callback failed"). The outcome the person sees stays coarse
 * (state_invalid, denied, provider_error); the reason and its facts say which step failed. Every fact
 * is a code from a closed set, a claim's configured name or an HTTP status: never a value the person
 * or the provider sent (personal ID, name, authorisation code, token, error_description).
 */
export const EidFailureReason = {
  /** The callback came without the flow cookie (another browser, or the cookie expired). */
  FlowCookieMissing: 'flow_cookie_missing',
  /** The flow the cookie names is unknown or already finished (a replay, a second tab). */
  StateUnknownOrUsed: 'state_unknown_or_used',
  StateExpired: 'state_expired',
  StateMissing: 'state_missing',
  StateMismatch: 'state_mismatch',
  /** The provider answered the authorisation with an OAuth `error` (access_denied, login_required…). */
  ProviderReturnedError: 'provider_returned_error',
  DiscoveryFailed: 'discovery_failed',
  TokenExchangeFailed: 'token_exchange_failed',
  IdTokenInvalid: 'id_token_invalid',
  UserinfoFailed: 'userinfo_failed',
  ClaimMissing: 'claim_missing',
  /** A callback reached a server that has no provider configured. */
  ProviderNotConfigured: 'provider_not_configured',
  /** A fault of ours after the provider's answer was verified (the database, a bug). */
  InternalError: 'internal_error',
} as const
export type EidFailureReason = (typeof EidFailureReason)[keyof typeof EidFailureReason]

export type EidFailure = {
  reason: EidFailureReason
  /** The OAuth `error` code the provider returned (RFC 6749 §4.1.2.1, §5.2), or `unrecognised`. */
  providerError?: string
  /** openid-client's error code (`OAUTH_…`). */
  errorCode?: string
  /** The error's class name (ClientError, ResponseBodyError, TypeError…). */
  errorName?: string
  httpStatus?: number
  /** The configured name of the claim that was missing or malformed; never its value. */
  claim?: string
}

/** Faults of the provider or of ours go to the error log; a refused or stale trip is a warning. */
export function failureLevel(failure: EidFailure): 'warn' | 'error' {
  switch (failure.reason) {
    case EidFailureReason.FlowCookieMissing:
    case EidFailureReason.StateUnknownOrUsed:
    case EidFailureReason.StateExpired:
    case EidFailureReason.StateMissing:
    case EidFailureReason.StateMismatch:
    case EidFailureReason.ProviderReturnedError:
      return 'warn'
    default:
      return 'error'
  }
}

/** An OAuth error code as the standard spells them; anything else could echo input and is not kept. */
export function oauthErrorCode(value: unknown): string {
  return typeof value === 'string' && /^[a-z_]{1,40}$/.test(value) ? value : 'unrecognised'
}

// Checks of the ID token itself (nonce, issuer, audience, times, signing key): oauth4webapi's codes,
// which openid-client passes on but does not export.
const idTokenCodes = new Set([
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  'OAUTH_KEY_SELECTION_FAILED',
])
const invalidResponseCode = 'OAUTH_INVALID_RESPONSE'

/**
 * What a failed call to the provider says of itself, as facts safe to log: its code, class and
 * HTTP status, and the OAuth error code of a token endpoint's error answer; never the message or
 * the body, which may repeat what was sent.
 */
export function errorFacts(error: unknown): Omit<EidFailure, 'reason'> {
  if (!(error instanceof Error)) return { errorName: typeof error }
  const source = error as Error & { code?: unknown; status?: unknown; cause?: unknown; error?: unknown }
  const facts: Omit<EidFailure, 'reason'> = {}
  if (/^[A-Za-z]{1,40}$/.test(error.name)) facts.errorName = error.name
  if (typeof source.code === 'string' && /^[A-Z0-9_]{1,64}$/.test(source.code)) facts.errorCode = source.code
  // A ResponseBodyError carries the status itself; an unexpected status leaves the Response as cause.
  const status = typeof source.status === 'number' ? source.status : statusOfResponse(source.cause)
  if (status !== undefined) facts.httpStatus = status
  if (error instanceof oidc.ResponseBodyError) facts.providerError = oauthErrorCode(error.error)
  return facts
}

function statusOfResponse(value: unknown): number | undefined {
  return value instanceof Response && Number.isInteger(value.status) ? value.status : undefined
}

/** A failed code exchange: the ID token's own checks apart from the rest of the exchange. */
export function codeExchangeFailure(error: unknown): EidFailure {
  const facts = errorFacts(error)
  const invalidIdToken =
    (facts.errorCode !== undefined && idTokenCodes.has(facts.errorCode)) ||
    // A bad signature has only the generic code; the library's own fixed text names the JWT.
    (facts.errorCode === invalidResponseCode && /\bJWT\b|ID Token/.test(causeMessage(error)))
  return {
    reason: invalidIdToken ? EidFailureReason.IdTokenInvalid : EidFailureReason.TokenExchangeFailed,
    ...facts,
  }
}

function causeMessage(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined
  return cause instanceof Error ? cause.message : ''
}
