import {
  ApiError,
  caseworkRoles,
  FeedbackAnswer,
  FeedbackDetail,
  FeedbackListPage,
  FeedbackReceipt,
  FeedbackSearchQuery,
  FeedbackStatusQuery,
  FeedbackStatusView,
  FeedbackSubmission,
  MAX_FEEDBACK_ATTACHMENTS,
} from '@ansinh/domain'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorAnswers } from '../../http/error-answers'
import { multipartRouteValidator, readPhotosForm, registerPhotoUploads } from '../../http/photo-uploads'
import { citizenCookieName } from '../identity/citizen-guard'
import { countKeyedTry } from '../identity/citizen-throttle'
import { readSessionCookie } from '../identity/session-tokens'
import { staffOf } from '../identity/staff-guard'
import { answerFeedback } from './answer-feedback'
import { feedbackStatus } from './feedback-status'
import { submitFeedback } from './submit-feedback'
import { searchFeedbackList, viewFeedback, viewFeedbackAttachment } from './view-feedback'

const publicTags = ['feedback']
const staffTags = ['staff: feedback']
const errors = errorAnswers(400, 401, 403, 404, 429)
const FeedbackId = z.object({ id: z.coerce.number().int().positive({ error: 'Mã phản ánh không hợp lệ.' }) })
const AttachmentId = FeedbackId.extend({
  attachmentId: z.coerce.number().int().positive({ error: 'Mã ảnh không hợp lệ.' }),
})

/** Sends from one phone per Vietnam day: a person with more to say writes it in one feedback. */
const SUBMISSIONS_PER_PHONE_PER_DAY = 5

/** The multipart body of `POST /feedback`, for the OpenAPI description (parsed by hand). */
const FeedbackMultipart = z
  .object({
    ...FeedbackSubmission.shape,
    attachments: z
      .array(z.string().meta({ format: 'binary' }))
      .max(MAX_FEEDBACK_ATTACHMENTS)
      .optional()
      .describe(
        `Up to ${MAX_FEEDBACK_ATTACHMENTS} photos (the part repeats): JPEG, PNG, HEIC or WebP, 10 MB each`,
      ),
  })
  .describe('multipart/form-data')

/**
 * Phản ánh kiến nghị (seed 002 "Hỗ trợ"): anyone sends feedback and follows it by its tracking code
 * and phone; the office it was routed to answers it in the back-office.
 */
export async function registerFeedbackRoutes(app: FastifyInstance) {
  // Up to three photos beside the text fields; one more file is read so that it can be refused by name.
  await registerPhotoUploads(app, {
    files: MAX_FEEDBACK_ATTACHMENTS + 1,
    fields: Object.keys(FeedbackSubmission.shape).length,
    fieldSize: 24 * 1024,
  })
  const api = app.withTypeProvider<ZodTypeProvider>()
  const { deps } = app
  const guessable = deps.config.guessableRateLimitPerMinute
  const perIp = (share: number) => ({ rateLimit: { max: share * guessable, timeWindow: '1 minute' } })
  // Feedback names a person and what they wrote: no shared cache or browser history keeps an answer.
  api.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  const signedInCitizen = app.requireCitizen()
  /** Links the feedback to the account when a live session (with its CSRF header) sends it; never refuses. */
  async function citizenIfSignedIn(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    if (!readSessionCookie(request, citizenCookieName)) return
    try {
      await signedInCitizen.call(this, request, reply)
    } catch {
      request.citizen = undefined
    }
  }

  api.post(
    '/feedback',
    {
      config: perIp(1),
      preHandler: citizenIfSignedIn,
      // The body is multipart and read part by part in the handler; the schema documents it.
      validatorCompiler: multipartRouteValidator,
      schema: {
        tags: publicTags,
        summary: 'Phản ánh kiến nghị: send feedback, with up to 3 photos; answers the tracking code',
        description:
          'No account needed. The content is 20–4000 characters; the photos are checked by content, re-encoded ' +
          'without metadata and stored encrypted (400 `fields["attachments.<n>"]` when refused). With a province ' +
          'the feedback goes to its office, without one to BHXH Việt Nam. The code (mã phản ánh) is sent by SMS ' +
          '(and e-mail). Sent with a live citizen session, it is linked to the account and the answer also goes to ' +
          `its inbox. Limits: per address per minute and per hour, ${SUBMISSIONS_PER_PHONE_PER_DAY} per phone per day (429).`,
        consumes: ['multipart/form-data'],
        body: FeedbackMultipart,
        response: { 201: FeedbackReceipt, ...errors, 413: ApiError },
      },
    },
    async (request, reply) => {
      await countKeyedTry(deps, {
        scope: 'feedback-ip',
        value: request.ip,
        perHour: 3 * guessable,
        tooMany: (minutes) => ({
          vi: `Có quá nhiều phản ánh được gửi từ mạng này. Vui lòng thử lại sau ${minutes} phút.`,
          en: `Too much feedback was sent from this network. Please try again in ${minutes} minutes.`,
        }),
      })
      const { fields, files } = await readPhotosForm(request, {
        fields: FeedbackSubmission,
        fileField: 'attachments',
      })
      await countKeyedTry(deps, {
        scope: 'feedback-phone',
        value: fields.phone,
        perDay: SUBMISSIONS_PER_PHONE_PER_DAY,
        tooMany: () => ({
          vi: 'Số điện thoại này đã gửi nhiều phản ánh trong hôm nay. Vui lòng thử lại vào ngày mai hoặc gọi 1900 9068.',
          en: 'This phone number has sent a lot of feedback today. Please try again tomorrow or call 1900 9068.',
        }),
      })
      const receipt = await submitFeedback(deps, fields, files, request.citizen?.accountId ?? null)
      return reply.code(201).send(receipt)
    },
  )

  api.get(
    '/feedback/status',
    {
      config: perIp(2),
      // Also per phone, whatever the address asking: nobody walks the codes of one person's phone.
      preHandler: async (request) =>
        countKeyedTry(deps, {
          scope: 'feedback-lookup',
          value: (request.query as { phone?: string }).phone ?? '',
          perHour: 2 * guessable,
          tooMany: (minutes) => ({
            vi: `Phản ánh của số điện thoại này được tra cứu quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
            en: `Feedback of this phone number was looked up too often. Please try again in ${minutes} minutes.`,
          }),
        }),
      schema: {
        tags: publicTags,
        summary: 'Status and answer of a feedback by its tracking code and the phone it was sent with',
        description: 'A wrong phone and an unknown code answer the same 404.',
        querystring: FeedbackStatusQuery,
        response: { 200: FeedbackStatusView, ...errors },
      },
    },
    async (request) => feedbackStatus(deps, request.query),
  )

  const staff = app.requireStaff(caseworkRoles)

  api.get(
    '/staff/feedback',
    {
      preHandler: staff,
      schema: {
        tags: staffTags,
        summary: 'Feedback routed to offices within reach, newest first; filters: status, category, text',
        description:
          'Keyset pages: pass `nextCursor` back as `cursor`. `total` counts every match within reach.',
        querystring: FeedbackSearchQuery,
        response: { 200: FeedbackListPage, ...errors },
      },
    },
    async (request) => searchFeedbackList(deps, staffOf(request), request.query),
  )

  api.get(
    '/staff/feedback/:id',
    {
      preHandler: staff,
      schema: {
        tags: staffTags,
        summary: 'One feedback in full, with its photos and answer; the first opening marks it in progress',
        params: FeedbackId,
        response: { 200: FeedbackDetail, ...errors },
      },
    },
    async (request) => viewFeedback(deps, staffOf(request), request.params.id),
  )

  api.get(
    '/staff/feedback/:id/attachments/:attachmentId',
    {
      preHandler: staff,
      schema: {
        tags: staffTags,
        summary: 'A photo attached to the feedback (JPEG), or its thumbnail',
        params: AttachmentId,
        querystring: z.object({ size: z.enum(['full', 'thumbnail']).default('full') }),
        produces: ['image/jpeg'],
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params
      const jpeg = await viewFeedbackAttachment(deps, staffOf(request), id, attachmentId, request.query.size)
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(jpeg)
    },
  )

  api.post(
    '/staff/feedback/:id/answer',
    {
      preHandler: staff,
      schema: {
        tags: staffTags,
        summary: '"Trả lời": answer the feedback (10–4000 characters); the person is told by SMS and e-mail',
        description:
          'The feedback becomes answered; the answer goes to the phone (shortened to 2 SMS), the e-mail and, when ' +
          'it was sent signed in, the inbox. Answering again replaces the answer and tells the person again.',
        params: FeedbackId,
        body: FeedbackAnswer,
        response: { 200: FeedbackDetail, ...errors },
      },
    },
    async (request) => answerFeedback(deps, staffOf(request), request.params.id, request.body),
  )
}
