import { describe, expect, it } from 'vitest'
import {
  adoptionByRole,
  adoptionProgress,
  formatPercent,
  formatPercentValue,
  NewOrganisationBody,
  OrganisationTargetBody,
} from './organisations'

describe('formatPercent', () => {
  it('writes the shares as the district office does (seed 000)', () => {
    expect(formatPercent(1978, 2447)).toBe('80,83\u00A0%')
    expect(formatPercent(13_775, 40_230)).toBe('34,24\u00A0%')
  })

  it('rounds half up, keeps two decimals and answers a dash when there is nobody to count', () => {
    expect(formatPercent(1, 8)).toBe('12,50\u00A0%')
    expect(formatPercent(1, 3)).toBe('33,33\u00A0%')
    expect(formatPercent(2, 3)).toBe('66,67\u00A0%')
    expect(formatPercent(0, 10)).toBe('0,00\u00A0%')
    expect(formatPercent(10, 10)).toBe('100,00\u00A0%')
    expect(formatPercent(0, 0)).toBe('—')
    expect(formatPercentValue(100)).toBe('100,00\u00A0%')
    expect(formatPercentValue(80.825)).toBe('80,83\u00A0%')
  })
})

describe('adoption figures', () => {
  it('adds the roles into the total and formats each share', () => {
    const staff = { members: 2447, registered: 1978, accountActive: 1900, signedIn: 1800 }
    const pupil = { members: 40_230, registered: 13_775, accountActive: 13_000, signedIn: 12_000 }
    const figures = adoptionByRole(staff, pupil)
    expect(figures.staff.registeredPercent).toBe('80,83\u00A0%')
    expect(figures.pupil.registeredPercent).toBe('34,24\u00A0%')
    expect(figures.total.members).toBe(42_677)
    expect(figures.total.registered).toBe(15_753)
  })

  it('measures progress toward a target and what remains to reach it', () => {
    const counts = { members: 200, registered: 150, accountActive: 0, signedIn: 0 }
    const progress = adoptionProgress(counts, { percent: 100, deadline: '2021-06-30' }, '2021-06-15')
    expect(progress).toMatchObject({
      registeredShare: 75,
      progress: 75,
      remaining: 50,
      daysLeft: 15,
      reached: false,
    })
    const half = adoptionProgress(counts, { percent: 50, deadline: '2021-06-30' }, '2021-07-01')
    expect(half).toMatchObject({ progress: 100, remaining: 0, daysLeft: -1, reached: true })
  })
})

describe('organisation bodies', () => {
  it('wants a parent or an office, not both', () => {
    expect(
      NewOrganisationBody.safeParse({ code: 'q5-th1', name: 'Trường A', kind: 'school', officeCode: '07915' })
        .data?.code,
    ).toBe('Q5-TH1')
    expect(NewOrganisationBody.safeParse({ code: 'X1', name: 'Trường A', kind: 'school' }).success).toBe(
      false,
    )
    expect(
      NewOrganisationBody.safeParse({
        code: 'X1',
        name: 'Trường A',
        kind: 'school',
        parentId: 1,
        officeCode: '07915',
      }).success,
    ).toBe(false)
  })

  it('takes a target between 0 and 100 and a real date', () => {
    expect(OrganisationTargetBody.safeParse({ percent: 100, deadline: '2027-06-30' }).success).toBe(true)
    expect(OrganisationTargetBody.safeParse({ percent: 0, deadline: '2027-06-30' }).success).toBe(false)
    expect(OrganisationTargetBody.safeParse({ percent: 100, deadline: '2027-02-30' }).success).toBe(false)
  })
})
