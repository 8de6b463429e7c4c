import { join } from 'node:path'
import { openAppendOnceFile } from './append-once-file'
import type { EmailTransport, SendResult } from './types'

export type FileEmailTransport = EmailTransport & { readonly path: string; close(): Promise<void> }

/**
 * E-mail to a file, like the file SMS transport: one JSON line per message in
 * `<dataDir>/outbox/email.jsonl` (`{ id, to, subject, text, html, kind, at }`), each id at most once.
 */
export function createFileEmailTransport(options: {
  dataDir: string
  clock?: () => Date
}): FileEmailTransport {
  const file = openAppendOnceFile(join(options.dataDir, 'outbox', 'email.jsonl'))
  const clock = options.clock ?? (() => new Date())
  return {
    name: 'file',
    path: file.path,
    send: async (email): Promise<SendResult> => {
      await file.append(email.messageId, {
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        kind: email.kind,
        at: clock().toISOString(),
      })
      return { outcome: 'accepted', provider: 'file', providerMessageId: email.messageId }
    },
    close: () => file.close(),
  }
}
