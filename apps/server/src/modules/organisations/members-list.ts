import { MEMBER_PAGE_SIZE, type MemberListQuery, type MemberPage } from '@ansinh/domain'
import { notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import { listMembers } from './members-repo'
import { subtreeIdsOf } from './repo'
import { type OrganisationDeps, requireOrganisation } from './service'

/**
 * "Danh sách thành viên": the members of an organisation's subtree with their adoption flags, 50 a
 * page. Names and BHXH codes are personal data: every page read is audited (filters, never the
 * searched words).
 */
export async function listOrganisationMembers(
  deps: OrganisationDeps,
  actor: StaffActor,
  id: number,
  query: MemberListQuery,
): Promise<MemberPage> {
  return deps.database.db.transaction(async (tx) => {
    await requireOrganisation(tx, actor, id)
    const ids = await subtreeIdsOf(tx, id)
    // A filter on one organisation must stay inside the subtree: outside it is as absent as elsewhere.
    if (query.organisationId !== undefined && !ids.includes(query.organisationId))
      throw notFound('organisation')
    const { rows, total } = await listMembers(tx, ids, query, {
      limit: MEMBER_PAGE_SIZE,
      offset: (query.page - 1) * MEMBER_PAGE_SIZE,
    })
    await recordAudit(tx, {
      actor,
      action: 'organisation.members_listed',
      recordType: 'organisation',
      recordId: id,
      detail: {
        page: query.page,
        count: rows.length,
        role: query.role ?? null,
        registered: query.registered ?? null,
        organisationId: query.organisationId ?? null,
        unit: query.unit !== undefined,
        nameSearch: query.q !== undefined,
      },
    })
    return {
      items: rows.map((row) => ({
        id: row.id,
        organisation: { id: row.organisationId, name: row.organisationName },
        role: row.role,
        unit: row.unit,
        fullName: row.fullName,
        bhxhCode: row.bhxhCode,
        birthYear: row.birthYear,
        registered: row.registered,
        accountActive: row.accountActive,
        signedIn: row.signedIn,
      })),
      page: query.page,
      pageCount: Math.max(1, Math.ceil(total / MEMBER_PAGE_SIZE)),
      total,
    }
  })
}
