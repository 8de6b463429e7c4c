import { ApiError } from '@ansinh/domain'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { csrfRefused, notSignedIn } from './staff-auth-errors'
import { clearSessionCookie, csrfHeld, sessionCookie, setSessionCookie, staffOf } from './staff-guard'
import {
  StaffEnrolBody,
  StaffEnrolledView,
  StaffLoginAnswer,
  StaffLoginBody,
  StaffSecondFactorBody,
  StaffSignedInView,
} from './staff-schemas'
import { completeSecondFactor, confirmEnrolment, type SecondFactorInput } from './staff-second-factor'
import { currentProfile, type StaffClient, signOutStaff } from './staff-sessions'
import { staffLogin } from './staff-sign-in'
import { csrfTokenFor } from './staff-tokens'

const tags = ['staff']
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 409: ApiError, 429: ApiError }

export function clientOf(request: FastifyRequest): StaffClient {
  const agent = request.headers['user-agent']
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent : null }
}

/** Staff sign-in (`/staff/auth/…`): password, then the second factor; sign-out; who am I. */
export async function registerStaffAuthRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const secure = deps.config.publicUrl?.startsWith('https:') ?? false
  // Each step can be guessed at: each gets its own small budget per client address.
  const guessable = { rateLimit: { max: deps.config.guessableRateLimitPerMinute, timeWindow: '1 minute' } }
  // The steps after the password: the session's cookie (401) and its CSRF header (403).
  const pendingCookie = async (request: FastifyRequest) => {
    const token = sessionCookie(request)
    if (!token) throw notSignedIn()
    if (!csrfHeld(deps, request, token)) throw csrfRefused()
  }
  const cookieOf = (request: FastifyRequest) => sessionCookie(request) ?? ''

  api.post(
    '/staff/auth/login',
    {
      config: guessable,
      schema: {
        tags,
        summary: 'Staff sign-in, step 1: username and password',
        description:
          'Sets the HttpOnly session cookie `ansinh_staff` and answers what comes next: `totp` (a code from the ' +
          'authenticator app or a recovery code, `POST /staff/auth/totp`) or `enrol` (first sign-in, or after a reset: ' +
          'add the secret to an authenticator app and confirm a code with `POST /staff/auth/enrol`). Wrong username ' +
          'or password answer the same 401; 5 wrong passwords or codes in a row lock the account for 15 minutes (429).',
        body: StaffLoginBody,
        response: { 200: StaffLoginAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const { token, ...answer } = await staffLogin(deps, request.body, clientOf(request))
      setSessionCookie(reply, token, secure)
      return answer
    },
  )

  api.post(
    '/staff/auth/totp',
    {
      config: guessable,
      preHandler: pendingCookie,
      schema: {
        tags,
        summary: 'Staff sign-in, step 2: a TOTP code or a recovery code',
        description:
          'Each code is accepted once (±30 s of clock drift); each recovery code once. The session cookie and the ' +
          'CSRF token are replaced: use the csrfToken of this answer from now on.',
        body: StaffSecondFactorBody,
        response: { 200: StaffSignedInView, ...errors },
      },
    },
    async (request, reply) => {
      const { code, recoveryCode } = request.body
      const input: SecondFactorInput = code !== undefined ? { code } : { recoveryCode: recoveryCode ?? '' }
      const signedIn = await completeSecondFactor(deps, cookieOf(request), input, clientOf(request))
      setSessionCookie(reply, signedIn.token, secure)
      return { ...signedIn.profile, csrfToken: signedIn.csrfToken }
    },
  )

  api.post(
    '/staff/auth/enrol',
    {
      config: guessable,
      preHandler: pendingCookie,
      schema: {
        tags,
        summary: 'Staff sign-in, first time: confirm the authenticator app with one of its codes',
        description:
          'Answers 10 recovery codes, shown this once. The session cookie and CSRF token are replaced.',
        body: StaffEnrolBody,
        response: { 200: StaffEnrolledView, ...errors },
      },
    },
    async (request, reply) => {
      const enrolled = await confirmEnrolment(deps, cookieOf(request), request.body.code, clientOf(request))
      setSessionCookie(reply, enrolled.token, secure)
      return { ...enrolled.profile, csrfToken: enrolled.csrfToken, recoveryCodes: enrolled.recoveryCodes }
    },
  )

  api.post(
    '/staff/auth/logout',
    {
      // Without a cookie there is nothing to end and nothing to forge: the cookie is cleared anyway.
      preHandler: async (request) => {
        const token = sessionCookie(request)
        if (token && !csrfHeld(deps, request, token)) throw csrfRefused()
      },
      schema: {
        tags,
        summary: 'Sign out: ends the session',
        response: { 204: z.null().describe('Signed out'), 403: ApiError },
      },
    },
    async (request, reply) => {
      const token = sessionCookie(request)
      if (token) await signOutStaff(deps, token, clientOf(request))
      clearSessionCookie(reply, secure)
      return reply.code(204).send(null)
    },
  )

  api.get(
    '/staff/auth/me',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        summary: 'The signed-in staff member, with the CSRF token of the session',
        response: { 200: StaffSignedInView, 401: ApiError },
      },
    },
    async (request) => ({
      ...(await currentProfile(deps, staffOf(request))),
      csrfToken: csrfTokenFor(deps.secrets.sessionSecret, cookieOf(request)),
    }),
  )
}
