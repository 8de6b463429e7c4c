import { eq, sql } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp, unlimitedOtpEnv } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { registerDossier, registrationForm, testJpeg } from '../../../test/registration'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog, dossiers } from '../../db/schema'
import { addMember, addOrganisation, addPerson, signInOrganisationAdmin } from './collect-fixtures'

// Thu tờ khai (seed 001): an organisation administrator follows its members' registration dossiers
// and downloads the declarations whose paper form has not reached the office.
describe.each(testBackends())('collecting declarations on %s', (backend) => {
  let test: TestApp
  let districtAdmin: StaffSignIn
  let schoolAdmin: StaffSignIn
  let reviewer: StaffSignIn
  const ids = { district: 0, schoolA: 0, schoolB: 0, other: 0 }

  // Five people: four in the district's schools (one without a dossier), one in another organisation.
  const members = [
    {
      key: 'lan',
      code: '7900100001',
      name: 'Nguyễn Thị Lan',
      phone: '0902000001',
      school: 'schoolA',
      role: 'staff',
      unit: 'Tổ Toán',
    },
    {
      key: 'minh',
      code: '7900100002',
      name: 'Trần Văn Minh',
      phone: '0902000002',
      school: 'schoolA',
      role: 'pupil',
      unit: '6A1',
    },
    {
      key: 'hoa',
      code: '7900100003',
      name: 'Lê Thị Hoa',
      phone: '0902000003',
      school: 'schoolB',
      role: 'pupil',
      unit: '7A2',
    },
    {
      key: 'tuan',
      code: '7900100004',
      name: 'Phạm Anh Tuấn',
      phone: '0902000004',
      school: 'schoolB',
      role: 'pupil',
      unit: '7A2',
    },
    {
      key: 'khoa',
      code: '7900100005',
      name: 'Võ Đăng Khoa',
      phone: '0902000005',
      school: 'other',
      role: 'staff',
      unit: null,
    },
  ] as const

  const call = (url: string, who?: StaffSignIn) =>
    test.app.inject({
      method: 'GET',
      url: `/api/v1/staff/organisations${url}`,
      ...(who ? { headers: who.headers } : {}),
    })

  beforeAll(async () => {
    test = await createTestApp({ backend, env: unlimitedOtpEnv })
    const db = test.database.db
    ids.district = await addOrganisation(db, {
      code: 'PGD-THU',
      name: 'Phòng Giáo dục Thử',
      kind: 'supervising_body',
    })
    ids.schoolA = await addOrganisation(db, {
      code: 'TRUONG-A',
      name: 'Trường THCS A',
      parentId: ids.district,
    })
    ids.schoolB = await addOrganisation(db, {
      code: 'TRUONG-B',
      name: 'Trường THCS B',
      parentId: ids.district,
    })
    ids.other = await addOrganisation(db, { code: 'CONG-TY-KHAC', name: 'Công ty Khác', kind: 'company' })
    const photos = { portrait: await testJpeg(), idFront: await testJpeg(), idBack: await testJpeg() }
    for (const [index, member] of members.entries()) {
      const personId = await addPerson(db, {
        bhxhCode: member.code,
        fullName: member.name,
        phone: member.phone,
      })
      await addMember(db, ids[member.school], personId, member.role, member.unit)
      if (member.key === 'tuan') continue
      await registerDossier(
        test.app,
        test.database,
        registrationForm({
          bhxhCode: member.code,
          fullName: member.name,
          phone: member.phone,
          idNumber: `07909000${String(index + 1).padStart(4, '0')}`,
        }),
        photos,
      )
    }
    // The office has received Minh's signed form.
    await db.update(dossiers).set({ condition: 'received' }).where(eq(dossiers.bhxhCode, '7900100002'))
    districtAdmin = await signInOrganisationAdmin(test.app, 'pgd.thu', ids.district)
    schoolAdmin = await signInOrganisationAdmin(test.app, 'truong.a', ids.schoolA)
    reviewer = await signInStaff(test.app, 'q5.reviewer')
  }, 120_000)
  afterAll(async () => test?.close())

  const names = (answer: { json(): { items: Array<{ member: { fullName: string } }> } }) =>
    answer.json().items.map((item) => item.member.fullName)

  it('lists the newest dossier of each member of the subtree, with what still awaits its paper form', async () => {
    const answer = await call(`/${ids.district}/dossiers`, districtAdmin)
    expect(answer.statusCode, answer.body).toBe(200)
    const page = answer.json()
    expect(page).toMatchObject({ page: 1, pageCount: 1, total: 3, awaitingPaper: 2 })
    // By organisation, class, name; Tuấn filed nothing, Khoa is in another organisation.
    expect(names(answer)).toEqual(['Trần Văn Minh', 'Nguyễn Thị Lan', 'Lê Thị Hoa'])
    expect(page.items[1]).toMatchObject({
      member: {
        bhxhCode: '7900100001',
        role: 'staff',
        unit: 'Tổ Toán',
        organisation: { id: ids.schoolA, name: 'Trường THCS A' },
      },
      dossier: { kind: 'new', status: 'pending', condition: 'awaiting_paper', officeCode: '07915' },
    })
    expect(page.items[1].dossier.paperDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(page.items[0].dossier).toMatchObject({ condition: 'received', paperDeadline: null })

    const [audit] = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'organisation.dossiers_listed'))
    expect(audit).toMatchObject({ recordType: 'organisation', recordId: String(ids.district) })
    expect(audit?.detail).toMatchObject({ shown: 3, total: 3 })
    expect(JSON.stringify(audit?.detail)).not.toContain('Lan')
  })

  it('filters by condition, status, role, class (accents and case folded) and organisation of the subtree', async () => {
    const awaiting = await call(`/${ids.district}/dossiers?condition=awaiting_paper`, districtAdmin)
    expect(names(awaiting)).toEqual(['Nguyễn Thị Lan', 'Lê Thị Hoa'])
    expect(names(await call(`/${ids.district}/dossiers?role=pupil`, districtAdmin))).toEqual([
      'Trần Văn Minh',
      'Lê Thị Hoa',
    ])
    expect(names(await call(`/${ids.district}/dossiers?unit=to%20toan`, districtAdmin))).toEqual([
      'Nguyễn Thị Lan',
    ])
    expect(
      names(await call(`/${ids.district}/dossiers?organisationId=${ids.schoolB}`, districtAdmin)),
    ).toEqual(['Lê Thị Hoa'])
    const none = await call(`/${ids.district}/dossiers?status=valid`, districtAdmin)
    expect(none.json()).toMatchObject({ items: [], total: 0, awaitingPaper: 0, pageCount: 1 })
    const pastEnd = await call(`/${ids.district}/dossiers?page=2`, districtAdmin)
    expect(pastEnd.json()).toMatchObject({ items: [], page: 2, total: 3, awaitingPaper: 2 })
    expect((await call(`/${ids.district}/dossiers?status=maybe`, districtAdmin)).statusCode).toBe(400)
  })

  it('answers 404 outside reach: another organisation, a parent, another subtree, a reviewer', async () => {
    expect(
      (await call(`/${ids.district}/dossiers?organisationId=${ids.other}`, districtAdmin)).statusCode,
    ).toBe(404)
    expect((await call(`/${ids.other}/dossiers`, districtAdmin)).statusCode).toBe(404)
    expect((await call(`/${ids.district}/dossiers`, schoolAdmin)).statusCode).toBe(404)
    expect((await call(`/${ids.schoolB}/declarations.pdf`, schoolAdmin)).statusCode).toBe(404)
    expect((await call(`/${ids.district}/dossiers`, reviewer)).statusCode).toBe(404)
    expect((await call(`/${ids.district}/dossiers`)).statusCode).toBe(401)
    const own = await call(`/${ids.schoolA}/dossiers`, schoolAdmin)
    expect(names(own)).toEqual(['Trần Văn Minh', 'Nguyễn Thị Lan'])
  })

  it('puts the declarations still awaiting their paper form in one PDF, a page each, audited', async () => {
    const answer = await call(`/${ids.district}/declarations.pdf`, districtAdmin)
    expect(answer.statusCode, answer.body).toBe(200)
    expect(answer.headers['content-type']).toBe('application/pdf')
    expect(answer.headers['content-disposition']).toMatch(
      /^inline; filename="to-khai-chua-nop-PGD-THU-\d{4}-\d{2}-\d{2}\.pdf"$/,
    )
    expect(answer.headers['x-declaration-count']).toBe('2')
    const document = await getDocumentProxy(new Uint8Array(answer.rawPayload))
    const { totalPages, text } = await extractText(document, { mergePages: false })
    expect(totalPages).toBe(2)
    const pages = text.map((page) => page.normalize('NFC').replace(/\s+/g, ' '))
    expect(pages[0]).toContain('Nguyễn Thị Lan')
    expect(pages[0]).toContain('7900100001')
    expect(pages[0]).toContain('Mẫu số 01')
    expect(pages[1]).toContain('Lê Thị Hoa')
    expect(pages.join(' ')).not.toContain('Trần Văn Minh')
    const [audit] = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'organisation.declarations_downloaded'))
    expect(audit?.detail).toMatchObject({ declarations: 2 })

    const none = await call(`/${ids.district}/declarations.pdf?unit=6A1`, districtAdmin)
    expect(none.statusCode).toBe(404)
    expect(none.json().error.message).toBe('Không có tờ khai nào đang chờ nộp bản giấy.')
  })

  it('refuses more than 500 declarations in one PDF with a 400 that says how to narrow it', async () => {
    const db = test.database.db
    const big = await addOrganisation(db, { code: 'TRUONG-LON', name: 'Trường Lớn', parentId: ids.district })
    // 501 pupils with a pending dossier awaiting its papers, written set-based.
    await db.execute(sql`
      with made as (
        insert into people (bhxh_code, full_name, folded_name, birth_year, gender, address_code_set, province_code, commune_code)
        select '79002' || lpad(n::text, 5, '0'), 'Học Sinh ' || n, 'hoc sinh ' || n, 2010, 'male', '2025-07-01', '79', '27301'
        from generate_series(1, 501) n
        returning id, bhxh_code, full_name, folded_name
      ), joined as (
        insert into organisation_members (organisation_id, person_id, role, unit, folded_unit)
        select ${big}, id, 'pupil', '9A', '9a' from made
        returning person_id
      )
      insert into dossiers (dossier_number, kind, status, condition, bhxh_code, full_name, folded_name, id_kind,
        id_number, address_code_set, province_code, commune_code, street, phone, contact_channel, language,
        office_code, submitted_at, paper_deadline)
      select '07915-2612-99' || substr(bhxh_code, 6), 'new', 'pending', 'awaiting_paper', bhxh_code, full_name,
        folded_name, 'personal_id', '0790100' || substr(bhxh_code, 6), '2025-07-01', '79', '27301', 'Số 1',
        '093' || substr(bhxh_code, 4), 'sms', 'vi', '07915', now(), current_date + 10
      from made`)
    const tooMany = await call(`/${ids.district}/declarations.pdf`, districtAdmin)
    expect(tooMany.statusCode).toBe(400)
    expect(tooMany.json().error.message).toContain('tối đa 500 tờ khai mỗi lần')
    expect(tooMany.json().error.fields.unit[0]).toContain('500')
    const list = await call(`/${ids.district}/dossiers?organisationId=${big}`, districtAdmin)
    expect(list.json()).toMatchObject({ total: 501, awaitingPaper: 501, pageCount: 11 })
    expect(list.json().items).toHaveLength(50)
    // Narrowed to the first two schools, it fits.
    expect(
      (await call(`/${ids.district}/declarations.pdf?organisationId=${ids.schoolB}`, districtAdmin))
        .statusCode,
    ).toBe(200)
  })
})
