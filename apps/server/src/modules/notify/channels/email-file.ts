import { createFileTransport, type FileTransport } from './append-once-file'
import type { OutboundEmail } from './types'

export type FileEmailTransport = FileTransport<OutboundEmail>

/**
 * E-mail to a file, like the file SMS transport: one JSON line per message in
 * `<dataDir>/outbox/email.jsonl` (`{ id, to, subject, text, html, kind, at }`), each id at most once.
 */
export function createFileEmailTransport(options: {
  dataDir: string
  clock?: () => Date
}): FileEmailTransport {
  return createFileTransport<OutboundEmail>(options, 'email.jsonl', (email) => ({
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    kind: email.kind,
  }))
}
