import type {
  ContextConfigDefault,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  preHandlerAsyncHookHandler,
  RouteGenericInterface,
} from 'fastify'
import { notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { officeSubtreeCodes } from '../directory/repo'
import type { StaffActor, StaffRole } from './staff-actor'
import { csrfRefused, notSignedIn, passwordChangeRequired } from './staff-auth-errors'
import { touchSession } from './staff-repo'
import { loadLiveSession, type StaffAuthDeps, signingInActor, touchEveryMs } from './staff-sessions'
import { csrfHeaderName, csrfMatches, staffCookieName } from './staff-tokens'

declare module 'fastify' {
  interface FastifyInstance<RawServer, RawRequest, RawReply, Logger, TypeProvider> {
    /**
     * The preHandler of every staff route after sign-in: an active session (401 otherwise), the CSRF
     * header on POST/PUT/PATCH/DELETE (403), one of `roles` when given (404: a route beyond one's role
     * is as absent as a record beyond one's reach), and a password of one's own (403
     * PASSWORD_CHANGE_REQUIRED) unless the route says otherwise. Sets `request.staff`.
     */
    requireStaff<
      RouteGeneric extends RouteGenericInterface = RouteGenericInterface,
      ContextConfig = ContextConfigDefault,
      SchemaCompiler extends FastifySchema = FastifySchema,
    >(
      roles?: readonly StaffRole[],
      options?: StaffRouteOptions,
    ): preHandlerAsyncHookHandler<
      RawServer,
      RawRequest,
      RawReply,
      RouteGeneric,
      ContextConfig,
      SchemaCompiler,
      TypeProvider,
      Logger
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

export function sessionCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[staffCookieName]
  return value && value.length <= 128 ? value : undefined
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure behind an
 * https PUBLIC_URL (over plain HTTP in a LAN demo the browser would drop a Secure cookie). No
 * Max-Age: the browser forgets it when it closes; the server ends it sooner.
 */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(staffCookieName, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' })
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(staffCookieName, { httpOnly: true, sameSite: 'strict', secure, path: '/' })
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Whether a request that changes state carries the session's CSRF token; other methods need none. */
export function csrfHeld(deps: StaffAuthDeps, request: FastifyRequest, token: string): boolean {
  if (!stateChanging.has(request.method)) return true
  return csrfMatches(deps.secrets.sessionSecret, token, request.headers[csrfHeaderName])
}

async function authenticate(
  deps: StaffAuthDeps,
  request: FastifyRequest,
  route: StaffRouteOptions & { roles: readonly StaffRole[] | undefined },
  reachOf: (officeCode: string, now: Date) => Promise<string[]>,
): Promise<StaffActor> {
  const token = sessionCookie(request)
  const now = deps.clock()
  const found = token ? await loadLiveSession(deps, token, now, request.ip) : null
  if (!token || !found) throw notSignedIn()
  if (found.session.stage !== 'active') throw notSignedIn('second_factor')
  const actor: StaffActor = {
    ...signingInActor(found.staff, found.session.id, request.ip),
    reach: await reachOf(found.staff.officeCode, now),
  }
  if (!csrfHeld(deps, request, token)) {
    await auditDenied(deps, actor, request, 'staff.csrf_refused')
    throw csrfRefused()
  }
  if (route.roles && !route.roles.includes(actor.role)) {
    await auditDenied(deps, actor, request, 'staff.access_denied')
    throw notFound('staff route')
  }
  if (found.staff.mustChangePassword && !route.beforePasswordChange) throw passwordChangeRequired()
  if (now.getTime() - found.session.lastSeenAt.getTime() >= touchEveryMs)
    await touchSession(deps.database.db, found.session.id, now)
  return actor
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
