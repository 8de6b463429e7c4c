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
  ])('rejects %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`))
  })

  it('never echoes the value of a bad variable (it may be a secret)', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'tiny-secret-value' })).toThrow(/SESSION_SECRET/)
    expect(() => loadConfig({ SESSION_SECRET: 'tiny-secret-value' })).not.toThrow(/tiny-secret-value/)
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
