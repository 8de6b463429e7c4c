import { createFileTransport, type FileTransport } from './append-once-file'
import type { OutboundSms } from './types'

export type FileSmsTransport = FileTransport<OutboundSms>

/**
 * The default SMS transport: one JSON line per message in `<dataDir>/outbox/sms.jsonl`
 * (`{ id, to, text, kind, at }`), each message id at most once. Used by the demo, the development
 * outbox and the tests; nothing leaves the machine.
 */
export function createFileSmsTransport(options: { dataDir: string; clock?: () => Date }): FileSmsTransport {
  return createFileTransport<OutboundSms>(options, 'sms.jsonl', (sms) => ({
    to: sms.to,
    text: sms.text,
    kind: sms.kind,
  }))
}
