import type { FastifyRequest } from 'fastify'
import type { LoggerOptions } from 'pino'

/**
 * Logs must never hold personal data: keys that name it are replaced wherever they appear, and free
 * text (messages, error details from PostgreSQL such as "Key (bhxh_code)=(…)") is scrubbed of digit
 * runs that could be an identifier or phone number, and of e-mail addresses.
 */
const personalKeys =
  /^(password|newpassword|oldpassword|currentpassword|onetimepassword|passwordhash|otp|otpcode|verificationcode|token|secret|totp.*|authorization|cookie|set-cookie|personalid|bhxhcode|legacyidnumber|passportnumber|idnumber|cardnumber|legacycardnumber|healthcardnumber|username|fullname|name|foldedname|firstname|lastname|phone|mobile|email|address|street|dateofbirth|dob|birth.*|householdcode)$/i

const REDACTED = '[redacted]'
const digitRun = /\d[\d .-]{7,}\d/g
const emailLike = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g

export function scrubText(text: string): string {
  return text
    .replace(emailLike, REDACTED)
    .replace(digitRun, (run) => (run.replace(/\D/g, '').length >= 9 ? REDACTED : run))
}

export function redactPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value)
  if (value === null || typeof value !== 'object' || depth > 8) return value
  if (Array.isArray(value)) return value.map((item) => redactPersonalData(item, depth + 1))
  if (value instanceof Error) return redactPersonalData(errorToObject(value), depth)
  // Requests, replies and other class instances are left to their serializers (which run after this).
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    out[key] = personalKeys.test(key) ? REDACTED : redactPersonalData(item, depth + 1)
  }
  return out
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * Errors keep only what locates the fault. Query errors carry the statement's parameters (names,
 * dates of birth…) in `params`, `detail` and after "params:" in their message; none of that is kept.
 */
const errorFieldsKept = [
  'code',
  'constraint',
  'table',
  'column',
  'routine',
  'statusCode',
  'validationContext',
] as const

function withoutParameters(text: string): string {
  return text.split(/\nparams:/)[0] ?? ''
}

function errorToObject(error: Error): Record<string, unknown> {
  const source = error as Error & Record<string, unknown>
  const out: Record<string, unknown> = { type: error.name, message: withoutParameters(error.message) }
  for (const field of errorFieldsKept) if (source[field] !== undefined) out[field] = source[field]
  // The stack's first line repeats the message; keep only the frames.
  if (error.stack)
    out.stack = error.stack
      .split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .join('\n')
  if (error.cause instanceof Error) out.cause = errorToObject(error.cause)
  return out
}

/** Requests are logged by route pattern (`/api/v1/people/:id`), never by the concrete URL or query. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    // An unmatched URL has no pattern: keep its path, scrubbed like any free text.
    route: request.routeOptions?.url ?? scrubText(request.url?.split('?')[0] ?? ''),
    id: request.id,
  }
}

export function loggerOptions(config: { logLevel: string; logPretty: boolean }): LoggerOptions {
  return {
    level: config.logLevel,
    base: { service: 'ansinh' },
    serializers: {
      req: serializeRequest as never,
      err: (error: Error) => redactPersonalData(error) as Record<string, unknown>,
    },
    formatters: { log: (object) => redactPersonalData(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>,
        )
      },
    },
    ...(config.logPretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  }
}
