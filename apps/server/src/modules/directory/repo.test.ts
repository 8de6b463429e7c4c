import { foldVietnamese } from '@ansinh/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testBackends } from '../../../test/database'
import type { DatabaseHandle } from '../../db/client'
import {
  findFacility,
  findOffice,
  listCommunes,
  listOfficeTree,
  mapOldCommuneToNew,
  type OfficeTreeNode,
  officeSubtreeCodes,
} from './repo'

function findNode(nodes: OfficeTreeNode[], code: string): OfficeTreeNode | undefined {
  for (const node of nodes) {
    if (node.code === code) return node
    const found = findNode(node.children, code)
    if (found) return found
  }
  return undefined
}

describe.each(testBackends())('directory repository on %s', (backend) => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await createTestDatabase(backend)
  })
  afterAll(async () => handle?.close())

  describe('listOfficeTree', () => {
    it('roots the tree at VSS, with [079] BHXH TP. Hồ Chí Minh → [07915] BHXH Quận 5', async () => {
      const tree = await listOfficeTree(handle.db)
      expect(tree.map((node) => node.code)).toEqual(['000'])
      const hcmc = findNode(tree, '079')
      expect(hcmc?.name).toBe('BHXH TP. Hồ Chí Minh')
      expect(findNode(tree, '000')?.children).toContainEqual(expect.objectContaining({ code: '079' }))
      expect(hcmc?.children.map((child) => [child.code, child.name])).toEqual(
        expect.arrayContaining([
          ['07915', 'BHXH Quận 5'],
          ['07916', 'BHXH Quận 6'],
        ]),
      )
    })

    it('leaves out offices that were not valid on the given day', async () => {
      const current = await listOfficeTree(handle.db, { validOn: '2026-01-15' })
      expect(findNode(current, '002')).toBeUndefined() // BHXH tỉnh Hà Giang, merged into Tuyên Quang
      expect(findNode(current, '000')?.children).toHaveLength(34)
      const before = await listOfficeTree(handle.db, { validOn: '2025-06-30' })
      expect(findNode(before, '002')?.name).toBe('BHXH tỉnh Hà Giang')
      expect(findNode(before, '07915')?.name).toBe('BHXH Quận 5') // kept its code across the reform
      expect(findNode(before, '07925')).toBeUndefined() // a Bình Dương district office, renumbered under 079
      expect(findNode(current, '07925')).toBeDefined()
    })
  })

  describe('findOffice', () => {
    it('returns null for an unknown code', async () => {
      expect(await findOffice(handle.db, '99999')).toBeNull()
    })

    it('returns a grassroots office with its place, hours and position', async () => {
      const office = await findOffice(handle.db, '07915')
      expect(office).toMatchObject({
        code: '07915',
        parentCode: '079',
        kind: 'grassroots',
        name: 'BHXH Quận 5',
        foldedName: 'bhxh quan 5',
        provinceCode: '79',
        validFrom: '1995-10-01',
        validTo: null,
        synthetic: true,
      })
      expect(office?.address).toMatch(/Thành phố Hồ Chí Minh$/)
      expect(office?.openingHours).toMatch(/^Thứ Hai–Thứ Sáu/)
      expect(office?.latitude).toBeCloseTo(10.8, 0)
      expect(office?.longitude).toBeCloseTo(106.7, 0)
    })
  })

  describe('officeSubtreeCodes', () => {
    it('is empty for an unknown office', async () => {
      expect(await officeSubtreeCodes(handle.db, 'nope')).toEqual([])
    })

    it('is the office alone for a grassroots office', async () => {
      expect(await officeSubtreeCodes(handle.db, '07915')).toEqual(['07915'])
    })

    it('holds a province office and its grassroots offices, nothing of another province', async () => {
      const codes = await officeSubtreeCodes(handle.db, '079')
      expect(codes[0]).toBe('079')
      expect(codes).toContain('07915')
      expect(codes).toContain('07916')
      expect(codes).not.toContain('00101')
      expect(codes.every((code) => code.startsWith('079'))).toBe(true)
    })

    it('reaches every office from VSS', async () => {
      const codes = await officeSubtreeCodes(handle.db, '000')
      const tree = await listOfficeTree(handle.db)
      const count = (nodes: OfficeTreeNode[]): number =>
        nodes.reduce((sum, node) => sum + 1 + count(node.children), 0)
      expect(codes).toHaveLength(count(tree))
      expect(codes).toContain('00101')
    })
  })

  describe('findFacility', () => {
    it('returns null for an unknown code', async () => {
      expect(await findFacility(handle.db, '00000')).toBeNull()
    })

    it('returns a facility with its flags', async () => {
      const facility = await findFacility(handle.db, '01901')
      expect(facility).toMatchObject({
        name: 'Bệnh viện Bạch Mai',
        level: 'central',
        legacyProvinceCode: '01',
        provinceCode: '01',
        hasHealthInsuranceContract: true,
        issuesSickLeave: true,
      })
    })
  })

  describe('listCommunes', () => {
    it('is empty for a province that is not in the code set', async () => {
      expect(await listCommunes(handle.db, '2025-07-01', '02')).toEqual([]) // Hà Giang merged away
    })

    it('lists the 2025 communes of Cần Thơ under the province', async () => {
      const communes = await listCommunes(handle.db, '2025-07-01', '92')
      expect(communes.length).toBeGreaterThan(50)
      expect(communes.every((commune) => commune.parentCode === '92')).toBe(true)
      expect(communes.map((commune) => commune.fullName)).toContain('Phường Ninh Kiều')
    })

    it('lists the 2004–2025 communes of Hà Giang under their districts, in name order', async () => {
      const communes = await listCommunes(handle.db, '2004-2025', '02')
      expect(communes.length).toBeGreaterThan(100)
      expect(communes.every((commune) => commune.parentCode?.length === 3)).toBe(true)
      const folded = communes.map((commune) => foldVietnamese(commune.name))
      expect(folded).toEqual([...folded].sort())
    })
  })

  describe('mapOldCommuneToNew', () => {
    it('is empty for an unknown code', async () => {
      expect(await mapOldCommuneToNew(handle.db, '99999')).toEqual([])
    })

    it('maps a whole old commune to one new commune', async () => {
      expect(await mapOldCommuneToNew(handle.db, '00001')).toEqual([
        {
          newCommuneCode: '00097',
          newProvinceCode: '01',
          kind: 'full',
          name: 'Hồng Hà',
          fullName: 'Phường Hồng Hà',
        },
      ])
    })

    it('lists every new commune of a split commune', async () => {
      const successors = await mapOldCommuneToNew(handle.db, '00007') // Phường Cống Vị
      expect(successors.map((successor) => [successor.newCommuneCode, successor.kind])).toEqual([
        ['00008', 'partial'],
        ['00025', 'partial'],
      ])
    })

    it('maps an island district without communes by its district code', async () => {
      const [successor] = await mapOldCommuneToNew(handle.db, '755') // huyện Côn Đảo
      expect(successor?.fullName).toBe('Đặc khu Côn Đảo')
      expect(successor?.newProvinceCode).toBe('79')
    })
  })
})
