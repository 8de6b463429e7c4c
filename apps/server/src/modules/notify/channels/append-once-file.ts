import { type FileHandle, mkdir, open } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { SendResult } from './types'

/**
 * A JSON-lines file that holds each record id at most once: the file transports' stand-in for a
 * gateway that dedupes on the idempotency key. A retry after a crash between appending and recording
 * the outcome finds its id already written and appends nothing.
 *
 * The ids come from the file itself: all of it when first used, then whatever other processes (a
 * second worker on the same data directory) appended since, before every write. Appends that
 * arrive together are written together, in order. Lines are not fsync'ed: a killed process loses
 * nothing (the page cache survives it), a power cut may lose the last lines — acceptable for a
 * development transport.
 */
export type AppendOnceFile = {
  readonly path: string
  /** Appends `{ id, ...record }` as one line unless the id is already in the file. */
  append(id: string, record: Record<string, unknown>): Promise<'appended' | 'duplicate'>
  close(): Promise<void>
}

export function openAppendOnceFile(path: string): AppendOnceFile {
  const ids = new Set<string>()
  let handle: FileHandle | undefined
  let opening: Promise<FileHandle> | undefined
  let offset = 0 // bytes of the file already read into `ids` (always at a line boundary)
  let ownEnd = -1 // the file's size right after our last append, if we had read everything before it
  let pending: Pending[] = []
  let flushing: Promise<void> | undefined

  async function ensureOpen(): Promise<FileHandle> {
    if (handle) return handle
    opening ??= (async () => {
      await mkdir(dirname(path), { recursive: true })
      const file = await open(path, 'a+')
      const size = await readNewLines(file)
      // A line cut short (disk full, power cut) would swallow the next record: start a fresh line.
      if (size > offset) await file.appendFile('\n')
      handle = file
      return file
    })()
    return opening
  }

  /** Reads what was appended since `offset` (by anyone) into `ids`; returns the size it saw. */
  async function readNewLines(file: FileHandle): Promise<number> {
    const { size } = await file.stat()
    if (size === ownEnd) offset = size // only our own last lines were added: nothing to read
    if (size <= offset) return size
    const buffer = Buffer.alloc(size - offset)
    const { bytesRead } = await file.read(buffer, 0, buffer.length, offset)
    const end = buffer.lastIndexOf(0x0a, bytesRead - 1)
    if (end < 0) return size // no complete line yet
    for (const line of buffer.subarray(0, end).toString('utf8').split('\n')) {
      const id = idOf(line)
      if (id) ids.add(id)
    }
    offset += end + 1
    return size
  }

  // Appends waiting at the same time are written together: one stat, one read, one write per group.
  async function flush() {
    try {
      while (pending.length > 0) {
        const group = pending
        pending = []
        const added: string[] = []
        try {
          const file = await ensureOpen()
          const size = await readNewLines(file)
          const results = group.map(({ id }) => {
            if (ids.has(id)) return 'duplicate' as const
            ids.add(id)
            added.push(id)
            return 'appended' as const
          })
          const text = group
            .filter((_, index) => results[index] === 'appended')
            .map((item) => item.line)
            .join('')
          if (text) {
            await file.appendFile(text)
            ownEnd = offset === size ? size + Buffer.byteLength(text) : -1
          }
          for (const [index, item] of group.entries()) item.resolve(results[index] ?? 'appended')
        } catch (error) {
          for (const id of added) ids.delete(id)
          for (const item of group) item.reject(error)
        }
      }
    } finally {
      flushing = undefined
    }
  }

  function append(id: string, record: Record<string, unknown>) {
    return new Promise<'appended' | 'duplicate'>((resolve, reject) => {
      pending.push({ id, line: `${JSON.stringify({ id, ...record })}\n`, resolve, reject })
      flushing ??= flush()
    })
  }

  return {
    path,
    append,
    close: async () => {
      await flushing
      const file = handle ?? (opening ? await opening.catch(() => undefined) : undefined)
      handle = undefined
      opening = undefined
      ownEnd = -1
      await file?.close()
    },
  }
}

type Pending = {
  id: string
  line: string
  resolve: (result: 'appended' | 'duplicate') => void
  reject: (error: unknown) => void
}

function idOf(line: string): string | undefined {
  if (line.trim() === '') return undefined
  try {
    const parsed: unknown = JSON.parse(line)
    if (parsed && typeof parsed === 'object' && 'id' in parsed && typeof parsed.id === 'string')
      return parsed.id
  } catch {
    // A damaged line (see ensureOpen) names no id: its message was never acknowledged and is re-sent.
  }
  return undefined
}

export type FileTransport<M> = {
  readonly name: 'file'
  readonly path: string
  send(message: M): Promise<SendResult>
  close(): Promise<void>
}

/**
 * A transport that writes each message as one JSON line of `<dataDir>/outbox/<fileName>`, once per
 * message id. A duplicate is the answer to a retry of a message already written: accepted, as a
 * gateway that honours idempotency keys would answer.
 */
export function createFileTransport<M extends { messageId: string }>(
  options: { dataDir: string; clock?: () => Date },
  fileName: string,
  record: (message: M) => Record<string, unknown>,
): FileTransport<M> {
  const file = openAppendOnceFile(join(options.dataDir, 'outbox', fileName))
  const clock = options.clock ?? (() => new Date())
  return {
    name: 'file',
    path: file.path,
    send: async (message) => {
      await file.append(message.messageId, { ...record(message), at: clock().toISOString() })
      return { outcome: 'accepted', provider: 'file', providerMessageId: message.messageId }
    },
    close: () => file.close(),
  }
}
