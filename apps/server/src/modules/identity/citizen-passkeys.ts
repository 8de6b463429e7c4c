import type {
  CitizenPasskeyOptions,
  CitizenPasskeyRegisterBody,
  CitizenPasskeySignInBody,
  CitizenPasskeyView,
} from '@ansinh/domain'
import { ErrorCode } from '@ansinh/domain'
import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server'
import { isoBase64URL, isoUint8Array } from '@simplewebauthn/server/helpers'
import { DomainError, notFound } from '../../platform/errors'
import { notifyHolder } from './citizen-otp-requests'
import {
  deletePasskey,
  findPasskeyByCredentialId,
  insertPasskey,
  insertPasskeyChallenge,
  listPasskeys,
  type PasskeyChallengePurpose,
  recordPasskeyUse,
  takePasskeyChallenge,
} from './citizen-passkey-repo'
import { findCitizenById, findCitizenByUsername } from './citizen-repo'
import type { CitizenAuthDeps, CitizenClient, CitizenSessionRef } from './citizen-sessions'
import { type CitizenOpened, openOnOneDevice, viewOf } from './citizen-sign-in'

/**
 * Passkeys (WebAuthn): the fingerprint / Face ID quick sign-in. A person signed in with the password
 * registers one on the device; later the device's authenticator signs the server's challenge and
 * the person is signed in exactly as by the password: same session, same answer, same one-device
 * rule, and never for a locked or stopped account. Only public keys are kept.
 */

/** Where the browser must be and which domain the passkeys belong to. */
export type RelyingParty = { rpId: string; origin: string }

const rpName = 'An Sinh'
/** A challenge waits this long for its answer; the browser's own prompt times out sooner. */
const challengeTtlMs = 5 * 60_000
const promptTimeoutMs = 60_000

/**
 * The relying party from PUBLIC_URL: passkeys are bound to that domain. Without PUBLIC_URL (the
 * development and test server, reached as localhost or 127.0.0.1) the request's own host is used.
 */
export function relyingPartyOf(
  config: { publicUrl?: string | undefined },
  request: { protocol: string; host: string; hostname: string },
): RelyingParty {
  if (config.publicUrl) {
    const url = new URL(config.publicUrl)
    return { rpId: url.hostname, origin: url.origin }
  }
  return { rpId: request.hostname, origin: `${request.protocol}://${request.host}` }
}

/** Any failed passkey sign-in answers alike: which check failed helps nobody but an attacker. */
function passkeyRefused(): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, 'passkey sign-in refused', {
    userMessage: {
      vi: 'Không đăng nhập được bằng vân tay / Face ID. Vui lòng thử lại hoặc đăng nhập bằng mật khẩu.',
      en: 'Fingerprint / Face ID sign-in did not work. Please try again or sign in with your password.',
    },
  })
}

function registrationRefused(): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, 'passkey registration refused', {
    userMessage: {
      vi: 'Không bật được đăng nhập bằng vân tay / Face ID. Vui lòng thử lại.',
      en: 'Fingerprint / Face ID sign-in could not be turned on. Please try again.',
    },
  })
}

export async function passkeyRegistrationOptions(
  deps: CitizenAuthDeps,
  current: CitizenSessionRef,
  rp: RelyingParty,
): Promise<CitizenPasskeyOptions> {
  const db = deps.database.db
  const found = await findCitizenById(db, current.accountId)
  if (!found) throw new Error('a live session without its account')
  const existing = await listPasskeys(db, current.accountId)
  const options = await generateRegistrationOptions({
    rpName,
    rpID: rp.rpId,
    userName: found.account.username,
    userDisplayName: found.holder.fullName,
    // The user handle is stored on the authenticator and sent back at sign-in: an opaque id, not
    // the BHXH code.
    userID: isoUint8Array.fromUTF8String(`citizen:${found.account.id}`),
    attestationType: 'none',
    // Discoverable and verified: the sign-in page needs no username and the fingerprint or face
    // is checked on the device, which is what makes it a sign-in rather than a second factor.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports as AuthenticatorTransportFuture[],
    })),
    timeout: promptTimeoutMs,
  })
  return offerChallenge(deps, { purpose: 'register', accountId: current.accountId }, options)
}

export async function registerPasskey(
  deps: CitizenAuthDeps,
  current: CitizenSessionRef,
  body: CitizenPasskeyRegisterBody,
  rp: RelyingParty,
): Promise<CitizenPasskeyView> {
  const db = deps.database.db
  const challenge: ChallengeFor = { purpose: 'register', accountId: current.accountId }
  const expected = await expectedAnswer(deps, body.challengeId, challenge, rp)
  if (!expected) throw registrationRefused()
  const verification = await verifyRegistrationResponse({
    // Shape-checked by the route's schema; the library checks every field it reads.
    response: body.credential as unknown as RegistrationResponseJSON,
    ...expected,
  }).catch(() => null)
  if (!verification?.verified) throw registrationRefused()
  const { credential } = verification.registrationInfo
  if (await findPasskeyByCredentialId(db, credential.id)) throw registrationRefused()
  // A new way into the account: the holder is told at once, as for a new device or password.
  const added = await db.transaction(async (tx) => {
    const row = await insertPasskey(tx, {
      accountId: current.accountId,
      credentialId: credential.id,
      publicKey: isoBase64URL.fromBuffer(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      deviceName: body.deviceName || null,
    })
    const found = await findCitizenById(tx, current.accountId)
    if (found)
      await notifyHolder(tx, deps, found.holder, current.accountId, {
        kind: 'passkey_added',
        deviceName: body.deviceName,
      })
    return row
  })
  deps.kick()
  return presentPasskey(added)
}

/**
 * Options for a sign-in. No allowCredentials, even when the app knows the username: the list would
 * tell anyone whether an account has passkeys; discoverable passkeys need no list.
 */
export async function passkeySignInOptions(
  deps: CitizenAuthDeps,
  rp: RelyingParty,
): Promise<CitizenPasskeyOptions> {
  const options = await generateAuthenticationOptions({
    rpID: rp.rpId,
    userVerification: 'required',
    timeout: promptTimeoutMs,
  })
  return offerChallenge(deps, signInChallenge, options)
}

export async function passkeySignIn(
  deps: CitizenAuthDeps,
  body: CitizenPasskeySignInBody,
  client: CitizenClient,
  rp: RelyingParty,
): Promise<CitizenOpened> {
  const db = deps.database.db
  const now = deps.clock()
  const expected = await expectedAnswer(deps, body.challengeId, signInChallenge, rp, now)
  if (!expected) throw passkeyRefused()
  const passkey = await findPasskeyByCredentialId(db, body.credential.id)
  if (!passkey) throw passkeyRefused()
  if (body.username) {
    const named = await findCitizenByUsername(db, body.username)
    if (named?.account.id !== passkey.accountId) throw passkeyRefused()
  }
  const verification = await verifyAuthenticationResponse({
    response: body.credential as unknown as AuthenticationResponseJSON,
    ...expected,
    credential: {
      id: passkey.credentialId,
      publicKey: isoBase64URL.toBuffer(passkey.publicKey),
      counter: passkey.counter,
      transports: passkey.transports as AuthenticatorTransportFuture[],
    },
  }).catch(() => null)
  if (!verification?.verified) throw passkeyRefused()
  const signedIn = await db.transaction(async (tx) => {
    // A counter that did not move on (a cloned authenticator, or a replay racing this one) refuses.
    const counter = verification.authenticationInfo.newCounter
    if (!(await recordPasskeyUse(tx, passkey.id, { counter, now }))) throw passkeyRefused()
    return openOnOneDevice(tx, deps, passkey.accountId, body, client)
  })
  return { token: signedIn.opened.token, view: viewOf(deps, signedIn.found, signedIn.opened) }
}

export async function listOwnPasskeys(
  deps: CitizenAuthDeps,
  current: CitizenSessionRef,
): Promise<CitizenPasskeyView[]> {
  return (await listPasskeys(deps.database.db, current.accountId)).map(presentPasskey)
}

/** 404 for a passkey that is not the account's: the same answer as for one that does not exist. */
export async function removePasskey(deps: CitizenAuthDeps, current: CitizenSessionRef, id: string) {
  if (!(await deletePasskey(deps.database.db, current.accountId, id))) throw notFound('citizen passkey')
}

type ChallengeFor = { purpose: PasskeyChallengePurpose; accountId: number | null }
/** A sign-in's challenge belongs to no account yet: the passkey says whose it is. */
const signInChallenge: ChallengeFor = { purpose: 'sign_in', accountId: null }

/** Keeps the options' challenge for its one answer, and answers the options with the challenge's id. */
async function offerChallenge(
  deps: CitizenAuthDeps,
  challenge: ChallengeFor,
  options: { challenge: string },
): Promise<CitizenPasskeyOptions> {
  const challengeId = await insertPasskeyChallenge(deps.database.db, {
    ...challenge,
    challenge: options.challenge,
    expiresAt: new Date(deps.clock().getTime() + challengeTtlMs),
  })
  return { challengeId, options: jsonOf(options) }
}

/**
 * What the browser's answer must match: the challenge (taken, so it answers once), the origin, the
 * domain, and a person verified on the device. Null when the challenge is not one waiting for this.
 */
async function expectedAnswer(
  deps: CitizenAuthDeps,
  challengeId: string,
  challenge: ChallengeFor,
  rp: RelyingParty,
  now = deps.clock(),
) {
  const taken = await takePasskeyChallenge(deps.database.db, challengeId, { ...challenge, now })
  if (!taken) return null
  return {
    expectedChallenge: taken,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpId,
    requireUserVerification: true,
  }
}

/** The library's option types are interfaces, which TypeScript will not widen to a JSON record. */
function jsonOf(options: { challenge: string }): CitizenPasskeyOptions['options'] {
  return { ...options }
}

function presentPasskey(passkey: {
  id: string
  deviceName: string | null
  createdAt: Date
  lastUsedAt: Date | null
}): CitizenPasskeyView {
  return {
    id: passkey.id,
    deviceName: passkey.deviceName,
    createdAt: passkey.createdAt.toISOString(),
    lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
  }
}
