import { eq, sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog, citizenAccounts } from '../../db/schema'
import { addMember, addOrganisation, addPerson, signInOrganisationAdmin } from './collect-fixtures'

// The adoption report to take away, through the HTTP API: the workbook and the printed letter.
describe.each(testBackends())('adoption exports on %s', (backend) => {
  let test: TestApp
  let admin: StaffSignIn
  const ids = { district: 0, schoolA: 0, schoolB: 0, other: 0 }
  const now = new Date('2026-12-01T03:00:00Z')

  const get = (url: string, who: StaffSignIn = admin) =>
    test.app.inject({ method: 'GET', url: `/api/v1/staff/organisations${url}`, headers: who.headers })

  beforeAll(async () => {
    test = await createTestApp({ backend, clock: () => now })
    const db = test.database.db
    ids.district = await addOrganisation(db, {
      code: 'PGD-XUAT',
      name: 'Phòng Giáo dục Xuất',
      kind: 'supervising_body',
    })
    ids.schoolA = await addOrganisation(db, {
      code: 'XUAT-A',
      name: 'Trường Tiểu học Xuất A',
      parentId: ids.district,
    })
    ids.schoolB = await addOrganisation(db, {
      code: 'XUAT-B',
      name: 'Trường THCS Xuất B',
      parentId: ids.district,
    })
    ids.other = await addOrganisation(db, { code: 'XUAT-KHAC', name: 'Trường Khác' })
    // Staff 2 of 4 registered (an account, a pending dossier); pupils 1 of 3 (an account).
    const people = [
      ['7900400001', 'staff', ids.schoolA, 'account'],
      ['7900400002', 'staff', ids.schoolA, 'dossier'],
      ['7900400003', 'staff', ids.schoolB, null],
      ['7900400004', 'staff', ids.schoolB, null],
      ['7900400005', 'pupil', ids.schoolA, null],
      ['7900400006', 'pupil', ids.schoolB, 'account'],
      ['7900400007', 'pupil', ids.schoolB, null],
    ] as const
    for (const [code, role, school, registered] of people) {
      const personId = await addPerson(db, { bhxhCode: code, fullName: `Người ${code}` })
      await addMember(db, school, personId, role, role === 'pupil' ? '5A' : 'Tổ Văn')
      if (registered === 'account') {
        await db.insert(citizenAccounts).values({ personId, username: code, passwordHash: 'not-used' })
      }
      if (registered === 'dossier') {
        await db.execute(sql`
          insert into dossiers (dossier_number, kind, status, condition, bhxh_code, full_name, folded_name, id_kind,
            id_number, address_code_set, province_code, commune_code, street, phone, contact_channel, language,
            office_code, submitted_at, paper_deadline)
          values ('07915-2612-0400002', 'new', 'pending', 'awaiting_paper', ${code}, 'Người', 'nguoi',
            'personal_id', '079100400002', '2025-07-01', '79', '27301', 'Số 1', '0904000002', 'sms', 'vi', '07915',
            now(), current_date + 10)`)
      }
    }
    await db.execute(
      sql`update organisations set target_percent = 100, target_deadline = '2027-06-30' where id = ${ids.district}`,
    )
    admin = await signInOrganisationAdmin(test.app, 'pgd.xuat', ids.district)
  }, 60_000)
  afterAll(async () => test?.close())

  it('gives the workbook of the report: the units furthest behind first, then the total', async () => {
    const answer = await get(`/${ids.district}/adoption.xlsx`)
    expect(answer.statusCode, answer.body).toBe(200)
    expect(answer.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(answer.headers['content-disposition']).toBe(
      'attachment; filename="bao-cao-vssid-PGD-XUAT-2026-12-01.xlsx"',
    )
    expect(answer.headers['cache-control']).toBe('private, no-store')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(answer.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    // School B: 1 of 4 registered (25 %); school A: 2 of 3 (66,67 %).
    expect(sheet?.getCell('C6').value).toBe('Trường THCS Xuất B')
    expect(sheet?.getCell('C7').value).toBe('Trường Tiểu học Xuất A')
    const total = sheet?.getRow(8)
    expect(total?.getCell(3).value).toBe('Tổng cộng: Phòng Giáo dục Xuất')
    expect([total?.getCell(4).value, total?.getCell(5).value]).toEqual([4, 2])
    expect(total?.getCell(6).value).toBeCloseTo(0.5, 10)
    expect([total?.getCell(11).value, total?.getCell(12).value]).toEqual([3, 1])
    expect(sheet?.getCell('A3').value).toBe(
      'Mục tiêu: 100,00\u00a0% trước ngày 30/06/2027; đã đạt 42,86\u00a0%, còn 4 người.',
    )
    const [audit] = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'organisation.adoption_exported'))
    expect(audit).toMatchObject({ recordType: 'organisation', recordId: String(ids.district) })
    expect(audit?.detail).toEqual({ format: 'xlsx', units: 2 })
  })

  it('gives the printed letter with the shares written as the district office writes them', async () => {
    const answer = await get(`/${ids.district}/adoption.pdf`)
    expect(answer.statusCode, answer.body).toBe(200)
    expect(answer.headers['content-type']).toBe('application/pdf')
    expect(answer.headers['content-disposition']).toBe(
      'inline; filename="bao-cao-vssid-PGD-XUAT-2026-12-01.pdf"',
    )
    const document = await getDocumentProxy(new Uint8Array(answer.rawPayload))
    const { text } = await extractText(document, { mergePages: true })
    const flat = text.normalize('NFC').replace(/\s+/g, ' ')
    for (const expected of [
      'PHÒNG GIÁO DỤC XUẤT',
      'Quận 5, ngày 01 tháng 12 năm 2026',
      'Có 2/4 cán bộ, giáo viên và nhân viên đã đăng ký, đạt 50,00 %',
      'Có 1/3 học sinh, sinh viên đã đăng ký, đạt 33,33 %',
      'chậm nhất ngày 30/06/2027',
      'Trường THCS Xuất B',
    ]) {
      expect(flat).toContain(expected)
    }
    const audits = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'organisation.adoption_exported'))
    expect(audits.map((entry) => (entry.detail as { format: string }).format).sort()).toEqual(['pdf', 'xlsx'])
  })

  it('answers 404 outside reach and to other roles', async () => {
    expect((await get(`/${ids.other}/adoption.xlsx`)).statusCode).toBe(404)
    expect((await get(`/${ids.other}/adoption.pdf`)).statusCode).toBe(404)
    const school = await signInOrganisationAdmin(test.app, 'xuat.a', ids.schoolA)
    expect((await get(`/${ids.district}/adoption.pdf`, school)).statusCode).toBe(404)
    expect((await get(`/${ids.schoolA}/adoption.xlsx`, school)).statusCode).toBe(200)
    const reviewer = await signInStaff(test.app, 'q5.reviewer')
    expect((await get(`/${ids.district}/adoption.xlsx`, reviewer)).statusCode).toBe(404)
  })
})
