import {
  type DeclarationsQuery,
  ErrorCode,
  MAX_DECLARATIONS_PER_PDF,
  ORGANISATION_DOSSIER_PAGE_SIZE,
  type OrganisationDossierPage,
  type OrganisationDossierQuery,
  todayInVietnam,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import { DomainError } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import { renderDeclarationsPdf } from '../registration/declaration-pdf'
import { declarationView } from '../registration/dossier-lookup'
import { asPaperDossier } from '../registration/repo'
import { dossiersAwaitingPaper, listMemberDossiers, type MemberDossierRow } from './collect-repo'
import { auditedFilters, memberScope } from './collect-scope'

/**
 * Thu tờ khai (seed 001): the organisation administrator follows its members' registration dossiers
 * and downloads, in one PDF, the declarations of those who filed online but have not brought the
 * signed paper form, to have them signed and carried to the office together. The office records the
 * paper's arrival (review: "receive" sets the condition `received`), so "not handed in" is a pending
 * dossier still `awaiting_paper`. Both reads are audited.
 */

export async function listOrganisationDossiers(
  deps: Deps,
  staff: StaffActor,
  id: number,
  query: OrganisationDossierQuery,
): Promise<OrganisationDossierPage> {
  const db = deps.database.db
  const { organisation, members } = await memberScope(db, staff, id, query)
  const limit = ORGANISATION_DOSSIER_PAGE_SIZE
  const found = await listMemberDossiers(
    db,
    members,
    { status: query.status, condition: query.condition },
    { limit, offset: (query.page - 1) * limit },
  )
  await recordAudit(db, {
    actor: staff,
    action: 'organisation.dossiers_listed',
    recordType: 'organisation',
    recordId: organisation.id,
    detail: { ...auditedFilters(query), shown: found.rows.length, total: found.total },
  })
  return {
    items: found.rows.map(presentRow),
    page: query.page,
    pageCount: Math.max(1, Math.ceil(found.total / limit)),
    total: found.total,
    awaitingPaper: found.awaitingPaper,
  }
}

function presentRow(row: MemberDossierRow): OrganisationDossierPage['items'][number] {
  return {
    member: {
      id: row.memberId,
      fullName: row.fullName,
      bhxhCode: row.bhxhCode,
      role: row.role,
      unit: row.unit,
      organisation: { id: row.organisationId, name: row.organisationName },
    },
    dossier: {
      dossierNumber: row.dossierNumber,
      kind: row.kind,
      status: row.status,
      condition: row.condition,
      officeCode: row.officeCode,
      submittedAt: row.submittedAt.toISOString(),
      paperDeadline: row.condition === 'awaiting_paper' ? row.paperDeadline : null,
    },
  }
}

const tooMany = (limit: number) =>
  new DomainError(ErrorCode.ValidationFailed, 'too many declarations for one PDF', {
    fields: { unit: [`Chọn lớp/phòng hoặc đơn vị để tải không quá ${limit} tờ khai một lần.`] },
    userMessage: {
      vi: `Có hơn ${limit} tờ khai chưa nộp bản giấy. Vui lòng lọc theo đơn vị hoặc lớp/phòng để tải từng phần (tối đa ${limit} tờ khai mỗi lần).`,
      en: `More than ${limit} declarations await their paper form. Filter by organisation or class to download them in parts (${limit} at most each time).`,
    },
  })

const noneToCollect = () =>
  new DomainError(ErrorCode.NotFound, 'no declaration awaits its paper form', {
    userMessage: {
      vi: 'Không có tờ khai nào đang chờ nộp bản giấy.',
      en: 'No declaration is waiting for its paper form.',
    },
  })

/** One PDF with a page per declaration still awaiting its paper form; refused past the cap. */
export async function collectDeclarations(
  deps: Deps,
  staff: StaffActor,
  id: number,
  query: DeclarationsQuery,
): Promise<{ pdf: Buffer; count: number; fileName: string }> {
  const db = deps.database.db
  const { organisation, members } = await memberScope(db, staff, id, query)
  const found = await dossiersAwaitingPaper(db, members, MAX_DECLARATIONS_PER_PDF + 1)
  if (found.length > MAX_DECLARATIONS_PER_PDF) throw tooMany(MAX_DECLARATIONS_PER_PDF)
  if (found.length === 0) throw noneToCollect()
  const views = []
  for (const dossier of found) views.push(await declarationView(deps, asPaperDossier(dossier)))
  const today = todayInVietnam(deps.clock())
  const pdf = await renderDeclarationsPdf(views, {
    Title: `Tờ khai Mẫu số 01 chưa nộp bản giấy – ${organisation.name}`,
    CreationDate: deps.clock(),
  })
  await recordAudit(db, {
    actor: staff,
    action: 'organisation.declarations_downloaded',
    recordType: 'organisation',
    recordId: organisation.id,
    detail: { ...auditedFilters(query), declarations: found.length },
  })
  return { pdf, count: found.length, fileName: `to-khai-chua-nop-${organisation.code}-${today}.pdf` }
}
