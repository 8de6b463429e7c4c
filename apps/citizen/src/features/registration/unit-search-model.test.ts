import { AddressCodeSet, type AdminUnitHit } from '@ansinh/domain'
import { describe, expect, it } from 'vitest'
import { movedIndex, optionTitle, searchableQuery, unitOptions, unitPatch } from './unit-search-model'

const hit = (overrides: Partial<AdminUnitHit>): AdminUnitHit => ({
  code: '00025',
  name: 'Giảng Võ',
  fullName: 'Phường Giảng Võ',
  unitType: 'Phường',
  level: 'commune',
  provinceCode: '01',
  parentCode: null,
  matchedVia: null,
  ...overrides,
})

const provinces = new Map([['01', 'Thành phố Hà Nội']])

describe('searchableQuery', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['a', null],
    [' a ', null],
    ['ab', 'ab'],
    ['  cong vi ', 'cong vi'],
  ])('%j → %j', (text, expected) => {
    expect(searchableQuery(text)).toBe(expected)
  })
})

describe('unitOptions', () => {
  it('is empty without hits', () => {
    expect(unitOptions([], AddressCodeSet.Current, provinces)).toEqual([])
  })

  it('leaves the province out while its name is unknown', () => {
    const [option] = unitOptions([hit({ provinceCode: '79' })], AddressCodeSet.Current, provinces)
    expect(option?.provinceName).toBe('')
    expect(option && optionTitle(option)).toBe('Phường Giảng Võ')
  })

  it('says which old name a new commune was found by', () => {
    const options = unitOptions(
      [
        hit({ matchedVia: { code: '00007', fullName: 'Phường Cống Vị' } }),
        hit({
          code: '00008',
          fullName: 'Phường Ngọc Hà',
          matchedVia: { code: '00007', fullName: 'Phường Cống Vị' },
        }),
      ],
      AddressCodeSet.Current,
      provinces,
    )
    expect(options).toEqual([
      expect.objectContaining({
        code: '00025',
        provinceName: 'Thành phố Hà Nội',
        via: { key: 'formerly', names: 'Phường Cống Vị' },
      }),
      expect.objectContaining({ code: '00008', via: { key: 'formerly', names: 'Phường Cống Vị' } }),
    ])
    expect(options[0] && optionTitle(options[0])).toBe('Phường Giảng Võ, Thành phố Hà Nội')
  })

  it('lists a unit once, with every other name that led to it', () => {
    const options = unitOptions(
      [
        hit({
          code: '00097',
          fullName: 'Phường Hồng Hà',
          matchedVia: { code: '00001', fullName: 'Phường Phúc Xá' },
        }),
        hit({
          code: '00097',
          fullName: 'Phường Hồng Hà',
          matchedVia: { code: '00004', fullName: 'Phường Phúc Tân' },
        }),
        hit({
          code: '00097',
          fullName: 'Phường Hồng Hà',
          matchedVia: { code: '00001', fullName: 'Phường Phúc Xá' },
        }),
      ],
      AddressCodeSet.Current,
      provinces,
    )
    expect(options).toHaveLength(1)
    expect(options[0]?.via).toEqual({ key: 'formerly', names: 'Phường Phúc Xá, Phường Phúc Tân' })
  })

  it('says what an old commune is now, and nothing for a direct match', () => {
    const options = unitOptions(
      [
        hit({ code: '00001', fullName: 'Phường Phúc Xá', parentCode: '001' }),
        hit({
          code: '00007',
          fullName: 'Phường Cống Vị',
          parentCode: '001',
          matchedVia: { code: '00025', fullName: 'Phường Giảng Võ' },
        }),
      ],
      AddressCodeSet.Legacy,
      provinces,
    )
    expect(options.map((option) => option.via)).toEqual([null, { key: 'nowIs', names: 'Phường Giảng Võ' }])
  })
})

describe('unitPatch', () => {
  it('fills province and commune, and no district, in the 2025 units', () => {
    const [option] = unitOptions([hit({})], AddressCodeSet.Current, provinces)
    expect(option && unitPatch(option, AddressCodeSet.Current)).toEqual({
      codeSet: AddressCodeSet.Current,
      provinceCode: '01',
      districtCode: '',
      communeCode: '00025',
    })
  })

  it('fills the district from the parent of an old commune', () => {
    const [option] = unitOptions(
      [hit({ code: '00007', fullName: 'Phường Cống Vị', parentCode: '001' })],
      AddressCodeSet.Legacy,
      provinces,
    )
    expect(option && unitPatch(option, AddressCodeSet.Legacy)).toEqual({
      codeSet: AddressCodeSet.Legacy,
      provinceCode: '01',
      districtCode: '001',
      communeCode: '00007',
    })
  })
})

describe('movedIndex', () => {
  it.each([
    [-1, 0, 'ArrowDown', -1],
    [-1, 0, 'ArrowUp', -1],
    [-1, 3, 'ArrowDown', 0],
    [0, 3, 'ArrowDown', 1],
    [2, 3, 'ArrowDown', 0],
    [-1, 3, 'ArrowUp', 2],
    [2, 3, 'ArrowUp', 1],
    [0, 3, 'ArrowUp', 2],
    // A list that shrank under the active option starts over.
    [5, 3, 'ArrowDown', 0],
  ] as const)('from %i of %i, %s → %i', (current, count, key, expected) => {
    expect(movedIndex(current, count, key)).toBe(expected)
  })
})
