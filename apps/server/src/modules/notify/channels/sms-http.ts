import { isGsm7, normalizeMobilePhone } from '@ansinh/domain'
import { scrubText } from '../../../platform/logger'
import { inRanges, placeholderPattern, readPath, type SmsProvider } from './sms-provider-config'
import type { OutboundSms, SendResult } from './types'

/** What the transport may log: outcome, status and timing only — never the number, text or credentials. */
export type TransportLog = {
  debug: (object: Record<string, unknown>, message: string) => void
}

export type HttpSmsOptions = { log?: TransportLog; fetch?: typeof fetch }

/**
 * A send result that also says, for a retry, whether the gateway surely did not take the message
 * (`failover`: refused connection, unknown host, 503, 429, our key or URL refused), so that it may go
 * to another gateway at once. Without it a retry is ambiguous — a timeout, a 502 or 504, a connection
 * reset after the request went out — and the gateway may well send the message: it must not go to a
 * second gateway in the same attempt.
 */
export type SmsSendResult = SendResult & { failover?: boolean }

/** An `SmsTransport` whose retries say whether they are clear refusals. */
export type SmsHttpTransport = { readonly name: string; send(sms: OutboundSms): Promise<SmsSendResult> }

/** Connection errors that happen before any byte of the request reached the gateway. */
const beforeSendingCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
])

/**
 * One brand-name SMS gateway over HTTP. The answer is classified by the provider's rules: by status
 * first (retry ranges win, so 408 and 429 retry although they are 4xx), then by a JSON field for
 * gateways that always answer 200. Anything it cannot read is a retry, not a rejection: a message
 * is only given up when the gateway clearly said no.
 */
export function createHttpSmsTransport(
  provider: SmsProvider,
  options: HttpSmsOptions = {},
): SmsHttpTransport {
  const doFetch = options.fetch ?? fetch
  return {
    name: provider.name,
    async send(sms) {
      const started = performance.now()
      const result = await sendOnce(provider, sms, doFetch)
      options.log?.debug(
        {
          provider: provider.name,
          messageId: sms.messageId,
          outcome: result.outcome,
          ...(result.outcome === 'accepted' ? {} : { reason: result.reason }),
          ...(result.failover ? { failover: true } : {}),
          ms: Math.round(performance.now() - started),
        },
        'sms gateway answered',
      )
      return result
    },
  }
}

async function sendOnce(
  provider: SmsProvider,
  sms: OutboundSms,
  doFetch: typeof fetch,
): Promise<SmsSendResult> {
  const name = provider.name
  const values = placeholderValues(provider, sms)
  if (!values) return { outcome: 'rejected', provider: name, reason: 'not a Vietnamese mobile number' }
  const { body, contentType } = renderBody(provider, values)
  const headers = new Headers({ accept: 'application/json, text/plain;q=0.9, */*;q=0.5' })
  headers.set('content-type', contentType)
  for (const [header, value] of Object.entries(provider.headers)) headers.set(header, value)
  if (provider.auth && provider.authValue)
    headers.set(provider.auth.header, `${provider.auth.prefix}${provider.authValue.reveal()}`)
  headers.set(provider.idempotencyHeader, sms.messageId)

  let status: number
  let answer: string
  try {
    // The timeout covers the whole exchange, including reading the answer.
    const response = await doFetch(provider.url, {
      method: provider.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(provider.timeoutMs),
    })
    status = response.status
    answer = await response.text()
  } catch (error) {
    const code = connectionErrorCode(error)
    return {
      outcome: 'retry',
      provider: name,
      reason: describeFailure(error, provider.timeoutMs),
      ...(code && beforeSendingCodes.has(code) ? { failover: true } : {}),
    }
  }
  return classify(provider, status, answer)
}

function classify(provider: SmsProvider, status: number, answer: string): SmsSendResult {
  const name = provider.name
  const rules = provider.answer.status
  if (inRanges(status, rules.failover))
    return { outcome: 'retry', provider: name, reason: `http ${status}`, failover: true }
  if (inRanges(status, rules.retry)) return { outcome: 'retry', provider: name, reason: `http ${status}` }
  if (!inRanges(status, rules.accepted)) {
    return inRanges(status, rules.rejected)
      ? { outcome: 'rejected', provider: name, reason: `http ${status}` }
      : { outcome: 'retry', provider: name, reason: `unexpected http ${status}` }
  }
  const { match, messageIdPath } = provider.answer
  const json = match || messageIdPath ? parseJson(answer) : undefined
  if (match) {
    const value = readPath(json, match.field)
    if (typeof value !== 'string' && typeof value !== 'number')
      return { outcome: 'retry', provider: name, reason: `http ${status} without ${match.field}` }
    const code = String(value)
    if (match.retry.includes(code))
      return { outcome: 'retry', provider: name, reason: `${match.field}=${safeCode(code)}` }
    if (!match.accepted.includes(code))
      return { outcome: 'rejected', provider: name, reason: `${match.field}=${safeCode(code)}` }
  }
  const providerMessageId = messageIdPath ? readPath(json, messageIdPath) : undefined
  return typeof providerMessageId === 'string' || typeof providerMessageId === 'number'
    ? { outcome: 'accepted', provider: name, providerMessageId: String(providerMessageId) }
    : { outcome: 'accepted', provider: name }
}

function placeholderValues(provider: SmsProvider, sms: OutboundSms): Map<string, string> | null {
  const phone = normalizeMobilePhone(sms.to)
  if (!phone.ok) return null
  const national = phone.value
  const values = new Map<string, string>([
    ['id', sms.messageId],
    ['to', national],
    ['toE164', `+84${national.slice(1)}`],
    ['to84', `84${national.slice(1)}`],
    ['text', sms.text],
    ['unicode', isGsm7(sms.text) ? '0' : '1'],
    ['brandname', provider.brandname ?? ''],
    ['kind', sms.kind],
  ])
  for (const [key, secret] of Object.entries(provider.secrets)) values.set(`secret.${key}`, secret.reveal())
  return values
}

/** Values go in as data (a JSON string, a form field), so no value can change the body's structure. */
export function renderBody(
  provider: Pick<SmsProvider, 'body'>,
  values: Map<string, string>,
): { body: string; contentType: string } {
  const fill = (text: string) => text.replace(placeholderPattern, (_, key: string) => values.get(key) ?? '')
  if (provider.body.type === 'form') {
    const form = new URLSearchParams()
    for (const [field, template] of Object.entries(provider.body.template)) form.append(field, fill(template))
    return { body: form.toString(), contentType: 'application/x-www-form-urlencoded; charset=utf-8' }
  }
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return fill(value)
    if (Array.isArray(value)) return value.map(walk)
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]))
    return value
  }
  return {
    body: JSON.stringify(walk(provider.body.template)),
    contentType: 'application/json; charset=utf-8',
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Gateway codes are short; anything else is cut and scrubbed so that a reason never carries personal data. */
function safeCode(code: string): string {
  return scrubText(code.slice(0, 32))
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `timeout after ${timeoutMs} ms`
  const code = connectionErrorCode(error)
  return code ? `connection error ${code}` : 'connection error'
}

function connectionErrorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined
  return cause && typeof cause.code === 'string' ? cause.code : undefined
}
