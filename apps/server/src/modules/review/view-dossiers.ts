import {
  type DossierDetail,
  type DossierListItem,
  type DossierListPage,
  type DossierSearchQuery,
  namesMatch,
  PersonIdentifierKind,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { decodeCursor, pageOf } from '../../db/staff-lists'
import { notFound } from '../../platform/errors'
import { maskSearchedIdentifier } from '../audit/masking'
import { recordAudit } from '../audit/service'
import { contactAddressOf, presentAddress } from '../directory/service'
import type { StaffActor } from '../identity/staff-actor'
import { dossierOffice } from '../registration/dossier-office'
import { bhxhCodeOfPersonalId, findPersonByBhxhCode, type RegistryPerson } from '../registry/service'
import { presentAccountRequest } from './account-request-view'
import {
  countDossiers,
  type Dossier,
  type DossierFilters,
  findDossierInReach,
  findPhoto,
  findStaffName,
  listEvents,
  listPhotos,
  searchDossiers,
} from './repo'

/**
 * What a reviewer reads: the list ("Hồ sơ ĐK GDĐT" → "Cá nhân", "Mở rộng", "Tra cứu"), a dossier's
 * detail beside the registry's record, and its photos. Only dossiers of offices within the staff
 * member's reach exist for them; every search, view and photo is written to the audit log.
 */

/**
 * The search with its person resolved: a personal ID also finds the dossiers under the BHXH code the
 * registry holds for it, since a dossier is filed under the code.
 */
export async function resolveSearch(db: Executor, query: DossierSearchQuery): Promise<DossierFilters> {
  const { person, ...rest } = query
  if (!person) return rest
  if (person.kind === PersonIdentifierKind.BhxhCode) {
    return { ...rest, person: { bhxhCode: person.value, personalId: null } }
  }
  const bhxhCode = await bhxhCodeOfPersonalId(db, person.value)
  return { ...rest, person: { bhxhCode, personalId: person.value } }
}

export async function searchDossierList(
  deps: Deps,
  staff: StaffActor,
  query: DossierSearchQuery,
): Promise<DossierListPage> {
  const db = deps.database.db
  const filters = await resolveSearch(db, query)
  const rows = await searchDossiers(db, filters, staff.reach, decodeCursor(query.cursor))
  const { page, nextCursor } = pageOf(rows, query.limit, (row) => row.dossier)
  const total = await countDossiers(db, filters, staff.reach)
  await recordAudit(db, {
    actor: staff,
    action: 'dossier.search',
    detail: { filters: auditedFilters(query), returned: page.length, total },
  })
  return {
    items: page.map(({ dossier, assigneeName }) => listItem(dossier, assigneeName)),
    nextCursor,
    total,
  }
}

export async function viewDossier(deps: Deps, staff: StaffActor, id: number): Promise<DossierDetail> {
  const db = deps.database.db
  const dossier = await findDossierInReach(db, id, staff.reach)
  if (!dossier) throw notFound('dossier')
  await recordAudit(db, { actor: staff, action: 'dossier.view', recordType: 'dossier', recordId: id })
  return presentDetail(db, dossier)
}

/**
 * The JPEG (or its thumbnail) of one photo or scan of the dossier, replaced ones included, decrypted
 * for a reviewer who may see the dossier.
 */
export async function viewDossierFile(
  deps: Deps,
  staff: StaffActor,
  id: number,
  fileId: number,
  size: 'full' | 'thumbnail',
): Promise<Buffer> {
  const db = deps.database.db
  const dossier = await findDossierInReach(db, id, staff.reach)
  const photo = dossier ? await findPhoto(db, id, fileId) : null
  if (!photo) throw notFound('photo')
  await recordAudit(db, {
    actor: staff,
    action: 'dossier.photo_view',
    recordType: 'dossier',
    recordId: id,
    detail: { fileId, kind: photo.kind, size },
  })
  return deps.files.get(size === 'full' ? photo.fileId : photo.thumbnailFileId)
}

// One query after another: `db` is often a transaction, and a transaction's one connection runs one
// query at a time (node-postgres warns of queued queries on a client, and pg 9 refuses them).
export async function presentDetail(db: Executor, dossier: Dossier): Promise<DossierDetail> {
  const office = await dossierOffice(db, dossier.officeCode)
  const history = await listEvents(db, dossier.id)
  const photos = await listPhotos(db, dossier.id)
  const person = await findPersonByBhxhCode(db, dossier.bhxhCode)
  const address = await presentAddress(db, contactAddressOf(dossier))
  const assigneeName =
    dossier.assignedStaffId === null ? null : await findStaffName(db, dossier.assignedStaffId)
  return {
    ...listItem(dossier, assigneeName),
    version: dossier.version,
    idKind: dossier.idKind,
    idNumber: dossier.idNumber,
    ...address,
    phone: dossier.phone,
    email: dossier.email,
    contactChannel: dossier.contactChannel,
    office: { code: office.code, name: office.name },
    decidedAt: dossier.decidedAt?.toISOString() ?? null,
    decisionReason: dossier.decisionReason,
    photos: photos.map(({ photo, addedByName }) => ({
      id: photo.id,
      kind: photo.kind,
      width: photo.width,
      height: photo.height,
      addedBy: addedByName,
      addedAt: photo.createdAt.toISOString(),
      replacedAt: photo.replacedAt?.toISOString() ?? null,
    })),
    request: await presentAccountRequest(db, dossier),
    history: history.map(({ event, actorName }) => ({
      kind: event.kind,
      at: event.at.toISOString(),
      actor: actorName,
      detail: event.detail ?? null,
    })),
    registry: compareWithRegistry(dossier, person),
  }
}

/** The registry's record beside the dossier, differences marked (names compared after folding). */
function compareWithRegistry(dossier: Dossier, person: RegistryPerson | null): DossierDetail['registry'] {
  if (!person) return { found: false, fields: [] }
  const personalId = dossier.idKind === 'personal_id' ? dossier.idNumber : null
  return {
    found: true,
    fields: [
      {
        field: 'fullName',
        dossier: dossier.fullName,
        registry: person.fullName,
        differs: !namesMatch(dossier.fullName, person.fullName),
      },
      {
        field: 'personalId',
        dossier: personalId,
        registry: person.personalId,
        differs: personalId !== null && personalId !== person.personalId,
      },
      {
        field: 'phone',
        dossier: dossier.phone,
        registry: person.phone,
        differs: person.phone !== null && person.phone !== dossier.phone,
      },
      { field: 'provinceCode', dossier: dossier.provinceCode, registry: person.provinceCode, differs: false },
    ],
  }
}

function listItem(dossier: Dossier, assigneeName: string | null): DossierListItem {
  return {
    id: dossier.id,
    dossierNumber: dossier.dossierNumber,
    kind: dossier.kind,
    status: dossier.status,
    condition: dossier.condition,
    bhxhCode: dossier.bhxhCode,
    fullName: dossier.fullName,
    officeCode: dossier.officeCode,
    submittedAt: dossier.submittedAt.toISOString(),
    paperDeadline: dossier.paperDeadline,
    assignedTo:
      dossier.assignedStaffId === null ? null : { id: dossier.assignedStaffId, fullName: assigneeName ?? '' },
  }
}

function auditedFilters(query: DossierSearchQuery): Record<string, unknown> {
  const { person, cursor: _cursor, limit: _limit, ...rest } = query
  return { ...rest, ...(person ? { [person.kind]: maskSearchedIdentifier(person.value) } : {}) }
}
