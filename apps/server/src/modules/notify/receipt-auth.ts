import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { SmsProvider } from './channels/sms-provider-config'

export type ReceiptRequest = {
  rawBody: Buffer
  header: (name: string) => string | undefined
  query: Record<string, unknown>
}

/**
 * Whether a receipt comes from the gateway: a shared token (header or query parameter) or an HMAC of
 * the exact body bytes. Both compare in constant time — digests of equal length, so neither the
 * content nor the length of the secret leaks through timing.
 */
export function isAuthenticReceipt(provider: SmsProvider, request: ReceiptRequest): boolean {
  const rules = provider.receipts
  const secret = provider.receiptSecret?.reveal()
  if (!rules || !secret) return false
  const auth = rules.auth
  if (auth.type === 'token') {
    const given = auth.header ? request.header(auth.header) : queryValue(request.query, auth.query ?? '')
    return given !== undefined && sameText(given, secret)
  }
  const given = request.header(auth.header)
  if (given === undefined || request.rawBody.length === 0) return false
  const digest = createHmac(auth.algorithm, secret).update(request.rawBody).digest(auth.encoding)
  const expected = `${auth.prefix}${digest}`
  // Hex digests are case-insensitive; base64 is not.
  return auth.encoding === 'hex'
    ? sameText(given.trim().toLowerCase(), expected.toLowerCase())
    : sameText(given.trim(), expected)
}

function queryValue(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name]
  return typeof value === 'string' ? value : undefined
}

function sameText(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a).digest()
  const digestB = createHash('sha256').update(b).digest()
  return timingSafeEqual(digestA, digestB)
}
