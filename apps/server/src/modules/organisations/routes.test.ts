import { foldVietnamese } from '@ansinh/domain'
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog, citizenAccounts, organisationMembers, people } from '../../db/schema'

// Tổ chức through the HTTP API: who reaches which organisation, and the member import.
describe.each(testBackends())('organisations on %s', (backend) => {
  let test: TestApp
  let hcmAdmin: StaffSignIn
  let vssAdmin: StaffSignIn
  let reviewer: StaffSignIn
  let schoolAdmin: StaffSignIn
  let district: { id: number }
  let schoolA: { id: number }
  let schoolB: { id: number }
  let elsewhere: { id: number }

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, who?: StaffSignIn, payload?: object) =>
    test.app.inject({
      method,
      url: `/api/v1/staff/organisations${url}`,
      ...(who ? { headers: who.headers } : {}),
      ...(payload ? { payload } : {}),
    })

  async function create(who: StaffSignIn, body: object) {
    const answer = await call('POST', '', who, body)
    expect(answer.statusCode, answer.body).toBe(201)
    return answer.json() as { id: number }
  }

  beforeAll(async () => {
    test = await createTestApp({ backend })
    hcmAdmin = await signInStaff(test.app, 'hcm.admin')
    vssAdmin = await signInStaff(test.app, 'vss.admin')
    reviewer = await signInStaff(test.app, 'q5.reviewer')
    district = await create(hcmAdmin, {
      code: 'PGD-Q5',
      name: 'Phòng Giáo dục và Đào tạo Quận 5',
      kind: 'supervising_body',
      officeCode: '07915',
    })
    schoolA = await create(hcmAdmin, {
      code: 'th-a',
      name: 'Trường Tiểu học A',
      kind: 'school',
      parentId: district.id,
    })
    schoolB = await create(hcmAdmin, {
      code: 'TH-B',
      name: 'Trường THCS B',
      kind: 'school',
      parentId: district.id,
    })
    elsewhere = await create(vssAdmin, {
      code: 'DD-1',
      name: 'Trường Đống Đa 1',
      kind: 'school',
      officeCode: '00106',
    })
    schoolAdmin = await signInStaff(test.app, 'q5.giaoduc.test', {
      role: 'organisation_admin',
      officeCode: '07915',
      organisationId: district.id,
    })
  })
  afterAll(async () => test?.close())

  describe('reach', () => {
    it('shows an organisation administrator its subtree only, parents first', async () => {
      const answer = await call('GET', '', schoolAdmin)
      expect(answer.statusCode, answer.body).toBe(200)
      const items = answer.json().items as { id: number; depth: number; code: string; officeName: string }[]
      expect(items.map((item) => [item.code, item.depth])).toEqual([
        ['PGD-Q5', 0],
        ['TH-B', 1],
        ['TH-A', 1],
      ])
      expect((await call('GET', `/${schoolA.id}`, schoolAdmin)).json()).toMatchObject({
        code: 'TH-A',
        parentId: district.id,
        officeCode: '07915',
        depth: 1,
      })
    })

    it('answers 404 beyond the subtree, and to roles without organisations', async () => {
      expect((await call('GET', `/${elsewhere.id}`, schoolAdmin)).statusCode).toBe(404)
      expect((await call('GET', `/${elsewhere.id}/adoption`, schoolAdmin)).statusCode).toBe(404)
      expect((await call('GET', `/${elsewhere.id}/members`, schoolAdmin)).statusCode).toBe(404)
      expect(
        (await call('PUT', `/${elsewhere.id}/target`, schoolAdmin, { percent: 100, deadline: '2027-06-30' }))
          .statusCode,
      ).toBe(404)
      expect((await call('GET', '', reviewer)).statusCode).toBe(404)
      expect((await call('GET', `/${district.id}`, reviewer)).statusCode).toBe(404)
      // An office administrator sees the trees under its offices, not others'.
      expect((await call('GET', `/${elsewhere.id}`, hcmAdmin)).statusCode).toBe(404)
      const all = (await call('GET', '', vssAdmin)).json().items as { code: string }[]
      expect(all.map((item) => item.code)).toEqual(expect.arrayContaining(['PGD-Q5', 'TH-A', 'DD-1']))
    })

    it('lets an organisation administrator add units below its own, never a top organisation', async () => {
      const unit = await create(schoolAdmin, {
        code: 'TH-A-CS2',
        name: 'Trường Tiểu học A cơ sở 2',
        kind: 'school',
        parentId: schoolA.id,
      })
      expect((await call('GET', `/${unit.id}`, schoolAdmin)).json().depth).toBe(2)
      const root = await call('POST', '', schoolAdmin, {
        code: 'X-1',
        name: 'Trường X',
        kind: 'school',
        officeCode: '07915',
      })
      expect(root.statusCode).toBe(400)
      const beyond = await call('POST', '', schoolAdmin, {
        code: 'X-2',
        name: 'Trường X',
        kind: 'school',
        parentId: elsewhere.id,
      })
      expect(beyond.statusCode).toBe(404)
      const taken = await call('POST', '', schoolAdmin, {
        code: 'th-a',
        name: 'Trường Y',
        kind: 'school',
        parentId: schoolA.id,
      })
      expect(taken.statusCode).toBe(409)
      expect(taken.json().error.fields.code).toBeDefined()
    })

    it('renames and sets a target, audited', async () => {
      const renamed = await call('PATCH', `/${schoolB.id}`, schoolAdmin, { name: 'Trường THCS  Bình  Tây' })
      expect(renamed.json()).toMatchObject({ name: 'Trường THCS Bình Tây' })
      const target = await call('PUT', `/${district.id}/target`, schoolAdmin, {
        percent: 100,
        deadline: '2027-06-30',
      })
      expect(target.json().target).toEqual({ percent: 100, deadline: '2027-06-30' })
      const bad = await call('PUT', `/${district.id}/target`, schoolAdmin, {
        percent: 120,
        deadline: '2027-02-30',
      })
      expect(Object.keys(bad.json().error.fields).sort()).toEqual(['deadline', 'percent'])
      const entries = await test.database.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, 'organisation.target_set'), eq(auditLog.recordId, String(district.id))),
        )
      expect(entries).toHaveLength(1)
    })

    it('lets an office administrator appoint an organisation administrator within its reach only', async () => {
      const body = {
        username: 'th-a.admin',
        fullName: 'Ngô Thị Hạnh',
        officeCode: '079',
        role: 'organisation_admin',
      }
      const missing = await test.app.inject({
        method: 'POST',
        url: '/api/v1/staff/accounts',
        headers: hcmAdmin.headers,
        payload: body,
      })
      expect(missing.json().error.fields.organisationId).toBeDefined()
      const beyond = await test.app.inject({
        method: 'POST',
        url: '/api/v1/staff/accounts',
        headers: hcmAdmin.headers,
        payload: { ...body, organisationId: elsewhere.id },
      })
      expect(beyond.statusCode).toBe(404)
      const made = await test.app.inject({
        method: 'POST',
        url: '/api/v1/staff/accounts',
        headers: hcmAdmin.headers,
        payload: { ...body, organisationId: schoolA.id },
      })
      expect(made.statusCode, made.body).toBe(201)
      expect(made.json().account).toMatchObject({
        role: 'organisation_admin',
        officeCode: '07915',
        organisationId: schoolA.id,
        organisationName: 'Trường Tiểu học A',
      })
    })
  })

  describe('members import', () => {
    const person = async (
      bhxhCode: string,
      personalId: string | null,
      fullName: string,
      birthYear: number,
    ) => {
      const [row] = await test.database.db
        .insert(people)
        .values({
          bhxhCode,
          personalId,
          fullName,
          foldedName: foldVietnamese(fullName),
          birthYear,
          gender: 'female',
          addressCodeSet: '2025-07-01',
          provinceCode: '79',
        })
        .returning({ id: people.id })
      return row?.id ?? 0
    }
    let teacherId = 0

    beforeAll(async () => {
      teacherId = await person('7900000001', null, 'Nguyễn Văn An', 1980)
      await person('7900000002', null, 'Trần Thị Bình', 2012)
      await person('7900000003', '079212000003', 'Lê Văn Cường', 2012)
    })

    const csv = [
      'Mã số BHXH,Số CCCD/định danh,Họ tên,Vai trò,Lớp/Phòng,Mã tổ chức',
      '7900000001,,Nguyễn Văn An,Giáo viên,Tổ Toán,th-a',
      '7900000002,,TRẦN THỊ BÌNH,Học sinh,6A1,TH-A',
      ',079212000003,Lê Văn Cường,hoc sinh,6A2,TH-B',
      '7900000009,,Không Có Ai,Học sinh,6A1,TH-A',
      '7900000001,,Nguyễn Văn Sai,Giáo viên,,TH-A',
      '123,,Ai Đó,Học sinh,,',
      '7900000002,,Trần Thị Bình,Phụ huynh,6A1,TH-A',
      '7900000002,,Trần Thị Bình,Học sinh,6A1,DD-1',
      '7900000002,,Trần Thị Bình,Học sinh,6A3,TH-A',
    ].join('\r\n')

    async function upload(bytes: Buffer, name = 'danh-sach.csv', who = schoolAdmin, id = district.id) {
      const data = new FormData()
      data.append('file', new Blob([bytes]), name)
      const encoded = new Response(data)
      return test.app.inject({
        method: 'POST',
        url: `/api/v1/staff/organisations/${id}/members/import`,
        payload: Buffer.from(await encoded.arrayBuffer()),
        headers: { 'content-type': encoded.headers.get('content-type') ?? '', ...who.headers },
      })
    }

    it('adds the good rows and names each bad one by row, column and reason', async () => {
      const answer = await upload(Buffer.from(csv))
      expect(answer.statusCode, answer.body).toBe(200)
      const result = answer.json()
      expect(result).toMatchObject({ rowsRead: 9, added: 3, updated: 0, unchanged: 0, refused: 6 })
      expect(result.errors).toEqual([
        { rowNumber: 5, column: 'Mã số BHXH', reason: 'Không tìm thấy người này trong cơ sở dữ liệu BHXH.' },
        { rowNumber: 6, column: 'Họ tên', reason: 'Họ tên không khớp với hồ sơ BHXH của người này.' },
        { rowNumber: 7, column: 'Mã số BHXH', reason: 'Mã số BHXH phải gồm đúng 10 chữ số.' },
        { rowNumber: 8, column: 'Vai trò', reason: expect.stringContaining('Vai trò không hợp lệ') },
        { rowNumber: 9, column: 'Mã tổ chức', reason: 'Mã tổ chức không thuộc tổ chức đang nhập danh sách.' },
        { rowNumber: 10, column: 'Mã số BHXH', reason: 'Người này đã có ở dòng 3 của danh sách.' },
      ])
      const report = await test.app.inject({
        method: 'GET',
        url: result.errorReportUrl,
        headers: schoolAdmin.headers,
      })
      expect(report.statusCode).toBe(200)
      expect(report.headers['content-type']).toContain('text/csv')
      expect(report.body).toContain('6,Họ tên,Họ tên không khớp với hồ sơ BHXH của người này.')
      const members = await test.database.db
        .select()
        .from(organisationMembers)
        .where(eq(organisationMembers.personId, teacherId))
      expect(members).toMatchObject([{ organisationId: schoolA.id, role: 'staff', unit: 'Tổ Toán' }])
    })

    it('changes nothing when the same file comes again, and updates a changed class', async () => {
      const again = (await upload(Buffer.from(csv))).json()
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3, refused: 6 })
      const moved = csv.replace('6A2,TH-B', '7A2,TH-B')
      expect((await upload(Buffer.from(moved))).json()).toMatchObject({ added: 0, updated: 1, unchanged: 2 })
    })

    it('reads an Excel workbook with identifiers typed as numbers', async () => {
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet('Danh sách')
      sheet.addRow(['DANH SÁCH CÁN BỘ, GIÁO VIÊN'])
      sheet.addRow(['Mã BHXH', 'Họ và tên', 'Vai trò', 'Lớp'])
      sheet.addRow([7900000001, 'Nguyễn Văn An', 'Cán bộ', 'Tổ Văn'])
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
      const answer = await upload(bytes, 'danh-sach.xlsx', schoolAdmin, schoolB.id)
      expect(answer.json()).toMatchObject({ rowsRead: 1, added: 1, refused: 0, errorReportUrl: null })
    })

    it('refuses a file without the needed columns, and an import beyond reach', async () => {
      const bad = await upload(Buffer.from('Tên,Tuổi\r\nAn,12\r\n'))
      expect(bad.statusCode).toBe(400)
      expect(bad.json().error.fields.file[0]).toContain('Không tìm thấy dòng tiêu đề')
      expect((await upload(Buffer.from(csv), 'x.csv', schoolAdmin, elsewhere.id)).statusCode).toBe(404)
      expect((await upload(Buffer.from(csv), 'x.csv', reviewer)).statusCode).toBe(404)
    })

    it('lists the subtree’s members with filters, audited', async () => {
      const page = (query: string) => call('GET', `/${district.id}/members?${query}`, schoolAdmin)
      const all = (await page('')).json()
      expect(all.total).toBe(4)
      expect(all.items[0]).toMatchObject({ fullName: expect.any(String), registered: false, signedIn: false })
      expect((await page('role=pupil')).json().total).toBe(2)
      expect((await page('q=binh')).json().items.map((item: { fullName: string }) => item.fullName)).toEqual([
        'Trần Thị Bình',
      ])
      const names = async (query: string) =>
        (await page(query)).json().items.map((item: { fullName: string }) => item.fullName)
      // A whole personal ID or BHXH code finds the member; a part of one finds nobody's name.
      expect(await names('q=079%20212%20000%20003')).toEqual(['Lê Văn Cường'])
      expect(await names('q=7900000002')).toEqual(['Trần Thị Bình'])
      expect(await names('q=079212000009')).toEqual([])
      expect(await names('q=790000000')).toEqual([])
      expect((await page(`organisationId=${schoolB.id}`)).json().total).toBe(2)
      expect((await page('unit=to van')).json().total).toBe(1)
      expect((await page(`organisationId=${elsewhere.id}`)).statusCode).toBe(404)
      await test.database.db
        .insert(citizenAccounts)
        .values({ personId: teacherId, username: '7900000001', passwordHash: 'x' })
      const registered = (await page('registered=yes')).json()
      expect(registered.items.map((item: { fullName: string }) => item.fullName)).toEqual([
        'Nguyễn Văn An',
        'Nguyễn Văn An',
      ])
      expect((await page('registered=no')).json().total).toBe(2)
      const entries = await test.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'organisation.members_listed'))
      expect(entries.length).toBeGreaterThan(5)
      expect(JSON.stringify(entries.map((entry) => entry.detail))).not.toContain('binh')
      expect(JSON.stringify(entries.map((entry) => entry.detail))).not.toContain('079212000003')
    })
  })
})
