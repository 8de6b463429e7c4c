import type { Config } from '../../../config'
import type { Executor } from '../../../db/client'
import type { SmsProviderMetrics } from '../../../platform/metrics'
import { createFileEmailTransport } from './email-file'
import { createSmtpEmailTransport } from './email-smtp'
import { createFileSmsTransport } from './sms-file'
import type { HealthLog } from './sms-health'
import type { TransportLog } from './sms-http'
import { createHttpSmsRouter } from './sms-router'
import type { EmailTransport, SmsTransport } from './types'

/** One transport per channel, built once in the composition root. The inbox needs none: it is the database. */
export type Channels = {
  sms: SmsTransport
  email: EmailTransport
  /** Releases files and connections once the dispatcher has stopped. */
  close(): Promise<void>
}

/** SMS_TRANSPORT=http judges gateways from the shared `messages` table, so it needs the database. */
export type HttpSmsDeps = { db: Executor; log?: TransportLog & HealthLog; metrics?: SmsProviderMetrics }

export function createChannels(
  config: Pick<Config, 'dataDir' | 'smsTransport' | 'smsProviders' | 'smsHealth' | 'email'>,
  options: { clock?: () => Date; http?: HttpSmsDeps } = {},
): Channels {
  const clock = options.clock ?? (() => new Date())
  const sms = createSms(config, clock, options.http)
  // SMTP when SMTP_URL is set; otherwise e-mail goes to a file the same way as SMS.
  const email = config.email.smtpUrl
    ? createSmtpEmailTransport({ url: config.email.smtpUrl, from: config.email.from })
    : createFileEmailTransport({ dataDir: config.dataDir, clock })
  return {
    sms,
    email,
    close: async () => {
      await Promise.all([sms.close(), email.close()])
    },
  }
}

function createSms(
  config: Pick<Config, 'dataDir' | 'smsTransport' | 'smsProviders' | 'smsHealth'>,
  clock: () => Date,
  http: HttpSmsDeps | undefined,
): SmsTransport & { close(): Promise<void> } {
  switch (config.smsTransport) {
    case 'file':
      return createFileSmsTransport({ dataDir: config.dataDir, clock })
    case 'http':
      if (!http)
        throw new Error(
          'SMS_TRANSPORT=http: createChannels needs options.http (database for provider health)',
        )
      return createHttpSmsRouter({ providers: config.smsProviders, health: config.smsHealth, clock, ...http })
  }
}
