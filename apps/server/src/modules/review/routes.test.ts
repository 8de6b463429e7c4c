import { foldVietnamese } from '@ansinh/domain'
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { registerDossier, registrationForm, testJpeg } from '../../../test/registration'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { auditLog, dossierPhotos, dossiers, people } from '../../db/schema'

// The review API over HTTP, signed in as the demo staff: every staff endpoint answers 404 for a
// dossier outside the staff member's office tree, exactly as for one that does not exist.
describe.each(testBackends())('review API on %s', (backend) => {
  let test: TestApp
  let quan5: StaffSignIn
  let hanoi: StaffSignIn
  let dossierId: number
  let portraitId: number

  beforeAll(async () => {
    test = await createTestApp({ backend, env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })
    const image = await testJpeg()
    const { dossierNumber } = await registerDossier(
      test.app,
      test.database,
      registrationForm({ bhxhCode: '7900077001', phone: '0907700001' }),
      { portrait: image, idFront: image, idBack: image },
    )
    const [row] = await test.database.db
      .select()
      .from(dossiers)
      .where(eq(dossiers.dossierNumber, dossierNumber))
    dossierId = row?.id ?? 0
    const [portrait] = await test.database.db
      .select({ id: dossierPhotos.id })
      .from(dossierPhotos)
      .where(and(eq(dossierPhotos.dossierId, dossierId), eq(dossierPhotos.kind, 'portrait')))
    portraitId = portrait?.id ?? 0
    quan5 = await signInStaff(test.app, 'q5.reviewer', { role: 'reviewer', officeCode: '07915' })
    hanoi = await signInStaff(test.app, 'dongda.reviewer', { role: 'reviewer', officeCode: '00106' })
  })
  afterAll(async () => test?.close())

  const call = (who: StaffSignIn | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    test.app.inject({
      method,
      url: `/api/v1/staff${url}`,
      headers: who?.headers ?? {},
      ...(payload ? { payload } : {}),
    })

  const endpoints = (id: number): Array<['GET' | 'POST', string, object?]> => [
    ['GET', `/dossiers/${id}`],
    ['GET', `/dossiers/${id}/files/${portraitId}`],
    ['POST', `/dossiers/${id}/assign`, { version: 1 }],
    ['POST', `/dossiers/${id}/release`, { version: 1 }],
    ['POST', `/dossiers/${id}/receive`, { version: 1 }],
    ['POST', `/dossiers/${id}/decision`, { valid: false, reason: 'Không hợp lệ', version: 1 }],
  ]

  it('asks for a signed-in staff member on every endpoint', async () => {
    expect((await call(null, 'GET', '/dossiers')).statusCode).toBe(401)
    for (const [method, url, payload] of endpoints(dossierId))
      expect((await call(null, method, url, payload)).statusCode, url).toBe(401)
  })

  it('answers 404 on every endpoint for a dossier of another province, as for one that does not exist', async () => {
    for (const [method, url, payload] of endpoints(dossierId)) {
      const outside = await call(hanoi, method, url, payload)
      expect(outside.statusCode, url).toBe(404)
      expect(outside.json().error.code).toBe('NOT_FOUND')
      expect(
        (await call(quan5, method, url.replace(String(dossierId), '999999'), payload)).statusCode,
        url,
      ).toBe(404)
    }
    expect((await call(hanoi, 'GET', '/dossiers')).json()).toMatchObject({ items: [], total: 0 })
  })

  it('lets the office reviewer find, take, receive and reject the dossier, and shows the photo', async () => {
    const list = await call(quan5, 'GET', '/dossiers?person=7900077001&status=pending')
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: dossierId, fullName: 'Trần Văn Bình' }] })
    const photo = await call(quan5, 'GET', `/dossiers/${dossierId}/files/${portraitId}?size=thumbnail`)
    expect(photo.headers['content-type']).toBe('image/jpeg')
    const taken = await call(quan5, 'POST', `/dossiers/${dossierId}/assign`, { version: 1 })
    expect(taken.json().assignedTo).toMatchObject({ id: quan5.staff.id })
    const stale = await call(quan5, 'POST', `/dossiers/${dossierId}/decision`, {
      valid: false,
      reason: 'Ảnh mờ quá',
      version: 1,
    })
    expect(stale.statusCode).toBe(409)
    const decided = await call(quan5, 'POST', `/dossiers/${dossierId}/decision`, {
      valid: false,
      reason: 'Ảnh mờ quá',
      version: taken.json().version,
    })
    expect(decided.json()).toMatchObject({
      outcome: 'rejected',
      dossier: { status: 'invalid', decisionReason: 'Ảnh mờ quá' },
    })
    const noReason = await call(quan5, 'POST', `/dossiers/${dossierId}/decision`, {
      valid: false,
      version: 9,
    })
    expect(noReason.json().error.fields).toHaveProperty('reason')
    const actions = await test.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.recordId, String(dossierId)))
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining(['dossier.photo_view', 'dossier.assign', 'dossier.decide']),
    )
  })

  it('exports the search as XLSX, within reach only', async () => {
    const answer = await call(quan5, 'GET', '/dossiers/export.xlsx?person=7900077001')
    expect(answer.headers['content-type']).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(answer.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    expect(sheet?.getRow(1).getCell(1).value).toBe('Số hồ sơ')
    expect(sheet?.getRow(2).getCell(3).value).toBe('Trần Văn Bình')
    const outside = await call(hanoi, 'GET', '/dossiers/export.xlsx?person=7900077001')
    const empty = new ExcelJS.Workbook()
    await empty.xlsx.load(outside.rawPayload as unknown as ArrayBuffer)
    expect(empty.worksheets[0]?.rowCount).toBe(1)
  })

  it('refuses a state change without the CSRF header', async () => {
    const answer = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/dossiers/${dossierId}/assign`,
      headers: { cookie: quan5.cookie },
      payload: { version: 1 },
    })
    expect(answer.statusCode).toBe(403)
  })

  it('finds the dossier by a personal ID: the one it was filed with, or the one the registry holds', async () => {
    const byDocument = await call(quan5, 'GET', '/dossiers?person=079090001234')
    expect(byDocument.json()).toMatchObject({ total: 1, items: [{ id: dossierId }] })
    expect((await call(quan5, 'GET', '/dossiers?person=079085007001')).json()).toMatchObject({ total: 0 })
    await test.database.db.insert(people).values({
      bhxhCode: '7900077001',
      personalId: '079085007001',
      fullName: 'Trần Văn Bình',
      foldedName: foldVietnamese('Trần Văn Bình'),
      birthYear: 1985,
      gender: 'male',
      addressCodeSet: '2025-07-01',
      provinceCode: '79',
    })
    const byRegistry = await call(quan5, 'GET', '/dossiers?person=079085007001')
    expect(byRegistry.json()).toMatchObject({ total: 1, items: [{ id: dossierId }] })
    const exported = new ExcelJS.Workbook()
    await exported.xlsx.load(
      (await call(quan5, 'GET', '/dossiers/export.xlsx?person=079085007001'))
        .rawPayload as unknown as ArrayBuffer,
    )
    expect(exported.worksheets[0]?.getRow(2).getCell(3).value).toBe('Trần Văn Bình')
    expect((await call(hanoi, 'GET', '/dossiers?person=079085007001')).json()).toMatchObject({ total: 0 })
    const invalid = await call(quan5, 'GET', '/dossiers?person=07908500700')
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().error.fields.person[0]).toContain('số định danh cá nhân (12 chữ số)')
    const audited = await test.database.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, 'dossier.search'))
    const filters = audited.map((row) => (row.detail as { filters: Record<string, unknown> }).filters)
    expect(filters).toContainEqual({ sort: 'newest', personalId: '********7001' })
    expect(JSON.stringify(filters)).not.toContain('079085007001')
  })
})
