import type { EidLevel } from '@ansinh/domain'
import * as oidc from 'openid-client'
import type { Config } from '../../config'
import { codeExchangeFailure, type EidFailure, EidFailureReason, errorFacts, oauthErrorCode } from './failure'

/**
 * The OpenID Connect relying party of the national e-ID (`openid-client` 6): the provider's metadata
 * read once by discovery, the authorisation URL (code flow, PKCE S256, state, nonce), and the callback
 * checked and exchanged (state, nonce, PKCE, issuer, ID token signature) into what the provider
 * verified. Nothing here decides who signs in: that is `sign-in.ts`.
 */

export type EidConfig = NonNullable<Config['eid']>

/** What the provider asserted about the person, with its claim names already mapped to ours. */
export type EidAssertion = {
  issuer: string
  /** The provider's id of the person (sub): what a link remembers. */
  subject: string
  personalId: string
  level: EidLevel
}

/** One trip's checks, kept server-side, and the redirect URI the code exchange must repeat. */
export type AuthorizationChecks = { state: string; nonce: string; codeVerifier: string; redirectUri: string }

export type RelyingParty = {
  issuer: string
  /** Fresh random checks for one trip to the provider. */
  newChecks: (redirectUri: string) => AuthorizationChecks
  authorizationUrl: (checks: AuthorizationChecks) => Promise<string>
  /** `query`: the callback's query string. Throws `EidProviderError` on anything but a verified answer. */
  finish: (query: string, checks: AuthorizationChecks) => Promise<EidAssertion>
}

/**
 * Why a callback failed: as the outcome names it (refused by the person, or the provider's fault), and
 * as the operators' log does (`failure`, with no personal data; the message is its reason only).
 */
export class EidProviderError extends Error {
  constructor(
    readonly outcome: 'denied' | 'provider_error',
    readonly failure: EidFailure,
  ) {
    super(`e-ID ${failure.reason}`)
    this.name = 'EidProviderError'
  }
}

const providerFault = (failure: EidFailure) => new EidProviderError('provider_error', failure)

const discoveryTimeoutSeconds = 10

export const eidCallbackPath = '/api/v1/auth/eid/callback'

/**
 * The redirect URI registered with the provider: EID_REDIRECT_URL, else PUBLIC_URL's callback; null
 * leaves it to the request's own origin (the local demo, reached as localhost or 127.0.0.1).
 */
export function configuredRedirectUri(config: Pick<Config, 'eid' | 'publicUrl'>): string | null {
  if (config.eid?.redirectUrl) return config.eid.redirectUrl
  return config.publicUrl ? new URL(eidCallbackPath, config.publicUrl).href : null
}

export function createRelyingParty(config: EidConfig): RelyingParty {
  let discovered: Promise<oidc.Configuration> | null = null
  // Read once and kept; a failed discovery is tried again on the next sign-in, not cached.
  const configuration = () => {
    discovered ??= discover(config).catch((error: unknown) => {
      discovered = null
      throw providerFault({ reason: EidFailureReason.DiscoveryFailed, ...errorFacts(error) })
    })
    return discovered
  }
  return {
    issuer: config.issuer,
    newChecks: (redirectUri) => ({
      redirectUri,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    }),
    authorizationUrl: async (checks) => {
      const url = oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: checks.redirectUri,
        scope: config.scopes,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        // Every e-ID sign-in authenticates afresh: on a shared computer the provider's session of the
        // previous person must not open an account (or create one) for the next.
        prompt: 'login',
      })
      return url.href
    },
    finish: async (query, checks) => {
      const server = await configuration()
      // The redirect URL as registered, with the provider's answer: behind a proxy the request's own
      // URL may name another host.
      const callbackUrl = new URL(checks.redirectUri)
      callbackUrl.search = query
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>
      try {
        tokens = await oidc.authorizationCodeGrant(server, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        })
      } catch (error) {
        throw providerErrorOf(error)
      }
      const idClaims = tokens.claims()
      if (!idClaims) throw providerFault({ reason: EidFailureReason.IdTokenInvalid })
      const userInfo = await oidc
        .fetchUserInfo(server, tokens.access_token, idClaims.sub)
        .catch((error: unknown) => {
          throw providerFault({ reason: EidFailureReason.UserinfoFailed, ...errorFacts(error) })
        })
      // The ID token's claims (acr among them) win over the userinfo answer's.
      return assertionOf(config, { ...userInfo, ...idClaims })
    },
  }
}

async function discover(config: EidConfig): Promise<oidc.Configuration> {
  const auth = await clientAuthOf(config)
  const insecure = new URL(config.issuer).protocol === 'http:'
  return oidc.discovery(new URL(config.issuer), config.clientId, undefined, auth, {
    timeout: discoveryTimeoutSeconds,
    // http only for the local provider and a test issuer: production refuses an http EID_ISSUER.
    ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
  })
}

async function clientAuthOf(config: EidConfig): Promise<oidc.ClientAuth> {
  if (!config.privateKeyJwk) return oidc.ClientSecretBasic(config.clientSecret)
  const jwk = config.privateKeyJwk
  const algorithm =
    jwk.kty === 'EC'
      ? { name: 'ECDSA', namedCurve: typeof jwk.crv === 'string' ? jwk.crv : 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
  const key = await crypto.subtle.importKey('jwk', jwk, algorithm, false, ['sign'])
  return oidc.PrivateKeyJwt(typeof jwk.kid === 'string' ? { key, kid: jwk.kid } : key)
}

/** The configured claims read from the merged claims; a missing or malformed one is the provider's fault. */
export function assertionOf(config: EidConfig, claims: Record<string, unknown>): EidAssertion {
  const personalId = claims[config.claims.personalId]
  const level = claims[config.claims.level]
  const subject = claims.sub
  // The claim's configured name is logged, never what it held.
  const missing = (claim: string) => providerFault({ reason: EidFailureReason.ClaimMissing, claim })
  if (typeof personalId !== 'string' || !/^\d{12}$/.test(personalId)) throw missing(config.claims.personalId)
  if (typeof level !== 'string' && typeof level !== 'number') throw missing(config.claims.level)
  if (typeof subject !== 'string') throw missing('sub')
  return {
    issuer: config.issuer,
    subject,
    personalId,
    level: config.level2Values.includes(String(level)) ? 2 : 1,
  }
}

function providerErrorOf(error: unknown): EidProviderError {
  if (error instanceof oidc.AuthorizationResponseError)
    // The OAuth code only: error_description is free text the provider may fill with what was typed.
    return new EidProviderError(error.error === 'access_denied' ? 'denied' : 'provider_error', {
      reason: EidFailureReason.ProviderReturnedError,
      providerError: oauthErrorCode(error.error),
    })
  return providerFault(codeExchangeFailure(error))
}
