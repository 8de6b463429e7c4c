import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { recordAudit } from '../audit/service'
import { hashSessionToken } from './session-tokens'
import type { StaffActor, StaffRole } from './staff-actor'
import { notSignedIn } from './staff-auth-errors'
import {
  deleteStoppedSessions,
  endSession,
  findSessionByTokenHash,
  findStaffStanding,
  type SessionWithStaff,
} from './staff-repo'

/**
 * Staff sessions: when one is still good, what it shows of its staff member, signing out, and
 * deleting them once long stopped.
 * A session is good until it ends, reaches its absolute expiry (STAFF_SESSION_MAX_HOURS after sign-in;
 * a few minutes for one waiting for its second factor) or stays idle STAFF_SESSION_IDLE_MINUTES, and
 * only while its staff member's account is active.
 */

export type StaffAuthDeps = Pick<Deps, 'config' | 'database' | 'secrets' | 'clock'>
export type StaffClient = { ip: string; userAgent: string | null }

/** What the staff app shows of the signed-in person. */
export type StaffProfile = {
  id: number
  username: string
  fullName: string
  officeCode: string
  officeName: string
  role: StaffRole
  /** Until the one-time password an administrator gave is replaced, nothing else is open. */
  mustChangePassword: boolean
}

/** Long enough to open an authenticator app (or install one and scan the QR code), short for a thief. */
export const pendingSessionMs = 10 * 60_000

/** `last_seen_at` is written at most once a minute per session: reads stay reads. */
export const touchEveryMs = 60_000

/**
 * The cookie's session while it is good. One found past its time is ended here, with an audit entry,
 * so that the log shows when and why each session stopped.
 */
export async function loadLiveSession(
  deps: StaffAuthDeps,
  token: string,
  now: Date,
  ip: string,
): Promise<SessionWithStaff | null> {
  const found = await findSessionByTokenHash(deps.database.db, hashSessionToken(token))
  if (!found) return null
  const reason = endReason(deps, found, now)
  if (!reason) return found
  await deps.database.db.transaction(async (tx) => {
    if (!(await endSession(tx, found.session.id, now))) return
    await recordAudit(tx, {
      actor: signingInActor(found.staff, found.session.id, ip),
      action: 'staff.session_expired',
      recordType: 'staff_account',
      recordId: found.staff.id,
      detail: { reason, stage: found.session.stage },
    })
  })
  return null
}

function endReason(
  deps: StaffAuthDeps,
  { session, staff }: SessionWithStaff,
  now: Date,
): 'max_age' | 'idle' | 'account_locked' | null {
  if (session.expiresAt.getTime() <= now.getTime()) return 'max_age'
  if (now.getTime() - session.lastSeenAt.getTime() > deps.config.staffSignIn.idleMs) return 'idle'
  if (staff.status !== 'active') return 'account_locked'
  return null
}

export function profileOf({ staff, officeName }: SessionWithStaff): StaffProfile {
  return {
    id: staff.id,
    username: staff.username,
    fullName: staff.fullName,
    officeCode: staff.officeCode,
    officeName,
    role: staff.role,
    mustChangePassword: staff.mustChangePassword,
  }
}

/**
 * The staff member as an actor, without reach: what the audit log needs during sign-in (who, their
 * office, the address); the guard adds the reach once the session is active.
 */
export function signingInActor(staff: SessionWithStaff['staff'], sessionId: string, ip: string): StaffActor {
  return {
    id: staff.id,
    username: staff.username,
    fullName: staff.fullName,
    officeCode: staff.officeCode,
    role: staff.role,
    organisationId: staff.organisationId,
    reach: [],
    sessionId,
    ip,
  }
}

/** Ends the cookie's session, whatever its stage; signing out twice (or never signed in) is no error. */
export async function signOutStaff(deps: StaffAuthDeps, token: string, client: StaffClient): Promise<void> {
  const found = await findSessionByTokenHash(deps.database.db, hashSessionToken(token))
  if (!found) return
  await deps.database.db.transaction(async (tx) => {
    if (!(await endSession(tx, found.session.id, deps.clock()))) return
    await recordAudit(tx, {
      actor: signingInActor(found.staff, found.session.id, client.ip),
      action: 'staff.sign_out',
      recordType: 'staff_account',
      recordId: found.staff.id,
      detail: { stage: found.session.stage },
    })
  })
}

/**
 * The profile of a signed-in staff member, read now: offices get renamed, and the password duty ends
 * during the session.
 */
export async function currentProfile(deps: StaffAuthDeps, actor: StaffActor): Promise<StaffProfile> {
  const standing = await findStaffStanding(deps.database.db, actor.id)
  if (!standing) throw notSignedIn()
  return {
    id: actor.id,
    username: actor.username,
    fullName: actor.fullName,
    officeCode: actor.officeCode,
    role: actor.role,
    ...standing,
  }
}

/**
 * Ended and expired sessions stay 30 days, recent ones at hand to look into an incident; after that
 * the audit log alone holds the sign-in history (sign-in, sign-out, expiry, with the address).
 */
const stoppedSessionRetentionDays = 30

/** Deletes the sessions stopped (ended or expired) more than 30 days before `now`, in batches. */
export async function pruneStaffSessions(db: Executor, now: Date, batchSize = 1000): Promise<number> {
  const before = new Date(now.getTime() - stoppedSessionRetentionDays * 24 * 60 * 60_000)
  let deleted = 0
  for (;;) {
    const batch = await deleteStoppedSessions(db, before, batchSize)
    deleted += batch
    if (batch < batchSize) return deleted
  }
}
