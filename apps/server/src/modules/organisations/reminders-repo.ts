import { sql } from 'drizzle-orm'
import { type Executor, queryRows } from '../../db/client'
import { organisationReminders, reminderOptOuts } from '../../db/schema'
import { type MemberFilter, selectedMembers } from './collect-repo'
import { personRegistered } from './registered'

export type ReminderCandidate = {
  personId: number
  phone: string | null
  email: string | null
  optedOut: boolean
  recentlyReminded: boolean
}

/** The selected members who have not registered, with what decides whether to remind them. */
export async function reminderCandidates(
  db: Executor,
  members: MemberFilter,
  remindedSince: Date,
): Promise<ReminderCandidate[]> {
  const rows = await queryRows<{
    person_id: string | number
    phone: string | null
    email: string | null
    opted_out: boolean
    recently_reminded: boolean
  }>(
    db,
    sql`
      with selected as (${selectedMembers(members)})
      select p.id as person_id, p.phone, p.email,
        exists (select 1 from reminder_opt_outs o where o.person_id = p.id) as opted_out,
        exists (
          select 1 from organisation_reminders r
          where r.person_id = p.id and r.queued_at > ${remindedSince.toISOString()}::timestamptz
        ) as recently_reminded
      from selected s
      join people p on p.id = s.person_id
      where not ${personRegistered}
      order by s.organisation_id, s.unit nulls last, p.folded_name, p.id`,
  )
  return rows.map((row) => ({
    personId: Number(row.person_id),
    phone: row.phone,
    email: row.email,
    optedOut: row.opted_out,
    recentlyReminded: row.recently_reminded,
  }))
}

/**
 * Reminder rounds wait for one another: two administrators (a school's and its district's) reminding
 * the same people at once must not both find them "not reminded this week". Held to the commit.
 */
export async function lockReminderRounds(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('organisation-reminders'))`)
}

export async function countRemindersSince(
  tx: Executor,
  organisationId: number,
  since: Date,
): Promise<number> {
  const [row] = await queryRows<{ count: string | number }>(
    tx,
    sql`
      select count(*) as count from organisation_reminders
      where organisation_id = ${organisationId} and queued_at >= ${since.toISOString()}::timestamptz`,
  )
  return Number(row?.count ?? 0)
}

export async function insertReminders(
  tx: Executor,
  rows: Array<typeof organisationReminders.$inferInsert>,
): Promise<void> {
  if (rows.length > 0) await tx.insert(organisationReminders).values(rows)
}

export async function recordOptOut(db: Executor, personId: number, at: Date): Promise<void> {
  await db.insert(reminderOptOuts).values({ personId, optedOutAt: at }).onConflictDoNothing()
}
