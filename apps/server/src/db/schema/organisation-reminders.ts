import { bigint, index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'
import { oneOf } from './checks'
import { identityId, writtenAt } from './columns'
import { staffAccounts } from './identity'
import { organisations } from './organisations'
import { people } from './registry'

/**
 * Module `organisations`, reminders (nhắc đăng ký): the reminders organisations queued for members
 * who had not registered, and the people who asked not to get any more. The message itself is in
 * the notify outbox (`messages`); these rows are what the limits count.
 */

export const reminderChannels = ['sms', 'email'] as const

// One reminder queued for one person: the 7-day rule reads it by person, the daily cap by organisation.
export const organisationReminders = pgTable(
  'organisation_reminders',
  {
    id: identityId(),
    organisationId: bigint('organisation_id', { mode: 'number' })
      .notNull()
      .references(() => organisations.id), // the organisation that asked (the one the staff member chose)
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id),
    channel: varchar('channel', { length: 5, enum: reminderChannels }).notNull(),
    // messages.id, the outbox row; no foreign key, since notify may prune its outbox on its own terms.
    messageId: uuid('message_id').notNull(),
    sentBy: bigint('sent_by', { mode: 'number' })
      .notNull()
      .references(() => staffAccounts.id),
    queuedAt: writtenAt('queued_at'),
  },
  (t) => [
    oneOf('organisation_reminders_channel_check', t.channel, reminderChannels),
    index('organisation_reminders_person_idx').on(t.personId, t.queuedAt),
    index('organisation_reminders_organisation_idx').on(t.organisationId, t.queuedAt),
  ],
)

// Không nhận tin nhắc: set by the person through the signed link in every reminder; never by staff.
export const reminderOptOuts = pgTable('reminder_opt_outs', {
  personId: bigint('person_id', { mode: 'number' })
    .primaryKey()
    .references(() => people.id),
  optedOutAt: timestamp('opted_out_at', { withTimezone: true }).notNull().defaultNow(),
})
