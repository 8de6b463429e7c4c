import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { BhxhCodeLookupFields, HealthCardLookupFields } from './lookup'
import { leadingZeroBits, proofInput, solveLookupChallenge } from './proof-of-work'

describe('leadingZeroBits', () => {
  it.each([
    [[0xff], 0],
    [[0x80], 0],
    [[0x7f], 1],
    [[0x01], 7],
    [[0x00, 0x80], 8],
    [[0x00, 0x00, 0x10], 19],
    [[0x00, 0x00], 16],
  ])('%j has %i', (bytes, bits) => {
    expect(leadingZeroBits(Uint8Array.from(bytes))).toBe(bits)
  })
})

describe('solveLookupChallenge', () => {
  it('finds a nonce whose SHA-256 has the bits asked for', async () => {
    const proof = await solveLookupChallenge({ challenge: 'abc.12.1.x', difficulty: 12 })
    const digest = createHash('sha256').update(proofInput(proof.challenge, proof.nonce)).digest()
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(12)
  })

  it('stops when asked', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      solveLookupChallenge({ challenge: 'x', difficulty: 32 }, { signal: controller.signal, slice: 10 }),
    ).rejects.toThrow()
  })
})

describe('look-up fields', () => {
  it.each([
    ['', 'Ngày sinh có dạng dd/mm/yyyy, mm/yyyy hoặc yyyy.'],
    ['31/02/1976', 'Ngày sinh có dạng dd/mm/yyyy, mm/yyyy hoặc yyyy.'],
  ])('refuses the date of birth %j', (dateOfBirth, message) => {
    const parsed = BhxhCodeLookupFields.safeParse({ provinceCode: '79', fullName: 'Lê An', dateOfBirth })
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([message])
  })

  it.each([
    ['12/03/1976', { year: 1976, month: 3, day: 12 }],
    ['03/1976', { year: 1976, month: 3 }],
    ['1976', { year: 1976 }],
  ])('reads %s with its precision', (dateOfBirth, birth) => {
    const parsed = BhxhCodeLookupFields.parse({ provinceCode: '79', fullName: 'Lê An', dateOfBirth })
    expect(parsed.dateOfBirth).toEqual(birth)
  })

  it.each(['7900012345', 'DN4797900012345', 'dn4 79 7900012345'])(
    'takes the BHXH code out of %s',
    (cardNumber) => {
      const parsed = HealthCardLookupFields.parse({ cardNumber, fullName: 'Lê An', dateOfBirth: '1976' })
      expect(parsed.cardNumber).toEqual({ kind: 'bhxhCode', value: '7900012345' })
    },
  )

  it.each(['079176000418', '079 176 000 418', '079.176.000.418'])(
    'takes a personal ID out of %s',
    (cardNumber) => {
      const parsed = HealthCardLookupFields.parse({ cardNumber, fullName: 'Lê An', dateOfBirth: '1976' })
      expect(parsed.cardNumber).toEqual({ kind: 'personalId', value: '079176000418' })
    },
  )

  it.each(['12345', '79000123456', '0791760004181'])('names the three forms for %j', (cardNumber) => {
    const parsed = HealthCardLookupFields.safeParse({ cardNumber, fullName: 'Lê An', dateOfBirth: '1976' })
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      'Nhập mã thẻ BHYT (10 chữ số hoặc 15 ký tự thẻ mẫu cũ), mã số BHXH (10 chữ số) hoặc số định danh cá nhân (12 chữ số).',
    ])
  })
})
