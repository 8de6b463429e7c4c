import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ConfigError, ConfigSchema, loadConfig } from './config'

describe('configuration from the environment', () => {
  it('has working defaults for the embedded demo', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, demo: { people: 2000 } })
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ FILE_ENCRYPTION_KEY: 'short' }, 'FILE_ENCRYPTION_KEY'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
    [{ ROLE: 'both' }, 'ROLE'],
    [{ ROLE: 'worker' }, 'ROLE'], // a separate worker cannot open the embedded database
    [{ SMS_TRANSPORT: 'pigeon' }, 'SMS_TRANSPORT'],
    [{ SMTP_URL: 'http://mail.example.vn' }, 'SMTP_URL'],
    [{ EMAIL_FROM: 'BHXH số' }, 'EMAIL_FROM'],
    [{ OTP_SMS_PER_HOUR: '0' }, 'OTP_SMS_PER_HOUR'],
    [{ MESSAGES_PER_RECIPIENT_PER_HOUR: 'many' }, 'MESSAGES_PER_RECIPIENT_PER_HOUR'],
    [{ DEV_OUTBOX: 'maybe' }, 'DEV_OUTBOX'],
  ])('rejects %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`))
  })

  it('keeps the development outbox off unless asked for, and refuses it in production', () => {
    expect(loadConfig({}).devOutbox).toBe(false)
    expect(loadConfig({ DEV_OUTBOX: 'true' }).devOutbox).toBe(true)
    const production = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://dichvucong.example.vn',
      SESSION_SECRET: 'x'.repeat(32),
      FILE_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      SMS_TRANSPORT: 'file',
      SMTP_URL: 'smtp://mail.example.vn',
      EMAIL_FROM: 'BHXH số <no-reply@example.vn>',
    }
    expect(loadConfig(production).devOutbox).toBe(false)
    expect(() => loadConfig({ ...production, DEV_OUTBOX: '1' })).toThrow(
      /DEV_OUTBOX: must be off in production/,
    )
    expect(() => loadConfig({ ...production, EMAIL_FROM: '' })).toThrow(/EMAIL_FROM: required/)
    expect(() => loadConfig({ ...production, SMS_TRANSPORT: '' })).toThrow(/SMS_TRANSPORT: choose it/)
    expect(() => loadConfig({ ...production, SMTP_URL: '' })).toThrow(/SMTP_URL: required/)
    expect(() => loadConfig({ ...production, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL: required/)
    expect(() => loadConfig({ ...production, PUBLIC_URL: 'http://dichvucong.example.vn' })).toThrow(
      /PUBLIC_URL: required in production, https/,
    )
  })

  it('reads e-mail and per-recipient limits', () => {
    expect(loadConfig({})).toMatchObject({
      email: { smtpUrl: undefined, from: 'BHXH số <no-reply@ansinh.localhost>' },
      messageLimits: { otpSmsPerHour: 5, perRecipientPerHour: 20 },
    })
    const config = loadConfig({
      SMTP_URL: 'smtp://mail.example.vn:587',
      EMAIL_FROM: 'BHXH số <no-reply@example.vn>',
      OTP_SMS_PER_HOUR: '3',
      MESSAGES_PER_RECIPIENT_PER_HOUR: '50',
    })
    expect(config.email).toEqual({
      smtpUrl: 'smtp://mail.example.vn:587',
      from: 'BHXH số <no-reply@example.vn>',
    })
    expect(config.messageLimits).toEqual({ otpSmsPerHour: 3, perRecipientPerHour: 50 })
  })

  it('never echoes the value of a bad variable (it may be a secret)', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'tiny-secret-value' })).toThrow(/SESSION_SECRET/)
    expect(() => loadConfig({ SESSION_SECRET: 'tiny-secret-value' })).not.toThrow(/tiny-secret-value/)
  })

  it('seeds no demo data in production and refuses to be asked to', () => {
    const production = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://dichvucong.example.vn',
      SESSION_SECRET: 'x'.repeat(40),
      FILE_ENCRYPTION_KEY: `${'A'.repeat(43)}=`,
      SMS_TRANSPORT: 'file',
      SMTP_URL: 'smtp://mail.example.vn',
      EMAIL_FROM: 'no-reply@example.vn',
    }
    expect(loadConfig(production).demo.people).toBe(0)
    expect(() => loadConfig({ ...production, DEMO_PEOPLE: '2000' })).toThrow(/DEMO_PEOPLE:/)
  })

  it('resolves a relative DATA_DIR from where npm was run, not from the workspace', () => {
    const previous = process.env.INIT_CWD
    process.env.INIT_CWD = '/srv/ansinh'
    try {
      expect(loadConfig({ DATA_DIR: './data' }).dataDir).toBe('/srv/ansinh/data')
    } finally {
      if (previous === undefined) delete process.env.INIT_CWD
      else process.env.INIT_CWD = previous
    }
  })

  it.each(['not a url', 'redis://:pw@'])('names the variable when a URL cannot be parsed (%s)', (value) => {
    expect(() => loadConfig({ DATABASE_URL: value })).toThrow(/DATABASE_URL:/)
  })

  it('documents every variable in .env.example', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8')
    for (const variable of Object.keys(ConfigSchema.shape))
      expect(example).toMatch(new RegExp(`^#? ?${variable}=`, 'm'))
  })

  it('makes the server exit 1 with a clear message on a bad value', () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))
    const result = spawnSync(process.execPath, ['--import', 'tsx', cli, 'serve'], {
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Invalid configuration')
    expect(result.stderr).toContain('PORT')
  })
})
