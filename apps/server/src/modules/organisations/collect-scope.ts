import type { MemberRole } from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { notFound } from '../../platform/errors'
import type { StaffActor } from '../identity/staff-actor'
import type { MemberFilter } from './collect-repo'
import { requireOrganisation, subtreeIds } from './service'

export type MemberScope = {
  organisation: Awaited<ReturnType<typeof requireOrganisation>>
  members: MemberFilter
}

/**
 * Who of an organisation's subtree a list, a download or a reminder is about: the organisation must
 * be within the staff member's reach, and an `organisationId` filter must name one of its subtree
 * (404 otherwise, as for anything outside reach).
 */
export async function memberScope(
  db: Executor,
  staff: StaffActor,
  id: number,
  filters: { role?: MemberRole | undefined; unit?: string | undefined; organisationId?: number | undefined },
): Promise<MemberScope> {
  const organisation = await requireOrganisation(db, staff, id)
  const organisationIds = await subtreeIds(db, organisation.id)
  if (filters.organisationId !== undefined && !organisationIds.includes(filters.organisationId)) {
    throw notFound('organisation')
  }
  return {
    organisation,
    members: {
      organisationIds,
      role: filters.role,
      unit: filters.unit,
      organisationId: filters.organisationId,
    },
  }
}

/** The filters a request gave, for its audit entry (codes, ids and a class name; never a person). */
export function auditedFilters(filters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined))
}
