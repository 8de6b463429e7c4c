import { type AdoptionDay, addCounts, daysBetween, percentOf } from '@ansinh/domain'

/**
 * The line chart of the registered share over time, as plain geometry for a hand-made SVG: no
 * React, no I/O, so that the page and its tests share it. Shares are 0–100; the y axis always spans
 * 0–100 %, so that a line that creeps up does not look like a leap.
 */

export const chartSeries = ['total', 'staff', 'pupil'] as const
export type ChartSeries = (typeof chartSeries)[number]

/** One day's registered share, in total and by member role. */
export type SharePoint = { date: string } & Record<ChartSeries, number>

export function sharesOf(history: readonly AdoptionDay[]): SharePoint[] {
  return history.map((day) => {
    const total = addCounts(day.staff, day.pupil)
    return {
      date: day.date,
      total: percentOf(total.registered, total.members),
      staff: percentOf(day.staff.registered, day.staff.members),
      pupil: percentOf(day.pupil.registered, day.pupil.members),
    }
  })
}

export type ChartFrame = {
  width: number
  height: number
  left: number
  right: number
  top: number
  bottom: number
}

/** The SVG's box and the room left around the plot for the axes' labels. */
export const defaultFrame: ChartFrame = { width: 640, height: 260, left: 48, right: 16, top: 12, bottom: 32 }

export type ChartGeometry = {
  /** `d` of each series' `<path>`; empty when there is no point. */
  lines: Record<ChartSeries, string>
  /** The newest point of each series, marked with a dot (the only one when there is one day). */
  last: Record<ChartSeries, { x: number; y: number }> | null
  yTicks: { value: number; y: number }[]
  /** The first, middle and last days (those that differ). */
  xTicks: { date: string; x: number }[]
  /** The target's horizontal line, when there is one. */
  targetY: number | null
}

const round = (value: number) => Math.round(value * 10) / 10

export function chartGeometry(
  points: readonly SharePoint[],
  target: number | null,
  frame: ChartFrame = defaultFrame,
): ChartGeometry {
  const plotWidth = frame.width - frame.left - frame.right
  const plotHeight = frame.height - frame.top - frame.bottom
  const first = points[0]?.date
  const span = first && points.length > 1 ? Math.max(1, daysBetween(first, points.at(-1)?.date ?? first)) : 1
  // One day alone sits in the middle; otherwise days spread by date, so a missing day leaves a gap.
  const xOf = (date: string) =>
    round(
      frame.left +
        (points.length > 1 && first ? (daysBetween(first, date) / span) * plotWidth : plotWidth / 2),
    )
  const yOf = (share: number) =>
    round(frame.top + plotHeight - (Math.min(100, Math.max(0, share)) / 100) * plotHeight)

  const lineOf = (series: ChartSeries) =>
    points
      .map((point, index) => `${index === 0 ? 'M' : 'L'}${xOf(point.date)},${yOf(point[series])}`)
      .join(' ')
  const newest = points.at(-1)
  const dates = [...new Set([first, points[Math.floor((points.length - 1) / 2)]?.date, newest?.date])].filter(
    (date): date is string => date !== undefined,
  )
  return {
    lines: { total: lineOf('total'), staff: lineOf('staff'), pupil: lineOf('pupil') },
    last: newest
      ? {
          total: { x: xOf(newest.date), y: yOf(newest.total) },
          staff: { x: xOf(newest.date), y: yOf(newest.staff) },
          pupil: { x: xOf(newest.date), y: yOf(newest.pupil) },
        }
      : null,
    yTicks: [0, 25, 50, 75, 100].map((value) => ({ value, y: yOf(value) })),
    xTicks: dates.map((date) => ({ date, x: xOf(date) })),
    targetY: target === null ? null : yOf(target),
  }
}

/** `2027-06-30` → `30/06`: the axis has no room for the year. */
export function shortDate(date: string): string {
  const [, month, day] = date.split('-')
  return `${day}/${month}`
}
