import { ErrorCode } from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { DomainError } from '../../platform/errors'
import type { Metrics } from '../../platform/metrics'
import { readPath, type SmsProvider } from './channels/sms-provider-config'
import { applySmsReceipts } from './sms-delivery-repo'

/** One delivery report, read from whatever shape the gateway sends. */
export type DeliveryReceipt = {
  messageId?: string
  providerMessageId?: string
  status: 'delivered' | 'undelivered' | 'other'
}

export type ReceiptOutcome = 'delivered' | 'undelivered' | 'duplicate' | 'unknown' | 'ignored'

export type ReceiptDeps = {
  db: Executor
  clock: () => Date
  metrics?: Pick<Metrics, 'messages' | 'sms'>
}

/**
 * Reads the receipts of one request with the provider's mapping. A receipt without a status or
 * without any id is malformed (400): the gateway sends something we were not told about, and should
 * hear so. A status that is neither delivered nor undelivered (e.g. "sent to the carrier") is kept
 * as `other` and ignored.
 */
export function readReceipts(provider: SmsProvider, payload: unknown): DeliveryReceipt[] {
  const rules = provider.receipts
  if (!rules) throw new DomainError(ErrorCode.NotFound, 'provider takes no receipts')
  const list = rules.items ? readPath(payload, rules.items) : payload
  const items = Array.isArray(list) ? list : rules.items ? null : [list]
  if (!items || items.length === 0)
    throw malformed(rules.items ?? '_', `expected a list of receipts at ${rules.items ?? 'the top level'}`)
  if (items.length > 1000) throw malformed(rules.items ?? '_', 'at most 1000 receipts per request')
  return items.map((item, index) => {
    const at = (field: string) => (rules.items || items.length > 1 ? `${index}.${field}` : field)
    const status = scalar(readPath(item, rules.statusField))
    if (status === undefined) throw malformed(at(rules.statusField), 'missing status')
    const messageId = rules.messageIdField ? scalar(readPath(item, rules.messageIdField)) : undefined
    const providerMessageId = rules.providerMessageIdField
      ? scalar(readPath(item, rules.providerMessageIdField))
      : undefined
    if (!messageId && !providerMessageId)
      throw malformed(at(rules.messageIdField ?? rules.providerMessageIdField ?? 'id'), 'missing message id')
    return {
      ...(messageId ? { messageId } : {}),
      ...(providerMessageId ? { providerMessageId } : {}),
      status: rules.delivered.includes(status)
        ? 'delivered'
        : rules.undelivered.includes(status)
          ? 'undelivered'
          : 'other',
    }
  })
}

/**
 * Applies receipts to the outbox, all of one request in one statement. Status only moves forward
 * (queued/sending/sent → delivered, sent → failed/undelivered, undelivered → delivered) and a repeated
 * receipt changes nothing; an "undelivered" for a message being sent again or queued for a retry is
 * ignored, as it may be about an earlier attempt. A receipt for a message we do not know — or that
 * belongs to another provider — is counted and dropped: answering an error would only make the gateway
 * send it again.
 */
export async function recordReceipts(
  deps: ReceiptDeps,
  provider: SmsProvider,
  receipts: DeliveryReceipt[],
): Promise<ReceiptOutcome[]> {
  const now = deps.clock()
  const effects = await applySmsReceipts(deps.db, provider.name, receipts, now)
  // The first receipt that caused a change gets the credit; the others for that message are duplicates.
  const credited = new Set<string>()
  const outcomes = receipts.map((receipt, index): ReceiptOutcome => {
    const effect = effects[index]
    if (!effect) return 'unknown'
    if (receipt.status === 'other') return 'ignored'
    const applied =
      (receipt.status === 'delivered' && effect.after === 'delivered') ||
      (receipt.status === 'undelivered' && effect.after === 'failed')
    if (applied && !credited.has(effect.id)) {
      credited.add(effect.id)
      deps.metrics?.messages.labels('sms', effect.kind, provider.name, receipt.status).inc()
      if (receipt.status === 'delivered' && effect.sentAt)
        deps.metrics?.sms.deliveryLatency
          .labels(provider.name)
          .observe(Math.max(0, now.getTime() - effect.sentAt.getTime()) / 1000)
      return receipt.status
    }
    if (receipt.status === 'undelivered' && (effect.before === 'sending' || effect.before === 'queued'))
      return 'ignored'
    return 'duplicate'
  })
  for (const outcome of outcomes) deps.metrics?.sms.receipts.labels(provider.name, outcome).inc()
  return outcomes
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

function malformed(field: string, message: string) {
  return new DomainError(ErrorCode.ValidationFailed, `malformed delivery receipt: ${message}`, {
    fields: { [field]: [message] },
  })
}
