import { Readable } from 'node:stream'
import { ImportKind, ImportStatus } from '@ansinh/domain'
import { and, asc, eq, inArray, like, ne } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import {
  claimsXml,
  type GeneratedClaims,
  generatedClaims,
  type Xml1Record,
} from '../../../test/claims-fixtures'
import { testBackends } from '../../../test/database'
import { ensureStaffAccount } from '../../../test/staff'
import { medicalFacilities, medicalVisits, partnerApiKeys } from '../../db/schema'
import { seedDemo } from '../registry/demo-population/seed-demo'
import { claimsFormat } from './claims-format'
import { findImport, rowErrorsOf } from './import-repo'
import { type ImportFormats, runPendingImports } from './import-runner'
import { type ImportSubmitter, submitImport } from './submit-import'

const formats: ImportFormats = { hospital_claims: claimsFormat }

/** Every row `read` gives for a file, without a database. */
async function readAll(bytes: Buffer) {
  const rows = []
  for await (const row of claimsFormat.read(Readable.from([bytes]), 'test.xml')) rows.push(row)
  return rows
}

describe('reading a claim file (XML 130)', () => {
  const record: Xml1Record = {
    MA_LK: 'LK-1',
    HO_TEN: 'Nguyễn Văn An',
    NGAY_SINH: '198005170000',
    GIOI_TINH: '1',
    MA_THE_BHYT: 'HS4790123456789;7901234567',
    MA_CSKCB: '79025',
    MA_LOAI_KCB: '1',
    NGAY_VAO: '202603150820',
    NGAY_RA: '202603150935',
    MA_BENH_CHINH: 'j06.9',
    CHAN_DOAN_RV: 'Viêm họng <cấp> & sốt',
    T_TONGCHI_BV: '250000.50',
    T_BHTT: '200000.40',
    T_BNCCT: '50000.10',
  }

  it('refuses what is not a claim file at all, saying why', async () => {
    await expect(readAll(Buffer.from('MA_LK,HO_TEN\n1,An\n'))).rejects.toMatchObject({
      name: 'UnreadableFile',
      reason: expect.stringMatching(
        /^Tệp không phải dữ liệu đề nghị thanh toán theo QĐ 130.*không phải tài liệu XML/,
      ),
    })
    await expect(readAll(Buffer.from('<?xml version="1.0"?><KHAMSUCKHOE/>'))).rejects.toMatchObject({
      reason: expect.stringContaining('thẻ gốc là <KHAMSUCKHOE>'),
    })
    await expect(readAll(Buffer.from([0x3c, 0x61, 0xff, 0xfe]))).rejects.toMatchObject({
      reason: expect.stringContaining('UTF-8'),
    })
    const cut = claimsXml([record, record]).subarray(0, 900)
    await expect(readAll(cut)).rejects.toMatchObject({
      reason: expect.stringContaining('cấu trúc XML bị lỗi'),
    })
  })

  it('names the row, the column and the reason of each field it cannot read', async () => {
    const rows = await readAll(
      claimsXml(
        [
          { ...record, MA_LK: '', NGAY_VAO: '2026031508', T_BHTT: '200,000' },
          record,
          { ...record, NGAY_SINH: '19801317', MA_THE_BHYT: 'XX123', MA_LOAI_KCB: '99' },
        ],
        { withoutXml1: new Set([1]) },
      ),
    )
    expect(rows).toEqual([
      {
        rowNumber: 1,
        errors: [
          { rowNumber: 1, column: 'MA_LK', reason: 'Thiếu mã đợt điều trị.' },
          {
            rowNumber: 1,
            column: 'NGAY_VAO',
            reason: 'Thời điểm vào "2026031508" không đúng định dạng yyyymmddHHMM.',
          },
          { rowNumber: 1, column: 'T_BHTT', reason: expect.stringContaining('"200,000" không phải số tiền') },
        ],
      },
      {
        rowNumber: 2,
        errors: [{ rowNumber: 2, column: 'XML1', reason: expect.stringContaining('không có tệp XML1') }],
      },
      {
        rowNumber: 3,
        errors: [
          { rowNumber: 3, column: 'NGAY_SINH', reason: expect.stringContaining('"19801317"') },
          { rowNumber: 3, column: 'MA_THE_BHYT', reason: expect.stringContaining('"XX123" không hợp lệ') },
          { rowNumber: 3, column: 'MA_LOAI_KCB', reason: expect.stringContaining('từ 01 đến 16') },
        ],
      },
    ])
  })

  it('reads the XML1 fields, the first card, Vietnam times as instants and the sending facility', async () => {
    const [row] = await readAll(claimsXml([record], { facilityCode: '79025' }))
    expect(row).toEqual({
      rowNumber: 1,
      fields: {
        claimKey: 'LK-1',
        patientCode: null,
        fullName: 'Nguyễn Văn An',
        personalId: null,
        birth: { year: 1980, month: 5, day: 17 },
        gender: 'male',
        cardNumber: 'HS4790123456789',
        cardKey: '0123456789',
        facilityCode: '79025',
        visitType: '01',
        admittedAt: new Date('2026-03-15T01:20:00Z'),
        dischargedAt: new Date('2026-03-15T02:35:00Z'),
        diagnosisCode: 'J06.9',
        diagnosisName: 'Viêm họng <cấp> & sốt',
        totalCost: 250000.5,
        fundPaid: 200000.4,
        patientPaid: 50000.1,
        senderFacilityCode: '79025',
      },
    })
  })

  it('reads an XML1 of any well-formed shape the same way, and refuses a broken one', async () => {
    const withInner = (change: (inner: string) => string) => {
      const xml = claimsXml([record]).toString('utf8')
      const inner = Buffer.from(/<NOIDUNGFILE>([^<]+)</.exec(xml)?.[1] ?? '', 'base64').toString('utf8')
      return Buffer.from(
        xml.replace(/<NOIDUNGFILE>[^<]+</, `<NOIDUNGFILE>${Buffer.from(change(inner)).toString('base64')}<`),
      )
    }
    const [plain] = await readAll(claimsXml([record]))
    // A namespace, a comment and an entity in a CDATA-less name: the full parser's way.
    const [roundabout] = await readAll(
      withInner((inner) =>
        inner
          .replace('<TONG_HOP>', '<TONG_HOP xmlns="urn:qd130"><!-- BV -->')
          .replace('<![CDATA[Nguyễn Văn An]]>', 'Nguy&#7877;n V&#x103;n An'),
      ),
    )
    expect(roundabout).toEqual(plain)
    expect(await readAll(withInner((inner) => inner.replace('</MA_LK>', '</MA_LX>')))).toEqual([
      {
        rowNumber: 1,
        errors: [
          { rowNumber: 1, column: 'XML1', reason: expect.stringContaining('không phải tài liệu XML') },
        ],
      },
    ])
    expect(
      await readAll(withInner((inner) => inner.replaceAll('TONG_HOP', 'CHI_TIEU_GIAYCHUYENTUYEN'))),
    ).toEqual([
      {
        rowNumber: 1,
        errors: [{ rowNumber: 1, column: 'XML1', reason: 'Tệp XML1 không có thẻ gốc TONG_HOP.' }],
      },
    ])
  })

  it('reads a file written with the QĐ 4210 names and an unknown month of birth', async () => {
    const { MA_THE_BHYT, MA_BENH_CHINH, CHAN_DOAN_RV, T_TONGCHI_BV, ...rest } = record
    const legacy = { ...rest, NGAY_SINH: '19800000' } as Record<string, string>
    const xml = claimsXml([legacy]).toString('utf8')
    // The 4210 names, in the places of their 130 successors.
    const inner = (
      Buffer.from(/<NOIDUNGFILE>([^<]+)</.exec(xml)?.[1] ?? '', 'base64').toString('utf8') as string
    )
      .replace('<MA_THE_BHYT/>', `<MA_THE>${MA_THE_BHYT}</MA_THE>`)
      .replace('<MA_BENH_CHINH/>', `<MA_BENH>${MA_BENH_CHINH}</MA_BENH>`)
      .replace(
        '<CHAN_DOAN_RV/>',
        `<TEN_BENH>${CHAN_DOAN_RV?.replace('&', '&amp;').replace('<', '&lt;')}</TEN_BENH>`,
      )
      .replace('<T_TONGCHI_BV/>', `<T_TONGCHI>${T_TONGCHI_BV}</T_TONGCHI>`)
    const file = xml.replace(/<NOIDUNGFILE>[^<]+</, `<NOIDUNGFILE>${Buffer.from(inner).toString('base64')}<`)
    const [row] = await readAll(Buffer.from(file))
    expect(row).toMatchObject({
      rowNumber: 1,
      fields: { birth: { year: 1980 }, cardKey: '0123456789', diagnosisCode: 'J06.9', totalCost: 250000.5 },
    })
  })
})

describe.each(testBackends())('hospital claim files (XML 130) on %s', (backend) => {
  let test: TestApp
  let staff: ImportSubmitter
  let claims: GeneratedClaims
  let file: Buffer

  beforeAll(async () => {
    test = await createTestApp({ backend })
    await seedDemo(test.database, { people: 300, seed: 5, totpKey: Buffer.alloc(32, 7) })
    const { id } = await ensureStaffAccount(test.app, 'hcm.admin')
    staff = {
      kind: 'staff',
      staff: {
        id,
        username: 'hcm.admin',
        fullName: 'Võ Minh Tuấn',
        officeCode: '079',
        role: 'office_admin',
        reach: ['079'],
        sessionId: 'test-session',
        ip: '127.0.0.1',
      },
    }
    claims = await generatedClaims(test.database.db, { count: 1_000, badShare: 0.05 })
    file = claimsXml(claims.records)
  })
  afterAll(async () => test?.close())

  const submit = (bytes: Buffer, submitter = staff, fileName = 'xml130.xml') =>
    submitImport(test.app.deps, { kind: ImportKind.HospitalClaims, fileName, bytes }, submitter)
  const run = () => runPendingImports(test.app.deps, formats)
  const importOf = async (id: number) => {
    const item = await findImport(test.database.db, id)
    if (!item) throw new Error('no import')
    return item
  }
  const visitsOf = (prefix: string) =>
    test.database.db
      .select({
        claimKey: medicalVisits.claimKey,
        personId: medicalVisits.personId,
        admittedAt: medicalVisits.admittedAt,
        totalCost: medicalVisits.totalCost,
        fundPaid: medicalVisits.fundPaid,
        patientPaid: medicalVisits.patientPaid,
      })
      .from(medicalVisits)
      .where(
        and(eq(medicalVisits.facilityCode, claims.facilityCode), like(medicalVisits.claimKey, `${prefix}%`)),
      )
      .orderBy(asc(medicalVisits.claimKey))

  it('applies the 950 good claims of a 1,000-record file and reports the 50 bad ones', async () => {
    const submitted = await submit(file)
    expect(submitted).toMatchObject({ status: ImportStatus.Queued, duplicate: false })
    expect(await run()).toBe(1)
    expect(await importOf(submitted.id)).toMatchObject({
      status: ImportStatus.Done,
      rowsTotal: 1_000,
      rowsRead: 1_000,
      rowsApplied: 950,
      rowsUnchanged: 0,
      rowsRefused: 50,
      failure: null,
    })

    const errors = await rowErrorsOf(test.database.db, submitted.id)
    expect(errors).toHaveLength(50)
    expect(errors.map(({ rowNumber, column }) => ({ rowNumber, column }))).toEqual(
      claims.bad.map(({ rowNumber, column }) => ({ rowNumber, column })),
    )
    for (const error of errors) expect(error.reason).toMatch(/\S{3,}/)
    const reasonOf = (fault: string) =>
      errors.find((error) => error.rowNumber === claims.bad.find((bad) => bad.fault === fault)?.rowNumber)
        ?.reason
    expect(reasonOf('unknownCard')).toMatch(/^Không có thẻ BHYT mã 00\d{8} trong cơ sở dữ liệu\.$/)
    expect(reasonOf('badDate')).toMatch(
      /^Thời điểm vào "\d{4}1345\d{4}" không đúng định dạng yyyymmddHHMM\.$/,
    )
    expect(reasonOf('wrongTotals')).toContain('lớn hơn tổng chi phí')
    expect(reasonOf('unknownFacility')).toBe('Không có cơ sở KCB mã 99999 trong danh mục.')
    expect(reasonOf('wrongName')).toBe('Họ tên "Lý Thị Không Khớp" không khớp với chủ thẻ BHYT.')

    const visits = await visitsOf('T130-')
    expect(visits.map(({ claimKey, personId }) => ({ claimKey, personId }))).toEqual(
      claims.good.map(({ claimKey, personId }) => ({ claimKey, personId })),
    )
    // Amounts as integer đồng; the fund and the patient never more than the total.
    for (const visit of visits) {
      expect(Number.isInteger(visit.totalCost)).toBe(true)
      expect(visit.fundPaid + visit.patientPaid).toBeLessThanOrEqual(visit.totalCost + 1)
    }
    // NGAY_VAO is Vietnam time: the instant stored is 7 hours earlier in UTC.
    const first = claims.records[0]
    const stored = visits.find((visit) => visit.claimKey === first?.MA_LK)
    const stamp = first?.NGAY_VAO ?? ''
    expect(stored?.admittedAt.toISOString()).toBe(
      new Date(
        Date.UTC(
          +stamp.slice(0, 4),
          +stamp.slice(4, 6) - 1,
          +stamp.slice(6, 8),
          +stamp.slice(8, 10) - 7,
          +stamp.slice(10, 12),
        ),
      ).toISOString(),
    )
  })

  it('answers the same bytes again with the earlier import, and changes nothing', async () => {
    const before = await visitsOf('T130-')
    const again = await submit(file, staff, 'xml130-again.xml')
    expect(again).toMatchObject({ duplicate: true, status: ImportStatus.Done, rowsApplied: 950 })
    expect(await run()).toBe(0)
    expect(await visitsOf('T130-')).toEqual(before)
  })

  it('finds every claim of another file with the same claims already there', async () => {
    const before = await visitsOf('T130-')
    const reordered = claimsXml([...claims.records].reverse())
    const submitted = await submit(reordered, staff, 'xml130-reordered.xml')
    expect(submitted.duplicate).toBe(false)
    await run()
    expect(await importOf(submitted.id)).toMatchObject({
      status: ImportStatus.Done,
      rowsTotal: 1_000,
      rowsApplied: 0,
      rowsUnchanged: 950,
      rowsRefused: 50,
    })
    expect(await visitsOf('T130-')).toEqual(before)
  })

  it('fails a file that is not a claim file, with the reason', async () => {
    const notXml = await submit(Buffer.from('Số thẻ;Họ tên\n7901234567;Nguyễn Văn An\n'), staff, 'the.csv')
    const wrongRoot = await submit(
      Buffer.from('<?xml version="1.0"?><HSCHUNGTU><X/></HSCHUNGTU>'),
      staff,
      'ct.xml',
    )
    await run()
    expect(await importOf(notXml.id)).toMatchObject({
      status: ImportStatus.Failed,
      failure: expect.stringMatching(
        /^Tệp không phải dữ liệu đề nghị thanh toán theo QĐ 130\/QĐ-BYT: tệp không phải tài liệu XML/,
      ),
    })
    expect(await importOf(wrongRoot.id)).toMatchObject({
      status: ImportStatus.Failed,
      failure: expect.stringContaining('thẻ gốc là <HSCHUNGTU>'),
    })
  })

  it("refuses, in a file sent with a facility's key, the claims of another facility", async () => {
    const [other] = await test.database.db
      .select({ code: medicalFacilities.code })
      .from(medicalFacilities)
      .where(ne(medicalFacilities.code, claims.facilityCode))
      .orderBy(asc(medicalFacilities.code))
      .limit(1)
    if (!other) throw new Error('a second facility is needed')
    const [key] = await test.database.db
      .insert(partnerApiKeys)
      .values({ facilityCode: other.code, label: 'HIS', prefix: 'claims01', keyHash: 'f'.repeat(64) })
      .returning({ id: partnerApiKeys.id })
    if (!key) throw new Error('no key')
    const mine = await generatedClaims(test.database.db, {
      count: 10,
      badShare: 0,
      seed: 7,
      claimPrefix: 'KEY-',
      facilityCode: claims.facilityCode,
    })
    const submitted = await submit(claimsXml(mine.records), {
      kind: 'facility',
      keyId: key.id,
      facilityCode: other.code,
    })
    await run()
    expect(await importOf(submitted.id)).toMatchObject({ rowsApplied: 0, rowsRefused: 10 })
    const errors = await rowErrorsOf(test.database.db, submitted.id)
    expect(new Set(errors.map((error) => error.column))).toEqual(new Set(['MA_CSKCB']))
    expect(errors[0]?.reason).toBe(
      `Hồ sơ của cơ sở KCB ${claims.facilityCode}, không phải của cơ sở gửi tệp (${other.code}).`,
    )
    const visits = await test.database.db
      .select({ id: medicalVisits.id })
      .from(medicalVisits)
      .where(
        inArray(
          medicalVisits.claimKey,
          mine.records.map((record) => record.MA_LK ?? ''),
        ),
      )
    expect(visits).toEqual([])
  })
})
