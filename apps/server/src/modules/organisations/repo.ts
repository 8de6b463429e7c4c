import type { AdoptionCounts, MemberRole, OrganisationKind } from '@ansinh/domain'
import { and, eq, type SQL, sql } from 'drizzle-orm'
import { arrayLiteral } from '../../db/array-literal'
import { type Executor, queryRows } from '../../db/client'
import { organisationAdoptionDaily, organisationMemberImports, organisations } from '../../db/schema'
import { FILED_DOSSIER_CODES } from './registered'

/**
 * The organisations' SQL: the tree (recursive CTEs on `parent_id`), the adoption figures of a subtree
 * in one pass, the daily history. Members and their import are in members-repo.ts.
 */

export type OrganisationRow = {
  id: number
  code: string
  name: string
  kind: OrganisationKind
  parentId: number | null
  officeCode: string
  officeName: string
  depth: number
  memberCount: number
  targetPercent: number | null
  targetDeadline: string | null
  demo: boolean
}

/** Where a tree starts: one organisation (its administrator's), or every root under some offices. */
export type TreeRoots = { organisationId: number } | { officeCodes: string[] }

function rootCondition(roots: TreeRoots): SQL {
  if ('organisationId' in roots) return sql`o.id = ${roots.organisationId}`
  if (roots.officeCodes.length === 0) return sql`false`
  return sql`o.parent_id is null and o.office_code = any(${arrayLiteral(roots.officeCodes)}::varchar[])`
}

/**
 * The trees under `roots`, parents before children, siblings by folded name (byte order: the same on
 * every engine and locale).
 */
export async function listTree(db: Executor, roots: TreeRoots): Promise<OrganisationRow[]> {
  const rows = await queryRows<RawOrganisation & { depth: number }>(
    db,
    sql`
    with recursive tree as (
      select o.id, 0 as depth, array[o.folded_name collate "C", o.id::text] as path
      from organisations o where ${rootCondition(roots)}
      union all
      select c.id, t.depth + 1, t.path || array[c.folded_name collate "C", c.id::text]
      from organisations c join tree t on c.parent_id = t.id
    )
    select ${organisationColumns}, t.depth
    from tree t join organisations o on o.id = t.id join offices f on f.code = o.office_code
    order by t.path`,
  )
  return rows.map(organisationOf)
}

type RawOrganisation = {
  id: string | number
  code: string
  name: string
  kind: OrganisationKind
  parent_id: string | number | null
  office_code: string
  office_name: string
  member_count: string | number
  target_percent: string | number | null
  /** yyyy-mm-dd: cast in SQL, as the drivers give a `date` differently (a Date, a string). */
  target_deadline: string | null
  demo: boolean
  depth?: number
}

const organisationColumns =
  sql.raw(`o.id, o.code, o.name, o.kind, o.parent_id, o.office_code, f.name as office_name,
  (select count(*) from organisation_members m where m.organisation_id = o.id) as member_count,
  o.target_percent, o.target_deadline::text as target_deadline, o.demo`)

function organisationOf(row: RawOrganisation): OrganisationRow {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    officeCode: row.office_code,
    officeName: row.office_name,
    depth: Number(row.depth ?? 0),
    memberCount: Number(row.member_count),
    targetPercent: row.target_percent === null ? null : Number(row.target_percent),
    targetDeadline: row.target_deadline,
    demo: row.demo,
  }
}

/** One organisation with its depth in `roots`' tree (steps below its root), or null when outside it. */
export async function findInTree(
  db: Executor,
  roots: TreeRoots,
  id: number,
): Promise<OrganisationRow | null> {
  // Walks up from the organisation (a few rows) rather than down the whole tree.
  const [row] = await queryRows<RawOrganisation>(
    db,
    sql`
    with recursive up as (
      select o.id, o.parent_id, 0 as steps from organisations o where o.id = ${id}
      union all
      select p.id, p.parent_id, up.steps + 1 from organisations p join up on p.id = up.parent_id
    ),
    top as (
      select up.id, up.steps from up join organisations o on o.id = up.id
      where ${rootCondition(roots)} order by up.steps desc limit 1
    )
    select ${organisationColumns}, top.steps as depth
    from top, organisations o join offices f on f.code = o.office_code
    where o.id = ${id}`,
  )
  return row ? organisationOf({ ...row, depth: Number(row.depth) }) : null
}

/** The organisation and every organisation below it. */
export async function subtreeIdsOf(db: Executor, rootId: number): Promise<number[]> {
  const rows = await queryRows<{ id: string | number }>(
    db,
    sql`
    with recursive tree(id) as (
      select ${rootId}::bigint
      union all
      select c.id from organisations c join tree t on c.parent_id = t.id
    )
    select id from tree`,
  )
  return rows.map((row) => Number(row.id))
}

/**
 * Every organisation of the tree `id` is in: its root and all below it (where a pupil may be a member
 * only once).
 */
export async function treeIdsOf(db: Executor, id: number): Promise<number[]> {
  const [root] = await queryRows<{ id: string | number }>(
    db,
    sql`
    with recursive up(id, parent_id) as (
      select o.id, o.parent_id from organisations o where o.id = ${id}
      union all
      select p.id, p.parent_id from organisations p join up on p.id = up.parent_id
    )
    select id from up where parent_id is null`,
  )
  return root ? subtreeIdsOf(db, Number(root.id)) : []
}

/** Organisations of `codes` within the subtree of `rootId` (the "Mã tổ chức" column of an import). */
export async function findByCodesInSubtree(
  db: Executor,
  rootId: number,
  codes: string[],
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map()
  const rows = await queryRows<{ id: string | number; code: string }>(
    db,
    sql`
    with recursive tree(id) as (
      select ${rootId}::bigint
      union all
      select c.id from organisations c join tree t on c.parent_id = t.id
    )
    select o.id, o.code from organisations o join tree t on t.id = o.id
    where o.code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`,
  )
  return new Map(rows.map((row) => [row.code, Number(row.id)]))
}

export async function insertOrganisation(
  db: Executor,
  values: {
    code: string
    name: string
    foldedName: string
    kind: OrganisationKind
    parentId: number | null
    officeCode: string
    demo?: boolean
  },
): Promise<number> {
  const [row] = await db.insert(organisations).values(values).returning({ id: organisations.id })
  if (!row) throw new Error('organisation insert returned no row')
  return row.id
}

export async function updateOrganisation(
  db: Executor,
  id: number,
  change: Partial<{ name: string; foldedName: string; targetPercent: number; targetDeadline: string }>,
  now: Date,
): Promise<void> {
  await db
    .update(organisations)
    .set({ ...change, updatedAt: now })
    .where(eq(organisations.id, id))
}

// ---------------------------------------------------------------------------------------------
// Adoption figures

// Each person's flags, once per member role: registered (registered.ts), account active, signed in at
// least once (a session ever opened: sessions are ended, never deleted).

export type UnitCounts = { unitId: number | null; role: MemberRole; counts: AdoptionCounts }

/**
 * The adoption counts of `rootId`'s subtree in one statement: per direct child (its own subtree) and
 * per role (`unitId` = the child), and for the whole subtree per role (`unitId` null). A person who
 * belongs to two schools counts once in the total of each role.
 */
export async function adoptionCounts(
  db: Executor,
  rootId: number,
): Promise<{ total: Map<MemberRole, AdoptionCounts>; units: UnitCounts[] }> {
  const rows = await queryRows<{
    whole: boolean
    unit_id: string | number | null
    role: MemberRole
    members: string | number
    registered: string | number
    account_active: string | number
    signed_in: string | number
  }>(
    db,
    sql`
    with recursive tree(id, unit_id) as (
      select c.id, c.id from organisations c where c.parent_id = ${rootId}
      union all
      select o.id, t.unit_id from organisations o join tree t on o.parent_id = t.id
    ),
    nodes(id, unit_id) as (select ${rootId}::bigint, null::bigint union all select id, unit_id from tree),
    people_flags as (
      select n.unit_id, m.person_id, m.role,
        (a.id is not null or d.bhxh_code is not null) as registered,
        coalesce(a.status = 'active', false) as account_active,
        (s.account_id is not null) as signed_in
      from organisation_members m
      join nodes n on n.id = m.organisation_id
      join people p on p.id = m.person_id
      left join citizen_accounts a on a.person_id = m.person_id
      left join (${FILED_DOSSIER_CODES}) d on d.bhxh_code = p.bhxh_code
      left join (select distinct account_id from citizen_sessions) s on s.account_id = a.id
    )
    select grouping(unit_id) = 1 as whole, unit_id, role,
      count(distinct person_id) as members,
      count(distinct person_id) filter (where registered) as registered,
      count(distinct person_id) filter (where account_active) as account_active,
      count(distinct person_id) filter (where signed_in) as signed_in
    from people_flags
    group by grouping sets ((unit_id, role), (role))`,
  )
  const total = new Map<MemberRole, AdoptionCounts>()
  const units: UnitCounts[] = []
  for (const row of rows) {
    const counts = {
      members: Number(row.members),
      registered: Number(row.registered),
      accountActive: Number(row.account_active),
      signedIn: Number(row.signed_in),
    }
    if (row.whole) total.set(row.role, counts)
    else if (row.unit_id !== null) units.push({ unitId: Number(row.unit_id), role: row.role, counts })
  }
  return { total, units }
}

/** The direct children of an organisation (the units of its report). */
export async function childrenOf(
  db: Executor,
  id: number,
): Promise<{ id: number; code: string; name: string; kind: OrganisationKind }[]> {
  return db
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      kind: organisations.kind,
    })
    .from(organisations)
    .where(eq(organisations.parentId, id))
}

// ---------------------------------------------------------------------------------------------
// Daily history

export type DayRow = {
  organisationId: number
  day: string
  role: MemberRole
  counts: AdoptionCounts
  demo: boolean
}

/** Writes (or rewrites) days of history; a measured day replaces an invented one. */
export async function upsertDays(db: Executor, rows: DayRow[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insert(organisationAdoptionDaily)
    .values(
      rows.map((row) => ({
        organisationId: row.organisationId,
        day: row.day,
        role: row.role,
        members: row.counts.members,
        registered: row.counts.registered,
        accountActive: row.counts.accountActive,
        signedIn: row.counts.signedIn,
        demo: row.demo,
      })),
    )
    .onConflictDoUpdate({
      target: [
        organisationAdoptionDaily.organisationId,
        organisationAdoptionDaily.day,
        organisationAdoptionDaily.role,
      ],
      set: {
        members: sql`excluded.members`,
        registered: sql`excluded.registered`,
        accountActive: sql`excluded.account_active`,
        signedIn: sql`excluded.signed_in`,
        demo: sql`excluded.demo`,
        recordedAt: sql`now()`,
      },
    })
}

/**
 * Today's row for every organisation at once (the daily job): each organisation's whole subtree, a
 * person once per role, in one statement whatever the number of organisations.
 */
export async function recordAllDays(db: Executor, day: string): Promise<number> {
  const rows = await queryRows<{ organisation_id: string }>(
    db,
    sql`
    with recursive closure(ancestor, id) as (
      select id, id from organisations
      union all
      select c.ancestor, o.id from organisations o join closure c on o.parent_id = c.id
    ),
    people_flags as (
      select m.person_id,
        bool_or(a.id is not null or d.bhxh_code is not null) as registered,
        bool_or(coalesce(a.status = 'active', false)) as account_active,
        bool_or(s.account_id is not null) as signed_in
      from organisation_members m
      join people p on p.id = m.person_id
      left join citizen_accounts a on a.person_id = m.person_id
      left join (${FILED_DOSSIER_CODES}) d on d.bhxh_code = p.bhxh_code
      left join (select distinct account_id from citizen_sessions) s on s.account_id = a.id
      group by m.person_id
    ),
    figures as (
      select c.ancestor as organisation_id, m.role,
        count(distinct m.person_id) as members,
        count(distinct m.person_id) filter (where f.registered) as registered,
        count(distinct m.person_id) filter (where f.account_active) as account_active,
        count(distinct m.person_id) filter (where f.signed_in) as signed_in
      from closure c
      join organisation_members m on m.organisation_id = c.id
      join people_flags f on f.person_id = m.person_id
      group by c.ancestor, m.role
    )
    insert into organisation_adoption_daily
      (organisation_id, day, role, members, registered, account_active, signed_in, demo)
    select organisation_id, ${day}::date, role, members, registered, account_active, signed_in, false
    from figures
    on conflict (organisation_id, day, role) do update set
      members = excluded.members, registered = excluded.registered,
      account_active = excluded.account_active, signed_in = excluded.signed_in,
      demo = false, recorded_at = now()
    returning organisation_id`,
  )
  return rows.length
}

/** The history of one organisation from `fromDay` on, oldest first. */
export async function historyOf(db: Executor, id: number, fromDay: string): Promise<DayRow[]> {
  const rows = await db
    .select()
    .from(organisationAdoptionDaily)
    .where(
      and(
        eq(organisationAdoptionDaily.organisationId, id),
        sql`${organisationAdoptionDaily.day} >= ${fromDay}`,
      ),
    )
    .orderBy(organisationAdoptionDaily.day)
  return rows.map((row) => ({
    organisationId: row.organisationId,
    day: row.day,
    role: row.role,
    counts: {
      members: row.members,
      registered: row.registered,
      accountActive: row.accountActive,
      signedIn: row.signedIn,
    },
    demo: row.demo,
  }))
}

// ---------------------------------------------------------------------------------------------
// Member imports (their counts and refused rows, for the error report)

export async function insertMemberImport(
  db: Executor,
  values: typeof organisationMemberImports.$inferInsert,
): Promise<number> {
  const [row] = await db
    .insert(organisationMemberImports)
    .values(values)
    .returning({ id: organisationMemberImports.id })
  if (!row) throw new Error('member import insert returned no row')
  return row.id
}

export async function findMemberImport(db: Executor, organisationId: number, importId: number) {
  const [row] = await db
    .select()
    .from(organisationMemberImports)
    .where(
      and(
        eq(organisationMemberImports.id, importId),
        eq(organisationMemberImports.organisationId, organisationId),
      ),
    )
  return row ?? null
}
