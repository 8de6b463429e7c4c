import { randomUUID } from 'node:crypto'
import { createServer } from 'node:net'
import { renderMessage } from '@ansinh/domain'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSmtpEmailTransport, type SmtpEmailTransport, smtpFailure } from './email-smtp'
import type { OutboundEmail } from './types'

type Received = { envelopeTo: string[]; mail: ParsedMail; raw: string }

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode })
}

/**
 * A real SMTP server on a free loopback port. Recipients choose how it answers: `busy@` → 451 at
 * RCPT, `nobody@` → 550 at RCPT, `full@` → 452 after DATA, `spam@` → 554 after DATA.
 */
async function startSmtpSink() {
  const received: Received[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('busy@')) return callback(smtpError('mailbox busy, try later', 451))
      if (address.address.startsWith('nobody@')) return callback(smtpError('no such user here', 550))
      return callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address)
        if (to.some((address) => address.startsWith('full@'))) return callback(smtpError('storage full', 452))
        if (to.some((address) => address.startsWith('spam@')))
          return callback(smtpError('refused as spam', 554))
        simpleParser(raw).then(
          (mail) => {
            received.push({ envelopeTo: to, mail, raw: raw.toString('latin1') })
            callback()
          },
          (error: Error) => callback(error),
        )
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return {
    received,
    url: `smtp://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

function email(to: string, kind: 'otp' | 'dossier_rejected' = 'otp'): OutboundEmail {
  const rendered =
    kind === 'otp'
      ? renderMessage('otp', 'email', 'vi', { code: '482913', purpose: 'child_registration' })
      : renderMessage('dossier_rejected', 'email', 'vi', {
          dossierNumber: '07915-2026-000123',
          reason:
            'Ảnh giấy khai sinh của con bị mờ, không đọc được họ tên và ngày sinh; đề nghị chụp lại rõ nét.',
        })
  return {
    messageId: randomUUID(),
    to,
    subject: rendered.subject ?? '',
    text: rendered.text,
    html: rendered.html ?? '',
    kind,
  }
}

describe('SMTP e-mail transport against a real SMTP server', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  let transport: SmtpEmailTransport
  beforeAll(async () => {
    sink = await startSmtpSink()
    transport = createSmtpEmailTransport({ url: sink.url, from: 'BHXH số <no-reply@ansinh.example>' })
  })
  afterAll(async () => {
    await transport?.close()
    await sink?.close()
  })

  it.each(['otp', 'dossier_rejected'] as const)(
    'delivers a %s e-mail whose Vietnamese subject and text round-trip exactly (NFC), with HTML and text parts',
    async (kind) => {
      const message = email(`nguoi.nhan.${kind}@example.vn`, kind)
      const result = await transport.send(message)
      expect(result).toEqual({
        outcome: 'accepted',
        provider: 'smtp',
        providerMessageId: `<${message.messageId}@ansinh.example>`,
      })
      const got = sink.received.find((item) => item.envelopeTo.includes(message.to))
      expect(got).toBeDefined()
      const mail = got?.mail
      expect(mail?.subject).toBe(message.subject)
      expect(mail?.subject?.normalize('NFC')).toBe(mail?.subject)
      expect(mail?.text?.replace(/\n$/, '')).toBe(message.text)
      expect(mail?.html).toBe(message.html)
      expect(mail?.from?.value).toEqual([{ name: 'BHXH số', address: 'no-reply@ansinh.example' }])
      expect(mail?.messageId).toBe(`<${message.messageId}@ansinh.example>`)
      expect(mail?.headers.get('auto-submitted')).toBe('auto-generated')
      // The subject travelled encoded (RFC 2047), not as raw 8-bit bytes.
      expect(got?.raw).toMatch(/^Subject: =\?UTF-8\?/im)
      expect(got?.raw).toMatch(/Content-Type: multipart\/alternative/i)
    },
  )

  it('sends a retry of the same message with the same Message-ID', async () => {
    const message = email('lap.lai@example.vn')
    await transport.send(message)
    await transport.send(message)
    const ids = sink.received
      .filter((item) => item.envelopeTo.includes(message.to))
      .map((item) => item.mail.messageId)
    expect(ids).toEqual([`<${message.messageId}@ansinh.example>`, `<${message.messageId}@ansinh.example>`])
  })

  it.each([
    ['busy@example.vn', 'retry', /^smtp 451 /],
    ['full@example.vn', 'retry', /^smtp 452 /],
    ['nobody@example.vn', 'rejected', /^smtp 550 /],
    ['spam@example.vn', 'rejected', /^smtp 554 /],
  ] as const)('answers %s with %s', async (to, outcome, reason) => {
    const result = await transport.send(email(to))
    expect(result.outcome).toBe(outcome)
    if (result.outcome === 'accepted') return
    expect(result.reason).toMatch(reason)
    // No address and no server text in the reason: it is stored and logged.
    expect(result.reason).not.toContain('@')
    expect(result.reason).not.toContain('busy')
  })

  it('answers retry when no server listens', async () => {
    const down = createSmtpEmailTransport({
      url: `smtp://127.0.0.1:${await closedPort()}`,
      from: 'no-reply@ansinh.example',
      timeoutMs: 2000,
    })
    try {
      const result = await down.send(email('ai.do@example.vn'))
      expect(result).toMatchObject({ outcome: 'retry', provider: 'smtp' })
    } finally {
      await down.close()
    }
  })
})

describe('smtpFailure', () => {
  it.each([
    [
      { code: 'EENVELOPE', responseCode: 421, response: '421 4.7.0 Try again later' },
      'retry',
      'smtp 421 4.7.0 EENVELOPE',
    ],
    [
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 <a@b.vn>: unknown' },
      'rejected',
      'smtp 550 5.1.1 EENVELOPE',
    ],
    [{ code: 'EMESSAGE', responseCode: 552 }, 'rejected', 'smtp 552 EMESSAGE'],
    [
      { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 bad credentials' },
      'retry',
      'smtp 535 5.7.8 EAUTH',
    ],
    [{ code: 'ECONNECTION' }, 'retry', 'smtp ECONNECTION'],
    [{ code: 'ETIMEDOUT' }, 'retry', 'smtp ETIMEDOUT'],
    [new Error('boom'), 'retry', 'smtp error'],
    ['not even an error', 'retry', 'smtp error'],
  ] as const)('%j → %s (%s)', (error, outcome, reason) => {
    expect(smtpFailure(error)).toEqual({ outcome, provider: 'smtp', reason })
  })
})
