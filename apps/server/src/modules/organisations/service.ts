import {
  ErrorCode,
  foldVietnamese,
  type NewOrganisationBody,
  type OrganisationList,
  type OrganisationTargetBody,
  type OrganisationView,
  type RenameOrganisationBody,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import { type Executor, violatedUniqueConstraint } from '../../db/client'
import { DomainError, notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import {
  findInTree,
  insertOrganisation,
  listTree,
  type OrganisationRow,
  subtreeIdsOf,
  type TreeRoots,
  updateOrganisation,
} from './repo'

/**
 * Tổ chức: the tree of organisations and who reaches which. An organisation administrator reaches its
 * organisation and everything below it; office and system administrators the trees hanging under the
 * offices they reach. Anything else is answered 404, as if it did not exist.
 */

export type OrganisationDeps = Pick<Deps, 'database' | 'clock'>

/** Where the actor's visible trees start. */
export function rootsOf(actor: StaffActor): TreeRoots {
  if (actor.role === 'organisation_admin') {
    if (!actor.organisationId) throw notFound('organisation')
    return { organisationId: actor.organisationId }
  }
  if (actor.role === 'office_admin' || actor.role === 'system_admin') return { officeCodes: actor.reach }
  throw notFound('organisation')
}

/** The organisation if the actor reaches it; 404 otherwise. */
export async function requireOrganisation(
  db: Executor,
  actor: StaffActor,
  id: number,
): Promise<OrganisationRow> {
  const found = await findInTree(db, rootsOf(actor), id)
  if (!found) throw notFound('organisation')
  return found
}

/** The organisation and every organisation below it (for H2's exports and collections). */
export function subtreeIds(db: Executor, rootId: number): Promise<number[]> {
  return subtreeIdsOf(db, rootId)
}

export function organisationView(row: OrganisationRow): OrganisationView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentId: row.parentId,
    officeCode: row.officeCode,
    officeName: row.officeName,
    depth: row.depth,
    memberCount: row.memberCount,
    target:
      row.targetPercent !== null && row.targetDeadline !== null
        ? { percent: row.targetPercent, deadline: row.targetDeadline }
        : null,
    demo: row.demo,
  }
}

export async function listOrganisations(
  deps: OrganisationDeps,
  actor: StaffActor,
): Promise<OrganisationList> {
  const rows = await listTree(deps.database.db, rootsOf(actor))
  return { items: rows.map(organisationView) }
}

export async function viewOrganisation(
  deps: OrganisationDeps,
  actor: StaffActor,
  id: number,
): Promise<OrganisationView> {
  return organisationView(await requireOrganisation(deps.database.db, actor, id))
}

/**
 * A new organisation: under one the actor reaches (it takes its root's office), or, for office and
 * system administrators, at the top under an office of their reach.
 */
export async function createOrganisation(
  deps: OrganisationDeps,
  actor: StaffActor,
  body: NewOrganisationBody,
): Promise<OrganisationView> {
  try {
    return await deps.database.db.transaction(async (tx) => {
      const officeCode = await placeOf(tx, actor, body)
      const id = await insertOrganisation(tx, {
        code: body.code,
        name: body.name,
        foldedName: foldVietnamese(body.name),
        kind: body.kind,
        parentId: body.parentId ?? null,
        officeCode,
      })
      await recordAudit(tx, {
        actor,
        action: 'organisation.created',
        recordType: 'organisation',
        recordId: id,
        detail: { kind: body.kind, parentId: body.parentId ?? null, officeCode },
      })
      return organisationView(await requireOrganisation(tx, actor, id))
    })
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'organisations_code_uq')
      throw new DomainError(ErrorCode.Conflict, 'organisation code taken', {
        fields: { code: ['Mã tổ chức này đã được dùng.'] },
        userMessage: { vi: 'Mã tổ chức này đã được dùng.', en: 'This organisation code is already taken.' },
      })
    throw error
  }
}

async function placeOf(tx: Executor, actor: StaffActor, body: NewOrganisationBody): Promise<string> {
  if (body.parentId !== undefined) return (await requireOrganisation(tx, actor, body.parentId)).officeCode
  const officeCode = body.officeCode ?? ''
  if (actor.role === 'organisation_admin')
    throw new DomainError(ErrorCode.ValidationFailed, 'organisation admin creating a root', {
      fields: { parentId: ['Vui lòng chọn tổ chức cấp trên trong phạm vi quản lý của bạn.'] },
    })
  if (!actor.reach.includes(officeCode)) throw notFound('office')
  return officeCode
}

export async function renameOrganisation(
  deps: OrganisationDeps,
  actor: StaffActor,
  id: number,
  body: RenameOrganisationBody,
): Promise<OrganisationView> {
  return change(
    deps,
    actor,
    id,
    'organisation.renamed',
    { name: body.name, foldedName: foldVietnamese(body.name) },
    {},
  )
}

/** Mục tiêu: a registered share to reach by a deadline. */
export async function setOrganisationTarget(
  deps: OrganisationDeps,
  actor: StaffActor,
  id: number,
  body: OrganisationTargetBody,
): Promise<OrganisationView> {
  return change(
    deps,
    actor,
    id,
    'organisation.target_set',
    { targetPercent: body.percent, targetDeadline: body.deadline },
    { percent: body.percent, deadline: body.deadline },
  )
}

async function change(
  deps: OrganisationDeps,
  actor: StaffActor,
  id: number,
  action: string,
  values: Parameters<typeof updateOrganisation>[2],
  detail: Record<string, unknown>,
): Promise<OrganisationView> {
  return deps.database.db.transaction(async (tx) => {
    await requireOrganisation(tx, actor, id)
    await updateOrganisation(tx, id, values, deps.clock())
    await recordAudit(tx, { actor, action, recordType: 'organisation', recordId: id, detail })
    return organisationView(await requireOrganisation(tx, actor, id))
  })
}

/**
 * For the staff administration: the office of an organisation the administrator reaches (an
 * organisation administrator's account belongs to it), or 404.
 */
export async function officeOfReachableOrganisation(
  db: Executor,
  actor: StaffActor,
  organisationId: number,
): Promise<string> {
  return (await requireOrganisation(db, actor, organisationId)).officeCode
}

// The report lives beside its SQL; re-exported so other files of the module find it with the rest.
export { readAdoptionReport } from './adoption-report'
