import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isUuid } from './ids'

/**
 * Files at rest, encrypted (ID photos, declarations): AES-256-GCM with a fresh 96-bit nonce per file
 * and the file's id as associated data, so a file copied under another id, or altered by one bit,
 * does not decrypt. Layout: `ANS1` magic, 12-byte nonce, 16-byte tag, ciphertext.
 *
 * The key comes from `FILE_ENCRYPTION_KEY` (32 bytes). Rotating it means re-encrypting the files;
 * the magic carries the format version for that day.
 */

const MAGIC = Buffer.from('ANS1')
const NONCE_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = MAGIC.length + NONCE_BYTES + TAG_BYTES

export type EncryptedFileStore = {
  /** Stores the bytes and returns the new file's id. */
  put(bytes: Buffer): Promise<string>
  /** The decrypted bytes; throws if the file is missing, altered or under another key. */
  get(id: string): Promise<Buffer>
  remove(id: string): Promise<void>
}

export class EncryptedFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EncryptedFileError'
  }
}

export function encryptBytes(key: Buffer, id: string, bytes: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(Buffer.from(id))
  const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()])
  return Buffer.concat([MAGIC, nonce, cipher.getAuthTag(), ciphertext])
}

export function decryptBytes(key: Buffer, id: string, stored: Buffer): Buffer {
  if (stored.length < HEADER_BYTES || !stored.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new EncryptedFileError('not an encrypted file of this format')
  }
  const nonce = stored.subarray(MAGIC.length, MAGIC.length + NONCE_BYTES)
  const tag = stored.subarray(MAGIC.length + NONCE_BYTES, HEADER_BYTES)
  const decipher = createDecipheriv('aes-256-gcm', key, nonce)
  decipher.setAAD(Buffer.from(id))
  decipher.setAuthTag(tag)
  try {
    return Buffer.concat([decipher.update(stored.subarray(HEADER_BYTES)), decipher.final()])
  } catch {
    throw new EncryptedFileError('file altered, or encrypted under another key or id')
  }
}

/** A store in a local directory (`<DATA_DIR>/files`); an object store with the same interface scales it out. */
export function createEncryptedFileStore(options: { directory: string; key: Buffer }): EncryptedFileStore {
  if (options.key.length !== 32) throw new EncryptedFileError('FILE_ENCRYPTION_KEY must be 32 bytes')
  const pathOf = (id: string) => {
    if (!isUuid(id)) throw new EncryptedFileError('invalid file id')
    return join(options.directory, id.slice(0, 2), id)
  }
  return {
    put: async (bytes) => {
      const id = randomUUID()
      const path = pathOf(id)
      await mkdir(join(path, '..'), { recursive: true })
      // Written aside then renamed: a crash never leaves half a file under the real name.
      await writeFile(`${path}.partial`, encryptBytes(options.key, id, bytes), { mode: 0o600 })
      await rename(`${path}.partial`, path)
      return id
    },
    get: async (id) => decryptBytes(options.key, id, await readFile(pathOf(id))),
    remove: async (id) => rm(pathOf(id), { force: true }),
  }
}
