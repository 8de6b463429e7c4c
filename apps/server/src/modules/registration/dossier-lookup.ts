import { maskName, type RegistrationStatusView } from '@ansinh/domain'
import type { Deps } from '../../app'
import { notFound } from '../../platform/errors'
import { contactAddressOf, presentAddress } from '../directory/service'
import { presentConfirmed } from './confirm-registration'
import { type DeclarationView, renderDeclarationPdf } from './declaration-pdf'
import { dossierOffice } from './dossier-office'
import { findDossierByNumberAndPhone, isPaperDossier, type PaperDossier } from './repo'

/**
 * What a person can see of a dossier without an account: its number and the phone it was filed with
 * are the key. A wrong pair and a missing dossier give the same answer.
 */

async function dossierFor(deps: Deps, dossierNumber: string, phone: string): Promise<PaperDossier> {
  const dossier = await findDossierByNumberAndPhone(deps.database.db, dossierNumber, phone)
  // Dossiers filed from an account (child, change, stop) are followed in the signed-in app.
  if (!dossier || !isPaperDossier(dossier)) throw notFound('dossier')
  return dossier
}

export async function registrationStatus(
  deps: Deps,
  query: { dossierNumber: string; phone: string },
): Promise<RegistrationStatusView> {
  const dossier = await dossierFor(deps, query.dossierNumber, query.phone)
  return {
    ...(await presentConfirmed(deps, dossier)),
    kind: dossier.kind,
    fullName: maskName(dossier.fullName),
    decidedAt: dossier.decidedAt?.toISOString() ?? null,
    reason: dossier.status === 'invalid' ? dossier.decisionReason : null,
  }
}

/** The declaration (tờ khai mẫu 01) as a PDF, drawn from the dossier as filed. */
export async function declarationPdf(
  deps: Deps,
  query: { dossierNumber: string; phone: string },
): Promise<Buffer> {
  const dossier = await dossierFor(deps, query.dossierNumber, query.phone)
  // An expired or replaced dossier's declaration was deleted with it (seed 002).
  if (dossier.status === 'expired' || dossier.status === 'cancelled') throw notFound('declaration')
  return renderDeclarationPdf(await declarationView(deps, dossier))
}

/**
 * What the declaration prints of a paper dossier: its own fields, the address in words (with its
 * current units when it was declared in old ones), the office.
 */
export async function declarationView(deps: Deps, dossier: PaperDossier): Promise<DeclarationView> {
  const db = deps.database.db
  return {
    dossierNumber: dossier.dossierNumber,
    submittedAt: dossier.submittedAt,
    paperDeadline: dossier.paperDeadline,
    bhxhCode: dossier.bhxhCode,
    fullName: dossier.fullName,
    idKind: dossier.idKind,
    idNumber: dossier.idNumber,
    ...(await presentAddress(db, contactAddressOf(dossier))),
    phone: dossier.phone,
    email: dossier.email,
    contactChannel: dossier.contactChannel,
    office: await dossierOffice(db, dossier.officeCode),
  }
}
