import { createTransport } from 'nodemailer'
import type { EmailTransport, SendResult } from './types'

export type SmtpEmailTransport = EmailTransport & { close(): Promise<void> }

export type SmtpOptions = {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
  url: string
  /** `BHXH số <no-reply@example.vn>`: nodemailer encodes the Vietnamese name (RFC 2047). */
  from: string
  /** Connect, greeting and socket timeouts; a slow server is a retry, never a hung worker. */
  timeoutMs?: number
  maxConnections?: number
}

/**
 * E-mail through an SMTP server with nodemailer: HTML and text parts in UTF-8, the subject encoded by
 * nodemailer. The `Message-ID` is derived from the outbox message id, so a retry of the same message
 * carries the same Message-ID and mail systems that dedupe on it show it once.
 */
export function createSmtpEmailTransport(options: SmtpOptions): SmtpEmailTransport {
  const timeout = options.timeoutMs ?? 15_000
  const transporter = createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 3,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
  })
  const domain = messageIdDomain(options.from)
  return {
    name: 'smtp',
    send: async (email): Promise<SendResult> => {
      try {
        const info = await transporter.sendMail({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: smtpMessageId(email.messageId, domain),
          headers: {
            // RFC 3834: no vacation or out-of-office replies to an automatic message.
            'Auto-Submitted': 'auto-generated',
            'X-Auto-Response-Suppress': 'All',
          },
        })
        return { outcome: 'accepted', provider: 'smtp', providerMessageId: info.messageId }
      } catch (error) {
        return smtpFailure(error)
      }
    },
    close: async () => {
      transporter.close()
    },
  }
}

/** `<7f0c…@example.vn>`: the same outbox id always gives the same Message-ID. */
export function smtpMessageId(messageId: string, domain: string): string {
  return `<${messageId}@${domain}>`
}

function messageIdDomain(from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from
  return address.slice(address.lastIndexOf('@') + 1).trim() || 'localhost'
}

type SmtpError = { code?: unknown; responseCode?: unknown; response?: unknown }

/**
 * What an SMTP failure means for the outbox: 4xx (greylisting, mailbox busy, server full) → retry;
 * 5xx (no such mailbox, refused) → rejected; no answer at all (connection refused, timeout, TLS) →
 * retry. Authentication failures are retried although they are 5xx: wrong credentials are the
 * operator's to fix, and rejecting would throw away every queued e-mail meanwhile. The reason holds
 * codes only — a server's text often quotes the recipient's address.
 */
export function smtpFailure(error: unknown): SendResult {
  const { code, responseCode, response } = (
    typeof error === 'object' && error !== null ? error : {}
  ) as SmtpError
  const errorCode = typeof code === 'string' && /^[A-Z0-9_]{2,20}$/.test(code) ? code : 'error'
  const status = typeof responseCode === 'number' ? responseCode : undefined
  const enhanced =
    typeof response === 'string' ? /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(response)?.[1] : undefined
  const reason = ['smtp', status, enhanced, errorCode].filter((part) => part !== undefined).join(' ')
  if (status !== undefined && status >= 500 && status < 600 && errorCode !== 'EAUTH') {
    return { outcome: 'rejected', provider: 'smtp', reason }
  }
  return { outcome: 'retry', provider: 'smtp', reason }
}
