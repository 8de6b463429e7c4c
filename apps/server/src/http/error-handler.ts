import { ErrorCode, errorHttpStatus, errorMessagesEn, errorMessagesVi } from '@ansinh/domain'
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preHandlerHookHandler,
} from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DomainError, type FieldErrors } from '../platform/errors'
import { requestLanguage } from './language'

/** Fastify's own 4xx errors, by status, as our codes: a client mistake is never answered with a 500. */
const codeByClientStatus: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.NotFound,
  406: ErrorCode.ValidationFailed,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.ValidationFailed,
  429: ErrorCode.RateLimited,
}

type ErrorAnswer = {
  status: number
  code: ErrorCode
  fields?: FieldErrors
  userMessage?: { vi: string; en: string }
}

export function sendError(request: FastifyRequest, reply: FastifyReply, answer: ErrorAnswer) {
  const language = requestLanguage(request)
  const message =
    answer.userMessage?.[language] ?? (language === 'en' ? errorMessagesEn : errorMessagesVi)[answer.code]
  return reply
    .code(answer.status)
    .type('application/json; charset=utf-8')
    .send({ error: { code: answer.code, message, ...(answer.fields ? { fields: answer.fields } : {}) } })
}

function validationFields(validation: Array<{ instancePath: string; message?: string }>, context?: string) {
  const fields: FieldErrors = {}
  for (const issue of validation) {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || context || '_'
    const list = fields[path] ?? []
    list.push(issue.message ?? 'Không hợp lệ')
    fields[path] = list
  }
  return fields
}

/**
 * PostgreSQL's class 22 ("data exception": a date out of range, a number too large…) means the input
 * slipped past a schema; it is still the client's input, so it is a 400, not a 500.
 */
function isBadDataValue(error: Error): boolean {
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)
}

function toAnswer(error: FastifyError | DomainError | Error): ErrorAnswer {
  if (error instanceof DomainError) {
    return {
      status: errorHttpStatus[error.code],
      code: error.code,
      ...(error.options.fields ? { fields: error.options.fields } : {}),
      ...(error.options.userMessage ? { userMessage: error.options.userMessage } : {}),
    }
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      status: 400,
      code: ErrorCode.ValidationFailed,
      fields: validationFields(error.validation, error.validationContext),
    }
  }
  if (isBadDataValue(error)) return { status: 400, code: ErrorCode.ValidationFailed }
  const status = 'statusCode' in error ? (error.statusCode ?? 500) : 500
  const code = codeByClientStatus[status]
  if (code) return { status, code }
  if (status >= 400 && status < 500) return { status: 400, code: ErrorCode.ValidationFailed }
  return {
    status: status === 503 ? 503 : 500,
    code: status === 503 ? ErrorCode.ServiceUnavailable : ErrorCode.Internal,
  }
}

// Field messages our schemas don't word themselves (an unknown enum value, a missing field) come
// from zod; answer them in Vietnamese like everything else.
z.config(z.locales.vi())

/** One place turns every failure into `{ error: { code, message, fields? } }`; 5xx details stay in the log. */
export function registerErrorHandling(
  app: FastifyInstance,
  options: {
    notFoundFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean
    onError?: (code: ErrorCode) => void
    notFoundPreHandler?: preHandlerHookHandler
  } = {},
) {
  app.setErrorHandler((error, request, reply) => {
    const answer = toAnswer(error as FastifyError)
    options.onError?.(answer.code)
    if (answer.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: answer.code, status: answer.status }, 'request rejected')
    return sendError(request, reply, answer)
  })
  app.setNotFoundHandler(
    { ...(options.notFoundPreHandler ? { preHandler: options.notFoundPreHandler } : {}) },
    (request, reply) => {
      if (options.notFoundFallback?.(request, reply)) return reply
      options.onError?.(ErrorCode.NotFound)
      return sendError(request, reply, { status: 404, code: ErrorCode.NotFound })
    },
  )
}
