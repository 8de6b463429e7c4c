import { foldVietnamese } from '@ansinh/domain'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog, organisationMembers, people } from '../../db/schema'

// A pupil belongs to one organisation of a tree: importing them into another school of the same tree
// moves them there (a change of school at the new school year); staff keep every membership.
describe.each(testBackends())('member moves on %s', (backend) => {
  let test: TestApp
  let admin: StaffSignIn
  let district = 0
  let schoolA = 0
  let schoolB = 0
  let otherDistrict = 0
  let schoolC = 0
  const person: Record<'pupil' | 'teacher' | 'twoTrees' | 'both', number> = {
    pupil: 0,
    teacher: 0,
    twoTrees: 0,
    both: 0,
  }

  const HEADER = 'Mã số BHXH,Họ tên,Vai trò,Lớp/Phòng'
  const PUPIL = '7900000101,Phạm Minh Khoa'
  const TEACHER = '7900000102,Đỗ Thị Lan'
  const TWO_TREES = '7900000103,Vũ Quốc Huy'
  const BOTH = '7900000104,Hoàng Thu Trang'

  async function create(body: object): Promise<number> {
    const answer = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/organisations',
      headers: admin.headers,
      payload: body,
    })
    expect(answer.statusCode, answer.body).toBe(201)
    return answer.json().id as number
  }

  async function upload(organisationId: number, lines: string[]) {
    const data = new FormData()
    data.append('file', new Blob([Buffer.from(lines.join('\r\n'))]), 'danh-sach.csv')
    const encoded = new Response(data)
    const answer = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/organisations/${organisationId}/members/import`,
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { 'content-type': encoded.headers.get('content-type') ?? '', ...admin.headers },
    })
    expect(answer.statusCode, answer.body).toBe(200)
    return answer.json()
  }

  const membershipsOf = (personId: number) =>
    test.database.db
      .select({
        organisationId: organisationMembers.organisationId,
        role: organisationMembers.role,
        unit: organisationMembers.unit,
      })
      .from(organisationMembers)
      .where(eq(organisationMembers.personId, personId))
      .orderBy(asc(organisationMembers.organisationId))

  /** Every membership of these people as stored, `updated_at` included: a write would show. */
  const snapshot = () =>
    test.database.db
      .select()
      .from(organisationMembers)
      .where(inArray(organisationMembers.personId, Object.values(person)))
      .orderBy(asc(organisationMembers.id))

  async function report(id: number) {
    const answer = await test.app.inject({
      method: 'GET',
      url: `/api/v1/staff/organisations/${id}/adoption`,
      headers: admin.headers,
    })
    expect(answer.statusCode, answer.body).toBe(200)
    return answer.json() as {
      figures: Record<'staff' | 'pupil', { members: number }>
      units: { organisation: { id: number }; figures: Record<'staff' | 'pupil', { members: number }> }[]
    }
  }
  const unitOf = (found: Awaited<ReturnType<typeof report>>, id: number) =>
    found.units.find((unit) => unit.organisation.id === id)?.figures

  beforeAll(async () => {
    test = await createTestApp({ backend })
    admin = await signInStaff(test.app, 'hcm.admin')
    district = await create({
      code: 'PGD-Q5',
      name: 'Phòng Giáo dục và Đào tạo Quận 5',
      kind: 'supervising_body',
      officeCode: '07915',
    })
    schoolA = await create({ code: 'Q5-A', name: 'Trường Tiểu học A', kind: 'school', parentId: district })
    schoolB = await create({ code: 'Q5-B', name: 'Trường THCS B', kind: 'school', parentId: district })
    otherDistrict = await create({
      code: 'PGD-Q10',
      name: 'Phòng Giáo dục và Đào tạo Quận 10',
      kind: 'supervising_body',
      officeCode: '07915',
    })
    schoolC = await create({ code: 'Q10-C', name: 'Trường THCS C', kind: 'school', parentId: otherDistrict })
    for (const [key, line, birthYear] of [
      ['pupil', PUPIL, 2013],
      ['teacher', TEACHER, 1985],
      ['twoTrees', TWO_TREES, 2013],
      ['both', BOTH, 2013],
    ] as const) {
      const [bhxhCode = '', fullName = ''] = line.split(',')
      const [row] = await test.database.db
        .insert(people)
        .values({
          bhxhCode,
          fullName,
          foldedName: foldVietnamese(fullName),
          birthYear,
          gender: 'female',
          addressCodeSet: '2025-07-01',
          provinceCode: '79',
        })
        .returning({ id: people.id })
      person[key] = row?.id ?? 0
    }
  })
  afterAll(async () => test?.close())

  const listA = [HEADER, `${PUPIL},Học sinh,5A1`, `${TEACHER},Giáo viên,Tổ Toán`]
  const listB = [HEADER, `${PUPIL},Học sinh,6A2`, `${TEACHER},Giáo viên,Tổ Toán`, `${TWO_TREES},Học sinh,6A3`]

  it('moves a pupil to the school that imports them; a teacher keeps both schools', async () => {
    expect(await upload(schoolA, listA)).toMatchObject({ added: 2, moved: 0 })
    // The same pupil's school in the other district: another tree, its own report.
    expect(await upload(schoolC, [HEADER, `${TWO_TREES},Học sinh,6C1`])).toMatchObject({ added: 1 })
    const before = await report(district)
    expect(before.figures.pupil.members).toBe(1)
    expect(unitOf(before, schoolA)?.pupil.members).toBe(1)

    const answer = await upload(schoolB, listB)
    expect(answer).toMatchObject({ rowsRead: 3, added: 2, updated: 0, moved: 1, unchanged: 0, refused: 0 })
    expect(await membershipsOf(person.pupil)).toEqual([
      { organisationId: schoolB, role: 'pupil', unit: '6A2' },
    ])
    expect(await membershipsOf(person.teacher)).toEqual([
      { organisationId: schoolA, role: 'staff', unit: 'Tổ Toán' },
      { organisationId: schoolB, role: 'staff', unit: 'Tổ Toán' },
    ])
    expect(await membershipsOf(person.twoTrees)).toEqual([
      { organisationId: schoolB, role: 'pupil', unit: '6A3' },
      { organisationId: schoolC, role: 'pupil', unit: '6C1' },
    ])

    const after = await report(district)
    expect(after.figures.pupil.members).toBe(2)
    expect(after.figures.staff.members).toBe(1)
    expect(unitOf(after, schoolA)).toMatchObject({ pupil: { members: 0 }, staff: { members: 1 } })
    expect(unitOf(after, schoolB)).toMatchObject({ pupil: { members: 2 }, staff: { members: 1 } })
    expect((await report(otherDistrict)).figures.pupil.members).toBe(1)

    const [entry] = await test.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'organisation.members_imported'), eq(auditLog.recordId, String(schoolB))),
      )
    expect(entry?.detail).toMatchObject({ added: 2, moved: 1 })
    expect(JSON.stringify(entry?.detail)).not.toContain('7900000101')
  })

  it('writes nothing and moves nobody when the same list comes again', async () => {
    const stored = await snapshot()
    expect(await upload(schoolB, listB)).toMatchObject({ added: 0, updated: 0, moved: 0, unchanged: 3 })
    expect(await snapshot()).toEqual(stored)
  })

  it('moves pupils between the schools of a supervising body’s list, one school per pupil', async () => {
    // The pupil once in both schools (as before the rule) ends in the one the list names.
    await test.database.db
      .insert(organisationMembers)
      .values({ organisationId: schoolA, personId: person.both, role: 'pupil', unit: '5A1' })
    await test.database.db
      .insert(organisationMembers)
      .values({ organisationId: schoolB, personId: person.both, role: 'pupil', unit: '6A1' })
    const answer = await upload(district, [
      `${HEADER},Mã tổ chức`,
      `${PUPIL},Học sinh,5A2,Q5-A`,
      // A pupil of A who helps in B's office: pupil in B, staff in A, in one go.
      `${BOTH},Học sinh,6A1,Q5-B`,
      `${BOTH},Nhân viên,Văn phòng,Q5-A`,
      `${PUPIL},Học sinh,6A2,Q5-B`,
    ])
    expect(answer).toMatchObject({ added: 0, updated: 1, moved: 1, unchanged: 1, refused: 1 })
    expect(answer.errors).toEqual([
      {
        rowNumber: 5,
        column: 'Mã tổ chức',
        reason: expect.stringContaining('đã có ở dòng 2 của danh sách'),
      },
    ])
    expect(await membershipsOf(person.pupil)).toEqual([
      { organisationId: schoolA, role: 'pupil', unit: '5A2' },
    ])
    expect(await membershipsOf(person.both)).toEqual([
      { organisationId: schoolA, role: 'staff', unit: 'Văn phòng' },
      { organisationId: schoolB, role: 'pupil', unit: '6A1' },
    ])
    expect(await membershipsOf(person.twoTrees)).toHaveLength(2)
    const again = await upload(district, [
      `${HEADER},Mã tổ chức`,
      `${PUPIL},Học sinh,5A2,Q5-A`,
      `${BOTH},Học sinh,6A1,Q5-B`,
      `${BOTH},Nhân viên,Văn phòng,Q5-A`,
    ])
    expect(again).toMatchObject({ added: 0, updated: 0, moved: 0, unchanged: 3, refused: 0 })
  })
})
