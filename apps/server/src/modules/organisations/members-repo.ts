import type { MemberListQuery } from '@ansinh/domain'
import { foldVietnamese, MemberRole, PersonIdentifier, PersonIdentifierKind } from '@ansinh/domain'
import { type SQL, sql } from 'drizzle-orm'
import { arrayLiteral } from '../../db/array-literal'
import { type Executor, queryRows } from '../../db/client'
import { personRegistered } from './registered'

/** Members of organisations: the set-based upsert of an import batch and the filtered list. */

export type MemberUpsert = {
  organisationId: number
  personId: number
  role: MemberRole
  unit: string | null
}

/**
 * Adds or updates a batch of members in one statement (a JSON record set). A row that matches its
 * member as it already is writes nothing, so a re-imported file changes nothing. A pupil belongs to one
 * organisation of a tree (`treeIds`, the whole tree of the importing organisation): the same statement
 * ends their pupil membership anywhere else in it, unless the batch itself names them there (as staff).
 * Answers how many were added, updated and moved (their membership elsewhere ended; a moved row is
 * counted only as moved); the rest of the batch was unchanged.
 */
export async function upsertMembers(
  db: Executor,
  rows: MemberUpsert[],
  treeIds: number[],
): Promise<{ added: number; updated: number; moved: number }> {
  if (rows.length === 0) return { added: 0, updated: 0, moved: 0 }
  const records = rows.map((row) => ({
    organisation_id: row.organisationId,
    person_id: row.personId,
    role: row.role,
    unit: row.unit,
    folded_unit: row.unit === null ? null : foldVietnamese(row.unit),
  }))
  // The delete and the upsert see the same snapshot and never touch the same row: a membership the
  // batch names is the upsert's, not the delete's.
  const [written] = await queryRows<{
    added: string | number
    updated: string | number
    moved: string | number
  }>(
    db,
    sql`
    with incoming as (
      select * from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
        as r(organisation_id bigint, person_id bigint, role varchar, unit text, folded_unit text)
    ),
    moved as (
      delete from organisation_members m
      using incoming r
      where r.role = ${MemberRole.Pupil} and m.role = ${MemberRole.Pupil} and m.person_id = r.person_id
        and m.organisation_id <> r.organisation_id
        and m.organisation_id = any(${arrayLiteral(treeIds)}::bigint[])
        and not exists (
          select 1 from incoming i where i.organisation_id = m.organisation_id and i.person_id = m.person_id
        )
      returning r.organisation_id, r.person_id
    ),
    upserted as (
      insert into organisation_members (organisation_id, person_id, role, unit, folded_unit)
      select r.organisation_id, r.person_id, r.role, r.unit, r.folded_unit from incoming r
      on conflict (organisation_id, person_id) do update
        set role = excluded.role, unit = excluded.unit, folded_unit = excluded.folded_unit, updated_at = now()
        where (organisation_members.role, organisation_members.unit)
          is distinct from (excluded.role, excluded.unit)
      returning organisation_id, person_id, (xmax = 0) as inserted
    )
    select
      count(*) filter (where u.inserted) as added,
      count(*) filter (where not u.inserted) as updated,
      (select count(*) from (select distinct organisation_id, person_id from moved) d) as moved
    from upserted u
    where not exists (
      select 1 from moved d where d.organisation_id = u.organisation_id and d.person_id = u.person_id
    )`,
  )
  return {
    added: Number(written?.added ?? 0),
    updated: Number(written?.updated ?? 0),
    moved: Number(written?.moved ?? 0),
  }
}

export type MemberListRow = {
  id: number
  organisationId: number
  organisationName: string
  role: MemberRole
  unit: string | null
  fullName: string
  bhxhCode: string | null
  birthYear: number
  registered: boolean
  accountActive: boolean
  signedIn: boolean
}

/**
 * The `q` of the member list: a whole personal ID or BHXH code finds that member (the lengths tell
 * them apart); anything else is part of a name, accents and case ignored.
 */
function memberSearch(q: string): SQL {
  const identifier = PersonIdentifier.safeParse(q)
  if (identifier.success) {
    const { kind, value } = identifier.data
    return kind === PersonIdentifierKind.PersonalId
      ? sql`p.personal_id = ${value}`
      : sql`p.bhxh_code = ${value}`
  }
  const escaped = foldVietnamese(q).replace(/[\\%_]/g, (character) => `\\${character}`)
  return sql`p.folded_name like ${`%${escaped}%`}`
}

/**
 * A page of the members of the organisations `ids` (a subtree), with their adoption flags (as the
 * report counts them, see repo.ts), filtered; ordered by organisation, unit and name; and the total.
 */
export async function listMembers(
  db: Executor,
  ids: number[],
  query: MemberListQuery,
  page: { limit: number; offset: number },
): Promise<{ rows: MemberListRow[]; total: number }> {
  const filters: SQL[] = [sql`m.organisation_id = any(${arrayLiteral(ids)}::bigint[])`]
  if (query.role) filters.push(sql`m.role = ${query.role}`)
  if (query.organisationId) filters.push(sql`m.organisation_id = ${query.organisationId}`)
  if (query.unit) filters.push(sql`m.folded_unit = ${foldVietnamese(query.unit)}`)
  if (query.q) filters.push(memberSearch(query.q))
  if (query.registered === 'yes') filters.push(sql`f.registered`)
  if (query.registered === 'no') filters.push(sql`not f.registered`)
  const from = sql`
    from organisation_members m
    join organisations o on o.id = m.organisation_id
    join people p on p.id = m.person_id
    cross join lateral (
      select
        ${personRegistered} as registered,
        exists (select 1 from citizen_accounts a where a.person_id = p.id and a.status = 'active') as account_active,
        exists (
          select 1 from citizen_accounts a join citizen_sessions s on s.account_id = a.id where a.person_id = p.id
        ) as signed_in
    ) f
    where ${sql.join(filters, sql` and `)}`
  const [counted] = await queryRows<{ total: string | number }>(db, sql`select count(*) as total ${from}`)
  const rows = await queryRows<{
    id: string | number
    organisation_id: string | number
    organisation_name: string
    role: MemberRole
    unit: string | null
    full_name: string
    bhxh_code: string | null
    birth_year: number
    registered: boolean
    account_active: boolean
    signed_in: boolean
  }>(
    db,
    sql`
    select m.id, m.organisation_id, o.name as organisation_name, m.role, m.unit, p.full_name, p.bhxh_code,
      p.birth_year, f.registered, f.account_active, f.signed_in
    ${from}
    order by o.folded_name, o.id, m.folded_unit nulls last, p.folded_name, m.id
    limit ${page.limit} offset ${page.offset}`,
  )
  return {
    total: Number(counted?.total ?? 0),
    rows: rows.map((row) => ({
      id: Number(row.id),
      organisationId: Number(row.organisation_id),
      organisationName: row.organisation_name,
      role: row.role,
      unit: row.unit,
      fullName: row.full_name,
      bhxhCode: row.bhxh_code?.trim() ?? null,
      birthYear: Number(row.birth_year),
      registered: row.registered,
      accountActive: row.account_active,
      signedIn: row.signed_in,
    })),
  }
}
