import type { FastifyRequest } from 'fastify'
import type { LoggerOptions } from 'pino'

/**
 * Logs must never hold personal data: keys that name it are replaced wherever they appear, and free
 * text (messages, error details from PostgreSQL such as "Key (bhxh_code)=(…)") is scrubbed of digit
 * runs that could be an identifier or phone number, and of e-mail addresses.
 */
const personalKeys =
  /^(password|newpassword|oldpassword|currentpassword|passwordhash|otp|code|token|secret|totp.*|authorization|cookie|set-cookie|personalid|bhxhcode|legacyidnumber|passportnumber|idnumber|cardnumber|legacycardnumber|healthcardnumber|username|fullname|name|foldedname|firstname|lastname|phone|mobile|email|address|street|dateofbirth|dob|birth.*|householdcode)$/i

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

function errorToObject(error: Error): Record<string, unknown> {
  return { type: error.name, message: error.message, stack: error.stack, ...(error as object) }
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
