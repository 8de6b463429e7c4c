import type { CitizenLoginBody, CitizenOtpSent, CitizenSignedIn } from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { lockedOut, wrongCredentials } from './auth-errors'
import { citizenAccountClosed, deviceChangeRequired } from './citizen-auth-errors'
import { checkAuthRequestOtp, notifyHolder, spendAuthRequest, startAuthRequest } from './citizen-otp-requests'
import {
  type CitizenWithHolder,
  countCitizenFailure,
  countSessionsOnOtherDevices,
  endCitizenSessionsBut,
  findCitizenById,
  findCitizenByUsername,
  recordCitizenSignIn,
} from './citizen-repo'
import {
  type CitizenAuthDeps,
  type CitizenClient,
  type CitizenDevice,
  openCitizenSession,
  signedInView,
} from './citizen-sessions'
import { activeLock } from './lockout'
import { hashPassword, needsRehash, verifyAgainstNobody, verifyPassword } from './password'

/**
 * Citizen sign-in with the BHXH code or the personal ID and the password, one device at a time
 * (seed 002): a sign-in on a second device is refused with DEVICE_CHANGE_OTP_REQUIRED until the
 * person proves the registered phone with an OTP; then the first device is signed out at once.
 */

export type CitizenOpened = { token: string; view: CitizenSignedIn }

export async function citizenLogin(
  deps: CitizenAuthDeps,
  input: CitizenLoginBody,
  client: CitizenClient,
): Promise<CitizenOpened> {
  const found = await checkCitizenCredentials(deps, input.username, input.password)
  const signedIn = await deps.database.db.transaction((tx) =>
    openOnOneDevice(tx, deps, found.account.id, input, client),
  )
  return { token: signedIn.opened.token, view: viewOf(deps, signedIn.found, signedIn.opened) }
}

/**
 * Opens the session of a sign-in whose proof (password or passkey) the caller checked, on this device
 * only: while another device holds a session the answer is 409 DEVICE_CHANGE_OTP_REQUIRED. The
 * account row's lock makes two devices signing in at once take turns: the second one sees the first
 * one's session and gets the 409. The account's state is read again under that lock, so an office
 * lock or a password lockout that landed meanwhile still refuses.
 */
export async function openOnOneDevice(
  tx: Executor,
  deps: CitizenAuthDeps,
  accountId: number,
  device: CitizenDevice,
  client: CitizenClient,
): Promise<{ found: CitizenWithHolder; opened: { token: string; expiresAt: Date } }> {
  const found = await findCitizenById(tx, accountId, { lock: true })
  if (!found) throw wrongCredentials()
  const now = deps.clock()
  const locked = activeLock(found.account.lockedUntil, now)
  if (locked) throw lockedOut(locked)
  if (found.account.status !== 'active') throw citizenAccountClosed(found.account.status)
  if ((await countSessionsOnOtherDevices(tx, accountId, device.deviceId, now)) > 0)
    throw deviceChangeRequired()
  return { found, opened: await openCitizenSession(tx, deps, found.account, device, client) }
}

/** "Tiếp tục": the password again (the 409 opened nothing), then an OTP to the registered phone. */
export async function startDeviceChange(
  deps: CitizenAuthDeps,
  input: CitizenLoginBody,
): Promise<CitizenOtpSent> {
  const found = await checkCitizenCredentials(deps, input.username, input.password)
  return startAuthRequest(deps, {
    purpose: 'device_change',
    accountId: found.account.id,
    holder: found.holder,
    deviceId: input.deviceId,
    deviceName: input.deviceName || null,
  })
}

/** The OTP came back: this device is signed in, every other one signed out (SIGNED_IN_ELSEWHERE). */
export async function confirmDeviceChange(
  deps: CitizenAuthDeps,
  requestId: string,
  otp: string,
  client: CitizenClient,
): Promise<CitizenOpened> {
  const request = await checkAuthRequestOtp(deps, requestId, { purpose: 'device_change' }, otp)
  const signedIn = await deps.database.db.transaction(async (tx) => {
    await spendAuthRequest(tx, deps, request)
    const found = await findCitizenById(tx, request.accountId, { lock: true })
    if (!found) throw wrongCredentials()
    if (found.account.status !== 'active') throw citizenAccountClosed(found.account.status)
    await endCitizenSessionsBut(tx, found.account.id, 'signed_in_elsewhere', deps.clock())
    const device: CitizenDevice = {
      deviceId: request.deviceId ?? '',
      deviceName: request.deviceName ?? undefined,
    }
    const opened = await openCitizenSession(tx, deps, found.account, device, client)
    await notifyHolder(tx, deps, found.holder, found.account.id, {
      kind: 'device_changed',
      deviceName: request.deviceName,
    })
    return { found, opened }
  })
  deps.kick()
  return { token: signedIn.opened.token, view: viewOf(deps, signedIn.found, signedIn.opened) }
}

export function viewOf(
  deps: CitizenAuthDeps,
  found: CitizenWithHolder,
  opened: { token: string; expiresAt: Date },
): CitizenSignedIn {
  return signedInView(deps, {
    ...opened,
    account: found.account,
    fullName: found.holder.fullName,
    now: deps.clock(),
  })
}

/**
 * The account of a username and password, or the refusal: unknown usernames and wrong passwords get
 * the same answer after the same argon2 work; CITIZEN_SIGN_IN_MAX_FAILURES wrong passwords in a row
 * lock the account for CITIZEN_LOCKOUT_MINUTES (429 with the time it unlocks). Only someone who knows
 * the password learns that the office locked or closed the account. A right password restarts the
 * count and upgrades a hash made with older argon2 parameters.
 */
export async function checkCitizenCredentials(
  deps: CitizenAuthDeps,
  username: string,
  password: string,
): Promise<CitizenWithHolder> {
  const db = deps.database.db
  const found = await findCitizenByUsername(db, username)
  if (!found) {
    await verifyAgainstNobody(password)
    throw wrongCredentials()
  }
  const { account } = found
  const now = deps.clock()
  const locked = activeLock(account.lockedUntil, now)
  if (locked) throw lockedOut(locked)
  if (!(await verifyPassword(account.passwordHash, password))) {
    const { maxFailures, lockoutMs } = deps.config.citizenSignIn
    const until = await countCitizenFailure(db, account.id, { now, maxFailures, lockoutMs })
    throw until ? lockedOut(until) : wrongCredentials()
  }
  if (account.status !== 'active') throw citizenAccountClosed(account.status)
  const rehashed = needsRehash(account.passwordHash) ? await hashPassword(password) : null
  await recordCitizenSignIn(db, account.id, { now, rehashed })
  return found
}
