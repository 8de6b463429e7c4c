import { randomBytes } from 'node:crypto'
import {
  type CitizenOtpSent,
  decideEidSignIn,
  type EidMatch,
  type EidOutcome,
  ErrorCode,
} from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { DomainError } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { createCitizenAccount } from '../identity/accounts'
import { notifyHolder, startAuthRequest } from '../identity/citizen-otp-requests'
import {
  type CitizenWithHolder,
  countSessionsOnOtherDevices,
  endCitizenSessionsBut,
  findCitizenById,
  findCitizenByUsername,
} from '../identity/citizen-repo'
import type { CitizenAuthDeps, CitizenClient, CitizenDevice } from '../identity/citizen-sessions'
import { openOnOneDevice } from '../identity/citizen-sign-in'
import { hashSessionToken, newSessionToken } from '../identity/session-tokens'
import { bhxhCodeOfPersonalId, findPersonByBhxhCode } from '../registry/service'
import { type EidFailure, EidFailureReason } from './failure'
import { type EidAssertion, EidProviderError, type RelyingParty } from './relying-party'
import {
  type EidFlowRow,
  findEidLink,
  findEidLinkBySubject,
  insertEidFlow,
  saveEidLink,
  takeEidFlow,
} from './repo'

/**
 * Sign-in with the national e-ID (issue 11, items 1–3): a trip to the provider is started with its
 * checks kept in `eid_flows`, and the callback turns what the provider verified into an outcome by the
 * rule of `@ansinh/domain` (`decideEidSignIn`): a session, an account opened at level 2, the
 * device-change OTP at level 1, or a refusal. Link mode (from the profile) links the signed-in
 * account instead. Every outcome is audited, without the personal ID.
 */

/** Long enough to read the consent page, short for a flow nobody finishes. */
const flowLifetimeMs = 10 * 60_000

export type EidMode = EidFlowRow['mode']

export type EidStarted = { token: string; authorizationUrl: string }

/** Starts a trip to the provider; `token` goes into the browser's HttpOnly cookie. */
export async function startEidFlow(
  deps: CitizenAuthDeps,
  rp: RelyingParty,
  input: ({ mode: 'sign_in'; device: CitizenDevice } | { mode: 'link'; accountId: number }) & {
    redirectUri: string
  },
): Promise<EidStarted> {
  const checks = rp.newChecks(input.redirectUri)
  // Discovery first: an unreachable provider leaves no row behind.
  const authorizationUrl = await rp.authorizationUrl(checks).catch((error: unknown) => {
    throw providerUnavailable(error)
  })
  const token = newSessionToken()
  await insertEidFlow(deps.database.db, {
    tokenHash: hashSessionToken(token),
    mode: input.mode,
    state: checks.state,
    nonce: checks.nonce,
    codeVerifier: checks.codeVerifier,
    redirectUri: checks.redirectUri,
    accountId: input.mode === 'link' ? input.accountId : null,
    deviceId: input.mode === 'sign_in' ? input.device.deviceId : null,
    deviceName: input.mode === 'sign_in' ? (input.device.deviceName ?? null) : null,
    expiresAt: new Date(deps.clock().getTime() + flowLifetimeMs),
  })
  return { token, authorizationUrl }
}

function providerUnavailable(error: unknown): DomainError {
  // The log line of the 503 names the reason and the library's code, nothing the provider sent.
  const failure = error instanceof EidProviderError ? error.failure : null
  const facts = failure ? [failure.reason, failure.errorCode, failure.httpStatus].filter(Boolean) : []
  return new DomainError(
    ErrorCode.ServiceUnavailable,
    `e-ID provider unavailable${facts.length > 0 ? `: ${facts.join(' ')}` : ''}`,
    {
      userMessage: {
        vi: 'Không kết nối được hệ thống định danh điện tử. Vui lòng thử lại sau hoặc đăng nhập bằng mật khẩu.',
        en: 'The e-ID service could not be reached. Please try again later or sign in with your password.',
      },
    },
  )
}

export type EidFinished = {
  mode: EidMode
  outcome: EidOutcome
  /** A citizen session opened: its token for the cookie. */
  sessionToken?: string
  /** device_change_required: the OTP sent for the device change. */
  otp?: CitizenOtpSent
  /** Why the trip failed (state_invalid, denied, provider_error), for the operators' log. */
  failure?: EidFailure
}

/** Which check of the trip the callback fails, if any; the person sees state_invalid for all. */
function staleTrip(
  token: string | undefined,
  flow: EidFlowRow | null,
  state: string | null,
  now: Date,
): EidFailureReason | null {
  if (!token) return EidFailureReason.FlowCookieMissing
  if (!flow) return EidFailureReason.StateUnknownOrUsed
  if (flow.expiresAt <= now) return EidFailureReason.StateExpired
  if (!state) return EidFailureReason.StateMissing
  return state === flow.state ? null : EidFailureReason.StateMismatch
}

/**
 * The provider sent the browser back. The flow is taken (deleted) before anything else, so the same
 * callback never answers twice; a missing cookie, an unknown, expired or mismatched state refuses.
 */
export async function finishEidFlow(
  deps: CitizenAuthDeps,
  rp: RelyingParty,
  input: { token: string | undefined; query: string; client: CitizenClient },
): Promise<EidFinished> {
  const flow = input.token ? await takeEidFlow(deps.database.db, hashSessionToken(input.token)) : null
  const state = new URLSearchParams(input.query).get('state')
  const stale = staleTrip(input.token, flow, state, deps.clock())
  if (stale || !flow) {
    const mode = flow?.mode ?? 'sign_in'
    await audit(deps.database.db, { mode, outcome: 'state_invalid', ip: input.client.ip })
    return {
      mode,
      outcome: 'state_invalid',
      failure: { reason: stale ?? EidFailureReason.StateUnknownOrUsed },
    }
  }
  let assertion: EidAssertion
  try {
    assertion = await rp.finish(input.query, {
      state: flow.state,
      nonce: flow.nonce,
      codeVerifier: flow.codeVerifier,
      redirectUri: flow.redirectUri,
    })
  } catch (error) {
    if (!(error instanceof EidProviderError)) throw error
    await audit(deps.database.db, {
      mode: flow.mode,
      outcome: error.outcome,
      ip: input.client.ip,
      accountId: flow.accountId,
    })
    return { mode: flow.mode, outcome: error.outcome, failure: error.failure }
  }
  return flow.mode === 'link'
    ? linkAccount(deps, flow, assertion, input.client)
    : signIn(deps, flow, assertion, input.client)
}

async function matchOf(
  deps: CitizenAuthDeps,
  assertion: EidAssertion,
  deviceId: string,
): Promise<{ match: EidMatch; found: CitizenWithHolder | null }> {
  const db = deps.database.db
  const found = await findCitizenByUsername(db, assertion.personalId)
  // A stopped account (ngừng sử dụng) is reopened like a new one: registering again does the same.
  if (!found || found.account.status === 'stopped') {
    const inRegistry = (await bhxhCodeOfPersonalId(db, assertion.personalId)) !== null
    return { match: inRegistry ? { kind: 'person', hasAccount: false } : { kind: 'none' }, found: null }
  }
  const link = await findEidLink(db, found.account.id)
  const others = await countSessionsOnOtherDevices(db, found.account.id, deviceId, deps.clock())
  return {
    found,
    match: {
      kind: 'person',
      hasAccount: true,
      accountActive: found.account.status === 'active',
      unlinked: link?.status === 'unlinked',
      otherDevice: others > 0,
    },
  }
}

async function signIn(
  deps: CitizenAuthDeps,
  flow: EidFlowRow,
  assertion: EidAssertion,
  client: CitizenClient,
): Promise<EidFinished> {
  const device: CitizenDevice = { deviceId: flow.deviceId ?? '', deviceName: flow.deviceName ?? undefined }
  const { match, found } = await matchOf(deps, assertion, device.deviceId)
  const decision = decideEidSignIn({ personalId: assertion.personalId, level: assertion.level }, match)
  const record = { mode: 'sign_in' as const, level: assertion.level, ip: client.ip }
  try {
    switch (decision.kind) {
      case 'refuse':
        await audit(deps.database.db, { ...record, outcome: decision.outcome, accountId: found?.account.id })
        return { mode: 'sign_in', outcome: decision.outcome }
      case 'create_account':
        return await createAndSignIn(deps, assertion, device, client)
      case 'device_change':
        return await startDeviceChange(deps, found, device, record)
      case 'sign_in':
        return await openSession(deps, assertion, found, device, client, decision.replaceOtherDevice)
    }
  } catch (error) {
    // What the account's lock refuses after the match (a lockout or an office lock meanwhile, two
    // sign-ins at once) is answered as an unavailable account, never as an error page.
    if (!(error instanceof DomainError)) throw error
    const outcome: EidOutcome =
      error.code === ErrorCode.DeviceChangeOtpRequired ? 'device_change_required' : 'account_unavailable'
    if (outcome === 'device_change_required') return startDeviceChange(deps, found, device, record)
    await audit(deps.database.db, { ...record, outcome, accountId: found?.account.id })
    return { mode: 'sign_in', outcome }
  }
}

/** Signs an account holder in; at level 2 another device's session ends as with the device-change OTP. */
async function openSession(
  deps: CitizenAuthDeps,
  assertion: EidAssertion,
  found: CitizenWithHolder | null,
  device: CitizenDevice,
  client: CitizenClient,
  replaceOtherDevice: boolean,
): Promise<EidFinished> {
  if (!found) throw new Error('sign-in decided without an account')
  const accountId = found.account.id
  const token = await deps.database.db.transaction(async (tx) => {
    await findCitizenById(tx, accountId, { lock: true })
    if (replaceOtherDevice) {
      await endCitizenSessionsBut(tx, accountId, 'signed_in_elsewhere', deps.clock())
      await notifyHolder(tx, deps, found.holder, accountId, {
        kind: 'device_changed',
        deviceName: device.deviceName,
      })
    }
    const { opened } = await openOnOneDevice(tx, deps, accountId, device, client)
    await saveEidLink(tx, { ...linkOf(assertion), accountId, now: deps.clock() })
    await audit(tx, {
      mode: 'sign_in',
      outcome: 'signed_in',
      level: assertion.level,
      ip: client.ip,
      accountId,
    })
    return opened.token
  })
  if (replaceOtherDevice) deps.kick()
  return { mode: 'sign_in', outcome: 'signed_in', sessionToken: token }
}

/** Level 2 and no account: the account is opened on the spot and signed in (no office visit). */
async function createAndSignIn(
  deps: CitizenAuthDeps,
  assertion: EidAssertion,
  device: CitizenDevice,
  client: CitizenClient,
): Promise<EidFinished> {
  const token = await deps.database.db.transaction(async (tx) => {
    const bhxhCode = await bhxhCodeOfPersonalId(tx, assertion.personalId)
    const person = bhxhCode ? await findPersonByBhxhCode(tx, bhxhCode) : null
    if (!person || !bhxhCode) throw new Error('registry person vanished during the e-ID sign-in')
    // No password is given: a random one nobody knows. The person signs in with the e-ID, or sets a
    // password with "Quên mật khẩu" (an OTP to the registered phone).
    const { id: accountId } = await createCitizenAccount(tx, {
      personId: person.id,
      username: bhxhCode,
      password: randomBytes(24).toString('base64url'),
      mustChangePassword: false,
    })
    const { opened } = await openOnOneDevice(tx, deps, accountId, device, client)
    await saveEidLink(tx, { ...linkOf(assertion), accountId, now: deps.clock() })
    await audit(tx, {
      mode: 'sign_in',
      outcome: 'account_created',
      level: assertion.level,
      ip: client.ip,
      accountId,
    })
    return opened.token
  })
  return { mode: 'sign_in', outcome: 'account_created', sessionToken: token }
}

/** Level 1 while another device is signed in: the usual device-change OTP to the registered phone. */
async function startDeviceChange(
  deps: CitizenAuthDeps,
  found: CitizenWithHolder | null,
  device: CitizenDevice,
  record: { mode: 'sign_in'; level: number; ip: string },
): Promise<EidFinished> {
  if (!found) throw new Error('device change decided without an account')
  const otp = await startAuthRequest(deps, {
    purpose: 'device_change',
    accountId: found.account.id,
    holder: found.holder,
    deviceId: device.deviceId,
    deviceName: device.deviceName ?? null,
  })
  await audit(deps.database.db, { ...record, outcome: 'device_change_required', accountId: found.account.id })
  return { mode: 'sign_in', outcome: 'device_change_required', otp }
}

/** Link mode: the e-ID must be the signed-in account holder's. */
async function linkAccount(
  deps: CitizenAuthDeps,
  flow: EidFlowRow,
  assertion: EidAssertion,
  client: CitizenClient,
): Promise<EidFinished> {
  const db = deps.database.db
  const accountId = flow.accountId
  const found = accountId === null ? null : await findCitizenById(db, accountId)
  const record = { mode: 'link' as const, level: assertion.level, ip: client.ip, accountId }
  const outcome = await db.transaction(async (tx): Promise<EidOutcome> => {
    if (!found || accountId === null || found.account.status !== 'active') return 'account_unavailable'
    const other = await findEidLinkBySubject(tx, assertion.issuer, assertion.subject)
    if (found.holder.personalId !== assertion.personalId || (other && other.accountId !== accountId))
      return 'personal_id_mismatch'
    const current = await findEidLink(tx, accountId)
    const already = current?.status === 'linked' && current.subject === assertion.subject
    await saveEidLink(tx, { ...linkOf(assertion), accountId, now: deps.clock() })
    return already ? 'already_linked' : 'linked'
  })
  await audit(db, { ...record, outcome })
  return { mode: 'link', outcome }
}

function linkOf(assertion: EidAssertion) {
  return { issuer: assertion.issuer, subject: assertion.subject, level: assertion.level }
}

/** One audit entry per outcome: the mode, the outcome and the level; never the personal ID. */
async function audit(
  db: Executor,
  entry: {
    mode: EidMode
    outcome: EidOutcome
    ip: string
    level?: number
    accountId?: number | null | undefined
  },
): Promise<void> {
  await recordAudit(db, {
    actor: null,
    action: entry.mode === 'link' ? 'eid.link' : 'eid.sign_in',
    ...(entry.accountId ? { recordType: 'citizen_account', recordId: entry.accountId } : {}),
    detail: { outcome: entry.outcome, ...(entry.level ? { level: entry.level } : {}) },
    ip: entry.ip,
  })
}
