import type { AdoptionCounts, AdoptionDay } from '@ansinh/domain'
import { describe, expect, it } from 'vitest'
import { type ChartFrame, chartGeometry, sharesOf, shortDate } from './chart'

const counts = (members: number, registered: number): AdoptionCounts => ({
  members,
  registered,
  accountActive: 0,
  signedIn: 0,
})
const day = (date: string, staff: AdoptionCounts, pupil: AdoptionCounts): AdoptionDay => ({
  date,
  staff,
  pupil,
  demo: false,
})

// A plot of 100 × 100 at (10, 10): x and y read as day share and percent.
const frame: ChartFrame = { width: 120, height: 120, left: 10, right: 10, top: 10, bottom: 10 }

describe('sharesOf', () => {
  it('answers 0 for a role without members, and the total over both roles', () => {
    expect(sharesOf([day('2026-12-01', counts(4, 1), counts(0, 0))])).toEqual([
      { date: '2026-12-01', total: 25, staff: 25, pupil: 0 },
    ])
  })

  it('reads the seed: 1.978 of 2.447 staff and 13.775 of 40.230 pupils', () => {
    const [point] = sharesOf([day('2026-12-01', counts(2447, 1978), counts(40230, 13775))])
    expect(point?.staff).toBeCloseTo(80.83, 2)
    expect(point?.pupil).toBeCloseTo(34.24, 2)
    expect(point?.total).toBeCloseTo((15753 * 100) / 42677, 6)
  })
})

describe('chartGeometry', () => {
  it('draws nothing without history, but keeps the axis and the target', () => {
    const geometry = chartGeometry([], 100, frame)
    expect(geometry.lines.total).toBe('')
    expect(geometry.last).toBeNull()
    expect(geometry.xTicks).toEqual([])
    expect(geometry.yTicks.map((tick) => [tick.value, tick.y])).toEqual([
      [0, 110],
      [25, 85],
      [50, 60],
      [75, 35],
      [100, 10],
    ])
    expect(geometry.targetY).toBe(10)
  })

  it('puts one day alone in the middle', () => {
    const geometry = chartGeometry([{ date: '2026-12-01', total: 50, staff: 40, pupil: 60 }], null, frame)
    expect(geometry.lines.total).toBe('M60,60')
    expect(geometry.last?.staff).toEqual({ x: 60, y: 70 })
    expect(geometry.xTicks).toEqual([{ date: '2026-12-01', x: 60 }])
    expect(geometry.targetY).toBeNull()
  })

  it('spreads days by date, so that a missing day leaves its gap, and clamps shares to 0–100', () => {
    const geometry = chartGeometry(
      [
        { date: '2026-11-01', total: 0, staff: 0, pupil: 0 },
        { date: '2026-11-02', total: 10, staff: 10, pupil: 10 },
        { date: '2026-11-05', total: 120, staff: -5, pupil: 40 },
      ],
      80,
      frame,
    )
    expect(geometry.lines.total).toBe('M10,110 L35,100 L110,10')
    expect(geometry.lines.staff).toBe('M10,110 L35,100 L110,110')
    expect(geometry.xTicks.map((tick) => tick.date)).toEqual(['2026-11-01', '2026-11-02', '2026-11-05'])
    expect(geometry.targetY).toBe(30)
  })
})

describe('shortDate', () => {
  it('writes day and month', () => {
    expect(shortDate('2027-06-30')).toBe('30/06')
  })
})
