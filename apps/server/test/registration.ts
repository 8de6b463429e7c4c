import { desc, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import type { DatabaseHandle } from '../src/db/client'
import { messages } from '../src/db/schema'

/** Registration as a citizen does it, through the HTTP API, for tests of what comes after. */

export async function testJpeg(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .withExif({ IFD0: { Make: 'SecretCam' } })
    .jpeg()
    .toBuffer()
}

/** A valid declaration for office 07915 (BHXH Quận 5), with `overrides` on top. */
export function registrationForm(overrides: Record<string, unknown> = {}) {
  return {
    bhxhCode: '7900099001',
    fullName: 'Trần Văn Bình',
    idKind: 'personal_id',
    idNumber: '079090001234',
    address: {
      codeSet: '2025-07-01',
      provinceCode: '79',
      communeCode: '27301',
      street: 'Số 12 Trần Hưng Đạo',
    },
    phone: '0901111001',
    officeCode: '07915',
    contactChannel: 'sms',
    language: 'vi',
    agreed: true,
    ...overrides,
  }
}

export type TestPhotos = Partial<Record<'portrait' | 'idFront' | 'idBack', Buffer>>

/** The multipart body of `POST /api/v1/registrations`, as a browser's FormData encodes it. */
export async function registrationMultipart(body: Record<string, unknown>, photos: TestPhotos) {
  return multipartBody({ form: JSON.stringify(body) }, photos)
}

/** Text fields and JPEG files as a browser's FormData encodes them, for `app.inject`. */
export async function multipartBody(
  fields: Record<string, string>,
  files: Record<string, Buffer | Buffer[]>,
) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.set(name, value)
  for (const [name, bytes] of Object.entries(files))
    for (const one of [bytes].flat()) data.append(name, new Blob([one]), `${name}.jpg`)
  const encoded = new Response(data)
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  }
}

/** The six-digit code of the last message sent to `to` (the OTP the person would read). */
export async function lastCodeSentTo(database: DatabaseHandle, to: string): Promise<string> {
  const [message] = await database.db
    .select({ body: messages.body })
    .from(messages)
    .where(eq(messages.recipient, to))
    .orderBy(desc(messages.createdAt))
    .limit(1)
  const code = /\b(\d{6})\b/.exec(message?.body ?? '')?.[1]
  if (!code) throw new Error('no code sent')
  return code
}

/** Submits and confirms a registration; answers the confirmation (dossier number, status, office). */
export async function registerDossier(
  app: FastifyInstance,
  database: DatabaseHandle,
  body: Record<string, unknown>,
  photos: TestPhotos,
) {
  const submitted = await app.inject({
    method: 'POST',
    url: '/api/v1/registrations',
    ...(await registrationMultipart(body, photos)),
  })
  if (submitted.statusCode !== 201) throw new Error(`submission refused: ${submitted.body}`)
  const to = String(body.contactChannel === 'email' ? body.email : body.phone).toLowerCase()
  const confirmed = await app.inject({
    method: 'POST',
    url: `/api/v1/registrations/${submitted.json().id}/confirm`,
    payload: { otp: await lastCodeSentTo(database, to) },
  })
  if (confirmed.statusCode !== 200) throw new Error(`confirmation refused: ${confirmed.body}`)
  return confirmed.json() as { dossierNumber: string; status: string }
}
