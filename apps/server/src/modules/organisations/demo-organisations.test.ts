import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { signInStaff } from '../../../test/staff'
import { seedDemoOrganisations } from './demo-organisations'

// The demo's district body and schools, as q5.giaoduc finds them on a fresh demo.
describe.each(testBackends())('demo organisations on %s', (backend) => {
  let test: TestApp

  beforeAll(async () => {
    test = await createTestApp({ backend })
    const year = new Date().getFullYear()
    // A small population: 20 adults and 60 children.
    await test.database.db.execute(sql`
      insert into people (bhxh_code, full_name, folded_name, birth_year, gender, address_code_set, province_code)
      select '79' || lpad(n::text, 8, '0'), 'Người Demo ' || n, 'nguoi demo ' || n,
        case when n <= 20 then ${year - 40}::int else ${year - 12}::int end, 'male', '2025-07-01', '79'
      from generate_series(1, 80) as n`)
    await seedDemoOrganisations(test.app.deps)
  })
  afterAll(async () => test?.close())

  it('gives q5.giaoduc the district body and its schools, with figures, a target and 30 days of history', async () => {
    const giaoduc = await signInStaff(test.app, 'q5.giaoduc')
    const tree = await test.app.inject({
      method: 'GET',
      url: '/api/v1/staff/organisations',
      headers: giaoduc.headers,
    })
    const items = tree.json().items as {
      id: number
      code: string
      depth: number
      demo: boolean
      memberCount: number
    }[]
    expect(items.map((item) => item.code)).toEqual([
      'PGDDT-Q5',
      'Q5-THCS-HONGBANG',
      'Q5-THCS-KIMDONG',
      'Q5-THPT-TRANKHAINGUYEN',
      'Q5-TH-CHINHNGHIA',
    ])
    expect(items.every((item) => item.demo)).toBe(true)
    expect(items.slice(1).reduce((sum, item) => sum + item.memberCount, 0)).toBe(80)
    const report = (
      await test.app.inject({
        method: 'GET',
        url: `/api/v1/staff/organisations/${items[0]?.id}/adoption?days=60`,
        headers: giaoduc.headers,
      })
    ).json()
    expect(report.figures.staff.members).toBe(20)
    expect(report.figures.pupil.members).toBe(60)
    expect(report.figures.total.registered).toBeGreaterThan(0)
    expect(report.figures.total.registered).toBeLessThan(80)
    expect(report.progress.target.percent).toBe(100)
    expect(report.units).toHaveLength(4)
    expect(report.history).toHaveLength(31)
    expect(report.history.slice(0, 30).every((day: { demo: boolean }) => day.demo)).toBe(true)
    expect(report.history.at(-1)).toMatchObject({ date: report.asOf, demo: false })
  })
})
