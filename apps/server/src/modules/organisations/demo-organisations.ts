import { randomBytes } from 'node:crypto'
import { foldVietnamese, type OrganisationKind, todayInVietnam } from '@ansinh/domain'
import { eq, sql } from 'drizzle-orm'
import type { Deps } from '../../app'
import { arrayLiteral } from '../../db/array-literal'
import type { Executor } from '../../db/client'
import { organisations } from '../../db/schema'
import { hashPassword } from '../identity/password'
import { demoAccounts } from '../registry/demo-population/well-known'
import { recordAllDays } from './repo'

/**
 * The demo's organisations (seed 000): Phòng Giáo dục và Đào tạo Quận 5 under BHXH Quận 5 with four
 * schools, members drawn from the demo population, a share of them registered (citizen accounts made
 * here, with a password nobody knows) and signed in once, a target of 100 % by the next 30 June, and
 * 30 days of invented history before today's measured point, marked `demo`. Its administrator,
 * q5.giaoduc, is one of the demo staff (seed-demo.ts makes the organisation with the account).
 */

type DemoOrganisation = { code: string; name: string; kind: OrganisationKind }

const root: DemoOrganisation & { officeCode: string } = {
  code: 'PGDDT-Q5',
  name: 'Phòng Giáo dục và Đào tạo Quận 5',
  kind: 'supervising_body',
  officeCode: '07915', // BHXH Quận 5
}

const schools: DemoOrganisation[] = [
  { code: 'Q5-TH-CHINHNGHIA', name: 'Trường Tiểu học Chính Nghĩa', kind: 'school' },
  { code: 'Q5-THCS-KIMDONG', name: 'Trường THCS Kim Đồng', kind: 'school' },
  { code: 'Q5-THCS-HONGBANG', name: 'Trường THCS Hồng Bàng', kind: 'school' },
  { code: 'Q5-THPT-TRANKHAINGUYEN', name: 'Trường THPT Trần Khai Nguyên', kind: 'school' },
]

const STAFF_MEMBERS = 48
const PUPIL_MEMBERS = 240
const HISTORY_DAYS = 30

/** The organisation of a demo organisation administrator (only the district body is known), made once. */
export async function ensureDemoOrganisation(db: Executor, code: string): Promise<number> {
  if (code !== root.code) throw new Error(`unknown demo organisation ${code}`)
  const [found] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, code))
  if (found) return found.id
  const [row] = await db
    .insert(organisations)
    .values({ ...root, foldedName: foldVietnamese(root.name), parentId: null, demo: true })
    .returning({ id: organisations.id })
  if (!row) throw new Error('demo organisation insert returned no row')
  return row.id
}

/** On a fresh demo only (main.ts): the schools, their members, accounts and history. */
export async function seedDemoOrganisations(deps: Pick<Deps, 'database' | 'clock'>): Promise<void> {
  const today = todayInVietnam(deps.clock())
  const year = Number(today.slice(0, 4))
  // The next 30 June, as the district's letter asks "chậm nhất vào ngày 30/6".
  const deadline = today < `${year}-06-30` ? `${year}-06-30` : `${year + 1}-06-30`
  const secretHash = await hashPassword(randomBytes(24).toString('base64url'))
  await deps.database.db.transaction(async (tx) => {
    const rootId = await ensureDemoOrganisation(tx, root.code)
    await tx
      .update(organisations)
      .set({ targetPercent: 100, targetDeadline: deadline })
      .where(eq(organisations.id, rootId))
    const schoolIds: number[] = []
    for (const school of schools) {
      const [row] = await tx
        .insert(organisations)
        .values({
          ...school,
          foldedName: foldVietnamese(school.name),
          parentId: rootId,
          officeCode: root.officeCode,
          demo: true,
        })
        .onConflictDoNothing()
        .returning({ id: organisations.id })
      if (row) schoolIds.push(row.id)
    }
    if (schoolIds.length === 0) return
    await addMembers(tx, schoolIds, year)
    await registerSome(tx, schoolIds, secretHash)
    await recordAllDays(tx, today)
    await inventHistory(tx, [rootId, ...schoolIds], today)
  })
}

/** Adults as staff (by department), children as pupils (by class of their age), dealt round the schools. */
/**
 * The demo's named people (the citizen, her family) stay out: the journeys rely on who of them has an
 * account, and a member here may be given one.
 */
const { citizen, child, spouse, mother } = demoAccounts
const wellKnown = arrayLiteral([citizen, child, spouse, mother].map((person) => person.bhxhCode))

async function addMembers(tx: Executor, schoolIds: number[], year: number) {
  const ids = arrayLiteral(schoolIds)
  await tx.execute(sql`
    with candidates as (
      select id, birth_year from people
      where bhxh_code is not null and bhxh_code <> all(${wellKnown}::bpchar[])
    ),
    picked as (
      (select id, 'staff' as role, birth_year from candidates
        where birth_year between ${year - 60} and ${year - 23}
        order by id limit ${STAFF_MEMBERS})
      union all
      (select id, 'pupil', birth_year from candidates
        where birth_year between ${year - 17} and ${year - 6}
        order by id limit ${PUPIL_MEMBERS})
    ),
    dealt as (
      select id, role, birth_year, row_number() over (order by role, id) as n from picked
    )
    insert into organisation_members (organisation_id, person_id, role, unit, folded_unit)
    select (${ids}::bigint[])[1 + n % ${schoolIds.length}], id, role, unit, lower(unit)
    from (
      select id, role, n,
        case when role = 'staff'
          then (array['Tổ Toán', 'Tổ Ngữ văn', 'Tổ Ngoại ngữ', 'Văn phòng'])[1 + n % 4]
          else greatest(1, least(12, ${year}::int - birth_year - 5))::text || 'A' || (1 + n % 3)::text
        end as unit
      from dealt
    ) members
    on conflict do nothing`)
  // folded_unit must fold Vietnamese as the import does (lower() keeps the accents).
  await tx.execute(sql`
    update organisation_members set folded_unit = translate(lower(unit),
      'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
      'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')
    where organisation_id = any(${ids}::bigint[])`)
}

/**
 * About 80 % of the staff and 35 % of the pupils registered, fewer in some schools than others (the
 * ranking has someone to put first); half of the accounts signed in once, a sign-out later.
 */
async function registerSome(tx: Executor, schoolIds: number[], secretHash: string) {
  const ids = arrayLiteral(schoolIds)
  await tx.execute(sql`
    insert into citizen_accounts (person_id, username, password_hash, must_change_password)
    select p.id, p.bhxh_code, ${secretHash}, true
    from organisation_members m join people p on p.id = m.person_id
    where m.organisation_id = any(${ids}::bigint[])
      and (p.id * 37 + m.organisation_id * 11) % 100
        < (case when m.role = 'staff' then 92 else 46 end) - (m.organisation_id % 4) * 6
    on conflict do nothing`)
  await tx.execute(sql`
    insert into citizen_sessions
      (token_hash, account_id, device_id, device_name, created_at, last_seen_at, expires_at, ended_at, end_reason)
    select encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), a.id, 'demo-' || a.id,
      'Ứng dụng (bản demo)', now() - interval '3 days', now() - interval '3 days',
      now() + interval '27 days', now() - interval '3 days' + interval '1 hour', 'signed_out'
    from citizen_accounts a
    join organisation_members m on m.person_id = a.person_id
    where m.organisation_id = any(${ids}::bigint[]) and a.id % 2 = 0`)
}

/** 30 days before today's measured point, rising to it (about 45 % of today's figures a month ago). */
async function inventHistory(tx: Executor, organisationIds: number[], today: string) {
  await tx.execute(sql`
    insert into organisation_adoption_daily
      (organisation_id, day, role, members, registered, account_active, signed_in, demo)
    select t.organisation_id, t.day - d, t.role, t.members,
      floor(t.registered * (0.45 + 0.55 * share)),
      floor(t.account_active * (0.40 + 0.60 * share)),
      floor(t.signed_in * (0.30 + 0.70 * share)),
      true
    from organisation_adoption_daily t
    cross join generate_series(1, ${HISTORY_DAYS}::int) as d
    cross join lateral (select (${HISTORY_DAYS}::int - d)::numeric / ${HISTORY_DAYS}::int as share) s
    where t.day = ${today}::date and t.organisation_id = any(${arrayLiteral(organisationIds)}::bigint[])
    on conflict do nothing`)
}
