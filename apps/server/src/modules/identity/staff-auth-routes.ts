import {
  ApiError,
  StaffCodeBody,
  StaffEnrolledView,
  StaffLoginAnswer,
  StaffLoginBody,
  StaffPasswordChangeBody,
  StaffPasswordChanged,
  StaffRecoveryCodesView,
  StaffSecondFactorBody,
  StaffSignedInView,
} from '@ansinh/domain'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { errorAnswers } from '../../http/error-answers'
import { csrfRefused } from './auth-errors'
import { answerWithSession, registerLogoutRoute } from './session-routes'
import { csrfHeld, csrfTokenFor, readSessionCookie, secureCookies } from './session-tokens'
import { notSignedIn } from './staff-auth-errors'
import { staffOf, staffSessionCookie } from './staff-guard'
import { changeOwnPassword, renewRecoveryCodes } from './staff-own-account'
import { completeSecondFactor, confirmEnrolment, type SecondFactorInput } from './staff-second-factor'
import { currentProfile, type StaffClient, signOutStaff } from './staff-sessions'
import { staffLogin } from './staff-sign-in'

const tags = ['staff']
const errors = errorAnswers(400, 401, 403, 409, 429)

export function clientOf(request: FastifyRequest): StaffClient {
  const agent = request.headers['user-agent']
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent : null }
}

/**
 * Staff sign-in (`/staff/auth/…`): password, then the second factor; sign-out; who am I; and one's own
 * password and recovery codes.
 */
export async function registerStaffAuthRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const cookie = staffSessionCookie(secureCookies(deps.config))
  // Each step can be guessed at: each gets its own small budget per client address.
  const guessable = { rateLimit: { max: deps.config.guessableRateLimitPerMinute, timeWindow: '1 minute' } }
  // The steps after the password: the session's cookie (401) and its CSRF header (403).
  const pendingCookie = async (request: FastifyRequest) => {
    const token = readSessionCookie(request, cookie.name)
    if (!token) throw notSignedIn()
    if (!csrfHeld(deps, request, token)) throw csrfRefused()
  }
  const cookieOf = (request: FastifyRequest) => readSessionCookie(request, cookie.name) ?? ''
  const signedInView = async (request: FastifyRequest) => ({
    ...(await currentProfile(deps, staffOf(request))),
    csrfToken: csrfTokenFor(deps.secrets.sessionSecret, cookieOf(request)),
  })
  // Open to an account that must still replace its one-time password: these are how it does so.
  const beforePasswordChange = app.requireStaff(undefined, { beforePasswordChange: true })

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
      return answerWithSession(reply, cookie, token, answer)
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
      return answerWithSession(reply, cookie, signedIn.token, {
        ...signedIn.profile,
        csrfToken: signedIn.csrfToken,
      })
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
        body: StaffCodeBody,
        response: { 200: StaffEnrolledView, ...errors },
      },
    },
    async (request, reply) => {
      const enrolled = await confirmEnrolment(deps, cookieOf(request), request.body.code, clientOf(request))
      const { token, profile, csrfToken, recoveryCodes } = enrolled
      return answerWithSession(reply, cookie, token, { ...profile, csrfToken, recoveryCodes })
    },
  )

  registerLogoutRoute(app, {
    url: '/staff/auth/logout',
    tags,
    cookie,
    signOut: (token, request) => signOutStaff(deps, token, clientOf(request)),
  })

  api.get(
    '/staff/auth/me',
    {
      preHandler: beforePasswordChange,
      schema: {
        tags,
        summary: 'The signed-in staff member, with the CSRF token of the session',
        description:
          '`mustChangePassword`: the account still has the one-time password an administrator gave it; every ' +
          'other staff route answers 403 PASSWORD_CHANGE_REQUIRED until `POST /staff/auth/password`.',
        response: { 200: StaffSignedInView, 401: ApiError },
      },
    },
    signedInView,
  )

  api.post(
    '/staff/auth/password',
    {
      config: guessable,
      preHandler: beforePasswordChange,
      schema: {
        tags,
        summary: "Change one's own password",
        description:
          '12–64 characters with at least 3 of upper case, lower case, digits and other characters, without the ' +
          'username, other than the current one. A wrong current password counts toward the sign-in lockout. ' +
          'Every other session of the account ends; this one goes on with the same cookie and CSRF token.',
        body: StaffPasswordChangeBody,
        response: { 200: StaffPasswordChanged, ...errors },
      },
    },
    async (request) => {
      const changed = await changeOwnPassword(deps, staffOf(request), request.body)
      return { ...(await signedInView(request)), ...changed }
    },
  )

  api.post(
    '/staff/auth/recovery-codes',
    {
      config: guessable,
      preHandler: app.requireStaff(),
      schema: {
        tags,
        summary: 'Renew the recovery codes with a code of the authenticator app',
        description:
          'Answers 10 new recovery codes, shown this once; every earlier code stops working. A wrong code counts ' +
          'toward the sign-in lockout.',
        body: StaffCodeBody,
        response: { 200: StaffRecoveryCodesView, ...errors },
      },
    },
    async (request) => ({
      recoveryCodes: await renewRecoveryCodes(deps, staffOf(request), request.body.code),
    }),
  )
}
