import { ApiError } from '@ansinh/domain'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { csrfRefused } from './auth-errors'
import {
  clearSessionCookie,
  csrfHeld,
  readSessionCookie,
  type SessionCookie,
  setSessionCookie,
} from './session-tokens'

/** The route pieces staff and citizen sign-in share: answering with a session, and signing out. */

/** An empty 204 answer, as the OpenAPI document describes it. */
export const signedOut = z.null().describe('Signed out')

/** Sets the session's cookie and answers `answer` (which carries the CSRF token of that session). */
export function answerWithSession<Answer>(
  reply: FastifyReply,
  cookie: SessionCookie,
  token: string,
  answer: Answer,
): Answer {
  setSessionCookie(reply, cookie, token)
  return answer
}

export type LogoutRoute = {
  url: string
  tags: string[]
  cookie: SessionCookie
  /** Ends the session of the cookie's token, which may have ended already. */
  signOut: (token: string, request: FastifyRequest) => Promise<void>
}

/** `POST …/logout`: ends the session of the cookie and clears the cookie. */
export function registerLogoutRoute(app: FastifyInstance, route: LogoutRoute): void {
  const { deps } = app
  const tokenOf = (request: FastifyRequest) => readSessionCookie(request, route.cookie.name)
  app.withTypeProvider<ZodTypeProvider>().post(
    route.url,
    {
      // Without a cookie there is nothing to end and nothing to forge: the cookie is cleared anyway.
      preHandler: async (request) => {
        const token = tokenOf(request)
        if (token && !csrfHeld(deps, request, token)) throw csrfRefused()
      },
      schema: {
        tags: route.tags,
        summary: 'Sign out: ends the session',
        response: { 204: signedOut, 403: ApiError },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request)
      if (token) await route.signOut(token, request)
      clearSessionCookie(reply, route.cookie)
      return reply.code(204).send(null)
    },
  )
}
