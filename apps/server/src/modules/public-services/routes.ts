import {
  AccountRequestOtpBody,
  AccountRequestParams,
  ApiError,
  ChildRegistrationRequest,
  CitizenOtpSent,
  ContactChangeFiling,
  FiledDossier,
  MyDossierList,
  StopFiling,
} from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorAnswers } from '../../http/error-answers'
import { multipartRouteValidator, readPhotoForm, registerPhotoUploads } from '../../http/photo-uploads'
import { citizenOf } from '../identity/citizen-guard'
import {
  CHILD_FILINGS_PER_HOUR,
  fileChildRequest,
  fileContactChangeRequest,
  fileStopAccountRequest,
} from './file-requests'
import { listMyDossiers } from './my-dossiers'
import { resendAccountRequestOtp, sendAccountRequestOtp } from './request-otp'

const tags = ['citizen: public services']
const errors = errorAnswers(400, 401, 403, 404, 409, 410, 429)

/**
 * The text fields of `POST /me/requests/child`. App versions from before the personal ID was taken send
 * the child's BHXH code as `bhxhCode`, and an installed app may run one for a while after a release:
 * it is read as the identifier.
 */
const ChildFields = z.preprocess((input) => {
  if (typeof input !== 'object' || input === null || 'identifier' in input || !('bhxhCode' in input))
    return input
  const { bhxhCode, ...rest } = input
  return { ...rest, identifier: bhxhCode }
}, ChildRegistrationRequest)

/** The multipart body of `POST /me/requests/child`, for the OpenAPI description (parsed by hand). */
const ChildMultipart = ChildRegistrationRequest.extend({
  bhxhCode: z
    .string()
    .optional()
    .meta({ deprecated: true, description: 'Read as `identifier` when that is absent (older app versions)' }),
  birthCertificate: z
    .string()
    .meta({ format: 'binary', description: 'Ảnh giấy khai sinh: JPEG, PNG, HEIC or WebP, at most 10 MB' }),
}).describe('multipart/form-data')

const otpSteps =
  'First `POST /me/requests/otp` with the purpose; the code goes to the registered phone (or e-mail). A wrong ' +
  'code answers 400 OTP_INVALID with the tries left (`fields["otp.code"]`), 5 wrong codes end the request ' +
  '(429 OTP_ATTEMPTS_EXCEEDED), an expired or used one answers 410 OTP_EXPIRED, and a request id that is not ' +
  "the person's answers 404. A dossier refused for its content (400 with `fields`, 409 when one is already " +
  'pending for the BHXH code) leaves the code usable for a corrected one.'

/**
 * "Dịch vụ công" of the citizen app (seeds 001, 004): thay đổi thông tin, ngừng sử dụng giao dịch
 * điện tử and đăng ký tài khoản cho con, filed from the signed-in account and decided in `review/`,
 * and the status of every dossier the person filed.
 */
export async function registerPublicServiceRoutes(app: FastifyInstance) {
  // One file (the birth certificate) beside the child's three text fields.
  await registerPhotoUploads(app, { files: 1, fields: 3, fieldSize: 1024 })
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const signedIn = app.requireCitizen()
  // Dossiers name the person and their child: no shared cache or browser history keeps an answer.
  api.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })
  // Codes can be guessed and photos cost a decode: each step gets its own small budget per address.
  const perIp = { rateLimit: { max: deps.config.guessableRateLimitPerMinute, timeWindow: '1 minute' } }

  api.post(
    '/me/requests/otp',
    {
      config: perIp,
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Send the OTP for a change of information or a stop to the registered phone (or e-mail)',
        description:
          'Answers the request id, the masked destination and when "send again" opens. An earlier request of the ' +
          'same purpose is replaced. Without a phone or e-mail on record: 409 (the way is a dossier at an office).',
        body: AccountRequestOtpBody,
        response: { 201: CitizenOtpSent, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return sendAccountRequestOtp(deps, citizenOf(request).accountId, request.body.purpose)
    },
  )

  api.post(
    '/me/requests/otp/:requestId/resend',
    {
      config: perIp,
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Send the OTP of a request again (after resendAfter, 3 times at most)',
        description: "Too early: 429 with the seconds to wait. Someone else's or an unknown request: 404.",
        params: AccountRequestParams,
        response: { 200: CitizenOtpSent, ...errors },
      },
    },
    async (request) => resendAccountRequestOtp(deps, citizenOf(request).accountId, request.params.requestId),
  )

  /** A request filed with its OTP in the body: 201 with the dossier. */
  function filingWithOtp<Body extends z.ZodType>(
    url: string,
    doc: { summary: string; description: string; body: Body },
    file: (accountId: number, body: z.output<Body>) => Promise<FiledDossier>,
  ) {
    api.post(
      url,
      {
        config: perIp,
        preHandler: signedIn,
        schema: { tags, ...doc, response: { 201: FiledDossier, ...errors } },
      },
      // The type provider cannot resolve a schema that is a type parameter; the route validated the body.
      async (request, reply) => {
        const filed = await file(citizenOf(request).accountId, request.body as z.output<Body>)
        return reply.code(201).send(filed)
      },
    )
  }

  filingWithOtp(
    '/me/requests/contact-change',
    {
      summary: 'Thay đổi thông tin: file a change of phone, e-mail and/or address, with the OTP',
      description:
        `${otpSteps} At least one of phone, e-mail (null removes it) and address; a phone of another account ` +
        'is refused. The receiving office decides it; the registry changes once it is approved.',
      body: ContactChangeFiling,
    },
    (accountId, body) => fileContactChangeRequest(deps, accountId, body),
  )

  filingWithOtp(
    '/me/requests/stop',
    {
      summary: 'Ngừng sử dụng giao dịch điện tử: file the stop of the account, with the OTP and a reason',
      description: `${otpSteps} The account is closed and signed out once the office approves it.`,
      body: StopFiling,
    },
    (accountId, body) => fileStopAccountRequest(deps, accountId, body),
  )

  api.post(
    '/me/requests/child',
    {
      config: perIp,
      preHandler: signedIn,
      // The body is multipart and read part by part in the handler; the schema documents it.
      validatorCompiler: multipartRouteValidator,
      schema: {
        tags,
        summary: "Đăng ký tài khoản cho con: file a child's account with the birth certificate photo",
        description:
          "No OTP: the parent is signed in. `identifier` is the child's BHXH code or personal ID. A personal ID " +
          'is resolved to the BHXH code only when the registry holds it under `fullName`; an unknown ID and a ' +
          'name that does not fit answer the same 400 `fields.identifier`. A BHXH code is checked by the office. ' +
          'The photo is checked by content, re-encoded without metadata and stored encrypted (400 ' +
          '`fields.birthCertificate` when refused). A child who already has an account: 409. At most ' +
          `${CHILD_FILINGS_PER_HOUR} filings per account and clock hour (429).`,
        consumes: ['multipart/form-data'],
        body: ChildMultipart,
        response: { 201: FiledDossier, ...errors, 413: ApiError },
      },
    },
    async (request, reply) => {
      const { fields, file } = await readPhotoForm(request, {
        fields: ChildFields,
        fileField: 'birthCertificate',
      })
      const filed = await fileChildRequest(deps, citizenOf(request).accountId, fields, file)
      return reply.code(201).send(filed)
    },
  )

  api.get(
    '/me/dossiers',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Tra cứu hồ sơ: every dossier the person filed, newest first',
        description:
          'Child, change and stop dossiers filed from this account, and the registration that opened it. A ' +
          "refused one carries the office's reason; a child's carries the child's name.",
        response: { 200: MyDossierList, 401: ApiError, 403: ApiError },
      },
    },
    async (request) => ({ items: await listMyDossiers(deps, citizenOf(request).accountId) }),
  )
}
