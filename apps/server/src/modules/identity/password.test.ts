import { hash } from '@node-rs/argon2'
import { describe, expect, it } from 'vitest'
import { hashPassword, needsRehash, passwordHashParameters, verifyPassword } from './password'

describe('password hashing', () => {
  it('rejects malformed hashes instead of throwing', async () => {
    expect(await verifyPassword('', 'secret')).toBe(false)
    expect(await verifyPassword('$2b$10$notargon', 'secret')).toBe(false)
    expect(needsRehash('not a hash')).toBe(true)
  })

  it('hashes with Argon2id at the OWASP parameters', async () => {
    const stored = await hashPassword('Mật khẩu@2026')
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(needsRehash(stored)).toBe(false)
  })

  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('Mật khẩu@2026')
    expect(await verifyPassword(stored, 'Mật khẩu@2026')).toBe(true)
    expect(await verifyPassword(stored, 'Mat khau@2026')).toBe(false)
  })

  it('asks for a rehash of hashes made with weaker parameters', async () => {
    const weaker = await hash('secret', { ...passwordHashParameters, memoryCost: 4096 })
    expect(await verifyPassword(weaker, 'secret')).toBe(true)
    expect(needsRehash(weaker)).toBe(true)
  })
})
