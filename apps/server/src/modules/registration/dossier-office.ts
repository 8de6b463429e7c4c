import type { OfficeContact } from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { officeWithParent } from '../directory/service'

export type DossierOffice = OfficeContact & { parentCode: string | null; parentName: string | null }

/** The receiving office as a dossier shows it; its code alone stands in if the directory lost it. */
export async function dossierOffice(db: Executor, code: string): Promise<DossierOffice> {
  const office = await officeWithParent(db, code)
  return {
    code,
    name: office?.name ?? code,
    address: office?.address ?? null,
    phone: office?.phone ?? null,
    openingHours: office?.openingHours ?? null,
    parentCode: office?.parentName ? office.parentCode : null,
    parentName: office?.parentName ?? null,
  }
}
