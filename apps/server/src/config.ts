import { resolve } from 'node:path'
import { z } from 'zod'

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const urlWithProtocols = (...protocols: string[]) =>
  z
    .url({ error: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` })
    .refine((value) => protocols.includes(new URL(value).protocol), {
      error: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    })

/** Every setting of the platform, read once from the environment. `.env.example` documents each one. */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: urlWithProtocols('postgres:', 'postgresql:').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: urlWithProtocols('redis:', 'rediss:').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanFromEnv.optional(),
  DEMO_PEOPLE: z.coerce.number().int().min(0).max(10_000_000).default(2000),
  DEMO_SEED: z.coerce.number().int().min(0).default(1),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  SESSION_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  FILE_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, { error: 'must be 32 bytes in base64 (44 characters)' })
    .optional(),
})

export type Config = ReturnType<typeof toConfig>

function toConfig(env: z.infer<typeof ConfigSchema>) {
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL,
    trustProxy: env.TRUST_PROXY,
    dataDir: resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    redisUrl: env.REDIS_URL,
    logLevel: env.LOG_LEVEL,
    logPretty: env.LOG_PRETTY ?? (env.NODE_ENV === 'development' && process.stdout.isTTY === true),
    demo: { people: env.DEMO_PEOPLE, seed: env.DEMO_SEED },
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    secrets: { sessionSecret: env.SESSION_SECRET, fileEncryptionKey: env.FILE_ENCRYPTION_KEY },
  }
}

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
  if (parsed.data.NODE_ENV === 'production') {
    const missing = (['SESSION_SECRET', 'FILE_ENCRYPTION_KEY'] as const).filter((name) => !parsed.data[name])
    if (missing.length > 0) throw new ConfigError(missing.map((name) => `${name}: required in production`))
  }
  return toConfig(parsed.data)
}
