import { describe, expect, it } from 'vitest'
import { currentUnitsLine, currentUnitsOf, unitNameKeys } from './directory'

const hanoi = { code: '01', fullName: 'Thành phố Hà Nội' }

describe('currentUnitsOf', () => {
  it('names the one commune a whole old commune went into', () => {
    const units = currentUnitsOf(hanoi, [{ code: '00097', fullName: 'Phường Hồng Hà', kind: 'full' }])
    expect(units).toEqual({
      province: hanoi,
      communes: [{ code: '00097', fullName: 'Phường Hồng Hà' }],
      split: false,
      text: 'Phường Hồng Hà, Thành phố Hà Nội',
    })
  })

  it('offers every part of a split commune', () => {
    const units = currentUnitsOf(hanoi, [
      { code: '00008', fullName: 'Phường Ngọc Hà', kind: 'partial' },
      { code: '00025', fullName: 'Phường Giảng Võ', kind: 'partial' },
    ])
    expect(units?.split).toBe(true)
    expect(units?.text).toBe('Phường Ngọc Hà hoặc Phường Giảng Võ, Thành phố Hà Nội')
    expect(units && currentUnitsLine(units, 'or')).toBe('Phường Ngọc Hà or Phường Giảng Võ, Thành phố Hà Nội')
  })

  it('knows nothing of a commune the mapping lacks', () => {
    expect(currentUnitsOf(hanoi, [])).toBeNull()
  })
})

describe('unitNameKeys', () => {
  it('folds accents and case, and also drops a leading unit type', () => {
    expect(unitNameKeys('Xã Ba Chẽ')).toEqual(['xa ba che', 'ba che'])
    expect(unitNameKeys('THÀNH PHỐ Hồ Chí Minh')).toEqual(['thanh pho ho chi minh', 'ho chi minh'])
    expect(unitNameKeys('quan son')).toEqual(['quan son', 'son'])
    expect(unitNameKeys('Phúc Xá')).toEqual(['phuc xa'])
  })
})
