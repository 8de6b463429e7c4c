import type { CitizenDeviceView, CitizenSignedIn } from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { notFound } from '../../platform/errors'
import { citizenAccountClosed, citizenNotSignedIn, signedInElsewhere } from './citizen-auth-errors'
import {
  type CitizenAccountRow,
  type CitizenSessionRow,
  endCitizenSession,
  findCitizenSessionByTokenHash,
  insertCitizenSession,
  listCitizenSessions,
} from './citizen-repo'
import { csrfTokenFor, hashSessionToken, newSessionToken } from './session-tokens'

/**
 * Citizen sessions (one signed-in device at a time): opening one, when one is still good, what it
 * shows, the devices page and signing out. A phone app stays signed in: a session is good until it
 * ends, stays idle CITIZEN_SESSION_IDLE_MINUTES (7 days) or reaches CITIZEN_SESSION_MAX_DAYS (30)
 * after sign-in, and only while the account is active. These are the person's own acts: no audit
 * log entries (that log is of staff's acts on people's records).
 */

export type CitizenAuthDeps = Pick<
  Deps,
  'config' | 'database' | 'secrets' | 'clock' | 'recipientCounters' | 'kick'
>
export type CitizenClient = { ip: string }
export type CitizenDevice = { deviceId: string; deviceName?: string | undefined }

/** The session behind a request, as the guard found it. */
export type CitizenSessionRef = { sessionId: string; accountId: number; token: string; expiresAt: Date }

/** `last_seen_at` is written at most once a minute per session: reads stay reads. */
const touchEveryMs = 60_000

/**
 * Opens a session for the device. Another session of the same device (the app signing in again) is
 * replaced; sessions on other devices are the caller's business (the one-device rule).
 */
export async function openCitizenSession(
  tx: Executor,
  deps: CitizenAuthDeps,
  account: CitizenAccountRow,
  device: CitizenDevice,
  client: CitizenClient,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const now = deps.clock()
  const token = newSessionToken()
  const expiresAt = new Date(now.getTime() + deps.config.citizenSignIn.maxAgeMs)
  await endSameDevice(tx, account.id, device.deviceId, now)
  const sessionId = await insertCitizenSession(tx, {
    tokenHash: hashSessionToken(token),
    accountId: account.id,
    deviceId: device.deviceId,
    deviceName: device.deviceName || null,
    ip: client.ip,
    now,
    expiresAt,
  })
  return { token, sessionId, expiresAt }
}

async function endSameDevice(tx: Executor, accountId: number, deviceId: string, now: Date) {
  for (const session of await listCitizenSessions(tx, accountId, now))
    if (session.deviceId === deviceId)
      await endCitizenSession(tx, { id: session.id, accountId }, 'signed_out', now)
}

/** Still the one-time password, or a password older than CITIZEN_PASSWORD_MAX_AGE_DAYS. */
export function passwordDuty(
  deps: Pick<CitizenAuthDeps, 'config'>,
  account: CitizenAccountRow,
  now: Date,
): { mustChangePassword: boolean; passwordExpired: boolean } {
  const changedAt = account.passwordChangedAt ?? account.createdAt
  return {
    mustChangePassword: account.mustChangePassword,
    passwordExpired:
      !account.mustChangePassword &&
      now.getTime() - changedAt.getTime() > deps.config.citizenSignIn.passwordMaxAgeMs,
  }
}

export function signedInView(
  deps: Pick<CitizenAuthDeps, 'config' | 'secrets'>,
  signedIn: { account: CitizenAccountRow; fullName: string; token: string; expiresAt: Date; now: Date },
): CitizenSignedIn {
  return {
    account: {
      bhxhCode: signedIn.account.username,
      fullName: signedIn.fullName,
      ...passwordDuty(deps, signedIn.account, signedIn.now),
    },
    csrfToken: csrfTokenFor(deps.secrets.sessionSecret, signedIn.token),
    expiresAt: signedIn.expiresAt.toISOString(),
  }
}

/**
 * The cookie's session while it is good; 401 otherwise, SIGNED_IN_ELSEWHERE when another device took
 * over. One found past its time is ended here, so the devices page and the office see it gone.
 */
export async function loadLiveCitizenSession(
  deps: CitizenAuthDeps,
  token: string,
  now: Date,
): Promise<{ session: CitizenSessionRow; account: CitizenAccountRow }> {
  const found = await findCitizenSessionByTokenHash(deps.database.db, hashSessionToken(token))
  if (!found) throw citizenNotSignedIn()
  const { session, account } = found
  if (session.endedAt)
    throw session.endReason === 'signed_in_elsewhere' ? signedInElsewhere() : citizenNotSignedIn()
  const idle = now.getTime() - session.lastSeenAt.getTime() > deps.config.citizenSignIn.idleMs
  if (session.expiresAt <= now || idle) {
    await endCitizenSession(deps.database.db, { id: session.id, accountId: account.id }, 'expired', now)
    throw citizenNotSignedIn()
  }
  if (account.status !== 'active') {
    await endCitizenSession(deps.database.db, { id: session.id, accountId: account.id }, 'staff', now)
    throw citizenAccountClosed(account.status)
  }
  return found
}

export function needsTouch(session: CitizenSessionRow, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= touchEveryMs
}

/** Ends the cookie's session; signing out twice (or never signed in) is no error. */
export async function signOutCitizen(deps: CitizenAuthDeps, token: string): Promise<void> {
  const found = await findCitizenSessionByTokenHash(deps.database.db, hashSessionToken(token))
  if (!found || found.session.endedAt) return
  await endCitizenSession(
    deps.database.db,
    { id: found.session.id, accountId: found.account.id },
    'signed_out',
    deps.clock(),
  )
}

/** The devices page: where the account is signed in (one device, but the list says so plainly). */
export async function listCitizenDevices(
  deps: CitizenAuthDeps,
  current: CitizenSessionRef,
): Promise<CitizenDeviceView[]> {
  const sessions = await listCitizenSessions(deps.database.db, current.accountId, deps.clock())
  return sessions.map((session) => ({
    id: session.id,
    deviceName: session.deviceName,
    current: session.id === current.sessionId,
    signedInAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    ip: session.ip === null ? null : maskIp(session.ip),
  }))
}

/** Signs one of the account's devices out (the current one included); 404 for anyone else's. */
export async function signOutDevice(
  deps: CitizenAuthDeps,
  current: CitizenSessionRef,
  sessionId: string,
): Promise<void> {
  const ended = await endCitizenSession(
    deps.database.db,
    { id: sessionId, accountId: current.accountId },
    'signed_out',
    deps.clock(),
  )
  if (!ended) throw notFound('citizen session')
}

/** Enough to recognise one's own network, not enough to locate anyone: the last part is hidden. */
export function maskIp(ip: string): string {
  if (ip.includes(':')) return `${ip.split(':').slice(0, 3).join(':')}:…`
  const parts = ip.split('.')
  return parts.length === 4 ? `${parts.slice(0, 3).join('.')}.x` : '…'
}
