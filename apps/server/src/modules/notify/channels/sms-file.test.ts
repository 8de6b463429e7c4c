import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileEmailTransport } from './email-file'
import { createFileSmsTransport } from './sms-file'

const at = new Date('2026-11-23T03:00:00.000Z')

async function lines(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8')
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('the file SMS transport', () => {
  let dataDir: string
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ansinh-sms-file-'))
  })
  afterEach(async () => rm(dataDir, { recursive: true, force: true }))

  const sms = (messageId: string) => ({ messageId, to: '0912345678', text: 'Mã OTP: 123456', kind: 'otp' })

  it('appends one JSON line per message to <dataDir>/outbox/sms.jsonl', async () => {
    const transport = createFileSmsTransport({ dataDir, clock: () => at })
    expect(await transport.send(sms('m-1'))).toEqual({
      outcome: 'accepted',
      provider: 'file',
      providerMessageId: 'm-1',
    })
    await transport.send(sms('m-2'))
    await transport.close()
    expect(transport.path).toBe(join(dataDir, 'outbox', 'sms.jsonl'))
    expect(await lines(transport.path)).toEqual([
      { id: 'm-1', to: '0912345678', text: 'Mã OTP: 123456', kind: 'otp', at: at.toISOString() },
      { id: 'm-2', to: '0912345678', text: 'Mã OTP: 123456', kind: 'otp', at: at.toISOString() },
    ])
  })

  it('answers accepted but appends nothing for an id it already wrote, also after reopening', async () => {
    const first = createFileSmsTransport({ dataDir })
    await Promise.all([first.send(sms('m-1')), first.send(sms('m-1')), first.send(sms('m-2'))])
    await first.close()
    const second = createFileSmsTransport({ dataDir })
    expect((await second.send(sms('m-1'))).outcome).toBe('accepted')
    await second.send(sms('m-3'))
    await second.close()
    expect((await lines(second.path)).map((line) => line.id)).toEqual(['m-1', 'm-2', 'm-3'])
  })

  it('sees ids another process appended since it opened the file', async () => {
    const transport = createFileSmsTransport({ dataDir })
    await transport.send(sms('m-1'))
    await appendFile(transport.path, `${JSON.stringify({ id: 'm-2', to: 'x', text: 'y', kind: 'otp' })}\n`)
    await transport.send(sms('m-2'))
    await transport.close()
    expect((await lines(transport.path)).map((line) => line.id)).toEqual(['m-1', 'm-2'])
  })

  it('starts a fresh line after a line cut short, and re-sends the message it held', async () => {
    await mkdir(join(dataDir, 'outbox'))
    const path = join(dataDir, 'outbox', 'sms.jsonl')
    await writeFile(path, `${JSON.stringify({ id: 'm-1' })}\n{"id":"m-2","to":"09`)
    const transport = createFileSmsTransport({ dataDir })
    await transport.send(sms('m-1'))
    await transport.send(sms('m-2'))
    await transport.close()
    const text = (await readFile(path, 'utf8')).split('\n')
    expect(text).toEqual([
      '{"id":"m-1"}',
      '{"id":"m-2","to":"09', // kept as evidence; it names no id, so m-2 was written again
      expect.stringMatching(/^\{"id":"m-2","to":"0912345678",/),
      '',
    ])
  })

  it('has an e-mail twin writing <dataDir>/outbox/email.jsonl', async () => {
    const transport = createFileEmailTransport({ dataDir, clock: () => at })
    const email = {
      messageId: 'e-1',
      to: 'hang@example.vn',
      subject: 'Biên nhận hồ sơ',
      text: 'Đã nhận',
      html: '<p>Đã nhận</p>',
      kind: 'dossier_received',
    }
    await transport.send(email)
    await transport.send(email)
    await transport.close()
    expect(await lines(join(dataDir, 'outbox', 'email.jsonl'))).toEqual([
      {
        id: 'e-1',
        to: 'hang@example.vn',
        subject: 'Biên nhận hồ sơ',
        text: 'Đã nhận',
        html: '<p>Đã nhận</p>',
        kind: 'dossier_received',
        at: at.toISOString(),
      },
    ])
  })
})
