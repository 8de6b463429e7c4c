import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A brand-name SMS gateway for tests: a real HTTP server on 127.0.0.1 that records every request and
 * answers as the test tells it to. The only fake in the SMS tests is this one, at the network edge.
 */

export type RecordedRequest = {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
  idempotencyKey: string | undefined
}

/**
 * `hang` keeps the request open until the gateway closes (a timeout for the client). `delayMs` makes
 * the gateway take the message at once — recorded in `accepted` (and `onAccepted` called) as soon as
 * the request is read — and answer only that much later: a client that gives up first saw a timeout
 * for a message that goes out anyway.
 */
export type FakeAnswer = { status: number; body?: unknown; contentType?: string; delayMs?: number } | 'hang'

export type FakeSmsGateway = {
  url: string
  requests: RecordedRequest[]
  /** Idempotency keys this gateway answered "accepted" to, with the id it gave back. */
  accepted: Map<string, string>
  answer: (request: RecordedRequest) => FakeAnswer
  /** Called after an accepted answer has been sent (e.g. to post a delivery receipt). */
  onAccepted: ((request: RecordedRequest, providerMessageId: string) => void) | undefined
  /** Whether an answer counts as "accepted" for `accepted` (default: 2xx). */
  isAccepted: (status: number, body: unknown) => boolean
  close(): Promise<void>
}

export async function startFakeSmsGateway(
  options: { answer?: FakeSmsGateway['answer']; prefix?: string } = {},
): Promise<FakeSmsGateway> {
  const hanging = new Set<ServerResponse>()
  let sequence = 0
  const gateway: FakeSmsGateway = {
    url: '',
    requests: [],
    accepted: new Map(),
    answer: options.answer ?? (() => ({ status: 200, body: { code: '00' } })),
    onAccepted: undefined,
    isAccepted: (status) => status >= 200 && status < 300,
    close: async () => {
      for (const response of hanging) response.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const key = request.headers['idempotency-key']
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        idempotencyKey: Array.isArray(key) ? key[0] : key,
      }
      gateway.requests.push(recorded)
      const answer = gateway.answer(recorded)
      if (answer === 'hang') {
        hanging.add(response)
        response.on('close', () => hanging.delete(response))
        return
      }
      const providerMessageId = `${options.prefix ?? 'gw'}-${++sequence}`
      const body =
        answer.body === undefined
          ? ''
          : typeof answer.body === 'string'
            ? answer.body
            : JSON.stringify(answer.body).replaceAll('$ID', providerMessageId)
      const accept = () => {
        if (!gateway.isAccepted(answer.status, answer.body) || !recorded.idempotencyKey) return
        gateway.accepted.set(recorded.idempotencyKey, providerMessageId)
        gateway.onAccepted?.(recorded, providerMessageId)
      }
      const reply = (done?: () => void) => {
        if (response.destroyed) return
        response.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' })
        response.end(body, done)
      }
      if (answer.delayMs === undefined) {
        reply(accept)
        return
      }
      accept()
      hanging.add(response)
      response.on('close', () => hanging.delete(response))
      const timer = setTimeout(() => reply(), answer.delayMs)
      response.on('close', () => clearTimeout(timer))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`
  return gateway
}

/** A port nothing listens on: connection refused. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}/sms`
}
