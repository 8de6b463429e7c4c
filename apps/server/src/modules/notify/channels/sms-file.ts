import { join } from 'node:path'
import { openAppendOnceFile } from './append-once-file'
import type { SendResult, SmsTransport } from './types'

export type FileSmsTransport = SmsTransport & { readonly path: string; close(): Promise<void> }

/**
 * The default SMS transport: one JSON line per message in `<dataDir>/outbox/sms.jsonl`
 * (`{ id, to, text, kind, at }`), each message id at most once. Used by the demo, the development
 * outbox and the tests; nothing leaves the machine.
 */
export function createFileSmsTransport(options: { dataDir: string; clock?: () => Date }): FileSmsTransport {
  const file = openAppendOnceFile(join(options.dataDir, 'outbox', 'sms.jsonl'))
  const clock = options.clock ?? (() => new Date())
  return {
    name: 'file',
    path: file.path,
    send: async (sms): Promise<SendResult> => {
      await file.append(sms.messageId, {
        to: sms.to,
        text: sms.text,
        kind: sms.kind,
        at: clock().toISOString(),
      })
      // A duplicate is the answer to a retry of a message already written: accepted, as a gateway would.
      return { outcome: 'accepted', provider: 'file', providerMessageId: sms.messageId }
    },
    close: () => file.close(),
  }
}
