import { setTimeout as sleep } from 'node:timers/promises'
import { formatMonth, formatPartialDate, type ImportView, todayInVietnam, yyyymmOf } from '@ansinh/domain'
import { and, asc, eq, isNotNull, notInArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { claimsXml, generatedClaims } from '../../../test/claims-fixtures'
import { testBackends } from '../../../test/database'
import { type DeclarationRow, declarationsCsv, declarationsXlsx } from '../../../test/declarations-fixtures'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { employers, participationPeriods, people } from '../../db/schema'
import { seedDemo } from '../registry/demo-population/seed-demo'
import { NOT_THE_SENDER } from './declarations-apply'
import { DeclarationColumn } from './declarations-fields'

// Imports through the HTTP API: an administrator's upload in the back-office, a hospital's claim
// file and an employer's declaration list with their API keys, each followed to the end and its
// error report read.
describe.each(testBackends())('import routes on %s', (backend) => {
  let test: TestApp
  let hcmAdmin: StaffSignIn
  let hanoiAdmin: StaffSignIn
  let reviewer: StaffSignIn
  let vssAdmin: StaffSignIn
  /** A facility's claim import and the facility's key, for the partners' reach below. */
  let claimImport: { url: string; key: string } | undefined

  beforeAll(async () => {
    test = await createTestApp({ backend })
    await seedDemo(test.database, { people: 200, seed: 9, totpKey: Buffer.alloc(32, 7) })
    hcmAdmin = await signInStaff(test.app, 'hcm.admin')
    hanoiAdmin = await signInStaff(test.app, 'hn.admin', { role: 'office_admin', officeCode: '001' })
    reviewer = await signInStaff(test.app, 'q5.reviewer')
    vssAdmin = await signInStaff(test.app, 'vss.admin')
  })
  afterAll(async () => test?.close())

  async function upload(who: StaffSignIn, kind: string | undefined, file?: { name: string; bytes: Buffer }) {
    const data = new FormData()
    if (kind) data.set('kind', kind)
    if (file) data.set('file', new Blob([file.bytes]), file.name)
    const encoded = new Response(data)
    return test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/integration/imports',
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { 'content-type': encoded.headers.get('content-type') ?? '', ...who.headers },
    })
  }

  async function issueKey(partner: { facilityCode: string } | { employerUnitCode: string }) {
    const answer = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/integration/partner-keys',
      headers: vssAdmin.headers,
      payload: { ...partner, label: 'Hệ thống của đối tác' },
    })
    expect(answer.statusCode, answer.body).toBe(201)
    return answer.json().key as string
  }
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

  /** Asks for the import until it is no longer waiting or running (the server reads it in the background). */
  async function finished(url: string, headers: Record<string, string>): Promise<ImportView> {
    for (;;) {
      const answer = await test.app.inject({ method: 'GET', url, headers })
      expect(answer.statusCode, answer.body).toBe(200)
      const view = answer.json() as ImportView
      if (view.status === 'done' || view.status === 'failed') return view
      await sleep(100)
    }
  }

  it('reads an uploaded claim file in the background and reports its refused rows, within the office tree', async () => {
    const claims = await generatedClaims(test.database.db, { count: 40, badShare: 0.05, claimPrefix: 'HTTP' })
    const sent = await upload(hcmAdmin, 'hospital_claims', {
      name: 'thang-11.xml',
      bytes: claimsXml(claims.records),
    })
    expect(sent.statusCode, sent.body).toBe(202)
    const view = sent.json() as ImportView
    expect(view).toMatchObject({ kind: 'hospital_claims', fileName: 'thang-11.xml', duplicate: false })

    const done = await finished(`/api/v1/staff/integration/imports/${view.id}`, hcmAdmin.headers)
    expect(done).toMatchObject({ status: 'done', rowsTotal: 40, rowsApplied: 38, rowsRefused: 2 })
    const report = await test.app.inject({
      method: 'GET',
      url: `/api/v1/staff/integration/imports/${view.id}/errors.csv`,
      headers: hcmAdmin.headers,
    })
    expect(report.headers['content-type']).toBe('text/csv; charset=utf-8')
    const lines = report.body.split('\r\n').filter(Boolean)
    expect(lines[0]).toBe('\uFEFFDòng,Cột,Lý do')
    expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(
      claims.bad.map((bad) => bad.rowNumber),
    )

    // Outside the office tree, and to a reviewer, the import does not exist.
    const url = `/api/v1/staff/integration/imports/${view.id}`
    expect((await test.app.inject({ method: 'GET', url, headers: hanoiAdmin.headers })).statusCode).toBe(404)
    expect((await test.app.inject({ method: 'GET', url, headers: reviewer.headers })).statusCode).toBe(404)

    const again = await upload(hcmAdmin, 'hospital_claims', {
      name: 'lan-2.xml',
      bytes: claimsXml(claims.records),
    })
    expect(again.json()).toMatchObject({ id: view.id, duplicate: true })
    // The same bytes from an office outside the tree: told so, without the import's number or counts.
    const elsewhere = await upload(hanoiAdmin, 'hospital_claims', {
      name: 'x.xml',
      bytes: claimsXml(claims.records),
    })
    expect(elsewhere.statusCode).toBe(409)
    expect(JSON.stringify(elsewhere.json())).not.toContain(String(view.id))
  })

  it('names the missing kind and file', async () => {
    const nothing = await upload(hcmAdmin, undefined)
    expect(nothing.statusCode).toBe(400)
    expect(Object.keys(nothing.json().error.fields)).toEqual(['kind'])
    const noFile = await upload(hcmAdmin, 'employer_declarations')
    expect(noFile.statusCode).toBe(400)
    expect(noFile.json().error.fields).toEqual({ file: ['Vui lòng chọn tệp dữ liệu.'] })
    expect((await upload(reviewer, 'employer_declarations')).statusCode).toBe(404)
  })

  it("takes a hospital's claim file with its API key; the import is that facility's alone", async () => {
    const claims = await generatedClaims(test.database.db, { count: 10, badShare: 0, claimPrefix: 'API' })
    const issue = (facilityCode: string) => issueKey({ facilityCode })
    const own = await issue(claims.facilityCode)
    const send = (key: string | null) =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/integration/claim-files',
        headers: { 'content-type': 'application/xml', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        payload: claimsXml(claims.records),
      })
    expect((await send(null)).statusCode).toBe(401)
    const sent = await send(own)
    expect(sent.statusCode, sent.body).toBe(202)
    const url = `/api/v1/integration/imports/${sent.json().id}`
    const done = await finished(url, { authorization: `Bearer ${own}` })
    expect(done).toMatchObject({ status: 'done', rowsApplied: 10, rowsRefused: 0 })
    claimImport = { url, key: own }

    const otherFacility = (
      await test.app.inject({ method: 'GET', url: '/api/v1/directory/facilities?limit=5' })
    )
      .json()
      .items.map((item: { code: string }) => item.code)
      .find((code: string) => code !== claims.facilityCode) as string
    const other = await issue(otherFacility)
    expect(
      (await test.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${other}` } }))
        .statusCode,
    ).toBe(404)
  })

  it("takes an employer's declaration list with its API key: its own rows only, its import alone", async () => {
    const db = test.database.db
    const [unit, otherUnit] = await db
      .select({ id: employers.id, unitCode: employers.unitCode })
      .from(employers)
      .orderBy(asc(employers.id))
      .limit(2)
    if (!unit || !otherUnit) throw new Error('the demo has fewer than two employers')
    // People who never worked for the unit: each row takes one on (Tăng) this month.
    const workedThere = db
      .select({ personId: participationPeriods.personId })
      .from(participationPeriods)
      .where(eq(participationPeriods.employerId, unit.id))
    const hires = await db
      .select()
      .from(people)
      .where(and(isNotNull(people.bhxhCode), notInArray(people.id, workedThere)))
      .orderBy(asc(people.id))
      .limit(3)
    if (hires.length < 3) throw new Error('not enough people to hire')
    const month = formatMonth(yyyymmOf(todayInVietnam(new Date())))
    const rowOf = (person: (typeof hires)[number], unitCode: string): DeclarationRow => ({
      [DeclarationColumn.UnitCode]: unitCode,
      [DeclarationColumn.Month]: month,
      [DeclarationColumn.BhxhCode]: person.bhxhCode ?? '',
      [DeclarationColumn.FullName]: person.fullName,
      [DeclarationColumn.Birth]: formatPartialDate({
        year: person.birthYear,
        ...(person.birthMonth !== null ? { month: person.birthMonth } : {}),
        ...(person.birthMonth !== null && person.birthDay !== null ? { day: person.birthDay } : {}),
      }),
      [DeclarationColumn.Change]: 'Tăng',
      [DeclarationColumn.ContributionBase]: '10.000.000',
    })
    const [first, second, third] = hires as [
      (typeof hires)[number],
      (typeof hires)[number],
      (typeof hires)[number],
    ]
    // Row 3 (the sheet's numbering: header = 1) is another employer's: refused, the others applied.
    const rows = [rowOf(first, unit.unitCode), rowOf(second, otherUnit.unitCode), rowOf(third, unit.unitCode)]

    const employerKey = await issueKey({ employerUnitCode: unit.unitCode })
    const facilityKey = claimImport?.key
    if (!facilityKey) throw new Error('the claim-file test runs first')
    const send = (key: string | null, bytes: Buffer, type = 'text/csv; charset=utf-8') =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/integration/employer-declarations',
        headers: { 'content-type': type, ...(key ? bearer(key) : {}) },
        payload: bytes,
      })
    const csv = declarationsCsv(rows)

    // A facility's key does not open the employers' route, nor an employer's the hospitals'.
    expect((await send(null, csv)).statusCode).toBe(401)
    expect((await send(facilityKey, csv)).statusCode).toBe(401)
    const claimsByEmployer = await test.app.inject({
      method: 'POST',
      url: '/api/v1/integration/claim-files',
      headers: { 'content-type': 'application/xml', ...bearer(employerKey) },
      payload: '<GIAMDINHHS/>',
    })
    expect(claimsByEmployer.statusCode).toBe(401)

    const sent = await send(employerKey, csv)
    expect(sent.statusCode, sent.body).toBe(202)
    expect(sent.json()).toMatchObject({ kind: 'employer_declarations', duplicate: false })
    const url = `/api/v1/integration/imports/${sent.json().id}`
    const done = await finished(url, bearer(employerKey))
    expect(done).toMatchObject({ status: 'done', rowsTotal: 3, rowsApplied: 2, rowsRefused: 1 })
    const report = await test.app.inject({
      method: 'GET',
      url: `${url}/errors.csv`,
      headers: bearer(employerKey),
    })
    expect(report.statusCode).toBe(200)
    expect(report.body.split('\r\n').filter(Boolean).slice(1)).toEqual([
      `3,${DeclarationColumn.UnitCode},${NOT_THE_SENDER}`,
    ])
    const opened = await db
      .select({ personId: participationPeriods.personId })
      .from(participationPeriods)
      .where(eq(participationPeriods.employerId, unit.id))
    const hired = new Set(opened.map((period) => period.personId))
    expect([first.id, second.id, third.id].map((id) => hired.has(id))).toEqual([true, false, true])

    // The same rows as a workbook: read, nothing applied twice.
    const xlsx = await send(
      employerKey,
      await declarationsXlsx(rows),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(xlsx.statusCode, xlsx.body).toBe(202)
    const again = await finished(`/api/v1/integration/imports/${xlsx.json().id}`, bearer(employerKey))
    expect(again).toMatchObject({ status: 'done', rowsApplied: 0, rowsUnchanged: 2, rowsRefused: 1 })

    // Each partner sees its own imports only: not the facility's, not another employer's.
    const otherEmployerKey = await issueKey({ employerUnitCode: otherUnit.unitCode })
    const status = async (at: string, key: string) =>
      (await test.app.inject({ method: 'GET', url: at, headers: bearer(key) })).statusCode
    expect(await status(url, facilityKey)).toBe(404)
    expect(await status(`${url}/errors.csv`, facilityKey)).toBe(404)
    expect(await status(url, otherEmployerKey)).toBe(404)
    expect(await status(claimImport?.url ?? '', employerKey)).toBe(404)
    expect(await status(claimImport?.url ?? '', facilityKey)).toBe(200)
  })
})
