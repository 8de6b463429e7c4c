import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto'
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers'

/**
 * A software authenticator for server tests: one P-256 (ES256) passkey, `none` attestation, user
 * present and verified, a signature counter it raises by one per sign-in. It answers the JSON a
 * browser's `@simplewebauthn/browser` would send; the origin is the test's to choose, so a page on
 * another site can be played too.
 */
export type SoftPasskey = {
  credentialId: string
  counter: number
  register(options: { challenge: string; rp: { id?: string } }, origin: string): object
  authenticate(options: { challenge: string; rpId?: string }, origin: string, rpId?: string): object
}

const b64url = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes))
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest()

export function createSoftPasskey(userHandle = 'citizen:0'): SoftPasskey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const rawId = randomBytes(32)
  const passkey: SoftPasskey = {
    credentialId: b64url(rawId),
    counter: 0,
    register(options, origin) {
      const rpId = options.rp.id ?? new URL(origin).hostname
      const clientData = clientDataJson('webauthn.create', options.challenge, origin)
      // Flags: user present, user verified, attested credential data included.
      const authData = Buffer.concat([
        sha256(rpId),
        Buffer.from([0x01 | 0x04 | 0x40]),
        counterBytes(passkey.counter),
        Buffer.alloc(16), // AAGUID: none
        Buffer.from([0, rawId.length]),
        rawId,
        Buffer.from(coseKey(publicKey)),
      ])
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', new Uint8Array(authData)],
        ]) as Parameters<typeof isoCBOR.encode>[0],
      )
      return {
        id: passkey.credentialId,
        rawId: passkey.credentialId,
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientData),
          attestationObject: b64url(attestationObject),
          transports: ['internal'],
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      }
    },
    authenticate(options, origin, rpId = options.rpId ?? new URL(origin).hostname) {
      passkey.counter += 1
      const clientData = clientDataJson('webauthn.get', options.challenge, origin)
      const authData = Buffer.concat([
        sha256(rpId),
        Buffer.from([0x01 | 0x04]),
        counterBytes(passkey.counter),
      ])
      const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), privateKey)
      return {
        id: passkey.credentialId,
        rawId: passkey.credentialId,
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientData),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          userHandle: b64url(Buffer.from(userHandle)),
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      }
    },
  }
  return passkey
}

function clientDataJson(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }))
}

function counterBytes(counter: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32BE(counter)
  return bytes
}

/** The public key as a COSE EC2 map: kty 2, alg -7 (ES256), crv 1 (P-256), x, y. */
function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' })
  if (!jwk.x || !jwk.y) throw new Error('not an EC public key')
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(isoBase64URL.toBuffer(jwk.x))],
      [-3, new Uint8Array(isoBase64URL.toBuffer(jwk.y))],
    ]),
  )
}
