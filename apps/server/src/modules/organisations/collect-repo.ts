import type { DossierCondition, DossierKind, DossierStatus, MemberRole } from '@ansinh/domain'
import { foldVietnamese } from '@ansinh/domain'
import { inArray, type SQL, sql } from 'drizzle-orm'
import { arrayLiteral } from '../../db/array-literal'
import { type Executor, queryRows } from '../../db/client'
import { dossiers } from '../../db/schema'

/**
 * The members' registration dossiers (tờ khai mẫu 01, kind `new`): for each member of a subtree with
 * a BHXH code, the newest dossier filed under that code. A member of two organisations of the
 * subtree is listed once.
 */

export type MemberFilter = {
  organisationIds: readonly number[]
  role?: MemberRole | undefined
  unit?: string | undefined
  /** One organisation of the subtree (already checked to be in it). */
  organisationId?: number | undefined
}

export type DossierFilter = {
  status?: DossierStatus | undefined
  condition?: DossierCondition | undefined
}

export type MemberDossierRow = {
  memberId: number
  fullName: string
  bhxhCode: string
  role: MemberRole
  unit: string | null
  organisationId: number
  organisationName: string
  dossierId: number
  dossierNumber: string
  kind: DossierKind
  status: DossierStatus
  condition: DossierCondition
  officeCode: string
  submittedAt: Date
  paperDeadline: string | null
}

/** One row per member of the selection, with the organisation they are listed under. */
export function selectedMembers(filter: MemberFilter): SQL {
  const ids = filter.organisationId ? [filter.organisationId] : filter.organisationIds
  const conditions = [sql`m.organisation_id = any(${arrayLiteral(ids)}::bigint[])`]
  if (filter.role) conditions.push(sql`m.role = ${filter.role}`)
  if (filter.unit) conditions.push(sql`m.folded_unit = ${foldVietnamese(filter.unit)}`)
  return sql`
    select distinct on (m.person_id) m.id as member_id, m.person_id, m.role, m.unit, m.organisation_id
    from organisation_members m
    where ${sql.join(conditions, sql` and `)}
    order by m.person_id, m.id`
}

/** The newest registration dossier of each selected member who has a BHXH code. */
function membersWithDossier(filter: MemberFilter): SQL {
  return sql`
    with selected as (${selectedMembers(filter)})
    select s.member_id, s.role, s.unit, s.organisation_id, o.name as organisation_name,
      p.full_name, p.folded_name, p.bhxh_code, d.id as dossier_id, d.dossier_number, d.kind, d.status,
      d.condition, d.office_code, d.submitted_at, d.paper_deadline::text as paper_deadline
    from selected s
    join people p on p.id = s.person_id
    join organisations o on o.id = s.organisation_id
    join lateral (
      select * from dossiers d
      where d.bhxh_code = p.bhxh_code and d.kind = 'new'
      order by d.submitted_at desc, d.id desc
      limit 1
    ) d on true
    where p.bhxh_code is not null`
}

/** The order of the list and of the declarations in the PDF: as a school files its papers. */
const LIST_ORDER = sql`organisation_name, unit nulls last, folded_name, member_id`

function dossierConditions(filter: DossierFilter): SQL {
  const conditions = [sql`true`]
  if (filter.status) conditions.push(sql`status = ${filter.status}`)
  if (filter.condition) conditions.push(sql`condition = ${filter.condition}`)
  return sql.join(conditions, sql` and `)
}

type RawRow = {
  member_id: string | number
  role: MemberRole
  unit: string | null
  organisation_id: string | number
  organisation_name: string
  full_name: string
  bhxh_code: string
  dossier_id: string | number
  dossier_number: string
  kind: DossierKind
  status: DossierStatus
  condition: DossierCondition
  office_code: string
  submitted_at: Date | string
  paper_deadline: string | null
  total: string | number
  awaiting_paper: string | number
}

/**
 * A page of members' dossiers, by organisation, class and name, with the number that match and how
 * many of those still wait for their paper form (one statement: the counts are window aggregates).
 */
export async function listMemberDossiers(
  db: Executor,
  members: MemberFilter,
  filter: DossierFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: MemberDossierRow[]; total: number; awaitingPaper: number }> {
  const rows = await queryRows<RawRow>(
    db,
    sql`
      with found as (${membersWithDossier(members)})
      select *, count(*) over () as total,
        count(*) filter (where status = 'pending' and condition = 'awaiting_paper') over () as awaiting_paper
      from found
      where ${dossierConditions(filter)}
      order by ${LIST_ORDER}
      limit ${page.limit} offset ${page.offset}`,
  )
  const first = rows[0]
  // Past the last page there is no row to carry the counts: count without the page.
  const counts = first
    ? { total: Number(first.total), awaitingPaper: Number(first.awaiting_paper) }
    : await countMemberDossiers(db, members, filter)
  return { rows: rows.map(toRow), ...counts }
}

async function countMemberDossiers(db: Executor, members: MemberFilter, filter: DossierFilter) {
  const [row] = await queryRows<{ total: string | number; awaiting_paper: string | number }>(
    db,
    sql`
      with found as (${membersWithDossier(members)})
      select count(*) as total,
        count(*) filter (where status = 'pending' and condition = 'awaiting_paper') as awaiting_paper
      from found
      where ${dossierConditions(filter)}`,
  )
  return { total: Number(row?.total ?? 0), awaitingPaper: Number(row?.awaiting_paper ?? 0) }
}

function toRow(row: RawRow): MemberDossierRow {
  return {
    memberId: Number(row.member_id),
    fullName: row.full_name,
    bhxhCode: row.bhxh_code,
    role: row.role,
    unit: row.unit,
    organisationId: Number(row.organisation_id),
    organisationName: row.organisation_name,
    dossierId: Number(row.dossier_id),
    dossierNumber: row.dossier_number,
    kind: row.kind,
    status: row.status,
    condition: row.condition,
    officeCode: row.office_code,
    submittedAt: new Date(row.submitted_at),
    paperDeadline: row.paper_deadline,
  }
}

/**
 * The dossiers whose paper form the office still waits for (pending, awaiting_paper), in the order
 * the list shows them; at most `limit`, so the caller can tell "more than allowed" from `limit + 1`.
 */
export async function dossiersAwaitingPaper(db: Executor, members: MemberFilter, limit: number) {
  const found = await queryRows<{ dossier_id: string | number }>(
    db,
    sql`
      with found as (${membersWithDossier(members)})
      select dossier_id from found
      where status = 'pending' and condition = 'awaiting_paper'
      order by ${LIST_ORDER}
      limit ${limit}`,
  )
  const ids = found.map((row) => Number(row.dossier_id))
  if (ids.length === 0) return []
  const rows = await db.select().from(dossiers).where(inArray(dossiers.id, ids))
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
