/**
 * Sign-in with the national electronic identity (tài khoản định danh điện tử, VNeID; issue 11): the
 * bodies and answers of `/api/v1/auth/eid/…`, the outcomes the citizen app shows after the provider
 * sends the browser back, and the rule that turns a verified identity into an outcome. The server's
 * relying party (OpenID Connect, authorisation code + PKCE) and the app share these.
 */
import { z } from 'zod'

/** 1 or 2: mức độ định danh điện tử (Nghị định 69/2024/NĐ-CP). Level 2 was checked in person. */
export const EidLevel = z.union([z.literal(1), z.literal(2)])
export type EidLevel = z.infer<typeof EidLevel>

/** What the sign-in's redirect back (`/sign-in/eid?outcome=…`) or the link's (`/account/eid?outcome=…`) says. */
export const EidOutcome = z.enum([
  /** An account holder: signed in (at level 2, any other device was signed out). */
  'signed_in',
  /** Level 2, a registry person without an account: the account was opened on the spot and signed in. */
  'account_created',
  /** Level 1, another device signed in: the device-change OTP was sent (requestId, sentTo, resendAfter). */
  'device_change_required',
  /** Level 1, a registry person without an account: register online or raise the e-ID to level 2. */
  'level_too_low',
  /** The verified personal ID is in no registry record. */
  'no_registry_match',
  /** The account is locked or closed by the office, or locked after wrong passwords. */
  'account_unavailable',
  /** The holder unlinked the e-ID: sign in with the password and link it again from the profile. */
  'eid_unlinked',
  /** Link mode: the account is now linked to this e-ID. */
  'linked',
  /** Link mode: it already was. */
  'already_linked',
  /** Link mode: the e-ID's personal ID is not the account holder's (or another account holds this e-ID). */
  'personal_id_mismatch',
  /** The person pressed "Từ chối" at the provider. */
  'denied',
  /** The flow is unknown, used already, expired, or its state does not match (replay, forgery): start again. */
  'state_invalid',
  /** The provider could not be reached, refused the code, or sent no personal ID or level. */
  'provider_error',
])
export type EidOutcome = z.infer<typeof EidOutcome>

/** Outcomes after which the browser holds a citizen session (read it with `GET /auth/me`). */
export const eidSignedInOutcomes: readonly EidOutcome[] = ['signed_in', 'account_created']

/** The query of the page the callback redirects to; extra fields only for device_change_required. */
export const EidOutcomeQuery = z.object({
  outcome: EidOutcome,
  requestId: z.uuid().optional(),
  sentTo: z.string().optional(),
  resendAfter: z.iso.datetime().optional(),
})
export type EidOutcomeQuery = z.infer<typeof EidOutcomeQuery>

/** Where the callback sends the browser: the citizen app's pages (same origin as the API). */
export const eidSignInResultPath = '/sign-in/eid'
export const eidLinkResultPath = '/account/eid'

const deviceId = z
  .string({ error: 'Thiếu mã thiết bị.' })
  .trim()
  .min(8)
  .max(100)
  .describe("The app's device id, as for the password sign-in: one device at a time is signed in")

/** `POST /auth/eid/start`: begin the sign-in; the answer's URL is where the browser goes next. */
export const EidStartBody = z.object({
  deviceId,
  deviceName: z.string().trim().max(100).optional(),
})
export type EidStartBody = z.infer<typeof EidStartBody>

export const EidAuthorization = z.object({
  authorizationUrl: z.url().describe("The provider's sign-in page: set window.location to it"),
})
export type EidAuthorization = z.infer<typeof EidAuthorization>

/** `GET /auth/eid/link`: the signed-in account's link. */
export const EidLinkView = z.object({
  linked: z.boolean(),
  linkedAt: z.iso.datetime().nullable(),
  /** The level the provider asserted at the last sign-in or link through it. */
  level: EidLevel.nullable(),
})
export type EidLinkView = z.infer<typeof EidLinkView>

/** `GET /api/v1/app-config` carries whether the e-ID button is shown. */
export const EidPublicConfig = z.object({
  enabled: z.boolean(),
})
export type EidPublicConfig = z.infer<typeof EidPublicConfig>

/** What the provider verified, as the relying party read it from its claims. */
export type VerifiedIdentity = {
  personalId: string
  level: EidLevel
}

/** What the registry and the accounts know of that personal ID. */
export type EidMatch =
  | { kind: 'none' }
  | { kind: 'person'; hasAccount: false }
  | { kind: 'person'; hasAccount: true; accountActive: boolean; unlinked: boolean; otherDevice: boolean }

/**
 * The linking rule of a sign-in (issue 11, item 2 and 3), pure: no match → a clear message; an
 * account → signed in (the one-device rule's OTP step is satisfied by level 2 only); no account → at
 * level 2 the account is opened on the spot (the 2025 rules need no office visit), at level 1 refused.
 */
export type EidSignInDecision =
  | { kind: 'refuse'; outcome: EidOutcome }
  | { kind: 'sign_in'; replaceOtherDevice: boolean }
  | { kind: 'device_change' }
  | { kind: 'create_account' }

export function decideEidSignIn(identity: VerifiedIdentity, match: EidMatch): EidSignInDecision {
  if (match.kind === 'none') return { kind: 'refuse', outcome: 'no_registry_match' }
  if (!match.hasAccount)
    return identity.level === 2 ? { kind: 'create_account' } : { kind: 'refuse', outcome: 'level_too_low' }
  if (!match.accountActive) return { kind: 'refuse', outcome: 'account_unavailable' }
  if (match.unlinked) return { kind: 'refuse', outcome: 'eid_unlinked' }
  if (match.otherDevice && identity.level !== 2) return { kind: 'device_change' }
  return { kind: 'sign_in', replaceOtherDevice: match.otherDevice }
}
