import { AddressCodeSet, type ContactAddress } from '@ansinh/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { currentUnitsOfAddress, presentAddress } from './service'

// Old Hà Nội: Quận Ba Đình (001), Phường Phúc Xá (00001) went whole into Phường Hồng Hà (00097);
// Phường Cống Vị (00007) was split between Phường Ngọc Hà (00008) and Phường Giảng Võ (00025).
const oldAddress = (communeCode: string): ContactAddress => ({
  codeSet: AddressCodeSet.Legacy,
  provinceCode: '01',
  districtCode: '001',
  communeCode,
  street: 'Số 1 Phố Đội Cấn',
})

describe.each(testBackends())('current units of an address on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ backend })
  })
  afterAll(async () => t?.close())
  const db = () => t.app.deps.database.db

  it('names the one new commune an old commune went into whole', async () => {
    expect(await presentAddress(db(), oldAddress('00001'))).toEqual({
      address: 'Số 1 Phố Đội Cấn, Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội',
      currentUnits: {
        province: { code: '01', fullName: 'Thành phố Hà Nội' },
        communes: [{ code: '00097', fullName: 'Phường Hồng Hà' }],
        split: false,
        text: 'Phường Hồng Hà, Thành phố Hà Nội',
      },
    })
  })

  it('offers every part of a split commune rather than guess', async () => {
    const units = await currentUnitsOfAddress(db(), oldAddress('00007'))
    expect(units).toMatchObject({
      split: true,
      communes: [
        { code: '00008', fullName: 'Phường Ngọc Hà' },
        { code: '00025', fullName: 'Phường Giảng Võ' },
      ],
      text: 'Phường Ngọc Hà hoặc Phường Giảng Võ, Thành phố Hà Nội',
    })
  })

  it('shows an address already in new units as it is', async () => {
    const address = { codeSet: AddressCodeSet.Current, provinceCode: '01', communeCode: '00097', street: '' }
    expect(await presentAddress(db(), address)).toEqual({
      address: 'Phường Hồng Hà, Thành phố Hà Nội',
      currentUnits: null,
    })
  })

  const search = async (query: string) => {
    const response = await t.app.inject(`/api/v1/directory/admin-units?${query}`)
    expect(response.statusCode).toBe(200)
    return response.json().items as { code: string; fullName: string; matchedVia: unknown }[]
  }

  it('finds the new commune by an old name, without accents or case', async () => {
    const items = await search('q=PHUC%20XA')
    expect(items).toContainEqual(
      expect.objectContaining({
        code: '00097',
        fullName: 'Phường Hồng Hà',
        matchedVia: { code: '00001', fullName: 'Phường Phúc Xá' },
      }),
    )
  })

  it('finds the old communes by the new name they took, for an old address', async () => {
    const items = await search(`codeSet=2004-2025&provinceCode=01&q=${encodeURIComponent('Phường Hồng Hà')}`)
    expect(items).toContainEqual(
      expect.objectContaining({ code: '00001', matchedVia: { code: '00097', fullName: 'Phường Hồng Hà' } }),
    )
  })

  it('finds a new province by a direct name and by the old province that joined it', async () => {
    const items = await search('level=province&q=binh%20duong')
    expect(items).toContainEqual(
      expect.objectContaining({ code: '79', matchedVia: expect.objectContaining({ code: '74' }) }),
    )
    const direct = await search('level=province&q=ha%20noi')
    expect(direct[0]).toMatchObject({ code: '01', matchedVia: null })
  })

  it('asks for at least two characters', async () => {
    const response = await t.app.inject('/api/v1/directory/admin-units?q=a')
    expect(response.statusCode).toBe(400)
  })
})
