import type { FastifyInstance, FastifyRequest } from 'fastify'
import { notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { officeSubtreeCodes } from '../directory/repo'
import { passwordChangeRequired } from './auth-errors'
import { type GuardDecorator, sessionOf } from './session-guard'
import type { SessionCookie } from './session-tokens'
import type { StaffActor, StaffRole } from './staff-actor'
import { notSignedIn } from './staff-auth-errors'
import { touchSession } from './staff-repo'
import { loadLiveSession, type StaffAuthDeps, signingInActor, touchEveryMs } from './staff-sessions'
import { staffCookieName } from './staff-tokens'

declare module 'fastify' {
  interface FastifyInstance<RawServer, RawRequest, RawReply, Logger, TypeProvider> {
    /**
     * The preHandler of every staff route after sign-in: an active session (401 otherwise), the CSRF
     * header on POST/PUT/PATCH/DELETE (403), one of `roles` when given (404: a route beyond one's role
     * is as absent as a record beyond one's reach), and a password of one's own (403
     * PASSWORD_CHANGE_REQUIRED) unless the route says otherwise. Sets `request.staff`.
     */
    requireStaff: GuardDecorator<
      [roles?: readonly StaffRole[], options?: StaffRouteOptions],
      RawServer,
      RawRequest,
      RawReply,
      Logger,
      TypeProvider
    >
  }
  interface FastifyRequest {
    /** Set by `requireStaff`; read it with `staffOf(request)`. */
    staff?: StaffActor
  }
}

export type StaffRouteOptions = {
  /**
   * The route also serves an account that must still replace the one-time password an administrator
   * gave it (someone else has seen it): the password change itself, and who is signed in.
   */
  beforePasswordChange?: boolean
}

/** The signed-in staff member of a route behind `requireStaff`. */
export function staffOf(request: FastifyRequest): StaffActor {
  if (!request.staff) throw new Error('staffOf: the route has no requireStaff preHandler')
  return request.staff
}

/** Decorates the root instance (before route plugins register, so every one of them sees it). */
export function registerStaffGuard(app: FastifyInstance): void {
  const reachOf = reachCache(app.deps)
  app.decorateRequest('staff', undefined)
  app.decorate(
    'requireStaff',
    (roles?: readonly StaffRole[], options: StaffRouteOptions = {}) =>
      async (request: FastifyRequest) => {
        request.staff = await authenticate(app.deps, request, { roles, ...options }, reachOf)
      },
  )
}

/** SameSite=Strict: no other site's page, not even a link, sends the back-office cookie. */
export function staffSessionCookie(secure: boolean): SessionCookie {
  return { name: staffCookieName, sameSite: 'strict', secure }
}

async function authenticate(
  deps: StaffAuthDeps,
  request: FastifyRequest,
  route: StaffRouteOptions & { roles: readonly StaffRole[] | undefined },
  reachOf: (officeCode: string, now: Date) => Promise<string[]>,
): Promise<StaffActor> {
  const now = deps.clock()
  const { signed } = await sessionOf(deps, request, {
    cookieName: staffCookieName,
    notSignedIn: () => notSignedIn(),
    signedIn: (token) => activeSession(deps, token, request.ip, now, reachOf),
    onCsrfRefused: ({ actor }) => auditDenied(deps, actor, request, 'staff.csrf_refused'),
  })
  const { actor, staff, session } = signed
  if (route.roles && !route.roles.includes(actor.role)) {
    await auditDenied(deps, actor, request, 'staff.access_denied')
    throw notFound('staff route')
  }
  if (staff.mustChangePassword && !route.beforePasswordChange) throw passwordChangeRequired()
  if (now.getTime() - session.lastSeenAt.getTime() >= touchEveryMs)
    await touchSession(deps.database.db, session.id, now)
  return actor
}

/** A session past its second factor, and who it signs in with the offices within reach. */
async function activeSession(
  deps: StaffAuthDeps,
  token: string,
  ip: string,
  now: Date,
  reachOf: (officeCode: string, now: Date) => Promise<string[]>,
) {
  const found = await loadLiveSession(deps, token, now, ip)
  if (!found) throw notSignedIn()
  if (found.session.stage !== 'active') throw notSignedIn('second_factor')
  const actor: StaffActor = {
    ...signingInActor(found.staff, found.session.id, ip),
    reach: await reachOf(found.staff.officeCode, now),
  }
  return { ...found, actor }
}

async function auditDenied(deps: StaffAuthDeps, actor: StaffActor, request: FastifyRequest, action: string) {
  await recordAudit(deps.database.db, {
    actor,
    action,
    detail: { method: request.method, route: request.routeOptions.url ?? null },
  })
}

const reachCacheMs = 60_000

/**
 * An office's subtree barely ever changes (a reorganisation, by migration); reading it once a minute
 * per office instead of on every request is safe. Bounded by the number of offices.
 */
function reachCache(deps: StaffAuthDeps) {
  const cache = new Map<string, { reach: string[]; at: number }>()
  return async (officeCode: string, now: Date): Promise<string[]> => {
    const hit = cache.get(officeCode)
    const fresh = hit && Math.abs(now.getTime() - hit.at) < reachCacheMs
    if (hit && fresh) return [...hit.reach]
    const reach = await officeSubtreeCodes(deps.database.db, officeCode)
    cache.set(officeCode, { reach, at: now.getTime() })
    return [...reach]
  }
}
