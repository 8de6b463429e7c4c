import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { type AppState, buildApp } from '../src/app'
import { type Config, loadConfig } from '../src/config'
import type { DatabaseHandle } from '../src/db/client'
import { databaseCounters } from '../src/modules/notify/rate-limits'
import { createEncryptedFileStore } from '../src/platform/encrypted-files'
import { createMetrics } from '../src/platform/metrics'
import { createTestDatabase, type TestBackend } from './database'

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/ansinh-test', ...env })
}

/**
 * Limits high enough that a test file's many OTPs and tries from one address and phone are never
 * refused; the tests of the limits themselves keep the defaults.
 */
export const unlimitedOtpEnv = {
  RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000',
  OTP_SMS_PER_HOUR: '1000',
  MESSAGES_PER_RECIPIENT_PER_HOUR: '1000',
}

export type TestApp = {
  app: FastifyInstance
  database: DatabaseHandle
  state: AppState
  close: () => Promise<void>
}

/** The real application on a private test database, called in-process with `app.inject`. */
export async function createTestApp(
  options: {
    backend?: TestBackend
    env?: Record<string, string>
    configure?: (app: FastifyInstance) => void
    logStream?: { write: (line: string) => void }
    /** Called where the real server would wake its outbox dispatcher. */
    kick?: () => void
    /** The application's clock (tests of expiry move it). */
    clock?: () => Date
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(options.backend)
  const state: AppState = { shuttingDown: false }
  const secrets = {
    sessionSecret: 'test-session-secret-test-session-secret',
    fileEncryptionKey: Buffer.alloc(32, 7),
  }
  const app = await buildApp(
    {
      config: testConfig(options.env),
      database,
      secrets,
      clock: options.clock ?? (() => new Date()),
      metrics: createMetrics(),
      kick: options.kick ?? (() => {}),
      recipientCounters: databaseCounters(),
      files: createEncryptedFileStore({
        directory: join(tmpdir(), 'ansinh-test-files'),
        key: secrets.fileEncryptionKey,
      }),
    },
    { state, ...(options.logStream ? { logStream: options.logStream } : {}) },
  )
  options.configure?.(app)
  await app.ready()
  return {
    app,
    database,
    state,
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}
