/**
 * What the e-ID provider's way back says (issue 11): the server's callback redirects the browser to
 * `/sign-in/eid?outcome=…` or `/account/eid?outcome=…`, and these pure functions turn that query
 * into what the page shows. A query the server did not write (edited by hand, cut short) reads as
 * `state_invalid`: start again.
 */
import { type EidOutcome, EidOutcomeQuery, eidSignedInOutcomes } from '@ansinh/domain'

/** What the person can do next after a refused sign-in, in the order the page offers it. */
export type EidNextStep = 'retry' | 'password' | 'register' | 'offices' | 'hotline'

/** The refusals of a sign-in: no session, a message and what to do next. */
export type EidRefusal = Exclude<
  EidOutcome,
  'signed_in' | 'account_created' | 'device_change_required' | LinkOutcome
>

type LinkOutcome = 'linked' | 'already_linked' | 'personal_id_mismatch'

const nextSteps: Record<EidRefusal, readonly EidNextStep[]> = {
  // Level 1 without an account: register online (or raise the e-ID to level 2 and come back).
  level_too_low: ['register', 'retry'],
  no_registry_match: ['offices', 'hotline'],
  account_unavailable: ['hotline', 'offices'],
  eid_unlinked: ['password'],
  denied: ['retry', 'password'],
  state_invalid: ['retry', 'password'],
  provider_error: ['retry', 'password'],
}

export type DeviceChangeRequest = { requestId: string; sentTo: string | null; resendAfter: string }

export type EidSignInResult =
  /** The browser holds a session now; `created`: the account was opened by this sign-in. */
  | { kind: 'session'; created: boolean }
  /** Level 1 on a new device: the device-change OTP was sent. */
  | { kind: 'otp'; request: DeviceChangeRequest }
  | { kind: 'refused'; outcome: EidRefusal; next: readonly EidNextStep[] }

function parseQuery(search: string): EidOutcomeQuery | null {
  const params = new URLSearchParams(search)
  const parsed = EidOutcomeQuery.safeParse(Object.fromEntries(params))
  return parsed.success ? parsed.data : null
}

function refused(outcome: EidRefusal): EidSignInResult {
  return { kind: 'refused', outcome, next: nextSteps[outcome] }
}

function isRefusal(outcome: EidOutcome): outcome is EidRefusal {
  return Object.hasOwn(nextSteps, outcome)
}

/** The sign-in's result page (`/sign-in/eid`). */
export function readEidSignInResult(search: string): EidSignInResult {
  const query = parseQuery(search)
  if (!query) return refused('state_invalid')
  if (eidSignedInOutcomes.includes(query.outcome))
    return { kind: 'session', created: query.outcome === 'account_created' }
  if (query.outcome === 'device_change_required') {
    const { requestId, sentTo, resendAfter } = query
    if (!requestId || !resendAfter) return refused('state_invalid')
    return { kind: 'otp', request: { requestId, sentTo: sentTo || null, resendAfter } }
  }
  // A link's outcome has no business on the sign-in page.
  return isRefusal(query.outcome) ? refused(query.outcome) : refused('state_invalid')
}

/** The outcomes of linking from the profile (`/account/eid`). */
export type EidLinkOutcome = Extract<EidOutcome, LinkOutcome | 'denied' | 'state_invalid' | 'provider_error'>

const linkOutcomes: readonly EidLinkOutcome[] = [
  'linked',
  'already_linked',
  'personal_id_mismatch',
  'denied',
  'state_invalid',
  'provider_error',
]

export type EidLinkResult = { outcome: EidLinkOutcome; success: boolean }

/** The link's result (`/account/eid`); null when the page was opened without one (from a link). */
export function readEidLinkResult(search: string): EidLinkResult | null {
  if (!new URLSearchParams(search).has('outcome')) return null
  const outcome = parseQuery(search)?.outcome
  const known = linkOutcomes.find((candidate) => candidate === outcome) ?? 'state_invalid'
  return { outcome: known, success: known === 'linked' || known === 'already_linked' }
}

/** A path of this app: `/…`, but not `//host` nor `/\host`, which browsers read as another site. */
const appPath = /^\/(?![/\\])/

/**
 * Where to go once signed in: the page that sent the person to the sign-in, kept across the trip to
 * the provider. Only a path of this app is followed, never another site.
 */
export function safeReturnPath(value: string | null | undefined): string {
  return value && appPath.test(value) ? value : '/'
}
