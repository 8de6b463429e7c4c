import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'

describe.each(testBackends())('directory API on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ backend })
  })
  afterAll(async () => t?.close())

  it('lists the 34 provinces of today and the 63 before the reform', async () => {
    const today = (await t.app.inject('/api/v1/directory/provinces')).json()
    expect(today.items).toHaveLength(34)
    expect(today.items).toContainEqual(expect.objectContaining({ code: '79', name: 'Hồ Chí Minh' }))
    const before = (await t.app.inject('/api/v1/directory/provinces?codeSet=2004-2025')).json()
    expect(before.items).toHaveLength(63)
  })

  it('lists the communes of a province and answers 404 for an unknown one', async () => {
    const communes = (await t.app.inject('/api/v1/directory/provinces/92/communes')).json()
    expect(communes.items.length).toBeGreaterThan(20)
    expect(communes.items[0]).toEqual(
      expect.objectContaining({ code: expect.stringMatching(/^\d{5}$/), parentCode: '92' }),
    )
    expect((await t.app.inject('/api/v1/directory/provinces/99/communes')).statusCode).toBe(404)
  })

  it('lists the old districts of a province (none exist after the reform)', async () => {
    const districts = (await t.app.inject('/api/v1/directory/provinces/79/districts')).json()
    expect(districts.items).toContainEqual(expect.objectContaining({ code: '774', fullName: 'Quận 5' }))
    expect((await t.app.inject('/api/v1/directory/provinces/99/districts')).statusCode).toBe(404)
  })

  it.each([
    ['a current address in Phường Chợ Quán', 'provinceCode=79&communeCode=27301', '07915'],
    [
      'the same place written in the old units',
      'codeSet=2004-2025&provinceCode=79&districtCode=774&communeCode=27301',
      '07915',
    ],
    ['a current address in Phường Đống Đa', 'provinceCode=01&communeCode=00235', '00106'],
  ])('suggests the office that serves %s', async (_name, query, office) => {
    const answer = (await t.app.inject(`/api/v1/directory/offices/suggest?${query}`)).json()
    expect(answer.office).toMatchObject({ code: office, parentName: expect.stringMatching(/^BHXH /) })
  })

  it('rejects a malformed province code with the field named', async () => {
    const response = await t.app.inject('/api/v1/directory/provinces/7a/communes')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toHaveProperty('provinceCode')
  })

  it('shows the office tree: [079] BHXH TP. Hồ Chí Minh → [07915] BHXH Quận 5', async () => {
    const tree = (await t.app.inject('/api/v1/directory/offices?validOn=2026-01-01')).json()
    const vss = tree.items.find((node: { code: string }) => node.code === '000')
    const hcmc = vss.children.find((node: { code: string }) => node.code === '079')
    expect(hcmc.name).toBe('BHXH TP. Hồ Chí Minh')
    expect(hcmc.children).toContainEqual(
      expect.objectContaining({ code: '07915', name: 'BHXH Quận 5', kind: 'grassroots' }),
    )
  })

  it.each(['0000-01-01', '2025-02-30', 'yesterday'])(
    'rejects validOn=%s with 400, never a 500',
    async (validOn) => {
      const response = await t.app.inject(`/api/v1/directory/offices?validOn=${validOn}`)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.fields).toHaveProperty('validOn')
    },
  )

  it('shows one office, 404 for an unknown code, 400 for a malformed one', async () => {
    const office = (await t.app.inject('/api/v1/directory/offices/07915')).json()
    expect(office).toMatchObject({ code: '07915', parentCode: '079', name: 'BHXH Quận 5' })
    expect((await t.app.inject('/api/v1/directory/offices/99999')).statusCode).toBe(404)
    expect((await t.app.inject('/api/v1/directory/offices/12x')).statusCode).toBe(400)
  })

  it('documents its routes in OpenAPI', async () => {
    const spec = (await t.app.inject('/docs/json')).json()
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/directory/provinces', '/api/v1/directory/offices/{code}']),
    )
  })
})
