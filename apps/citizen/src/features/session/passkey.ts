/**
 * The browser's side of passkeys (the fingerprint / Face ID sign-in): the server's options in, the
 * authenticator's signed answer out. Offered only where the browser has WebAuthn.
 */
import type { CitizenPasskeyOptions } from '@ansinh/domain'
import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser'

export const passkeysSupported = (): boolean => browserSupportsWebAuthn()

/** The person closed the prompt or it timed out: no error to show, they just did not go on. */
export type PasskeyOutcome<T> = { ok: true; credential: T } | { ok: false; cancelled: boolean }

// The options come from our server, which made them with the same library's types.
export async function createPasskey(options: CitizenPasskeyOptions['options']) {
  return ceremony(() =>
    startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON }),
  )
}

export async function signWithPasskey(options: CitizenPasskeyOptions['options']) {
  return ceremony(() =>
    startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON }),
  )
}

async function ceremony<T>(run: () => Promise<T>): Promise<PasskeyOutcome<T>> {
  try {
    return { ok: true, credential: await run() }
  } catch (error) {
    return { ok: false, cancelled: error instanceof Error && error.name === 'NotAllowedError' }
  }
}
