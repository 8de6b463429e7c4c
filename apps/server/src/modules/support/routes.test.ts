import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'

describe.each(testBackends())('support API on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ backend })
  })
  afterAll(async () => t?.close())

  const chat = (message: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/support/chat', payload: { message }, headers })

  it('rejects a bad category, a bad id and an empty chat message with the field named', async () => {
    const category = await t.app.inject('/api/v1/support/faq?category=weather')
    expect(category.statusCode).toBe(400)
    expect(category.json().error.fields).toHaveProperty('category')
    const id = await t.app.inject('/api/v1/support/faq/Not%20an%20id')
    expect(id.statusCode).toBe(400)
    for (const message of ['', ' ', 'x'.repeat(501), 42]) {
      const response = await chat(message)
      expect(response.statusCode, String(message)).toBe(400)
      expect(response.json().error.fields).toHaveProperty('message')
    }
  })

  it('answers 404 for an entry that does not exist', async () => {
    const response = await t.app.inject('/api/v1/support/faq/no-such-question')
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('NOT_FOUND')
  })

  it('lists every question in file order, and one category alone', async () => {
    const all = (await t.app.inject('/api/v1/support/faq')).json()
    expect(all.ranked).toBe(false)
    expect(all.items.length).toBeGreaterThanOrEqual(40)
    expect(all.items[0]).toEqual({
      id: 'register-account',
      category: 'registration',
      question: expect.stringContaining('đăng ký tài khoản'),
    })
    const safety = (await t.app.inject('/api/v1/support/faq?category=safety')).json()
    expect(safety.items.length).toBeGreaterThan(3)
    expect(safety.items.every((item: { category: string }) => item.category === 'safety')).toBe(true)
  })

  it.each([
    ['with diacritics', 'Quên mật khẩu'],
    ['without', 'quen mat khau'],
    ['in capitals with an abbreviation', 'QUEN MK'],
  ])('searches %s, ranked, best first', async (_name, q) => {
    const found = (await t.app.inject(`/api/v1/support/faq?q=${encodeURIComponent(q)}`)).json()
    expect(found.ranked).toBe(true)
    expect(found.items[0].id).toBe('forgot-password')
  })

  it('searches within a category and finds nothing for words the FAQ never uses', async () => {
    const inSafety = (await t.app.inject('/api/v1/support/faq?q=otp&category=safety')).json()
    expect(inSafety.items.length).toBeGreaterThan(0)
    expect(inSafety.items.every((item: { category: string }) => item.category === 'safety')).toBe(true)
    expect((await t.app.inject('/api/v1/support/faq?q=zzzz%20qqqq')).json()).toEqual({
      items: [],
      ranked: true,
    })
  })

  it('opens an entry with its answer and nearby questions, without its search keywords', async () => {
    const entry = (await t.app.inject('/api/v1/support/faq/otp-not-received')).json()
    expect(entry).toMatchObject({ id: 'otp-not-received', category: 'signIn' })
    expect(entry.answer).toContain('1900 9068')
    expect(entry).not.toHaveProperty('keywords')
    expect(entry.related).toHaveLength(3)
    expect(entry.related.map((item: { id: string }) => item.id)).not.toContain('otp-not-received')
  })

  it('answers a clear question with the FAQ text and its source', async () => {
    const reply = (await chat('ko nhận đc mã otp')).json()
    const entry = (await t.app.inject('/api/v1/support/faq/otp-not-received')).json()
    expect(reply).toMatchObject({
      kind: 'answer',
      answer: entry.answer,
      source: { id: 'otp-not-received', question: entry.question },
      handOver: null,
      secretWarning: false,
    })
  })

  it.each([
    ['a greeting', 'xin chào'],
    ['a word that fits many entries', 'thẻ'],
    ['something the FAQ does not cover', 'giá vàng hôm nay bao nhiêu'],
  ])('hands %s over to the hotline with the nearest questions, never a guess', async (_name, message) => {
    const reply = (await chat(message)).json()
    expect(reply).toMatchObject({
      kind: 'unclear',
      answer: null,
      source: null,
      handOver: { hotline: '1900 9068', hotlineTel: '19009068', email: expect.stringContaining('@') },
    })
    expect(reply.suggestions.length).toBeLessThanOrEqual(3)
  })

  const english = { 'accept-language': 'en-GB,en;q=0.9' }

  it('lists, opens and searches the FAQ in English with Accept-Language: en, same ids', async () => {
    const vietnamese = (await t.app.inject('/api/v1/support/faq')).json()
    const all = (await t.app.inject({ url: '/api/v1/support/faq', headers: english })).json()
    expect(all.items.map((item: { id: string }) => item.id)).toEqual(
      vietnamese.items.map((item: { id: string }) => item.id),
    )
    expect(all.items[0].question).toContain('register an account')
    const entry = (
      await t.app.inject({ url: '/api/v1/support/faq/otp-not-received', headers: english })
    ).json()
    expect(entry.question).toContain('OTP')
    expect(entry.answer).toContain('1900 9068')
    expect(entry.answer).not.toContain('không')
  })

  it.each([
    ['how do I register an account', 'register-account'],
    ['I forgot my password', 'forgot-password'],
    ['how to see my health insurance card', 'use-ecard-at-hospital'],
  ])('finds %j first in English', async (q, id) => {
    const found = (
      await t.app.inject({ url: `/api/v1/support/faq?q=${encodeURIComponent(q)}`, headers: english })
    ).json()
    expect(found.ranked).toBe(true)
    expect(found.items[0].id).toBe(id)
  })

  it('answers in English when asked in English, with the English entry as its source', async () => {
    const reply = (await chat('I forgot my password', english)).json()
    const entry = (
      await t.app.inject({ url: '/api/v1/support/faq/forgot-password', headers: english })
    ).json()
    expect(reply).toMatchObject({
      kind: 'answer',
      answer: entry.answer,
      source: { id: 'forgot-password', question: entry.question },
    })
    expect(reply.answer).toContain('Forgot your password?')
    const unclear = (await chat('hello', english)).json()
    expect(unclear).toMatchObject({ kind: 'unclear', handOver: { hotline: '1900 9068' } })
  })

  it('warns when a message holds a password or OTP, and still answers', async () => {
    const reply = (await chat('mã OTP của tôi là 482913 sao không đăng nhập được')).json()
    expect(reply.secretWarning).toBe(true)
    const asked = (await chat('có người gọi điện xin mã otp, tôi có nên đọc cho họ không')).json()
    expect(asked).toMatchObject({ secretWarning: true, kind: 'answer' })
    expect(asked.source.id).toBe('never-share-password-otp')
  })
})

describe('support chat limit', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1' } })
  })
  afterAll(async () => t?.close())

  it('limits the messages of one address per minute', async () => {
    const send = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/support/chat', payload: { message: 'quên mật khẩu' } })
    const statuses = []
    for (let index = 0; index < 4; index += 1) statuses.push((await send()).statusCode)
    expect(statuses).toEqual([200, 200, 200, 429])
    // Reading the FAQ is not part of the chat's budget.
    expect((await t.app.inject('/api/v1/support/faq')).statusCode).toBe(200)
  })
})
