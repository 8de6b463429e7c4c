import { Writable } from 'node:stream'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { loggerOptions, redactPersonalData, scrubText } from './logger'

function captureLogs(write: (log: pino.Logger) => void): string {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const options = loggerOptions({ logLevel: 'info', logPretty: false })
  write(pino(options, stream))
  return lines.join('')
}

describe('personal data never reaches the log', () => {
  it.each([
    ['a personal ID', 'lookup for 079190012345 failed', '079190012345'],
    ['a BHXH code', 'Key (bhxh_code)=(7901234567) already exists', '7901234567'],
    ['a phone with spaces', 'SMS to 0912 345 678 queued', '0912 345 678'],
    ['an international phone', 'SMS to +84912345678 queued', '84912345678'],
    ['an e-mail address', 'mail to nguyen.van.an@example.vn bounced', 'nguyen.van.an@example.vn'],
  ])('scrubs %s from free text', (_name, text, secret) => {
    expect(scrubText(text)).not.toContain(secret)
  })

  it('keeps short numbers such as counts and years', () => {
    expect(scrubText('seeded 2000 people in 2025')).toBe('seeded 2000 people in 2025')
  })

  it('redacts personal keys at any depth', () => {
    const redacted = redactPersonalData({
      dossier: { fullName: 'Nguyễn Thị Hằng', person: { personalId: '079190012345', phone: '0912345678' } },
      body: { password: 'Secr3t!', otp: '123456', newPassword: 'x' },
      count: 3,
    })
    expect(JSON.stringify(redacted)).not.toMatch(/Nguyễn|079190012345|0912345678|Secr3t|123456/)
    expect(redacted).toMatchObject({ count: 3 })
  })

  it('applies to what pino writes, including errors and message arguments', () => {
    const output = captureLogs((log) => {
      log.info({ user: { username: '7901234567', email: 'a@b.vn' } }, 'signed in')
      log.error({ err: new Error('duplicate key 079190012345') }, 'insert failed for %s', '0912345678')
    })
    expect(output).toContain('signed in')
    expect(output).not.toMatch(/7901234567|a@b\.vn|079190012345|0912345678/)
  })
})

describe('request logs', () => {
  it('log the route pattern, never the concrete URL with its query', async () => {
    const { createTestApp } = await import('../../test/app')
    const lines: string[] = []
    const t = await createTestApp({
      env: { LOG_LEVEL: 'info' },
      logStream: { write: (line: string) => lines.push(line) },
    })
    try {
      await t.app.inject('/api/v1/directory/offices/07915?bhxhCode=7901234567')
      await t.app.inject('/api/v1/no-such-route/079190012345')
    } finally {
      await t.close()
    }
    const output = lines.join('')
    expect(output).toContain('/api/v1/directory/offices/:code')
    expect(output).not.toMatch(/7901234567|079190012345/)
    expect(output).not.toContain('"level":50')
  })
})

describe('errors in logs', () => {
  it('keep what locates the fault and drop the query parameters', () => {
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "people_bhxh_code_uq"'),
      {
        code: '23505',
        constraint: 'people_bhxh_code_uq',
        table: 'people',
        detail: 'Key (bhxh_code)=(7901234567) already exists.',
      },
    )
    const error = Object.assign(
      new Error(
        'Failed query: insert into "people" ("full_name", "birth_day") values ($1, $2)\nparams: Nguyễn Thị Hằng,1990-05-12',
      ),
      { query: 'insert into "people" …', params: ['Nguyễn Thị Hằng', '1990-05-12'], cause },
    )
    const output = captureLogs((log) => log.error({ err: error }, 'request failed'))
    expect(output).not.toMatch(/Nguyễn|1990-05-12|7901234567/)
    expect(output).toContain('"constraint":"people_bhxh_code_uq"')
    expect(output).toContain('"code":"23505"')
  })
})
