import { type AccountRequestView, DossierKind } from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { contactAddressOf, describeAddress } from '../directory/service'
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

async function describeChanges(db: Executor, dossier: Dossier) {
  const before = dossier.previousContact
  const describe = {
    phone: async () => [before?.phone ?? null, dossier.phone] as const,
    email: async () => [before?.email ?? null, dossier.email] as const,
    address: async () =>
      [
        before ? await describeAddress(db, contactAddressOf(before)) : null,
        await describeAddress(db, contactAddressOf(dossier)),
      ] as const,
  }
  const changes = []
  for (const field of changedContactFields(before, dossier)) {
    const [was, requested] = await describe[field]()
    changes.push({ field, before: was, after: requested })
  }
  return changes
}
