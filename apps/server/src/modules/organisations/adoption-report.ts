import {
  type AdoptionCounts,
  type AdoptionDay,
  type AdoptionQuery,
  type AdoptionReport,
  type AdoptionUnit,
  addCounts,
  addDays,
  adoptionByRole,
  adoptionProgress,
  type MemberRole,
  memberRoles,
  noCounts,
  percentOf,
  todayInVietnam,
} from '@ansinh/domain'
import type { Executor } from '../../db/client'
import type { StaffActor } from '../identity/staff-actor'
import { adoptionCounts, childrenOf, type DayRow, historyOf, recordAllDays, upsertDays } from './repo'
import { type OrganisationDeps, organisationView, requireOrganisation } from './service'

/**
 * Báo cáo tình hình cài đặt VssID (seed 000): an organisation's figures rolled up over its subtree,
 * by member role, its direct units ranked furthest behind first, progress toward its target, and the
 * daily history for the chart. Reading it records today's point, so the chart is current even where
 * no worker runs.
 */

const collator = new Intl.Collator('vi')

export async function readAdoptionReport(
  deps: OrganisationDeps,
  actor: StaffActor,
  id: number,
  query: Pick<AdoptionQuery, 'days'>,
): Promise<AdoptionReport> {
  const today = todayInVietnam(deps.clock())
  return deps.database.db.transaction(async (tx) => {
    const organisation = await requireOrganisation(tx, actor, id)
    const { total, units } = await adoptionCounts(tx, id)
    const staff = total.get('staff') ?? noCounts
    const pupil = total.get('pupil') ?? noCounts
    await upsertDays(
      tx,
      memberRoles.map((role) => ({
        organisationId: id,
        day: today,
        role,
        counts: total.get(role) ?? noCounts,
        demo: false,
      })),
    )
    const view = organisationView(organisation)
    return {
      organisation: view,
      asOf: today,
      figures: adoptionByRole(staff, pupil),
      units: await rankedUnits(tx, id, units),
      progress: view.target ? adoptionProgress(addCounts(staff, pupil), view.target, today) : null,
      history: daysOf(await historyOf(tx, id, addDays(today, 1 - query.days))),
    }
  })
}

/** The direct children with their subtree's figures, furthest behind first (then by name). */
async function rankedUnits(
  tx: Executor,
  id: number,
  counts: { unitId: number | null; role: MemberRole; counts: AdoptionCounts }[],
): Promise<AdoptionUnit[]> {
  const of = (unitId: number, role: MemberRole) =>
    counts.find((row) => row.unitId === unitId && row.role === role)?.counts ?? noCounts
  const units = (await childrenOf(tx, id)).map((child) => {
    const staff = of(child.id, 'staff')
    const pupil = of(child.id, 'pupil')
    const all = addCounts(staff, pupil)
    return {
      organisation: child,
      figures: adoptionByRole(staff, pupil),
      registeredShare: percentOf(all.registered, all.members),
    }
  })
  return units.sort(
    (a, b) =>
      a.registeredShare - b.registeredShare || collator.compare(a.organisation.name, b.organisation.name),
  )
}

/** Rows per day and role into one point a day. */
function daysOf(rows: DayRow[]): AdoptionDay[] {
  const days = new Map<string, AdoptionDay>()
  for (const row of rows) {
    const day = days.get(row.day) ?? { date: row.day, staff: noCounts, pupil: noCounts, demo: false }
    day[row.role] = row.counts
    day.demo ||= row.demo
    days.set(row.day, day)
  }
  return [...days.values()]
}

/** The daily job: today's rolled-up figures of every organisation, in one statement. */
export async function recordAdoptionHistory(deps: OrganisationDeps): Promise<number> {
  return recordAllDays(deps.database.db, todayInVietnam(deps.clock()))
}
