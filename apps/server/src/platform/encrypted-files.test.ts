import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEncryptedFileStore, decryptBytes, EncryptedFileError, encryptBytes } from './encrypted-files'

const key = randomBytes(32)
const portrait = Buffer.from('\xff\xd8\xff\xe0 JPEG of Nguyễn Thị Thu Hằng, CCCD 079176000417', 'utf8')

describe('encrypted files at rest', () => {
  let directory: string
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'ansinh-files-'))
  })
  afterAll(async () => rm(directory, { recursive: true, force: true }))

  it('round-trips the bytes, and what lies on disk reveals none of them', async () => {
    const store = createEncryptedFileStore({ directory, key })
    const id = await store.put(portrait)
    expect(await store.get(id)).toEqual(portrait)
    const onDisk = await readFile(join(directory, id.slice(0, 2), id))
    expect(onDisk.includes(Buffer.from('079176000417'))).toBe(false)
    expect(onDisk.includes(Buffer.from('Nguyễn'))).toBe(false)
  })

  it('encrypts the same bytes differently each time (fresh nonce)', () => {
    expect(encryptBytes(key, 'a', portrait).equals(encryptBytes(key, 'a', portrait))).toBe(false)
  })

  it.each([
    [
      'a flipped bit',
      (stored: Buffer) => Buffer.from(stored.map((byte, i) => (i === stored.length - 1 ? byte ^ 1 : byte))),
    ],
    ['a truncated file', (stored: Buffer) => stored.subarray(0, 20)],
    ['another format', (stored: Buffer) => Buffer.concat([Buffer.from('XXXX'), stored.subarray(4)])],
  ])('refuses %s', (_name, damage) => {
    const stored = encryptBytes(key, 'id-1', portrait)
    expect(() => decryptBytes(key, 'id-1', damage(stored))).toThrow(EncryptedFileError)
  })

  it('refuses another key, and a file moved under another id', () => {
    const stored = encryptBytes(key, 'id-1', portrait)
    expect(() => decryptBytes(randomBytes(32), 'id-1', stored)).toThrow(EncryptedFileError)
    expect(() => decryptBytes(key, 'id-2', stored)).toThrow(EncryptedFileError)
  })

  it('refuses ids that could walk out of the directory', async () => {
    const store = createEncryptedFileStore({ directory, key })
    await writeFile(join(directory, 'secret'), 'x')
    await expect(store.get('../secret')).rejects.toThrow(EncryptedFileError)
  })

  it('removes a file', async () => {
    const store = createEncryptedFileStore({ directory, key })
    const id = await store.put(portrait)
    await store.remove(id)
    await expect(store.get(id)).rejects.toThrow()
  })

  it('needs a 32-byte key', () => {
    expect(() => createEncryptedFileStore({ directory, key: randomBytes(16) })).toThrow(/32 bytes/)
  })
})
