import { type AccountRequestView, type ContactField, DossierKind } from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { contactAddressOf, presentAddress } from '../directory/service'
import { findAccountRef } from '../identity/accounts'
import { changedContactFields } from '../registry/service'
import type { Dossier } from './repo'

/**
 * What a child, change or stop dossier asks for, beside the account that filed it (seed 002,
 * "Màn hình chi tiết hồ sơ đăng ký thay đổi thông tin": the old value next to the new one).
 */
export async function presentAccountRequest(
  db: Executor,
  dossier: Dossier,
): Promise<AccountRequestView | null> {
  if (dossier.kind === DossierKind.New || dossier.filedByAccountId === null) return null
  const account = await findAccountRef(db, dossier.filedByAccountId)
  if (!account) return null
  switch (dossier.kind) {
    case DossierKind.Child:
      return { kind: 'child', guardian: account }
    case DossierKind.Stop:
      return { kind: 'stop', account, reason: dossier.requestNote }
    case DossierKind.Change:
      return { kind: 'change', account, changes: await describeChanges(db, dossier) }
  }
}

type ChangeSides = Omit<Extract<AccountRequestView, { kind: 'change' }>['changes'][number], 'field'>

async function describeChanges(db: Executor, dossier: Dossier) {
  const before = dossier.previousContact
  const plain = (was: string | null, requested: string | null): ChangeSides => ({
    before: was,
    after: requested,
    beforeUnits: null,
    afterUnits: null,
  })
  const describe: Record<ContactField, () => Promise<ChangeSides>> = {
    phone: async () => plain(before?.phone ?? null, dossier.phone),
    email: async () => plain(before?.email ?? null, dossier.email),
    // Either side may be in old units (an old record, or a person who still writes the old commune).
    address: async () => {
      const was = before ? await presentAddress(db, contactAddressOf(before)) : null
      const requested = await presentAddress(db, contactAddressOf(dossier))
      return {
        before: was?.address ?? null,
        after: requested.address,
        beforeUnits: was?.currentUnits ?? null,
        afterUnits: requested.currentUnits,
      }
    },
  }
  const changes = []
  for (const field of changedContactFields(before, dossier))
    changes.push({ field, ...(await describe[field]()) })
  return changes
}
