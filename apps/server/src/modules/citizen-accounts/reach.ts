import { AddressCodeSet, type IsoDate, todayInVietnam } from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { mapOldCommuneToNew } from '../directory/repo'
import { contactAddressOf, findProvinceOffice, suggestOffice } from '../directory/service'
import type { StaffActor } from '../identity/staff-actor'
import type { AccountHolder } from './repo'

/**
 * Which citizen accounts a staff member may find and manage: those whose home office is within the
 * staff member's reach (their office and every office below it), as for the dossiers in review.
 *
 * - An account issued by a dossier is at home at the office that received that dossier (its latest
 *   valid 'new' or 'child' dossier for the BHXH code).
 * - An account issued without a dossier (seeded, migrated from the old system) is at home at the
 *   grassroots office that serves the person's address, the one registration suggests for it: that
 *   office and the province office above it reach the account, a neighbouring district's does not.
 * - When the directory knows no office serving the address (a commune it cannot map, an area whose
 *   grassroots office it does not list), the account is at home at the province office of the
 *   address's province, so that only that office reaches it.
 * - The national office (000) reaches every account.
 *
 * Outside reach an account does not exist for the staff member: every endpoint answers 404.
 */

const NATIONAL_OFFICE = '000'

export type AccountScope = {
  national: boolean
  reach: string[]
  /** Offices open and close: an address is served by the office open today (in Vietnam). */
  today: IsoDate
}

export function scopeOf(staff: StaffActor, now: Date): AccountScope {
  return { national: staff.reach.includes(NATIONAL_OFFICE), reach: staff.reach, today: todayInVietnam(now) }
}

/** Whether the account of `holder`, issued by a dossier received at `issuingOfficeCode` or by none, is within scope. */
export async function reachesAccount(
  db: Executor,
  scope: AccountScope,
  holder: AccountHolder,
  issuingOfficeCode: string | null,
): Promise<boolean> {
  // The national office needs no home office, so the address is not looked up for it.
  if (scope.national) return true
  const home = issuingOfficeCode ?? (await officeOfAddress(db, holder, scope.today))
  return home !== null && scope.reach.includes(home)
}

async function officeOfAddress(db: Executor, holder: AccountHolder, today: IsoDate): Promise<string | null> {
  const serving = await suggestOffice(db, contactAddressOf(holder), today)
  if (serving) return serving.code
  const provinceCode = await currentProvinceOf(db, holder)
  return provinceCode === null ? null : ((await findProvinceOffice(db, provinceCode, today))?.code ?? null)
}

/**
 * The 2025 province of a person's address. A pre-2025 address is mapped through its commune (or, for
 * an island district without communes, the district): provinces were merged whole, never split.
 */
async function currentProvinceOf(db: Executor, holder: AccountHolder): Promise<string | null> {
  if (holder.addressCodeSet === AddressCodeSet.Current) return holder.provinceCode
  const oldUnit = holder.communeCode ?? holder.districtCode
  if (!oldUnit) return null
  const [successor] = await mapOldCommuneToNew(db, oldUnit)
  return successor?.newProvinceCode ?? null
}
