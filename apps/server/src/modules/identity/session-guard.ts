import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyRequest,
  FastifySchema,
  FastifyTypeProvider,
  preHandlerAsyncHookHandler,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerBase,
  RouteGenericInterface,
} from 'fastify'
import { csrfRefused } from './auth-errors'
import { csrfHeld, readSessionCookie } from './session-tokens'

/** What staff and citizen guards share: the decorator's type, and the cookie and CSRF checks. */

/**
 * A `require…` decorator: given its options, the preHandler of a route, typed for that route (so the
 * guarded route keeps its typed body, params and query).
 */
export type GuardDecorator<
  Options extends unknown[],
  RawServer extends RawServerBase,
  RawRequest extends RawRequestDefaultExpression<RawServer>,
  RawReply extends RawReplyDefaultExpression<RawServer>,
  Logger extends FastifyBaseLogger,
  TypeProvider extends FastifyTypeProvider,
> = <
  RouteGeneric extends RouteGenericInterface = RouteGenericInterface,
  ContextConfig = ContextConfigDefault,
  SchemaCompiler extends FastifySchema = FastifySchema,
>(
  ...options: Options
) => preHandlerAsyncHookHandler<
  RawServer,
  RawRequest,
  RawReply,
  RouteGeneric,
  ContextConfig,
  SchemaCompiler,
  TypeProvider,
  Logger
>

export type SessionGuard<Signed> = {
  cookieName: string
  /** The 401 of a request without the cookie. */
  notSignedIn: () => Error
  /** Who the token signs in; throws the sign-in's own 401 for a token that signs nobody in. */
  signedIn: (token: string) => Promise<Signed>
  /** Before the 403 of a missing CSRF header (the back-office audits it). */
  onCsrfRefused?: (signed: Signed) => Promise<void>
}

/**
 * The first checks of every guarded route: the session cookie (401), a live session (401), then
 * the CSRF header on a change (403). The CSRF check comes after the session's: a request without a
 * live session is told to sign in, not that its header is wrong.
 */
export async function sessionOf<Signed>(
  deps: { secrets: { sessionSecret: string } },
  request: FastifyRequest,
  guard: SessionGuard<Signed>,
): Promise<{ token: string; signed: Signed }> {
  const token = readSessionCookie(request, guard.cookieName)
  if (!token) throw guard.notSignedIn()
  const signed = await guard.signedIn(token)
  if (!csrfHeld(deps, request, token)) {
    await guard.onCsrfRefused?.(signed)
    throw csrfRefused()
  }
  return { token, signed }
}
