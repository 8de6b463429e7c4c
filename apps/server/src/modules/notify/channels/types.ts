/**
 * What every delivery channel implements. A transport never decides retries itself: it says what the
 * gateway answered, and the dispatcher applies back-off, dead-lettering and provider health.
 */

/** Sent to the gateway with every message; a retry of the same message carries the same key. */
export type IdempotencyKey = string

export type OutboundSms = { messageId: IdempotencyKey; to: string; text: string; kind: string }

export type OutboundEmail = {
  messageId: IdempotencyKey
  to: string
  subject: string
  text: string
  html: string
  kind: string
}

export type SendResult =
  | { outcome: 'accepted'; provider: string; providerMessageId?: string }
  | { outcome: 'retry'; provider: string; reason: string } // timeouts, 5xx, throttling
  | { outcome: 'rejected'; provider: string; reason: string } // 4xx: bad number, blocked content

export type SmsTransport = { readonly name: string; send(sms: OutboundSms): Promise<SendResult> }
export type EmailTransport = { readonly name: string; send(email: OutboundEmail): Promise<SendResult> }
