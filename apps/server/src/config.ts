import type { JsonWebKey } from 'node:crypto'
import { resolve } from 'node:path'
import { z } from 'zod'
import { resolveSmsProviders, SmsProvidersFromEnv } from './modules/notify/channels/sms-provider-config'

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const urlWithProtocols = (...protocols: string[]) =>
  z
    .url({ error: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` })
    .refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), {
      error: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    })

/** Placeholders Leaflet fills in a tile URL template; any other `{name}` would fail in the browser. */
const tilePlaceholders = new Set(['{s}', '{z}', '{x}', '{y}', '{-y}', '{r}'])
const localHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The template with sample values in place of its placeholders (the URL parser would encode braces). */
const sampleTileUrl = (template: string) =>
  template
    .replaceAll('{s}', 'a')
    .replace(/\{(z|x|y|-y)\}/g, '0')
    .replaceAll('{r}', '')

/** The host name as written in the template, placeholders kept. */
const templateHost = (template: string) => /^[a-z]+:\/\/([^/?#:]*)/i.exec(template)?.[1] ?? ''

/** What a tile template is wrong about, or null. It is kept as written and checked with sample values. */
function tileTemplateProblem(template: string): string | null {
  const unknown = (template.match(/\{[^{}]*\}/g) ?? []).filter((p) => !tilePlaceholders.has(p))
  if (unknown.length > 0) return `unknown placeholder ${unknown[0]} (Leaflet fills {s} {z} {x} {y} {-y} {r})`
  if (!template.includes('{z}') || !template.includes('{x}') || !/\{-?y\}/.test(template))
    return 'must be a tile URL template with {z}, {x} and {y}, e.g. https://tile.example.vn/{z}/{x}/{y}.png'
  const sample = sampleTileUrl(template)
  if (!/^https?:\/\//i.test(template) || !URL.canParse(sample))
    return 'must be a URL template starting with https://, e.g. https://tile.example.vn/{z}/{x}/{y}.png'
  const url = new URL(sample)
  if (url.protocol !== 'https:' && !localHosts.has(url.hostname))
    return 'must start with https:// (http:// only for localhost)'
  if (url.username || url.password) return 'must not carry credentials'
  // The CSP can allow a subdomain wildcard only as the first label: {s}.tile.example.vn.
  const [first = '', ...rest] = templateHost(template).split('.')
  if (rest.some((label) => label.includes('{s}')) || (first.includes('{s}') && rest.length < 2))
    return '{s} may stand only in the first label of the host name ({s}.tile.example.vn)'
  return null
}

/** The `img-src` source that lets the browser load the tiles: the origin, a wildcard for {s}'s label. */
export function tileImageSource(template: string): string {
  const url = new URL(sampleTileUrl(template))
  if (!templateHost(template).includes('{s}')) return url.origin
  const port = url.port ? `:${url.port}` : ''
  return `${url.protocol}//*${url.hostname.slice(url.hostname.indexOf('.'))}${port}`
}

/** Every setting of the platform, read once from the environment. `.env.example` documents each one. */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: z
    .union([booleanFromEnv, z.coerce.number().int().min(1).max(10)])
    .default(false)
    .describe('false, or how many proxies stand in front (X-Forwarded-For hops to trust)'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: urlWithProtocols('postgres:', 'postgresql:').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: urlWithProtocols('redis:', 'rediss:').optional(),
  ROLE: z.enum(['all', 'serve', 'worker']).default('all'),
  SMS_TRANSPORT: z.enum(['file', 'http']).optional(),
  SMS_PROVIDERS: SmsProvidersFromEnv.optional(),
  SMS_HEALTH_WINDOW_SECONDS: z.coerce.number().int().min(60).default(900),
  SMS_HEALTH_DELIVERY_DEADLINE_SECONDS: z.coerce.number().int().min(1).default(300),
  SMS_HEALTH_MAX_LATE_SHARE: z.coerce.number().min(0.01).max(1).default(0.15),
  SMS_HEALTH_MIN_SAMPLES: z.coerce.number().int().min(1).default(20),
  SMS_HEALTH_MAX_CONSECUTIVE_ERRORS: z.coerce.number().int().min(1).default(5),
  SMS_HEALTH_COOLDOWN_SECONDS: z.coerce.number().int().min(1).default(300),
  SMS_HEALTH_REFRESH_SECONDS: z.coerce.number().int().min(1).default(15),
  SMTP_URL: urlWithProtocols('smtp:', 'smtps:').optional(),
  EMAIL_FROM: z
    .string()
    .trim()
    .regex(/^(?:[^<>@\r\n]+<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/, {
      error: 'must be an address, optionally with a name: BHXH số <no-reply@example.vn>',
    })
    .optional(),
  DEV_OUTBOX: booleanFromEnv.optional(),
  OTP_SMS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
  MESSAGES_PER_RECIPIENT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  OTP_VALID_MINUTES: z.coerce.number().int().min(1).max(30).default(5),
  OTP_EMAIL_VALID_MINUTES: z.coerce.number().int().min(1).max(30).default(15),
  OTP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(5),
  OTP_RESEND_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
  REGISTRATION_PAPER_DAYS: z.coerce.number().int().min(1).max(90).default(10),
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  STAFF_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  STAFF_SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  STAFF_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  CITIZEN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(525_600).default(10_080),
  CITIZEN_SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  CITIZEN_SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  CITIZEN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  CITIZEN_PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanFromEnv.optional(),
  DEMO_PEOPLE: z.coerce.number().int().min(0).max(10_000_000).optional(),
  DEMO_SEED: z.coerce.number().int().min(0).default(1),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_GUESSABLE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOOKUP_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOOKUP_PER_DAY: z.coerce.number().int().min(1).default(100),
  LOOKUP_CHALLENGE_BITS: z.coerce.number().int().min(0).max(24).default(16),
  INTEGRATION_KEY_PER_MINUTE: z.coerce.number().int().min(1).max(30_000).default(600),
  MAP_TILE_URL: z
    .string()
    .trim()
    .superRefine((value, context) => {
      const problem = tileTemplateProblem(value)
      if (problem) context.addIssue({ code: 'custom', message: problem })
    })
    .optional()
    .describe('Base-map tiles of the directory maps; unset: markers on a plain background'),
  MAP_TILE_ATTRIBUTION: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^<>]*$/, { error: 'must be plain text, not HTML (it is shown as written)' })
    .default('© OpenStreetMap contributors'),
  EID_ISSUER: urlWithProtocols('https:', 'http:')
    .optional()
    .describe(
      "The national e-ID provider's OpenID Connect issuer; unset: no e-ID sign-in unless EID_DEV_PROVIDER",
    ),
  EID_CLIENT_ID: z.string().trim().min(1).optional(),
  EID_CLIENT_SECRET: z.string().min(1).optional(),
  EID_PRIVATE_KEY_JWK: z
    .string()
    .superRefine((value, context) => {
      if (!privateJwk(value))
        context.addIssue({ code: 'custom', message: 'must be a private key as JSON (JWK with "d")' })
    })
    .optional()
    .describe('private_key_jwt client authentication instead of EID_CLIENT_SECRET'),
  EID_SCOPES: z.string().trim().min(1).default('openid profile phone personal_id'),
  EID_CLAIM_PERSONAL_ID: z.string().trim().min(1).default('personal_id'),
  EID_CLAIM_LEVEL: z.string().trim().min(1).default('acr'),
  EID_LEVEL2_VALUES: z.string().trim().min(1).default('level2,2'),
  EID_REDIRECT_URL: urlWithProtocols('https:', 'http:').optional(),
  EID_DEV_PROVIDER: booleanFromEnv.optional(),
  EID_DEV_PROVIDER_PORT: z.coerce.number().int().min(1).max(65535).default(3900),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  SESSION_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  FILE_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, { error: 'must be 32 bytes in base64 (44 characters)' })
    .optional(),
})

export type Config = ReturnType<typeof toConfig>

function toConfig(env: z.infer<typeof ConfigSchema>, smsProviders: SmsProviders = []) {
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL,
    // A number of hops, never `true`: trusting every X-Forwarded-For lets anyone pick their own IP
    // and step around the rate limits.
    trustProxy: env.TRUST_PROXY === true ? 1 : env.TRUST_PROXY,
    // Relative to where `npm` was run (npm runs workspace scripts inside apps/server).
    dataDir: resolve(process.env.INIT_CWD ?? process.cwd(), env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    redisUrl: env.REDIS_URL,
    /** all: HTTP and background workers in one process; serve: HTTP only; worker: workers (and probes) only. */
    role: env.ROLE,
    smsTransport: env.SMS_TRANSPORT ?? 'file',
    /** SMS_TRANSPORT=http: the gateways, with their credentials read from the variables they name. */
    smsProviders,
    smsHealth: {
      windowMs: env.SMS_HEALTH_WINDOW_SECONDS * 1000,
      deliveryDeadlineMs: env.SMS_HEALTH_DELIVERY_DEADLINE_SECONDS * 1000,
      maxLateShare: env.SMS_HEALTH_MAX_LATE_SHARE,
      minSamples: env.SMS_HEALTH_MIN_SAMPLES,
      maxConsecutiveErrors: env.SMS_HEALTH_MAX_CONSECUTIVE_ERRORS,
      cooldownMs: env.SMS_HEALTH_COOLDOWN_SECONDS * 1000,
      refreshMs: env.SMS_HEALTH_REFRESH_SECONDS * 1000,
    },
    email: { smtpUrl: env.SMTP_URL, from: env.EMAIL_FROM ?? 'BHXH số <no-reply@ansinh.localhost>' },
    /** GET /api/v1/dev/outbox and /dev/templates: every message's text, OTPs included. Never in production. */
    // Off unless asked for: `npm start` (the demo) asks; a `serve` deployment that forgot NODE_ENV
    // must not publish every OTP.
    devOutbox: env.DEV_OUTBOX ?? false,
    /** Per recipient and clock hour, counted across processes (database, or Redis with REDIS_URL). */
    messageLimits: {
      otpSmsPerHour: env.OTP_SMS_PER_HOUR,
      perRecipientPerHour: env.MESSAGES_PER_RECIPIENT_PER_HOUR,
    },
    /** One-time codes (mã OTP): 6 digits, stored hashed. */
    otp: {
      validMinutes: { sms: env.OTP_VALID_MINUTES, email: env.OTP_EMAIL_VALID_MINUTES },
      maxAttempts: env.OTP_MAX_ATTEMPTS,
      resendAfterMs: env.OTP_RESEND_SECONDS * 1000,
    },
    /** Days a registration dossier waits for its papers at the office before it is deleted (seed 002: 10). */
    registrationPaperDays: env.REGISTRATION_PAPER_DAYS,
    /** Staff sign-in: session lifetimes, and the wrong passwords or codes in a row that lock an account. */
    staffSignIn: {
      idleMs: env.STAFF_SESSION_IDLE_MINUTES * 60_000,
      maxAgeMs: env.STAFF_SESSION_MAX_HOURS * 3_600_000,
      maxFailures: env.STAFF_SIGN_IN_MAX_FAILURES,
      lockoutMs: env.STAFF_LOCKOUT_MINUTES * 60_000,
    },
    /**
     * Citizen sign-in: a phone app stays signed in for days (one device at a time and sign-out are the
     * protection); wrong passwords in a row lock the account; passwords expire.
     */
    citizenSignIn: {
      idleMs: env.CITIZEN_SESSION_IDLE_MINUTES * 60_000,
      maxAgeMs: env.CITIZEN_SESSION_MAX_DAYS * 86_400_000,
      maxFailures: env.CITIZEN_SIGN_IN_MAX_FAILURES,
      lockoutMs: env.CITIZEN_LOCKOUT_MINUTES * 60_000,
      passwordMaxAgeMs: env.CITIZEN_PASSWORD_MAX_AGE_DAYS * 86_400_000,
    },
    logLevel: env.LOG_LEVEL,
    logPretty: env.LOG_PRETTY ?? (env.NODE_ENV === 'development' && process.stdout.isTTY === true),
    // No demo population in production: its accounts and passwords are published in the README.
    demo: { people: env.NODE_ENV === 'production' ? 0 : (env.DEMO_PEOPLE ?? 2000), seed: env.DEMO_SEED },
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    /** Per client IP and endpoint, for what can be guessed: OTP confirmation, dossier look-ups, submissions. */
    guessableRateLimitPerMinute: env.RATE_LIMIT_GUESSABLE_PER_MINUTE,
    /**
     * Public look-ups (tra cứu mã số BHXH, thẻ BHYT): requests per client IP per minute and per day
     * (Vietnam calendar day), and the zero bits of the proof of work each request carries.
     */
    lookup: {
      perMinute: env.LOOKUP_PER_MINUTE,
      perDay: env.LOOKUP_PER_DAY,
      challengeBits: env.LOOKUP_CHALLENGE_BITS,
    },
    /** Requests a minute per hospital API key (card check, claim files) whose row sets no limit of its own. */
    integrationKeyPerMinute: env.INTEGRATION_KEY_PER_MINUTE,
    /**
     * The base map under the directory maps (tra cứu cơ quan BHXH, CSKCB, điểm thu), null without
     * MAP_TILE_URL. `imageSource` is what the CSP's img-src must allow for the tiles.
     */
    map: env.MAP_TILE_URL
      ? {
          tileUrl: env.MAP_TILE_URL,
          attribution: env.MAP_TILE_ATTRIBUTION,
          imageSource: tileImageSource(env.MAP_TILE_URL),
        }
      : null,
    /** Sign-in with the national e-ID (OpenID Connect relying party); null: the button is hidden. */
    eid: eidConfigOf(env),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    secrets: { sessionSecret: env.SESSION_SECRET, fileEncryptionKey: env.FILE_ENCRYPTION_KEY },
  }
}

/**
 * The local provider of `apps/eid-dev` (npm start): its one client. Public on purpose, like the demo
 * accounts: the provider listens on the loopback only and never runs in production.
 */
export const devEidClient = { clientId: 'ansinh-local', clientSecret: 'ansinh-local-eid-client-secret' }

/** A private JWK given as JSON, or null. */
function privateJwk(value: string): JsonWebKey | null {
  try {
    const key: unknown = JSON.parse(value)
    return key && typeof key === 'object' && 'kty' in key && 'd' in key ? (key as JsonWebKey) : null
  } catch {
    return null
  }
}

const splitList = (value: string, separator: RegExp) =>
  value
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean)

function eidConfigOf(env: z.infer<typeof ConfigSchema>) {
  // A real issuer wins: the local provider runs only in its place.
  const devProvider =
    env.EID_DEV_PROVIDER === true && !env.EID_ISSUER ? { port: env.EID_DEV_PROVIDER_PORT } : null
  const issuer = env.EID_ISSUER ?? (devProvider ? `http://127.0.0.1:${devProvider.port}` : undefined)
  if (!issuer) return null
  const local = !env.EID_ISSUER
  return {
    issuer,
    clientId: local ? devEidClient.clientId : (env.EID_CLIENT_ID ?? ''),
    clientSecret: local ? devEidClient.clientSecret : env.EID_CLIENT_SECRET,
    privateKeyJwk: local || !env.EID_PRIVATE_KEY_JWK ? null : privateJwk(env.EID_PRIVATE_KEY_JWK),
    scopes: env.EID_SCOPES,
    /** Claim names: the provider's, not ours. */
    claims: { personalId: env.EID_CLAIM_PERSONAL_ID, level: env.EID_CLAIM_LEVEL },
    /** Values of the level claim that mean level 2; any other value is level 1. */
    level2Values: splitList(env.EID_LEVEL2_VALUES, /,/),
    /** Unset: `<PUBLIC_URL>/api/v1/auth/eid/callback`, or without PUBLIC_URL the request's own host (`configuredRedirectUri`). */
    redirectUrl: env.EID_REDIRECT_URL,
    /** `npm start` runs the local provider (apps/eid-dev) on this loopback port. */
    devProvider,
  }
}

type SmsProviders = ReturnType<typeof resolveSmsProviders>['providers']

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

/** Parses the environment; throws a ConfigError naming every bad variable (never its value: it may be a secret). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  )
  const parsed = ConfigSchema.safeParse(present)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`))
  }
  if (parsed.data.ROLE === 'worker' && !parsed.data.DATABASE_URL) {
    // The embedded database can be opened by one process only: a separate worker needs a server.
    throw new ConfigError([
      'ROLE: "worker" needs DATABASE_URL (a PostgreSQL server); with the embedded database use ROLE=all',
    ])
  }
  if (parsed.data.NODE_ENV === 'production') {
    const problems = productionProblems(parsed.data)
    if (problems.length > 0) throw new ConfigError(problems)
  }
  const eidProblems = eidConfigProblems(parsed.data)
  if (eidProblems.length > 0) throw new ConfigError(eidProblems)
  if (parsed.data.SMS_TRANSPORT === 'http' && !parsed.data.SMS_PROVIDERS)
    throw new ConfigError(['SMS_PROVIDERS: required when SMS_TRANSPORT=http (see docs/SMS-PROVIDERS.md)'])
  // Credentials are named by the providers' JSON and read here, so a missing one stops the start too.
  const sms = resolveSmsProviders(parsed.data.SMS_PROVIDERS ?? [], present)
  if (sms.problems.length > 0) throw new ConfigError(sms.problems)
  return toConfig(parsed.data, sms.providers)
}

/** A real provider needs its client: an id and a secret or a private key. */
function eidConfigProblems(env: z.infer<typeof ConfigSchema>): string[] {
  if (!env.EID_ISSUER) return []
  const checks: Array<[boolean, string]> = [
    [!env.EID_CLIENT_ID, 'EID_CLIENT_ID: required with EID_ISSUER'],
    [
      !env.EID_CLIENT_SECRET && !env.EID_PRIVATE_KEY_JWK,
      'EID_CLIENT_SECRET or EID_PRIVATE_KEY_JWK: required with EID_ISSUER',
    ],
    [
      !splitList(env.EID_SCOPES, /\s+/).includes('openid'),
      'EID_SCOPES: must include openid (the ID token carries the nonce and the level)',
    ],
  ]
  return checks.filter(([failed]) => failed).map(([, problem]) => problem)
}

/** What a production deployment must not do, all named at once so one restart fixes them all. */
function productionProblems(env: z.infer<typeof ConfigSchema>): string[] {
  const checks: Array<[boolean, string]> = [
    [!env.SESSION_SECRET, 'SESSION_SECRET: required in production'],
    [
      !env.PUBLIC_URL?.startsWith('https://'),
      'PUBLIC_URL: required in production, https (secure cookies, links in messages, and the host passkeys belong to)',
    ],
    [!env.FILE_ENCRYPTION_KEY, 'FILE_ENCRYPTION_KEY: required in production'],
    [Boolean(env.DEMO_PEOPLE), 'DEMO_PEOPLE: no demo data in production (its accounts are public)'],
    [
      env.DEV_OUTBOX === true,
      'DEV_OUTBOX: must be off in production: it shows every message sent, one-time passwords included, to anyone',
    ],
    [
      !env.SMS_TRANSPORT,
      'SMS_TRANSPORT: choose it in production (http sends through the gateways; file writes every OTP to disk and sends nothing)',
    ],
    [
      env.EID_DEV_PROVIDER === true,
      'EID_DEV_PROVIDER: must be off in production: its demo identities sign anyone in',
    ],
    [
      Boolean(env.EID_ISSUER) && !env.EID_ISSUER?.startsWith('https://'),
      'EID_ISSUER: must be https in production',
    ],
    [!env.SMTP_URL, 'SMTP_URL: required in production (without it e-mails are written to disk, not sent)'],
    [Boolean(env.SMTP_URL) && !env.EMAIL_FROM, 'EMAIL_FROM: required in production when SMTP_URL is set'],
  ]
  return checks.filter(([failed]) => failed).map(([, problem]) => problem)
}
