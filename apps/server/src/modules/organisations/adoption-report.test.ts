import { foldVietnamese } from '@ansinh/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { recordAdoptionHistory } from './adoption-report'
import { insertOrganisation } from './repo'

/**
 * The seed's numbers (công văn 222/CV-BHXH, Quận 5, 15/6/2021): the district's schools count 2,447 staff
 * and 40,230 pupils, of whom 1,978 and 13,775 registered — 80,83 % and 34,24 %. The 42,677 people, their
 * memberships and accounts are written with a few set-based statements, not through the API.
 */
const STAFF = 2447
const PUPILS = 40_230
const STAFF_REGISTERED = 1978
const PUPILS_REGISTERED = 13_775
const NBSP = '\u00A0'

describe.each(testBackends())('adoption report on %s', (backend) => {
  let test: TestApp
  let admin: StaffSignIn
  let district = 0
  const schools: number[] = []

  const organisation = (code: string, name: string, parentId: number | null) =>
    insertOrganisation(test.database.db, {
      code,
      name,
      foldedName: foldVietnamese(name),
      kind: parentId === null ? 'supervising_body' : 'school',
      parentId,
      officeCode: '07915',
    })

  beforeAll(async () => {
    test = await createTestApp({ backend })
    const db = test.database.db
    district = await organisation('PGD-Q5', 'Phòng Giáo dục và Đào tạo Quận 5', null)
    for (const [index, name] of [
      'Trường THCS Kim Đồng',
      'Trường Tiểu học Chính Nghĩa',
      'Trường THPT Trần Khai Nguyên',
    ].entries())
      schools.push(await organisation(`Q5-${index + 1}`, name, district))
    const [first, second, third] = schools
    // People 1–2,447 are staff, the rest pupils; the school is the number modulo 3, except that the
    // third school has fewer of everyone registered (it must rank first, the furthest behind).
    await db.execute(sql`
      insert into people (bhxh_code, full_name, folded_name, birth_year, gender, address_code_set, province_code)
      select '79' || lpad(n::text, 8, '0'), 'Thành Viên ' || n, 'thanh vien ' || n,
        case when n <= ${STAFF} then 1980 else 2010 end, 'female', '2025-07-01', '79'
      from generate_series(1, ${STAFF + PUPILS}) as n`)
    await db.execute(sql`
      insert into organisation_members (organisation_id, person_id, role, unit, folded_unit)
      select case p.n % 3 when 0 then ${first}::bigint when 1 then ${second}::bigint else ${third}::bigint end,
        p.id, case when p.n <= ${STAFF} then 'staff' else 'pupil' end,
        '6A' || (p.n % 5), '6a' || (p.n % 5)
      from (select id, substr(bhxh_code, 3)::int as n from people where bhxh_code like '79%') p`)
    // A teacher who also teaches at a second school counts once in the district's total.
    await db.execute(sql`
      insert into organisation_members (organisation_id, person_id, role)
      select ${third}::bigint, id, 'staff' from people where bhxh_code = '7900000003'`)
    // Registered: the first 1,978 staff and the first 13,775 pupils have an account; every account is
    // active but the last 100, and 1,000 of them have signed in.
    await db.execute(sql`
      insert into citizen_accounts (person_id, username, password_hash, status)
      select id, bhxh_code, 'not-a-hash', case when n > ${STAFF_REGISTERED - 100} and n <= ${STAFF_REGISTERED} then 'locked' else 'active' end
      from (select id, bhxh_code, substr(bhxh_code, 3)::int as n from people where bhxh_code like '79%') p
      where n <= ${STAFF_REGISTERED - 1} or (n > ${STAFF} and n <= ${STAFF + PUPILS_REGISTERED})`)
    // …and one staff member has filed a dossier not yet decided: registered too, without an account.
    await db.execute(sql`
      insert into dossiers (dossier_number, kind, status, condition, bhxh_code, full_name, folded_name,
        id_kind, id_number, address_code_set, province_code, commune_code, street, phone, contact_channel,
        language, office_code, submitted_at, paper_deadline)
      select 'TEST-1', 'new', 'pending', 'awaiting_paper', bhxh_code, full_name, folded_name,
        'personal_id', '079180001978', '2025-07-01', '79', '27301', 'Số 1', '0901234567', 'sms',
        'vi', '07915', now(), current_date + 10
      from people where bhxh_code = ${`79${String(STAFF_REGISTERED).padStart(8, '0')}`}`)
    await db.execute(sql`
      insert into citizen_sessions (token_hash, account_id, device_id, expires_at)
      select 'token-' || a.id, a.id, 'device', now() + interval '1 day'
      from citizen_accounts a order by a.id limit 1000`)
    admin = await signInStaff(test.app, 'hcm.admin')
  })
  afterAll(async () => test?.close())

  it('shows 80,83 % of the staff and 34,24 % of the pupils registered, as the district wrote', async () => {
    const answer = await test.app.inject({
      method: 'GET',
      url: `/api/v1/staff/organisations/${district}/adoption`,
      headers: admin.headers,
    })
    expect(answer.statusCode, answer.body).toBe(200)
    const report = answer.json()
    expect(report.figures.staff).toMatchObject({
      members: STAFF,
      registered: STAFF_REGISTERED,
      registeredPercent: `80,83${NBSP}%`,
      accountActive: STAFF_REGISTERED - 100,
      signedIn: 1000,
    })
    expect(report.figures.pupil).toMatchObject({
      members: PUPILS,
      registered: PUPILS_REGISTERED,
      registeredPercent: `34,24${NBSP}%`,
      signedIn: 0,
    })
    expect(report.figures.total).toMatchObject({
      members: STAFF + PUPILS,
      registered: STAFF_REGISTERED + PUPILS_REGISTERED,
    })
    // The units: each school's own figures, furthest behind first.
    expect(report.units).toHaveLength(3)
    const shares = report.units.map((unit: { registeredShare: number }) => unit.registeredShare)
    expect([...shares].sort((a, b) => a - b)).toEqual(shares)
    const unitStaff = report.units.reduce(
      (sum: number, unit: { figures: { staff: { members: number } } }) => sum + unit.figures.staff.members,
      0,
    )
    expect(unitStaff).toBe(STAFF + 1) // the teacher of two schools is in both
    // Reading it recorded today's point of the history.
    expect(report.history).toEqual([
      expect.objectContaining({
        date: report.asOf,
        demo: false,
        staff: expect.objectContaining({ members: STAFF, registered: STAFF_REGISTERED }),
      }),
    ])
    expect(report.progress).toBeNull()
  })

  it('measures progress toward 100 % by the deadline', async () => {
    const target = await test.app.inject({
      method: 'PUT',
      url: `/api/v1/staff/organisations/${district}/target`,
      headers: admin.headers,
      payload: { percent: 100, deadline: '2099-06-30' },
    })
    expect(target.statusCode, target.body).toBe(200)
    const report = (
      await test.app.inject({
        method: 'GET',
        url: `/api/v1/staff/organisations/${district}/adoption`,
        headers: admin.headers,
      })
    ).json()
    expect(report.progress).toMatchObject({
      target: { percent: 100, deadline: '2099-06-30' },
      remaining: STAFF + PUPILS - STAFF_REGISTERED - PUPILS_REGISTERED,
      reached: false,
    })
    expect(report.progress.progress).toBeCloseTo(
      ((STAFF_REGISTERED + PUPILS_REGISTERED) * 100) / (STAFF + PUPILS),
      6,
    )
  })

  it('records every organisation’s day in one job run', async () => {
    const rows = await recordAdoptionHistory(test.app.deps)
    expect(rows).toBe(2 * (1 + schools.length))
    const school = (
      await test.app.inject({
        method: 'GET',
        url: `/api/v1/staff/organisations/${schools[2]}/adoption`,
        headers: admin.headers,
      })
    ).json()
    expect(school.history).toHaveLength(1)
    expect(school.history[0].staff.members).toBe(school.figures.staff.members)
  })
})
