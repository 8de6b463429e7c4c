import { enumValues, OtpPurpose } from '@ansinh/domain'
import {
  bigint,
  boolean,
  char,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import { oneOf } from './checks'
import { identityId, writtenAt } from './columns'
import { offices } from './directory'
import { people } from './registry'

/**
 * Module `identity`: citizen e-transaction accounts and staff accounts.
 * Sign-in, sessions, devices and OTP arrive with the sign-in and back-office issues; the foundation
 * holds the accounts so that the demo can list working usernames.
 */

const timestamps = { createdAt: writtenAt('created_at'), updatedAt: writtenAt('updated_at') }

// tài khoản giao dịch điện tử cá nhân
export const citizenAccounts = pgTable(
  'citizen_accounts',
  {
    id: identityId(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id),
    username: char('username', { length: 10 }).notNull(), // the BHXH code
    passwordHash: text('password_hash').notNull(), // argon2id
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    guardianAccountId: bigint('guardian_account_id', { mode: 'number' }), // set for a child's account
    status: varchar('status', { length: 10, enum: ['active', 'locked', 'stopped'] })
      .notNull()
      .default('active'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('citizen_accounts_person_uq').on(t.personId),
    uniqueIndex('citizen_accounts_username_uq').on(t.username),
    index('citizen_accounts_guardian_idx').on(t.guardianAccountId),
  ],
)

export const staffRoles = ['reviewer', 'office_admin', 'system_admin', 'organisation_admin'] as const

// cán bộ BHXH: each staff member belongs to one office and reaches that office's subtree
export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: identityId(),
    username: varchar('username', { length: 64 }).notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    officeCode: varchar('office_code', { length: 5 })
      .notNull()
      .references(() => offices.code),
    role: varchar('role', { length: 20, enum: staffRoles }).notNull(),
    passwordHash: text('password_hash').notNull(), // argon2id
    totpSecret: text('totp_secret'), // second factor, enrolled on first sign-in
    status: varchar('status', { length: 10, enum: ['active', 'locked'] })
      .notNull()
      .default('active'),
    ...timestamps,
  },
  (t) => [
    oneOf('staff_accounts_role_check', t.role, staffRoles),
    oneOf('staff_accounts_status_check', t.status, ['active', 'locked']),
    uniqueIndex('staff_accounts_username_uq').on(t.username),
    index('staff_accounts_office_idx').on(t.officeCode),
  ],
)

export const otpPurposes = enumValues(OtpPurpose)
export const otpChannels = ['sms', 'email'] as const

// mã OTP: a one-time code sent to a phone or an e-mail address. Only a keyed hash of the code is kept.
export const otpChallenges = pgTable(
  'otp_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: varchar('purpose', { length: 20, enum: otpPurposes }).notNull(),
    channel: varchar('channel', { length: 5, enum: otpChannels }).notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    resendAfter: timestamp('resend_after', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: writtenAt('created_at'),
  },
  (t) => [
    oneOf('otp_challenges_purpose_check', t.purpose, otpPurposes),
    oneOf('otp_challenges_channel_check', t.channel, otpChannels),
    index('otp_challenges_expires_idx').on(t.expiresAt),
  ],
)
