import { inspect } from 'node:util'
import { z } from 'zod'

/**
 * The format of `SMS_PROVIDERS`: a JSON array describing each brand-name SMS gateway (see
 * docs/SMS-PROVIDERS.md). Credentials are never written in the JSON itself: it names the environment
 * variables that hold them, so the JSON can be shown, diffed and logged like any other setting.
 */

/** A secret read from the environment: prints as `[secret]` everywhere (logs, JSON, inspect). */
export class SecretValue {
  readonly #value: string
  constructor(value: string) {
    this.#value = value
  }
  reveal(): string {
    return this.#value
  }
  toString() {
    return '[secret]'
  }
  toJSON() {
    return '[secret]'
  }
  [inspect.custom]() {
    return '[secret]'
  }
}

/** Values the body template may use; each is escaped for the body type when it is rendered. */
// `unicode` is "1" when the text needs UCS-2 (Vietnamese with diacritics), "0" when GSM-7 carries it.
export const smsPlaceholders = ['id', 'to', 'toE164', 'to84', 'text', 'unicode', 'brandname', 'kind'] as const
export type SmsPlaceholder = (typeof smsPlaceholders)[number]

export const placeholderPattern = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g

const envName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, { error: 'must be the name of an environment variable (A-Z, 0-9, _)' })
const headerName = z.string().regex(/^[A-Za-z0-9-]+$/, { error: 'must be an HTTP header name' })
const jsonPath = z
  .string()
  .regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, { error: 'must be a dot path such as data.msgId' })
const codeList = z.array(z.union([z.string(), z.number()]).transform(String))

/** `[low, high]` inclusive. */
export type StatusRange = readonly [number, number]

const statusRange = z
  .union([
    z.number().int().min(100).max(599),
    z.string().regex(/^([1-5]xx|[1-5]\d\d(-[1-5]\d\d)?)$/, {
      error: 'must be a status (404), a range (500-599) or a class (5xx)',
    }),
  ])
  .transform((value): StatusRange => {
    if (typeof value === 'number') return [value, value]
    if (value.endsWith('xx')) {
      const hundred = Number(value[0]) * 100
      return [hundred, hundred + 99]
    }
    const [low, high = low] = value.split('-').map(Number) as [number, number?]
    return [low, high]
  })

/**
 * `failover`: the gateway surely did not take the message (overloaded, throttled, our key or URL is
 * wrong), so it goes at once to the next provider. `retry`: it may have taken it (a 502 or 504 can come
 * after the gateway accepted), so it is retried later at the same provider, never sent to a second one
 * in the meantime. `rejected`: the message itself is refused (bad number, blocked content) and fails.
 * A status in no list is a retry. Checked in this order: failover, retry, accepted, rejected.
 */
const statusRules = z.strictObject({
  accepted: z.array(statusRange).default([[200, 299]]),
  failover: z.array(statusRange).default([
    [503, 503],
    [429, 429],
    [401, 401],
    [403, 403],
    [404, 404],
    [405, 405],
    [407, 407],
  ]),
  retry: z.array(statusRange).default([
    [500, 599],
    [408, 408],
  ]),
  rejected: z.array(statusRange).default([
    [400, 400],
    [422, 422],
  ]),
})

const bodyTemplate = z.discriminatedUnion('type', [
  // JSON: any JSON value; placeholders inside its strings are replaced and escaped by JSON encoding.
  z.strictObject({ type: z.literal('json'), template: z.json() }),
  // Form: flat field → value map, sent as application/x-www-form-urlencoded.
  z.strictObject({ type: z.literal('form'), template: z.record(z.string().min(1), z.string()) }),
])

const receiptAuth = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('token'),
      header: headerName.optional(),
      query: z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/, { error: 'must be a query parameter name' })
        .optional(),
      secretEnv: envName,
    })
    .refine((auth) => (auth.header === undefined) !== (auth.query === undefined), {
      error: 'give exactly one of "header" or "query"',
    }),
  z.strictObject({
    type: z.literal('hmac'),
    header: headerName,
    algorithm: z.enum(['sha256', 'sha512', 'sha1']).default('sha256'),
    encoding: z.enum(['hex', 'base64']).default('hex'),
    prefix: z.string().max(32).default(''),
    secretEnv: envName,
  }),
])

const receiptRules = z
  .strictObject({
    auth: receiptAuth,
    /** Where the list is when one request carries several receipts; absent = one receipt, or a bare array. */
    items: jsonPath.optional(),
    /** Our message id, when the gateway echoes the `{{id}}` we sent. */
    messageIdField: jsonPath.optional(),
    /** The gateway's own id, as read from its answer with `answer.messageIdPath`. */
    providerMessageIdField: jsonPath.optional(),
    statusField: jsonPath,
    delivered: codeList.min(1),
    undelivered: codeList.default([]),
  })
  .refine((rules) => rules.messageIdField !== undefined || rules.providerMessageIdField !== undefined, {
    error: 'give "messageIdField" or "providerMessageIdField" (or both)',
  })

export const SmsProviderConfig = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, {
      error: 'must be 1–40 characters: lower-case letters, digits, - and _',
    }),
    weight: z.number().int().min(0).max(1000).default(1),
    url: z
      .url({ error: 'must be an http:// or https:// URL' })
      .refine((value) => ['http:', 'https:'].includes(new URL(value).protocol), {
        error: 'must be an http:// or https:// URL',
      }),
    method: z.enum(['POST', 'PUT']).default('POST'),
    timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
    brandname: z.string().min(1).max(11).optional(),
    auth: z
      .strictObject({ header: headerName, valueEnv: envName, prefix: z.string().default('') })
      .optional(),
    /** `{{secret.apiKey}}` in the body reads the variable named here, for gateways that want keys in the body. */
    secretsEnv: z.record(z.string().regex(/^[A-Za-z0-9_]+$/), envName).default({}),
    headers: z.record(headerName, z.string()).default({}),
    idempotencyHeader: headerName.default('Idempotency-Key'),
    body: bodyTemplate,
    answer: z
      .strictObject({
        status: statusRules.default(statusRules.parse({})),
        match: z
          .strictObject({ field: jsonPath, accepted: codeList.min(1), retry: codeList.default([]) })
          .optional(),
        messageIdPath: jsonPath.optional(),
      })
      .default({ status: statusRules.parse({}) }),
    receipts: receiptRules.optional(),
  })
  .superRefine((provider, ctx) => {
    for (const [path, text] of templateStrings(provider.body.template, ['body', 'template'])) {
      for (const match of text.matchAll(placeholderPattern)) {
        const name = match[1] ?? ''
        const secret = /^secret\.(.+)$/.exec(name)?.[1]
        const known = secret
          ? secret in provider.secretsEnv
          : (smsPlaceholders as readonly string[]).includes(name)
        if (!known)
          ctx.addIssue({
            code: 'custom',
            path,
            message: secret
              ? `{{${name}}} needs "${secret}" in secretsEnv`
              : `unknown placeholder {{${name}}} (known: ${smsPlaceholders.join(', ')}, secret.<name>)`,
          })
        if (name === 'brandname' && provider.brandname === undefined)
          ctx.addIssue({ code: 'custom', path: ['brandname'], message: 'required by {{brandname}}' })
      }
    }
  })

export const SmsProvidersConfig = z
  .array(SmsProviderConfig)
  .min(1, { error: 'must list at least one provider' })
  .superRefine((providers, ctx) => {
    const seen = new Set<string>()
    providers.forEach((provider, index) => {
      if (seen.has(provider.name))
        ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'names must be unique' })
      seen.add(provider.name)
    })
    if (!providers.some((provider) => provider.weight > 0))
      ctx.addIssue({ code: 'custom', path: [], message: 'at least one provider needs a weight above 0' })
  })

/** `SMS_PROVIDERS` as it appears in the environment: JSON text, parsed and validated field by field. */
export const SmsProvidersFromEnv = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      // The JSON parser's message quotes the text; say only where it broke.
      ctx.addIssue({ code: 'custom', message: 'must be valid JSON (an array of provider objects)' })
      return z.NEVER
    }
  })
  .pipe(SmsProvidersConfig)

export type SmsProviderSettings = z.infer<typeof SmsProviderConfig>

/** A provider with its credentials read from the environment. */
export type SmsProvider = SmsProviderSettings & {
  authValue?: SecretValue
  secrets: Record<string, SecretValue>
  receiptSecret?: SecretValue
}

/**
 * Reads every credential the providers name. Problems name the field and the variable, never a
 * value. Returns the providers ready for the transports and the receipt webhook.
 */
export function resolveSmsProviders(
  settings: SmsProviderSettings[],
  env: Record<string, string | undefined>,
  field = 'SMS_PROVIDERS',
): { providers: SmsProvider[]; problems: string[] } {
  const problems: string[] = []
  const read = (path: string, name: string): SecretValue | undefined => {
    const value = env[name]
    if (value === undefined || value === '') {
      problems.push(`${field}.${path}: environment variable ${name} is not set`)
      return undefined
    }
    return new SecretValue(value)
  }
  const providers = settings.map((provider, index): SmsProvider => {
    // The gateway's credentials and every number and text travel in this request: never in clear.
    if (env.NODE_ENV === 'production' && new URL(provider.url).protocol !== 'https:')
      problems.push(`${field}.${index}.url: must be an https:// URL in production`)
    const authValue = provider.auth ? read(`${index}.auth.valueEnv`, provider.auth.valueEnv) : undefined
    const secrets: Record<string, SecretValue> = {}
    for (const [key, name] of Object.entries(provider.secretsEnv)) {
      const value = read(`${index}.secretsEnv.${key}`, name)
      if (value) secrets[key] = value
    }
    const receiptSecret = provider.receipts
      ? read(`${index}.receipts.auth.secretEnv`, provider.receipts.auth.secretEnv)
      : undefined
    return {
      ...provider,
      secrets,
      ...(authValue ? { authValue } : {}),
      ...(receiptSecret ? { receiptSecret } : {}),
    }
  })
  return { providers, problems }
}

/** Every string inside a template, with its path, so that placeholders can be checked at start-up. */
function templateStrings(value: unknown, path: (string | number)[]): Array<[(string | number)[], string]> {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((item, index) => templateStrings(item, [...path, index]))
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => templateStrings(item, [...path, key]))
  return []
}

/** Reads `a.b.0.c` from parsed JSON (or a flat form/query object); undefined when absent. */
export function readPath(value: unknown, path: string): unknown {
  let current: unknown = value
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

export function inRanges(status: number, ranges: readonly StatusRange[]): boolean {
  return ranges.some(([low, high]) => status >= low && status <= high)
}
