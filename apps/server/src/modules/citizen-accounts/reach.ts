import { AddressCodeSet } from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { findOffice, mapOldCommuneToNew } from '../directory/repo'
import type { StaffActor } from '../identity/staff-actor'
import type { AccountHolder } from './repo'

/**
 * Which citizen accounts a staff member may find and manage.
 *
 * - An account issued by a dossier belongs to the office that received that dossier (its latest
 *   valid 'new' or 'child' dossier for the BHXH code): it is within reach of the staff whose reach
 *   holds that office — the office itself and the offices above it, as for the dossier in review.
 * - An account issued without a dossier (seeded, migrated from the old system) belongs to the province
 *   of the person's address: it is within reach of the staff of the province office covering that
 *   province and of every office below it, since the person may walk into any office of the province.
 * - The national office (000) reaches every account.
 *
 * Outside reach an account does not exist for the staff member: every endpoint answers 404.
 */

const NATIONAL_OFFICE = '000'

export type AccountScope = {
  national: boolean
  reach: string[]
  /** The 2025 code of the province whose province office the staff member is at or below. */
  provinceCode: string | null
}

/** Where an account belongs: the office that issued it or, without one, the province of the address. */
export type AccountHome = { issuingOfficeCode: string | null; provinceCode: string | null }

export async function scopeOf(db: Executor, staff: StaffActor): Promise<AccountScope> {
  const national = staff.reach.includes(NATIONAL_OFFICE)
  return {
    national,
    reach: staff.reach,
    provinceCode: national ? null : await provinceOf(db, staff.officeCode),
  }
}

export function withinScope(scope: AccountScope, home: AccountHome): boolean {
  if (scope.national) return true
  if (home.issuingOfficeCode !== null) return scope.reach.includes(home.issuingOfficeCode)
  return home.provinceCode !== null && home.provinceCode === scope.provinceCode
}

/**
 * The 2025 province of a person's address. A pre-2025 address is mapped through its commune (or, for
 * an island district without communes, the district): provinces were merged whole, never split.
 */
export async function currentProvinceOf(db: Executor, holder: AccountHolder): Promise<string | null> {
  if (holder.addressCodeSet === AddressCodeSet.Current) return holder.provinceCode
  const oldUnit = holder.communeCode ?? holder.districtCode
  if (!oldUnit) return null
  const [successor] = await mapOldCommuneToNew(db, oldUnit)
  return successor?.newProvinceCode ?? null
}

// Offices carry 2025 province codes; a grassroots office answers for its province office's province.
async function provinceOf(db: Executor, officeCode: string): Promise<string | null> {
  let office = await findOffice(db, officeCode)
  for (let depth = 0; office?.kind === 'grassroots' && office.parentCode && depth < 3; depth += 1)
    office = await findOffice(db, office.parentCode)
  return office?.kind === 'province' ? office.provinceCode : null
}
