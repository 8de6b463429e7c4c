import { readFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../config'
import { resolveSmsProviders, SecretValue, SmsProvidersConfig } from './sms-provider-config'

const minimal = {
  name: 'alpha',
  url: 'https://sms.example.vn/send',
  body: { type: 'json', template: { to: '{{to}}', text: '{{text}}' } },
}

const env = (providers: unknown, extra: Record<string, string> = {}) => ({
  SMS_TRANSPORT: 'http',
  SMS_PROVIDERS: JSON.stringify(providers),
  ...extra,
})

describe('SMS_PROVIDERS', () => {
  it.each([
    [{ SMS_TRANSPORT: 'http' }, /SMS_PROVIDERS: required when SMS_TRANSPORT=http/],
    [{ SMS_PROVIDERS: '[{"name": "alpha",' }, /SMS_PROVIDERS: must be valid JSON/],
    [{ SMS_PROVIDERS: '{}' }, /SMS_PROVIDERS: /],
    [{ SMS_PROVIDERS: '[]' }, /SMS_PROVIDERS: must list at least one provider/],
    [env([{ ...minimal, url: 'ftp://x' }]), /SMS_PROVIDERS\.0\.url: must be an http/],
    [env([{ ...minimal, name: 'Alpha Gateway' }]), /SMS_PROVIDERS\.0\.name: /],
    [env([minimal, minimal]), /SMS_PROVIDERS\.1\.name: names must be unique/],
    [env([{ ...minimal, weight: 0 }]), /at least one provider needs a weight above 0/],
    [env([{ ...minimal, weight: -1 }]), /SMS_PROVIDERS\.0\.weight: /],
    [env([{ ...minimal, timeoutMs: 10 }]), /SMS_PROVIDERS\.0\.timeoutMs: /],
    [env([{ ...minimal, colour: 'red' }]), /SMS_PROVIDERS\.0: .*colour/],
    [env([{ ...minimal, body: { type: 'xml', template: '<x/>' } }]), /SMS_PROVIDERS\.0\.body/],
    [
      env([{ ...minimal, body: { type: 'json', template: { t: '{{phone}}' } } }]),
      /SMS_PROVIDERS\.0\.body\.template\.t: unknown placeholder \{\{phone\}\}/,
    ],
    [
      env([{ ...minimal, body: { type: 'form', template: { k: '{{secret.key}}' } } }]),
      /SMS_PROVIDERS\.0\.body\.template\.k: \{\{secret\.key\}\} needs "key" in secretsEnv/,
    ],
    [
      env([{ ...minimal, body: { type: 'json', template: { from: '{{brandname}}' } } }]),
      /SMS_PROVIDERS\.0\.brandname: required by \{\{brandname\}\}/,
    ],
    [
      env([{ ...minimal, answer: { status: { retry: ['6xx'] } } }]),
      /SMS_PROVIDERS\.0\.answer\.status\.retry\.0: /,
    ],
    [env([{ ...minimal, auth: { header: 'Authorization', valueEnv: 'lower' } }]), /auth\.valueEnv: /],
    [
      env([{ ...minimal, auth: { header: 'Authorization', valueEnv: 'ALPHA_TOKEN' } }]),
      /SMS_PROVIDERS\.0\.auth\.valueEnv: environment variable ALPHA_TOKEN is not set/,
    ],
    [
      env([
        {
          ...minimal,
          receipts: {
            auth: { type: 'token', header: 'X-Token', secretEnv: 'ALPHA_RECEIPTS' },
            statusField: 'status',
            delivered: ['ok'],
          },
        },
      ]),
      /SMS_PROVIDERS\.0\.receipts: give "messageIdField" or "providerMessageIdField"/,
    ],
    [
      env([
        {
          ...minimal,
          receipts: {
            auth: { type: 'token', header: 'X-Token', query: 'token', secretEnv: 'ALPHA_RECEIPTS' },
            messageIdField: 'ref',
            statusField: 'status',
            delivered: ['ok'],
          },
        },
      ]),
      /SMS_PROVIDERS\.0\.receipts\.auth: give exactly one of "header" or "query"/,
    ],
    [env([minimal], { SMS_HEALTH_MAX_LATE_SHARE: '15' }), /SMS_HEALTH_MAX_LATE_SHARE: /],
  ])('rejects %o', (variables, message) => {
    expect(() => loadConfig(variables)).toThrow(ConfigError)
    expect(() => loadConfig(variables)).toThrow(message)
  })

  it('refuses a plain http:// gateway URL in production, naming the field', () => {
    const settings = SmsProvidersConfig.parse([
      minimal,
      { ...minimal, name: 'beta', url: 'http://sms.example.vn/send' },
    ])
    expect(resolveSmsProviders(settings, { NODE_ENV: 'production' }).problems).toEqual([
      'SMS_PROVIDERS.1.url: must be an https:// URL in production',
    ])
    expect(resolveSmsProviders(settings, { NODE_ENV: 'development' }).problems).toEqual([])
  })

  it('names a missing credential but never prints one that is set', () => {
    const providers = [
      {
        ...minimal,
        auth: { header: 'Authorization', valueEnv: 'ALPHA_TOKEN' },
        secretsEnv: { key: 'ALPHA_KEY' },
        body: { type: 'json', template: { k: '{{secret.key}}' } },
      },
    ]
    expect(() => loadConfig(env(providers, { ALPHA_TOKEN: 'tok-3b9e1d' }))).toThrow(
      /secretsEnv\.key: environment variable ALPHA_KEY is not set/,
    )
    const config = loadConfig(env(providers, { ALPHA_TOKEN: 'tok-3b9e1d', ALPHA_KEY: 'key-77aa0c' }))
    const printed = [
      JSON.stringify(config),
      inspect(config, { depth: 10 }),
      String(config.smsProviders[0]?.authValue),
    ]
    for (const text of printed) {
      expect(text).not.toContain('tok-3b9e1d')
      expect(text).not.toContain('key-77aa0c')
    }
    expect(config.smsProviders[0]?.authValue?.reveal()).toBe('tok-3b9e1d')
    expect(new SecretValue('x').toJSON()).toBe('[secret]')
  })

  it('fills in the documented defaults', () => {
    const config = loadConfig(env([minimal]))
    expect(config.smsTransport).toBe('http')
    expect(config.smsProviders[0]).toMatchObject({
      weight: 1,
      method: 'POST',
      timeoutMs: 5000,
      idempotencyHeader: 'Idempotency-Key',
      answer: {
        status: {
          accepted: [[200, 299]],
          // The gateway surely did not take it: straight on to the next provider.
          failover: [
            [503, 503],
            [429, 429],
            [401, 401],
            [403, 403],
            [404, 404],
            [405, 405],
            [407, 407],
          ],
          retry: [
            [500, 599],
            [408, 408],
          ],
          // Only these say the message itself is refused; a revoked key (401, 403) is a provider fault.
          rejected: [
            [400, 400],
            [422, 422],
          ],
        },
      },
    })
    expect(config.smsHealth).toEqual({
      windowMs: 900_000,
      deliveryDeadlineMs: 300_000,
      maxLateShare: 0.15,
      minSamples: 20,
      maxConsecutiveErrors: 5,
      cooldownMs: 300_000,
      refreshMs: 15_000,
    })
  })

  it('accepts the example of docs/SMS-PROVIDERS.md', () => {
    const doc = readFileSync(new URL('../../../../../../docs/SMS-PROVIDERS.md', import.meta.url), 'utf8')
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? ''
    const parsed = SmsProvidersConfig.parse(JSON.parse(example))
    expect(parsed.map((p) => [p.name, p.weight])).toEqual([
      ['esms', 70],
      ['backup-gw', 30],
    ])
    const config = loadConfig(
      env(JSON.parse(example), {
        SMS_ESMS_API_KEY: 'a',
        SMS_ESMS_SECRET_KEY: 'b',
        SMS_ESMS_RECEIPT_TOKEN: 'c',
        SMS_BACKUP_TOKEN: 'd',
        SMS_BACKUP_WEBHOOK_SECRET: 'e',
      }),
    )
    expect(config.smsProviders.map((p) => p.receiptSecret?.reveal())).toEqual(['c', 'e'])
  })
})
