import {
  ErrorCode,
  REMINDER_INTERVAL_DAYS,
  REMINDERS_PER_ORGANISATION_PER_DAY,
  type ReminderBody,
  type ReminderResult,
  reminderOrganisationName,
  startOfVietnamDay,
  todayInVietnam,
} from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { DomainError } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import { queueMessage, queueOptionsFrom } from '../notify/service'
import { auditedFilters, memberScope } from './collect-scope'
import { optOutUrl } from './reminders-opt-out'
import {
  countRemindersSince,
  insertReminders,
  lockReminderRounds,
  type ReminderCandidate,
  reminderCandidates,
} from './reminders-repo'

const DAY_MS = 86_400_000

/**
 * Nhắc đăng ký: a message to every selected member who has not registered, through the notify
 * outbox, in one transaction with the rows that remember it. A crash before the commit sends
 * nothing and records nothing; after it, the dispatcher sends each message once (its id is the
 * gateway's idempotency key), and the dedupe key `organisation-reminder:<person>:<day>` keeps a
 * retried request from queueing a second one. Skipped: those who opted out (the link in every
 * reminder), those reminded in the last 7 days by any organisation, those without a phone or e-mail;
 * deferred: those past the organisation's daily cap or a per-recipient limit.
 */
export async function sendReminders(
  deps: Deps,
  staff: StaffActor,
  id: number,
  body: ReminderBody,
  publicBase: string,
): Promise<ReminderResult> {
  const result = await deps.database.db.transaction(async (tx) => {
    await lockReminderRounds(tx)
    const { organisation, members } = await memberScope(tx, staff, id, body)
    const now = deps.clock()
    const sentToday = await countRemindersSince(tx, organisation.id, startOfVietnamDay(todayInVietnam(now)))
    const candidates = await reminderCandidates(
      tx,
      members,
      new Date(now.getTime() - REMINDER_INTERVAL_DAYS * DAY_MS),
    )
    const round = new Round(REMINDERS_PER_ORGANISATION_PER_DAY - sentToday, candidates.length)
    const organisationName = reminderOrganisationName(organisation.name)
    const queued: Array<{ personId: number; channel: 'sms' | 'email'; messageId: string }> = []
    for (const candidate of candidates) {
      const contact = round.decide(candidate)
      if (!contact) continue
      const outcome = await queueReminder(tx, deps, {
        ...contact,
        dedupeKey: `organisation-reminder:${candidate.personId}:${todayInVietnam(now)}`,
        variables: { organisationName, optOutUrl: optOutUrl(deps, publicBase, candidate.personId) },
      })
      if (outcome === 'refused') round.defer()
      else if (outcome === 'invalid') round.noContact()
      else if (outcome.deduplicated) round.recent()
      else {
        round.count(contact.channel)
        queued.push({ personId: candidate.personId, channel: contact.channel, messageId: outcome.id })
      }
    }
    await insertReminders(
      tx,
      queued.map((row) => ({ ...row, organisationId: organisation.id, sentBy: staff.id, queuedAt: now })),
    )
    await recordAudit(tx, {
      actor: staff,
      action: 'organisation.reminders_sent',
      recordType: 'organisation',
      recordId: organisation.id,
      detail: { ...auditedFilters(body), ...round.result },
    })
    return round.result
  })
  if (result.queued > 0) deps.kick()
  return result
}

/** The counts of one round, member by member. */
class Round {
  readonly result: ReminderResult

  constructor(remaining: number, notRegistered: number) {
    this.result = {
      notRegistered,
      queued: 0,
      sms: 0,
      email: 0,
      skippedOptedOut: 0,
      skippedRecentlyReminded: 0,
      skippedNoContact: 0,
      deferred: 0,
      remainingToday: Math.max(0, remaining),
    }
  }

  /** Where to send this member's reminder, or null (counted) when they are skipped or deferred. */
  decide(candidate: ReminderCandidate): { channel: 'sms' | 'email'; to: string } | null {
    if (candidate.optedOut) this.result.skippedOptedOut += 1
    else if (candidate.recentlyReminded) this.result.skippedRecentlyReminded += 1
    else if (!candidate.phone && !candidate.email) this.result.skippedNoContact += 1
    else if (this.result.remainingToday === 0) this.result.deferred += 1
    // The registry's phone first: the seed's schools reach parents and staff by SMS.
    else if (candidate.phone) return { channel: 'sms', to: candidate.phone }
    else if (candidate.email) return { channel: 'email', to: candidate.email }
    return null
  }

  defer(): void {
    this.result.deferred += 1
  }

  noContact(): void {
    this.result.skippedNoContact += 1
  }

  recent(): void {
    this.result.skippedRecentlyReminded += 1
  }

  count(channel: 'sms' | 'email'): void {
    this.result.queued += 1
    this.result[channel] += 1
    this.result.remainingToday -= 1
  }
}

/**
 * Queues one reminder. `refused`: a per-recipient limit said no (nothing written; tomorrow will do);
 * `invalid`: the registry's phone or e-mail is not one a message can go to.
 */
async function queueReminder(
  tx: Executor,
  deps: Deps,
  message: {
    channel: 'sms' | 'email'
    to: string
    dedupeKey: string
    variables: { organisationName: string; optOutUrl: string }
  },
): Promise<{ id: string; deduplicated: boolean } | 'refused' | 'invalid'> {
  try {
    return await queueMessage(
      tx,
      { kind: 'organisation_reminder', ...message },
      queueOptionsFrom(deps, deps.recipientCounters),
    )
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    if (error.code === ErrorCode.RateLimited) return 'refused'
    if (error.code === ErrorCode.ValidationFailed) return 'invalid'
    throw error
  }
}
