import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { passwordChangeRequired } from './auth-errors'
import { citizenNotSignedIn, passwordExpired } from './citizen-auth-errors'
import { touchCitizenSession } from './citizen-repo'
import {
  type CitizenAuthDeps,
  type CitizenSessionRef,
  loadLiveCitizenSession,
  needsTouch,
  passwordDuty,
} from './citizen-sessions'
import { type GuardDecorator, sessionOf } from './session-guard'
import { clearSessionCookie, type SessionCookie, secureCookies } from './session-tokens'

declare module 'fastify' {
  interface FastifyInstance<RawServer, RawRequest, RawReply, Logger, TypeProvider> {
    /**
     * The preHandler of every citizen route after sign-in: a good session (401 UNAUTHENTICATED, or 401
     * SIGNED_IN_ELSEWHERE when another device took over), the CSRF header on POST/PUT/PATCH/DELETE
     * (403), and a password of one's own that is not too old (403 PASSWORD_CHANGE_REQUIRED) unless
     * the route says otherwise. Sets `request.citizen`.
     */
    requireCitizen: GuardDecorator<
      [options?: CitizenRouteOptions],
      RawServer,
      RawRequest,
      RawReply,
      Logger,
      TypeProvider
    >
  }
  interface FastifyRequest {
    /** Set by `requireCitizen`; read it with `citizenOf(request)`. */
    citizen?: CitizenSessionRef
  }
}

export type CitizenRouteOptions = {
  /** Also open while the password must be changed: the change itself, who am I, sign-out. */
  beforePasswordChange?: boolean
}

export const citizenCookieName = 'ansinh_citizen'

/** SameSite=Lax: people open the app from links in messages; the CSRF header guards every change. */
export function citizenSessionCookie(config: { publicUrl?: string | undefined }): SessionCookie {
  return { name: citizenCookieName, sameSite: 'lax', secure: secureCookies(config) }
}

export function clearCitizenCookie(reply: FastifyReply, deps: CitizenAuthDeps): void {
  clearSessionCookie(reply, citizenSessionCookie(deps.config))
}

/** The signed-in citizen of a route behind `requireCitizen`. */
export function citizenOf(request: FastifyRequest): CitizenSessionRef {
  if (!request.citizen) throw new Error('citizenOf: the route has no requireCitizen preHandler')
  return request.citizen
}

/** Decorates the root instance (before route plugins register, so every one of them sees it). */
export function registerCitizenGuard(app: FastifyInstance): void {
  app.decorateRequest('citizen', undefined)
  app.decorate('requireCitizen', (options: CitizenRouteOptions = {}) => async (request: FastifyRequest) => {
    request.citizen = await authenticate(app.deps, request, options)
  })
}

async function authenticate(
  deps: CitizenAuthDeps,
  request: FastifyRequest,
  route: CitizenRouteOptions,
): Promise<CitizenSessionRef> {
  const now = deps.clock()
  const { token, signed } = await sessionOf(deps, request, {
    cookieName: citizenCookieName,
    notSignedIn: citizenNotSignedIn,
    signedIn: (token) => loadLiveCitizenSession(deps, token, now),
  })
  const { session, account } = signed
  if (!route.beforePasswordChange) {
    const duty = passwordDuty(deps, account, now)
    if (duty.mustChangePassword) throw passwordChangeRequired()
    if (duty.passwordExpired)
      throw passwordExpired(Math.round(deps.config.citizenSignIn.passwordMaxAgeMs / 86_400_000))
  }
  if (needsTouch(session, now)) await touchCitizenSession(deps.database.db, session.id, now)
  return { sessionId: session.id, accountId: account.id, token, expiresAt: session.expiresAt }
}
