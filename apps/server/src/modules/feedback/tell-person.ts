import type { MessageVariables } from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { queueInboxCopy, queueMessage, queueOptionsFrom } from '../notify/service'
import type { Feedback } from './repo'

type FeedbackMessageKind = 'feedback_received' | 'feedback_answered'

/**
 * The receipt and the answer reach the person who wrote: by SMS to the phone they gave, by e-mail when
 * they gave one, and in their inbox when they wrote while signed in — in the caller's transaction
 * (the outbox), once per occasion and channel whatever retries happen.
 */
export async function tellPerson<K extends FeedbackMessageKind>(
  tx: Executor,
  deps: Deps,
  item: Feedback,
  kind: K,
  variables: MessageVariables[K],
  /** For a message that may be sent again with new content (a corrected answer): when it was written. */
  occasion?: Date,
): Promise<void> {
  const options = queueOptionsFrom(deps, deps.recipientCounters)
  const recipients: Array<{ channel: 'sms' | 'email'; to: string }> = [{ channel: 'sms', to: item.phone }]
  if (item.email) recipients.push({ channel: 'email', to: item.email })
  const common = { kind, language: item.language, variables }
  const key = `${kind}:${item.id}${occasion ? `:${occasion.getTime()}` : ''}`
  for (const recipient of recipients)
    await queueMessage(tx, { ...common, ...recipient, dedupeKey: `${key}:${recipient.channel}` }, options)
  if (item.citizenAccountId !== null)
    await queueInboxCopy(tx, { ...common, citizenAccountId: item.citizenAccountId, dedupeKey: key }, options)
}
