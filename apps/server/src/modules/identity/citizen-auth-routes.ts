import {
  ApiError,
  CitizenDeviceChangeBody,
  CitizenDeviceList,
  CitizenLoginBody,
  CitizenOtpConfirmBody,
  CitizenOtpSent,
  CitizenPasskeyList,
  CitizenPasskeyOptions,
  CitizenPasskeyRegisterBody,
  CitizenPasskeySignInBody,
  CitizenPasskeyView,
  CitizenPasswordChangeBody,
  CitizenPasswordResetBody,
  CitizenPasswordResetConfirmBody,
  CitizenPasswordResetDone,
  CitizenPasswordResetStarted,
  CitizenSignedIn,
  citizenPasswordResetDoneMessage,
  citizenPasswordResetMessage,
} from '@ansinh/domain'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorAnswers } from '../../http/error-answers'
import { citizenOf, citizenSessionCookie, clearCitizenCookie } from './citizen-guard'
import { resendAuthRequestOtp } from './citizen-otp-requests'
import {
  listOwnPasskeys,
  passkeyRegistrationOptions,
  passkeySignIn,
  passkeySignInOptions,
  type RelyingParty,
  registerPasskey,
  relyingPartyOf,
  removePasskey,
} from './citizen-passkeys'
import {
  changeCitizenPassword,
  confirmCitizenPasswordChange,
  confirmPasswordReset,
  startPasswordReset,
} from './citizen-password-change'
import { findCitizenById } from './citizen-repo'
import {
  type CitizenClient,
  listCitizenDevices,
  signedInView,
  signOutCitizen,
  signOutDevice,
} from './citizen-sessions'
import { type CitizenOpened, citizenLogin, confirmDeviceChange, startDeviceChange } from './citizen-sign-in'
import { countUsernameTry } from './citizen-throttle'
import { answerWithSession, registerLogoutRoute, signedOut } from './session-routes'

const tags = ['citizen-auth']
const errors = errorAnswers(400, 401, 403, 404, 409, 410, 429)
const RequestParams = z.object({ requestId: z.uuid() })

function clientOf(request: FastifyRequest): CitizenClient {
  return { ip: request.ip }
}

function relyingParty(app: FastifyInstance, request: FastifyRequest): RelyingParty {
  return relyingPartyOf(app.deps.config, request)
}

/**
 * Citizen sign-in and account security (`/auth/…`): sign-in with the BHXH code or personal ID, one
 * device at a time with the device-change OTP, who am I, sign-out, the password's change and reset,
 * the devices page, and passkeys (the fingerprint / Face ID sign-in).
 */
export async function registerCitizenAuthRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const guessable = deps.config.guessableRateLimitPerMinute
  // Each step that can be guessed at gets its own small budget per client address, and the ones
  // naming an account a budget per username (citizen-throttle).
  const perIp = { rateLimit: { max: guessable, timeWindow: '1 minute' } }
  // Runs after validation: the body is the route's, its username normalised.
  const perUsername = async (request: FastifyRequest) =>
    countUsernameTry(deps, (request.body as { username: string }).username)
  const cookie = citizenSessionCookie(deps.config)
  const answerOpened = (reply: FastifyReply, opened: CitizenOpened) =>
    answerWithSession(reply, cookie, opened.token, opened.view)
  const signedIn = app.requireCitizen()
  const beforePasswordChange = app.requireCitizen({ beforePasswordChange: true })

  api.post(
    '/auth/login',
    {
      config: perIp,
      preHandler: perUsername,
      schema: {
        tags,
        summary: 'Citizen sign-in: BHXH code or personal ID, password, and the device',
        description:
          'Sets the HttpOnly cookie `ansinh_citizen` and answers the CSRF token for `x-ansinh-csrf`. A wrong password ' +
          'and an unknown username answer the same 401; 5 wrong passwords in a row lock the account for 15 minutes ' +
          '(429, the message says until when). Signed in on another device: 409 DEVICE_CHANGE_OTP_REQUIRED, continue ' +
          'with `POST /auth/device-change`. `mustChangePassword` or `passwordExpired`: only the password change is open.',
        body: CitizenLoginBody,
        response: { 200: CitizenSignedIn, ...errors },
      },
    },
    async (request, reply) => {
      return answerOpened(reply, await citizenLogin(deps, request.body, clientOf(request)))
    },
  )

  api.post(
    '/auth/device-change',
    {
      config: perIp,
      preHandler: perUsername,
      schema: {
        tags,
        summary: 'Sign in on this device instead of the other one: an OTP goes to the registered phone',
        description:
          'The same body as the sign-in. Confirm with `POST /auth/device-change/{requestId}/confirm`.',
        body: CitizenDeviceChangeBody,
        response: { 201: CitizenOtpSent, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return startDeviceChange(deps, request.body)
    },
  )

  api.post(
    '/auth/device-change/:requestId/otp',
    {
      config: perIp,
      schema: {
        tags,
        summary: 'Send the device-change OTP again (after resendAfter)',
        params: RequestParams,
        response: { 200: CitizenOtpSent, ...errors },
      },
    },
    async (request) => resendAuthRequestOtp(deps, request.params.requestId, { purpose: 'device_change' }),
  )

  api.post(
    '/auth/device-change/:requestId/confirm',
    {
      config: perIp,
      schema: {
        tags,
        summary: 'Confirm the device change with the OTP: this device is signed in, the other one out',
        description:
          "The other device's next request answers 401 SIGNED_IN_ELSEWHERE; the phone gets a message about the change.",
        params: RequestParams,
        body: CitizenOtpConfirmBody,
        response: { 200: CitizenSignedIn, ...errors },
      },
    },
    async (request, reply) => {
      const { requestId } = request.params
      const opened = await confirmDeviceChange(deps, requestId, request.body.otp, clientOf(request))
      return answerOpened(reply, opened)
    },
  )

  api.get(
    '/auth/me',
    {
      preHandler: beforePasswordChange,
      schema: {
        tags,
        summary: 'The signed-in citizen, with the CSRF token of the session',
        response: { 200: CitizenSignedIn, 401: ApiError, 403: ApiError },
      },
    },
    async (request) => {
      const current = citizenOf(request)
      const found = await findCitizenById(deps.database.db, current.accountId)
      if (!found) throw new Error('a live session without its account')
      return signedInView(deps, {
        account: found.account,
        fullName: found.holder.fullName,
        token: current.token,
        expiresAt: current.expiresAt,
        now: deps.clock(),
      })
    },
  )

  registerLogoutRoute(app, {
    url: '/auth/logout',
    tags,
    cookie,
    signOut: (token) => signOutCitizen(deps, token),
  })

  api.post(
    '/auth/password',
    {
      config: perIp,
      preHandler: beforePasswordChange,
      schema: {
        tags,
        summary: 'Change the password',
        description:
          '8–20 characters with upper case, lower case, a digit and a special character; not the BHXH code, personal ' +
          'ID, phone or date of birth; not a common password (400 with `fields.newPassword`). A wrong current password ' +
          'counts toward the lockout. When the change is due (one-time password, or expired) it applies at once (200); ' +
          'otherwise an OTP goes to the registered phone (201), confirm with `POST /auth/password/{requestId}/confirm`. ' +
          'Every other session of the account ends.',
        body: CitizenPasswordChangeBody,
        response: { 200: CitizenSignedIn, 201: CitizenOtpSent, ...errors },
      },
    },
    async (request, reply) => {
      const outcome = await changeCitizenPassword(deps, citizenOf(request), request.body)
      if (outcome.applied) return outcome.view
      reply.code(201)
      return outcome.sent
    },
  )

  api.post(
    '/auth/password/:requestId/otp',
    {
      config: perIp,
      preHandler: beforePasswordChange,
      schema: {
        tags,
        summary: 'Send the password-change OTP again (after resendAfter)',
        params: RequestParams,
        response: { 200: CitizenOtpSent, ...errors },
      },
    },
    async (request) =>
      resendAuthRequestOtp(deps, request.params.requestId, {
        purpose: 'password_change',
        accountId: citizenOf(request).accountId,
      }),
  )

  api.post(
    '/auth/password/:requestId/confirm',
    {
      config: perIp,
      preHandler: beforePasswordChange,
      schema: {
        tags,
        summary: 'Confirm the password change with the OTP',
        params: RequestParams,
        body: CitizenOtpConfirmBody,
        response: { 200: CitizenSignedIn, ...errors },
      },
    },
    async (request) =>
      confirmCitizenPasswordChange(deps, citizenOf(request), request.params.requestId, request.body.otp),
  )

  api.post(
    '/auth/password-reset',
    {
      config: perIp,
      preHandler: perUsername,
      schema: {
        tags,
        summary: 'Forgotten password: an OTP to the registered phone (or e-mail)',
        description:
          'Answers the same whether the username exists or not (202); only a real account gets a code. Without a ' +
          'phone or e-mail on record the way is a change-of-information dossier at an office.',
        body: CitizenPasswordResetBody,
        response: { 202: CitizenPasswordResetStarted, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(202)
      return startPasswordReset(deps, request.body.username)
    },
  )

  api.post(
    '/auth/password-reset/:requestId/otp',
    {
      config: perIp,
      schema: {
        tags,
        summary: 'Send the reset OTP again (after resendAfter)',
        params: RequestParams,
        response: { 202: CitizenPasswordResetStarted, ...errors },
      },
    },
    async (request, reply) => {
      const { requestId } = await resendAuthRequestOtp(deps, request.params.requestId, {
        purpose: 'password_reset',
      })
      reply.code(202)
      return { requestId, message: citizenPasswordResetMessage }
    },
  )

  api.post(
    '/auth/password-reset/:requestId/confirm',
    {
      config: perIp,
      schema: {
        tags,
        summary: 'Set a new password with the reset OTP; every session of the account ends',
        params: RequestParams,
        body: CitizenPasswordResetConfirmBody,
        response: { 200: CitizenPasswordResetDone, ...errors },
      },
    },
    async (request) => {
      await confirmPasswordReset(deps, request.params.requestId, request.body)
      return { message: citizenPasswordResetDoneMessage }
    },
  )

  api.get(
    '/auth/devices',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'The devices the account is signed in on',
        response: { 200: CitizenDeviceList, 401: ApiError, 403: ApiError },
      },
    },
    async (request) => ({ items: await listCitizenDevices(deps, citizenOf(request)) }),
  )

  api.post(
    '/auth/devices/:id/sign-out',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Sign one device out',
        params: z.object({ id: z.uuid() }),
        response: { 204: signedOut, ...errors },
      },
    },
    async (request, reply) => {
      const current = citizenOf(request)
      await signOutDevice(deps, current, request.params.id)
      if (request.params.id === current.sessionId) clearCitizenCookie(reply, deps)
      return reply.code(204).send(null)
    },
  )

  api.post(
    '/auth/passkeys/registration-options',
    {
      config: perIp,
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Start adding a passkey (fingerprint / Face ID) to the signed-in account',
        description:
          'Answers the options for `navigator.credentials.create` and the id of the challenge, valid 5 minutes and ' +
          'good for one answer. Finish with `POST /auth/passkeys`.',
        response: { 201: CitizenPasskeyOptions, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return passkeyRegistrationOptions(deps, citizenOf(request), relyingParty(app, request))
    },
  )

  api.post(
    '/auth/passkeys',
    {
      config: perIp,
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Add the passkey the browser made',
        description:
          'The origin and domain must be the server’s, and the device must have verified the person.',
        body: CitizenPasskeyRegisterBody,
        response: { 201: CitizenPasskeyView, ...errors },
      },
    },
    async (request, reply) => {
      const added = await registerPasskey(deps, citizenOf(request), request.body, relyingParty(app, request))
      reply.code(201)
      return added
    },
  )

  api.get(
    '/auth/passkeys',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'The passkeys of the account',
        response: { 200: CitizenPasskeyList, 401: ApiError, 403: ApiError },
      },
    },
    async (request) => ({ items: await listOwnPasskeys(deps, citizenOf(request)) }),
  )

  api.delete(
    '/auth/passkeys/:id',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Remove a passkey: it no longer signs in',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null().describe('Removed'), ...errors },
      },
    },
    async (request, reply) => {
      await removePasskey(deps, citizenOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  api.post(
    '/auth/passkey-sign-in/options',
    {
      config: perIp,
      schema: {
        tags,
        summary: 'Start a passkey sign-in: the options for `navigator.credentials.get`',
        description:
          'No username needed: the passkeys are discoverable. The challenge is valid 5 minutes, once.',
        response: { 201: CitizenPasskeyOptions, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return passkeySignInOptions(deps, relyingParty(app, request))
    },
  )

  api.post(
    '/auth/passkey-sign-in',
    {
      config: perIp,
      schema: {
        tags,
        summary: 'Sign in with a passkey (fingerprint / Face ID)',
        description:
          'The same answer and cookie as `POST /auth/login`, and the same rules: signed in on another device → 409 ' +
          'DEVICE_CHANGE_OTP_REQUIRED (continue with the password and `POST /auth/device-change`); a locked or ' +
          'stopped account is refused. Every other failure answers the same 401.',
        body: CitizenPasskeySignInBody,
        response: { 200: CitizenSignedIn, ...errors },
      },
    },
    async (request, reply) => {
      const rp = relyingParty(app, request)
      return answerOpened(reply, await passkeySignIn(deps, request.body, clientOf(request), rp))
    },
  )
}
