import type {
  AccountLookup,
  CitizenAccountDetail,
  CitizenAccountSearchResult,
  CitizenAccountSummary,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { notFound } from '../../platform/errors'
import { maskSearchedIdentifier } from '../audit/masking'
import { recordAudit } from '../audit/service'
import { contactAddressOf, presentAddress } from '../directory/service'
import type { StaffActor } from '../identity/staff-actor'
import { dossierOffice } from '../registration/dossier-office'
import { type AccountScope, reachesAccount, scopeOf } from './reach'
import {
  type AccountRow,
  countActiveSessions,
  findAccount,
  findAccountsByLookup,
  findIssuingDossier,
  type IssuingDossier,
  listActiveSessions,
  listRecentDossiers,
} from './repo'

/**
 * What staff read in "Tài khoản cá nhân": the accounts answering one exact identifier, and one
 * account with its signed-in devices and recent dossiers. Only accounts within reach (see reach.ts)
 * exist for them; every search and view is written to the audit log in the same transaction.
 */

/** An account with the dossier that issued it, which decides (with the address) who reaches it. */
export type PlacedAccount = AccountRow & { issuing: IssuingDossier | null }

/** The most accounts one search lists: a phone may be shared, but a crowd is not what a counter needs. */
const MOST_RESULTS = 20

export async function searchCitizenAccounts(
  deps: Deps,
  staff: StaffActor,
  lookup: AccountLookup,
): Promise<CitizenAccountSearchResult> {
  return deps.database.db.transaction(async (tx) => {
    const now = deps.clock()
    const scope = scopeOf(staff, now)
    // Bounded after the reach check: matches the staff member may not see must not crowd out those they may.
    const placed: PlacedAccount[] = []
    for (const row of await findAccountsByLookup(tx, lookup)) {
      if (placed.length === MOST_RESULTS) break
      const account = await placeInScope(tx, scope, row)
      if (account) placed.push(account)
    }
    const devices = await countActiveSessions(
      tx,
      placed.map(({ account }) => account.id),
      now,
    )
    const items: CitizenAccountSummary[] = []
    for (const account of placed)
      items.push(await presentSummary(tx, account, devices.get(account.account.id) ?? 0))
    await recordAudit(tx, {
      actor: staff,
      action: 'citizen_account.search',
      detail: { lookup: auditedLookup(lookup), returned: items.length },
    })
    return { items }
  })
}

export async function viewCitizenAccount(
  deps: Deps,
  staff: StaffActor,
  id: number,
): Promise<CitizenAccountDetail> {
  return deps.database.db.transaction(async (tx) => {
    const now = deps.clock()
    const scope = scopeOf(staff, now)
    const account = await findAccountInScope(tx, scope, id)
    if (!account) throw notFound('citizen account')
    await recordAudit(tx, {
      actor: staff,
      action: 'citizen_account.view',
      recordType: 'citizen_account',
      recordId: id,
    })
    return presentDetail(tx, scope, account, now)
  })
}

/** The account when it exists within scope; "missing" and "not yours" are the same null. */
export async function findAccountInScope(
  db: Executor,
  scope: AccountScope,
  id: number,
  options: { lock?: boolean } = {},
): Promise<PlacedAccount | null> {
  const row = await findAccount(db, id, options)
  return row ? placeInScope(db, scope, row) : null
}

async function placeInScope(
  db: Executor,
  scope: AccountScope,
  row: AccountRow,
): Promise<PlacedAccount | null> {
  const issuing = await findIssuingDossier(db, row.account.username)
  const reached = await reachesAccount(db, scope, row.holder, issuing?.officeCode ?? null)
  return reached ? { ...row, issuing } : null
}

async function presentSummary(
  db: Executor,
  { account, holder, issuing }: PlacedAccount,
  activeDevices: number,
): Promise<CitizenAccountSummary> {
  const office = issuing ? await dossierOffice(db, issuing.officeCode) : null
  return {
    id: account.id,
    bhxhCode: account.username,
    personalId: holder.personalId,
    fullName: holder.fullName,
    dateOfBirth: {
      year: holder.birthYear,
      ...(holder.birthMonth === null ? {} : { month: holder.birthMonth }),
      ...(holder.birthDay === null ? {} : { day: holder.birthDay }),
    },
    phone: holder.phone,
    email: holder.email,
    status: account.status,
    mustChangePassword: account.mustChangePassword,
    createdAt: account.createdAt.toISOString(),
    issuingOffice: office ? { code: office.code, name: office.name } : null,
    activeDevices,
  }
}

/** The account as the detail screen and every action's answer show it. */
export async function presentDetail(
  db: Executor,
  scope: AccountScope,
  account: PlacedAccount,
  now: Date,
): Promise<CitizenAccountDetail> {
  const sessions = await listActiveSessions(db, account.account.id, now)
  const dossiers = await listRecentDossiers(db, account.account.username)
  const address = await presentAddress(db, contactAddressOf(account.holder))
  return {
    ...(await presentSummary(db, account, sessions.length)),
    ...address,
    passwordChangedAt: account.account.passwordChangedAt?.toISOString() ?? null,
    statusReason: account.account.statusReason,
    statusChangedAt: account.account.statusChangedAt?.toISOString() ?? null,
    devices: sessions.map((session) => ({
      id: session.id,
      deviceName: session.deviceName,
      ip: session.ip,
      signedInAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
    })),
    dossiers: dossiers.map((dossier) => ({
      ...dossier,
      submittedAt: dossier.submittedAt.toISOString(),
      // The dossier opens for whoever reaches its office, as in review.
      openable: scope.national || scope.reach.includes(dossier.officeCode),
    })),
  }
}

function auditedLookup(lookup: AccountLookup): Record<string, string> {
  const masked: Record<string, string> = {}
  for (const [kind, value] of Object.entries(lookup))
    if (value !== null) masked[kind] = maskSearchedIdentifier(value)
  return masked
}
