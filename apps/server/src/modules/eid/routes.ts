import {
  ApiError,
  EidAuthorization,
  EidLinkView,
  type EidOutcomeQuery,
  EidStartBody,
  ErrorCode,
  eidLinkResultPath,
  eidSignInResultPath,
} from '@ansinh/domain'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorAnswers } from '../../http/error-answers'
import { DomainError } from '../../platform/errors'
import { citizenOf, citizenSessionCookie } from '../identity/citizen-guard'
import { readSessionCookie, secureCookies, setSessionCookie } from '../identity/session-tokens'
import { EidFailureReason, failureLevel } from './failure'
import { readEidLink, unlinkAccount } from './link'
import {
  configuredRedirectUri,
  createRelyingParty,
  eidCallbackPath,
  type RelyingParty,
} from './relying-party'
import { type EidFinished, finishEidFlow, startEidFlow } from './sign-in'

const tags = ['citizen-auth']
const flowCookieName = 'ansinh_eid'
// Sent only to the callback; Lax, because the provider sends the browser back with a top-level GET
// from its own site.
const flowCookiePath = eidCallbackPath.slice(0, eidCallbackPath.lastIndexOf('/'))
const flowCookieSeconds = 10 * 60

/**
 * Sign-in with the national e-ID (`/auth/eid/…`): start (sign-in or link), the provider's callback,
 * and the profile's link and unlink. Without a configured provider the starts answer 503 and
 * `GET /app-config` says `eid.enabled: false`.
 */
export async function registerEidRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const rp = deps.config.eid ? createRelyingParty(deps.config.eid) : null
  const perIp = { rateLimit: { max: deps.config.guessableRateLimitPerMinute, timeWindow: '1 minute' } }
  const signedIn = app.requireCitizen()
  const flowCookie = {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(deps.config),
    path: flowCookiePath,
  } as const
  const provider = (): RelyingParty => {
    if (!rp) throw notConfigured()
    return rp
  }
  const redirectUriOf = (request: FastifyRequest) =>
    configuredRedirectUri(deps.config) ?? `${request.protocol}://${request.host}${eidCallbackPath}`
  const answerStarted = (reply: FastifyReply, started: { token: string; authorizationUrl: string }) => {
    reply.setCookie(flowCookieName, started.token, { ...flowCookie, maxAge: flowCookieSeconds })
    reply.header('cache-control', 'no-store')
    return { authorizationUrl: started.authorizationUrl }
  }

  api.post(
    '/auth/eid/start',
    {
      config: perIp,
      schema: {
        tags,
        summary: 'Sign in with the national e-ID (VNeID): the URL of the provider’s sign-in page',
        description:
          'Sets the HttpOnly cookie `ansinh_eid` (10 minutes, sent only to the callback) that binds the trip to this ' +
          'browser; state, nonce and the PKCE verifier stay on the server. Send the browser to `authorizationUrl`; the ' +
          'provider sends it back to `GET /auth/eid/callback`. 503 when no provider is configured or it cannot be reached.',
        body: EidStartBody,
        response: { 200: EidAuthorization, ...errorAnswers(400, 429, 503) },
      },
    },
    async (request, reply) => {
      const started = await startEidFlow(deps, provider(), {
        mode: 'sign_in',
        device: { deviceId: request.body.deviceId, deviceName: request.body.deviceName },
        redirectUri: redirectUriOf(request),
      })
      return answerStarted(reply, started)
    },
  )

  api.post(
    '/auth/eid/link',
    {
      config: perIp,
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Link the signed-in account to the national e-ID: the URL of the provider’s sign-in page',
        description:
          'The same trip as the sign-in; back at the callback the e-ID’s personal ID must be the account holder’s. ' +
          'The browser lands on `/account/eid?outcome=linked|already_linked|personal_id_mismatch|…`.',
        response: { 200: EidAuthorization, ...errorAnswers(401, 403, 429, 503) },
      },
    },
    async (request, reply) => {
      const started = await startEidFlow(deps, provider(), {
        mode: 'link',
        accountId: citizenOf(request).accountId,
        redirectUri: redirectUriOf(request),
      })
      return answerStarted(reply, started)
    },
  )

  api.get(
    '/auth/eid/callback',
    {
      schema: {
        tags,
        summary: 'Where the e-ID provider sends the browser back (not for the apps to call)',
        description:
          'Checks the flow cookie, state, nonce, PKCE and the ID token, then redirects (303) to the citizen app: ' +
          '`/sign-in/eid?outcome=…` (signed_in and account_created with the session cookie set; ' +
          'device_change_required with requestId, sentTo and resendAfter for `POST /auth/device-change/{requestId}/confirm`) ' +
          'or, in link mode, `/account/eid?outcome=…`. A replayed, forged or expired callback answers outcome=state_invalid.',
        querystring: z.looseObject({}),
        response: { 303: z.null().describe('Redirect to the citizen app'), 429: ApiError },
      },
      config: perIp,
    },
    async (request, reply) => {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : ''
      const token = readSessionCookie(request, flowCookieName)
      const finished = await finish(app, rp, { token, query, client: { ip: request.ip } })
      logFailure(request, finished)
      reply.clearCookie(flowCookieName, flowCookie)
      if (finished.sessionToken)
        setSessionCookie(reply, citizenSessionCookie(deps.config), finished.sessionToken)
      reply.header('cache-control', 'no-store')
      return reply.redirect(resultLocation(finished), 303)
    },
  )

  api.get(
    '/auth/eid/link',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Whether the signed-in account is linked to the national e-ID',
        response: { 200: EidLinkView, ...errorAnswers(401, 403) },
      },
    },
    async (request) => readEidLink(deps, citizenOf(request).accountId),
  )

  api.delete(
    '/auth/eid/link',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Unlink the national e-ID: e-ID sign-in to this account is refused until linked again',
        response: { 200: EidLinkView, ...errorAnswers(401, 403) },
      },
    },
    async (request) => unlinkAccount(deps, citizenOf(request).accountId, { ip: request.ip }),
  )
}

/** No provider, or none reachable: the person still has the password sign-in. */
function notConfigured(): DomainError {
  return new DomainError(ErrorCode.ServiceUnavailable, 'no e-ID provider configured', {
    userMessage: {
      vi: 'Chưa hỗ trợ đăng nhập bằng tài khoản định danh điện tử. Vui lòng đăng nhập bằng mật khẩu.',
      en: 'Signing in with the national e-ID is not available. Please sign in with your password.',
    },
  })
}

/**
 * The callback always lands on a page of the app: whatever fails after the flow was taken is logged
 * (without personal data) and shown as provider_error, never as a JSON error in the browser.
 */
async function finish(
  app: FastifyInstance,
  rp: RelyingParty | null,
  input: Parameters<typeof finishEidFlow>[2],
): Promise<EidFinished> {
  if (!rp)
    return {
      mode: 'sign_in',
      outcome: 'provider_error',
      failure: { reason: EidFailureReason.ProviderNotConfigured },
    }
  try {
    return await finishEidFlow(app.deps, rp, input)
  } catch (error) {
    // Our own fault, not the provider's: the stack is wanted, and the logger strips what the
    // error may quote of the data (query parameters, digit runs).
    app.log.error(
      { err: error, eidOutcome: 'provider_error', reason: EidFailureReason.InternalError },
      'e-ID callback failed',
    )
    return { mode: 'sign_in', outcome: 'provider_error' }
  }
}

/**
 * One line per failed callback: the outcome the person saw and why, in codes only (see
 * `failure.ts`); the query, which holds the authorisation code, is never logged.
 */
function logFailure(request: FastifyRequest, finished: EidFinished): void {
  if (!finished.failure) return
  const { reason, ...facts } = finished.failure
  request.log[failureLevel(finished.failure)](
    { eidOutcome: finished.outcome, eidMode: finished.mode, reason, ...facts },
    'e-ID callback refused',
  )
}

function resultLocation(finished: EidFinished): string {
  const query: EidOutcomeQuery = { outcome: finished.outcome, ...(finished.otp ?? {}) }
  const path = finished.mode === 'link' ? eidLinkResultPath : eidSignInResultPath
  return `${path}?${new URLSearchParams(query as Record<string, string>).toString()}`
}
