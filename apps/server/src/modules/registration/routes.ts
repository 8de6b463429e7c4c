import {
  DossierNumber,
  ErrorCode,
  MobilePhone,
  type PhotoKind,
  photoKinds,
  RegistrationConfirm,
  RegistrationConfirmed,
  RegistrationCreated,
  RegistrationForm,
  RegistrationStatusQuery,
  RegistrationStatusView,
  validationErrorOf,
} from '@ansinh/domain'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorAnswers } from '../../http/error-answers'
import {
  assertMultipart,
  multipartRouteValidator,
  readUploadedPhoto,
  registerPhotoUploads,
} from '../../http/photo-uploads'
import { DomainError } from '../../platform/errors'
import { countKeyedTry } from '../identity/citizen-throttle'
import { confirmRegistration } from './confirm-registration'
import { declarationPdf, registrationStatus } from './dossier-lookup'
import type { SubmittedPhotos } from './stored-photos'
import { resendRegistrationOtp, submitRegistration } from './submit-registration'

const tags = ['registration']
const errors = errorAnswers(400, 404, 409, 410, 413, 429)

const RequestId = z.object({ id: z.uuid({ error: 'Mã yêu cầu không hợp lệ.' }) })
const binary = (description: string) => z.string().meta({ format: 'binary', description })

/** The multipart body of `POST /registrations`, for the OpenAPI description (parsed by hand below). */
const RegistrationMultipart = z
  .object({
    form: RegistrationForm.describe(
      'The declaration (tờ khai mẫu 01) as JSON, in a text field or a part of type application/json',
    ),
    portrait: binary('Ảnh chân dung: JPEG, PNG, HEIC or WebP, at most 10 MB'),
    idFront: binary('Ảnh mặt trước giấy tờ tùy thân'),
    idBack: binary('Ảnh mặt sau giấy tờ tùy thân (optional for a passport)').optional(),
  })
  .describe('multipart/form-data')

/** E-transaction account registration (đăng ký giao dịch điện tử), the citizen's side. */
export async function registerRegistrationRoutes(app: FastifyInstance) {
  await registerPhotoUploads(app, { files: photoKinds.length, fields: 2, fieldSize: 64 * 1024 })
  const api = app.withTypeProvider<ZodTypeProvider>()
  // Each guessable endpoint gets its own budget per client IP, well below the API-wide one.
  const limit = (share: number) => ({
    rateLimit: { max: share * app.deps.config.guessableRateLimitPerMinute, timeWindow: '1 minute' },
  })
  // Looking a dossier up is also limited per phone, whatever the address asking: someone who knows a
  // person's phone cannot walk the dossier numbers from many addresses.
  const perPhone = async (request: FastifyRequest) =>
    countKeyedTry(app.deps, {
      scope: 'dossier-lookup',
      value: (request.query as { phone?: string }).phone ?? '',
      perHour: 2 * app.deps.config.guessableRateLimitPerMinute,
      tooMany: (minutes) => ({
        vi: `Hồ sơ của số điện thoại này được tra cứu quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
        en: `Dossiers of this phone number were looked up too often. Please try again in ${minutes} minutes.`,
      }),
    })

  api.post(
    '/registrations',
    {
      config: limit(1),
      // The body is multipart and read part by part in the handler; the schema documents it.
      validatorCompiler: multipartRouteValidator,
      schema: {
        tags,
        summary: 'Submit a registration declaration with its photos; an OTP is sent',
        description:
          'Step 1 of 2. Validates the form (RegistrationForm) and the photos, re-encodes and encrypts the photos, ' +
          'and sends a 6-digit OTP by SMS (or e-mail when contactChannel is email). Nothing becomes a dossier until ' +
          '`POST /registrations/{id}/confirm`; an unconfirmed request is deleted with its photos after an hour.',
        consumes: ['multipart/form-data'],
        body: RegistrationMultipart,
        response: { 201: RegistrationCreated, ...errors },
      },
    },
    async (request, reply) => {
      const { form, photos } = await readSubmission(request)
      reply.code(201)
      return submitRegistration(app.deps, form, photos)
    },
  )

  api.post(
    '/registrations/:id/otp',
    {
      config: limit(1),
      schema: {
        tags,
        summary: 'Send a new OTP for a submitted registration (after resendAfter)',
        params: RequestId,
        response: { 200: z.object({ otp: RegistrationCreated.shape.otp }), ...errors },
      },
    },
    async (request) => ({ otp: await resendRegistrationOtp(app.deps, request.params.id) }),
  )

  api.post(
    '/registrations/:id/confirm',
    {
      config: limit(1),
      schema: {
        tags,
        summary: 'Confirm a registration with its OTP; creates the dossier',
        description:
          'Step 2 of 2. A wrong OTP answers OTP_INVALID with the tries left; after 5 the request is void ' +
          '(OTP_ATTEMPTS_EXCEEDED) and the person submits again. Retrying a confirmation that succeeded returns the same dossier.',
        params: RequestId,
        body: RegistrationConfirm,
        response: { 200: RegistrationConfirmed, ...errors },
      },
    },
    async (request) => confirmRegistration(app.deps, request.params.id, request.body.otp),
  )

  api.get(
    '/registrations/status',
    {
      config: limit(2),
      preHandler: perPhone,
      schema: {
        tags,
        summary: 'Status of a dossier by its number and the phone it was filed with',
        querystring: RegistrationStatusQuery,
        response: { 200: RegistrationStatusView, ...errors },
      },
    },
    async (request) => registrationStatus(app.deps, request.query),
  )

  api.get(
    '/registrations/:dossierNumber/declaration.pdf',
    {
      config: limit(2),
      preHandler: perPhone,
      schema: {
        tags,
        summary: 'The declaration (tờ khai mẫu 01) as a PDF',
        description:
          'Answers 200 application/pdf (A4, Vietnamese text with an embedded font, a QR code of the dossier number). ' +
          'The phone the dossier was filed with is required: the declaration holds personal data.',
        params: z.object({ dossierNumber: DossierNumber }),
        querystring: z.object({ phone: MobilePhone }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await declarationPdf(app.deps, { ...request.params, phone: request.query.phone })
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="to-khai-${request.params.dossierNumber}.pdf"`)
        .send(pdf)
    },
  )
}

/** Reads the multipart body: the `form` JSON and up to three photos; a photo over 10 MB is marked, not read. */
async function readSubmission(
  request: FastifyRequest,
): Promise<{ form: RegistrationForm; photos: SubmittedPhotos }> {
  assertMultipart(request)
  const photos: SubmittedPhotos = {}
  let form: unknown
  for await (const part of request.parts()) {
    // A text field holds the JSON; a part sent as application/json arrives already parsed.
    if (part.type === 'field' && part.fieldname === 'form') form = part.value
    else if (part.type === 'file' && isPhotoKind(part.fieldname))
      photos[part.fieldname] = await readUploadedPhoto(part)
    else if (part.type === 'file') part.file.resume() // not ours: drained, never buffered
  }
  return { form: parseForm(form), photos }
}

function isPhotoKind(name: string): name is PhotoKind {
  return (photoKinds as string[]).includes(name)
}

function parseForm(value: unknown): RegistrationForm {
  if (value === undefined) throw invalid({ form: ['Thiếu thông tin tờ khai.'] })
  let json: unknown = value
  try {
    if (typeof value === 'string') json = JSON.parse(value)
  } catch {
    throw invalid({ form: ['Thông tin tờ khai không đúng định dạng JSON.'] })
  }
  const parsed = RegistrationForm.safeParse(json)
  if (!parsed.success) throw invalid(validationErrorOf(parsed.error).error.fields ?? {})
  return parsed.data
}

function invalid(fields: Record<string, string[]>) {
  return new DomainError(ErrorCode.ValidationFailed, 'registration form invalid', { fields })
}
