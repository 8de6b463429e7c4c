import { setTimeout as sleep } from 'node:timers/promises'
import type { ImportView } from '@ansinh/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { claimsXml, generatedClaims } from '../../../test/claims-fixtures'
import { testBackends } from '../../../test/database'
import { type StaffSignIn, signInStaff } from '../../../test/staff'
import { seedDemo } from '../registry/demo-population/seed-demo'

// Imports through the HTTP API: an administrator's upload in the back-office and a hospital's
// claim file with its API key, each followed to the end and its error report read.
describe.each(testBackends())('import routes on %s', (backend) => {
  let test: TestApp
  let hcmAdmin: StaffSignIn
  let hanoiAdmin: StaffSignIn
  let reviewer: StaffSignIn

  beforeAll(async () => {
    test = await createTestApp({ backend })
    await seedDemo(test.database, { people: 200, seed: 9, totpKey: Buffer.alloc(32, 7) })
    hcmAdmin = await signInStaff(test.app, 'hcm.admin')
    hanoiAdmin = await signInStaff(test.app, 'hn.admin', { role: 'office_admin', officeCode: '001' })
    reviewer = await signInStaff(test.app, 'q5.reviewer')
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
    const vssAdmin = await signInStaff(test.app, 'vss.admin')
    const issue = (facilityCode: string) =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/staff/integration/facility-keys',
        headers: vssAdmin.headers,
        payload: { facilityCode, label: 'HIS' },
      })
    const own = (await issue(claims.facilityCode)).json().key as string
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

    const otherFacility = (
      await test.app.inject({ method: 'GET', url: '/api/v1/directory/facilities?limit=5' })
    )
      .json()
      .items.map((item: { code: string }) => item.code)
      .find((code: string) => code !== claims.facilityCode) as string
    const other = (await issue(otherFacility)).json().key as string
    expect(
      (await test.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${other}` } }))
        .statusCode,
    ).toBe(404)
  })
})
