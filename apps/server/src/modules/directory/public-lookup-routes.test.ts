import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { queryRows } from '../../db/client'
import { seedDemo } from '../registry/demo-population/seed-demo'
import { employerMatchOf } from './public-lookup-service'

type Listed = { code: string; distanceKm: number | null }

describe('employerMatchOf', () => {
  it.each([
    ['0300000104', { taxCode: '0300000104' }],
    ['za0004a', { unitCode: 'ZA0004A' }],
    ['Cảng  Sài Gòn', { foldedName: 'cang sai gon' }],
    ['2024', { foldedName: '2024' }],
  ])('reads %s as %o', (text, match) => expect(employerMatchOf(text)).toEqual(match))
})

describe.each(testBackends())('public look-ups on %s', (backend) => {
  let t: TestApp
  const get = async (url: string) => t.app.inject(`/api/v1/directory/${url}`)
  beforeAll(async () => {
    t = await createTestApp({ backend, env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })
    await seedDemo(t.database, { people: 0, totpKey: Buffer.alloc(32, 7) })
  })
  afterAll(async () => t?.close())

  it.each([
    ['offices/contacts?near=91.1,105', 'near'],
    ['offices/contacts?near=abc', 'near'],
    ['offices/contacts?communeCode=27301', 'provinceCode'],
    ['facilities?limit=51', 'limit'],
    ['facilities?level=clinic', 'level'],
    ['employers?q=ab', 'q'],
    ['employers?q=cong%20ty&limit=11', 'limit'],
    ['employers?q=cong%20ty&offset=50', 'offset'],
  ])('rejects %s naming %s', async (url, field) => {
    const response = await get(url)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toHaveProperty(field)
  })

  it('lists offices in tree order with address, phone and opening hours', async () => {
    const page = (await get('offices/contacts?provinceCode=79&limit=3')).json()
    expect(page.items.map((office: Listed) => office.code)).toEqual(['079', '07901', '07902'])
    expect(page.items[1]).toMatchObject({
      parentName: 'BHXH TP. Hồ Chí Minh',
      address: expect.any(String),
      phone: expect.any(String),
      openingHours: expect.stringContaining('Thứ Hai'),
      distanceKm: null,
    })
    expect(page.nextOffset).toBe(3)
  })

  it('sorts offices nearest first from coordinates and from a chosen commune', async () => {
    const near = (await get('offices/contacts?near=21.0135,105.8072&limit=5')).json()
    expect(near.items[0]).toMatchObject({ code: '00101', distanceKm: 0 })
    const distances = near.items.map((office: Listed) => office.distanceKm)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    // Phường Chợ Quán is served by BHXH Quận 5: distances are measured from its seat.
    const commune = (await get('offices/contacts?provinceCode=79&communeCode=27301&limit=1')).json()
    expect(commune.items[0]).toMatchObject({ code: '07915', distanceKm: 0 })
    expect((await get('offices/contacts?provinceCode=79&communeCode=00235')).statusCode).toBe(404)
  })

  it('finds facilities by folded partial name, flags, level and province, a page at a time', async () => {
    const byName = (await get('facilities?name=xanh%20pon')).json()
    expect(byName.items).toEqual([
      expect.objectContaining({ code: '01001', name: 'Bệnh viện Đa khoa Xanh Pôn' }),
    ])
    const noPrimary = (await get('facilities?provinceCode=01&primaryRegistration=false&limit=50')).json()
    expect(noPrimary.items.map((facility: Listed) => facility.code)).toContain('01002')
    expect(
      noPrimary.items.every((f: { acceptsPrimaryRegistration: boolean }) => !f.acceptsPrimaryRegistration),
    ).toBe(true)
    const sickLeave = (await get('facilities?provinceCode=01&level=district&sickLeave=true&limit=2')).json()
    expect(sickLeave.items).toHaveLength(2)
    expect(
      sickLeave.items.every(
        (f: { level: string; issuesSickLeave: boolean }) => f.level === 'district' && f.issuesSickLeave,
      ),
    ).toBe(true)
    const next = (
      await get(
        `facilities?provinceCode=01&level=district&sickLeave=true&limit=2&offset=${sickLeave.nextOffset}`,
      )
    ).json()
    expect(next.items[0].code).not.toBe(sickLeave.items[0].code)
    const nearest = (await get('facilities?near=21.0095,105.8404&limit=1')).json()
    expect(nearest.items[0]).toMatchObject({ code: '01001', distanceKm: 0 })
  })

  it('lists collection points nearest first, filtered by province and kind', async () => {
    const near = (await get('collection-points?near=21.3294,106.1703&limit=2')).json()
    expect(near.items[0]).toMatchObject({ code: 'DL0010601', kind: 'agent', distanceKm: 0 })
    expect(near.origin).toEqual({ latitude: 21.3294, longitude: 106.1703 })
    const hanoi = (await get('collection-points?provinceCode=01&kind=agent&limit=50')).json()
    expect(hanoi.items.length).toBeGreaterThan(0)
    expect(
      hanoi.items.every(
        (a: { provinceCode: string; kind: string }) => a.provinceCode === '01' && a.kind === 'agent',
      ),
    ).toBe(true)
  })

  it.each([
    ['unit code', 'ZA0004A'],
    ['tax code', '0300000104'],
    ['part of the name without accents', 'cang sai gon'],
  ])('finds an employer by %s with its managing office and participant band', async (_how, q) => {
    const page = (await get(`employers?q=${encodeURIComponent(q)}`)).json()
    expect(page.items).toEqual([
      {
        unitCode: 'ZA0004A',
        taxCode: '0300000104',
        name: 'Công ty Cổ phần Logistics Cảng Sài Gòn',
        address: expect.stringContaining('Trần Hưng Đạo'),
        managingOfficeCode: '07915',
        managingOfficeName: 'BHXH Quận 5',
        participantBand: 'under_10',
        status: 'active',
      },
    ])
    expect(page.nextOffset).toBeNull()
  })

  it('searches employer names through the trigram index and counts through the partial index', async () => {
    const plan = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`)
      const rows = await queryRows<Record<string, string>>(
        tx,
        sql`explain select e.id, (select count(*) from participation_periods p
              where p.employer_id = e.id and p.scheme = 'compulsory_social' and p.to_month is null)
            from employers e where e.folded_name like '%cang sai%'`,
      )
      return rows.map((row) => Object.values(row)[0]).join('\n')
    })
    expect(plan).toContain('employers_folded_trgm_idx')
    expect(plan).toContain('participation_open_compulsory_employer_idx')
  })

  it('documents the look-ups in OpenAPI', async () => {
    const spec = (await t.app.inject('/docs/json')).json()
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/directory/offices/contacts',
        '/api/v1/directory/facilities',
        '/api/v1/directory/employers',
        '/api/v1/directory/collection-points',
      ]),
    )
  })
})
