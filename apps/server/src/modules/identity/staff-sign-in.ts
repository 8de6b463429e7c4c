import { recordAudit } from '../audit/service'
import { lockedOut, wrongCredentials } from './auth-errors'
import { hashPassword, needsRehash, verifyAgainstNobody, verifyPassword } from './password'
import { csrfTokenFor, hashSessionToken, newSessionToken } from './session-tokens'
import { accountDisabled } from './staff-auth-errors'
import { countWrongTry } from './staff-lockout'
import {
  findStaffByUsername,
  insertSession,
  type StaffAccountRow,
  saveTotpState,
  updatePasswordHash,
} from './staff-repo'
import { pendingSessionMs, type StaffAuthDeps, type StaffClient, signingInActor } from './staff-sessions'
import { newTotpSecret, sealTotp, totpUri } from './staff-totp'

/**
 * Step 1 of staff sign-in: username and password. A success opens a session that can do nothing but
 * take the second factor: a TOTP code (or a recovery code), or, for someone who has none yet, the
 * enrolment of an authenticator app with a secret generated now.
 */

export type StaffLoginInput = { username: string; password: string }

type Opened = { token: string; csrfToken: string }
export type StaffLoginResult =
  | (Opened & { next: 'totp' })
  | (Opened & { next: 'enrol'; secret: string; otpauthUri: string })

export async function staffLogin(
  deps: StaffAuthDeps,
  input: StaffLoginInput,
  client: StaffClient,
): Promise<StaffLoginResult> {
  const now = deps.clock()
  const staff = await findStaffByUsername(deps.database.db, normalizeUsername(input.username))
  if (!staff) return refuseUnknown(deps, input.password, client)
  if (staff.lockedUntil && staff.lockedUntil > now)
    return refuseLocked(deps, staff, staff.lockedUntil, client)
  if (!(await verifyPassword(staff.passwordHash, input.password))) return refuseWrong(deps, staff, client)
  // Only someone who knows the password learns that an administrator locked the account.
  if (staff.status !== 'active') return refuseDisabled(deps, staff, client)
  return openSession(deps, staff, input.password, client)
}

/** Usernames are stored in lower case; people type them as they like. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase()
}

async function refuseUnknown(deps: StaffAuthDeps, password: string, client: StaffClient): Promise<never> {
  await verifyAgainstNobody(password)
  // The typed username is not recorded: it may be anything, a personal ID or a password typed in the
  // wrong field included.
  await recordAudit(deps.database.db, {
    actor: null,
    action: 'staff.sign_in_failed',
    ip: client.ip,
    detail: { reason: 'unknown_user' },
  })
  throw wrongCredentials()
}

async function refuseLocked(
  deps: StaffAuthDeps,
  staff: StaffAccountRow,
  until: Date,
  client: StaffClient,
): Promise<never> {
  await auditRefusal(deps, staff, client, { reason: 'locked', lockedUntil: until.toISOString() })
  throw lockedOut(until)
}

async function refuseWrong(deps: StaffAuthDeps, staff: StaffAccountRow, client: StaffClient): Promise<never> {
  const now = deps.clock()
  const lockedUntil = await deps.database.db.transaction(async (tx) => {
    const until = await countWrongTry(tx, deps, { staffId: staff.id, sessionId: null, now })
    await auditRefusal(
      deps,
      staff,
      client,
      {
        reason: 'wrong_password',
        ...(until ? { lockedUntil: until.toISOString() } : {}),
      },
      tx,
    )
    return until
  })
  throw lockedUntil ? lockedOut(lockedUntil) : wrongCredentials()
}

async function refuseDisabled(
  deps: StaffAuthDeps,
  staff: StaffAccountRow,
  client: StaffClient,
): Promise<never> {
  await auditRefusal(deps, staff, client, { reason: 'account_locked' })
  throw accountDisabled()
}

/** Failures are recorded against the account tried, not as its act: whoever typed may be anyone. */
async function auditRefusal(
  deps: StaffAuthDeps,
  staff: StaffAccountRow,
  client: StaffClient,
  detail: Record<string, unknown>,
  tx = deps.database.db,
) {
  await recordAudit(tx, {
    actor: null,
    action: 'staff.sign_in_failed',
    recordType: 'staff_account',
    recordId: staff.id,
    ip: client.ip,
    // The administrators of the account's office see attempts on it.
    officeCode: staff.officeCode,
    detail,
  })
}

async function openSession(
  deps: StaffAuthDeps,
  staff: StaffAccountRow,
  password: string,
  client: StaffClient,
): Promise<StaffLoginResult> {
  const now = deps.clock()
  const token = newSessionToken()
  const enrolled = staff.totpEnabledAt !== null && staff.totpSecret !== null
  // A fresh secret at each sign-in until one is confirmed: a secret shown earlier (a photo of the
  // screen, another tab) is worth nothing once a new one is issued.
  const secret = enrolled ? null : newTotpSecret()
  const rehashed = needsRehash(staff.passwordHash) ? await hashPassword(password) : null
  await deps.database.db.transaction(async (tx) => {
    if (secret) {
      const sealed = sealTotp(deps.secrets.fileEncryptionKey, staff.id, { secret, lastStep: null })
      await saveTotpState(tx, staff.id, { sealed, enabledAt: null, now })
    }
    if (rehashed) await updatePasswordHash(tx, staff.id, rehashed, now)
    const sessionId = await insertSession(tx, {
      tokenHash: hashSessionToken(token),
      staffId: staff.id,
      stage: enrolled ? 'second_factor' : 'enrolment',
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      now,
      expiresAt: new Date(now.getTime() + pendingSessionMs),
    })
    await recordAudit(tx, {
      actor: signingInActor(staff, sessionId, client.ip),
      action: 'staff.sign_in',
      recordType: 'staff_account',
      recordId: staff.id,
      detail: { next: enrolled ? 'totp' : 'enrol' },
    })
  })
  const opened = { token, csrfToken: csrfTokenFor(deps.secrets.sessionSecret, token) }
  if (!secret) return { ...opened, next: 'totp' }
  return { ...opened, next: 'enrol', secret, otpauthUri: totpUri(staff.username, secret) }
}
