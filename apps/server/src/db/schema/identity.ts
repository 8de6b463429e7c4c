import { enumValues, OtpPurpose, staffRoles } from '@ansinh/domain'
import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  char,
  check,
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
import { organisations } from './organisations'
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
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }), // after too many wrong passwords
    guardianAccountId: bigint('guardian_account_id', { mode: 'number' }), // set for a child's account
    status: varchar('status', { length: 10, enum: ['active', 'locked', 'stopped'] })
      .notNull()
      .default('active'),
    // Why and when staff last locked or unlocked the account. The reason is free text that may name
    // people, so it lives here, where it can be corrected or erased, and never in the audit log.
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('citizen_accounts_person_uq').on(t.personId),
    uniqueIndex('citizen_accounts_username_uq').on(t.username),
    index('citizen_accounts_guardian_idx').on(t.guardianAccountId),
  ],
)

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
    // quản trị tổ chức: the organisation whose subtree the account reaches; set for that role only.
    organisationId: bigint('organisation_id', { mode: 'number' }).references(() => organisations.id),
    passwordHash: text('password_hash').notNull(), // argon2id
    totpSecret: text('totp_secret'), // second factor, enrolled on first sign-in; encrypted (AES-256-GCM)
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }), // null until enrolment is confirmed
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }), // after too many wrong passwords or codes
    // Set when an administrator creates the account or resets its password: the one-time password
    // must be replaced before any work.
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    status: varchar('status', { length: 10, enum: ['active', 'locked'] })
      .notNull()
      .default('active'),
    ...timestamps,
  },
  (t) => [
    oneOf('staff_accounts_role_check', t.role, staffRoles),
    oneOf('staff_accounts_status_check', t.status, ['active', 'locked']),
    check(
      'staff_accounts_organisation_check',
      sql`(${t.role} = 'organisation_admin') = (${t.organisationId} is not null)`,
    ),
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

// Mã khôi phục: one-time codes for a staff member who lost the authenticator; only hashes are kept.
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: identityId(),
    staffId: bigint('staff_id', { mode: 'number' })
      .notNull()
      .references(() => staffAccounts.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('staff_recovery_codes_staff_idx').on(t.staffId)],
)

export const staffSessionStages = ['second_factor', 'enrolment', 'active'] as const

// A staff session: the cookie holds a random token, the table its SHA-256. It becomes `active` only
// after the second factor; it ends after 30 minutes idle or at its absolute expiry.
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    staffId: bigint('staff_id', { mode: 'number' })
      .notNull()
      .references(() => staffAccounts.id),
    stage: varchar('stage', { length: 14, enum: staffSessionStages }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: writtenAt('created_at'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    oneOf('staff_sessions_stage_check', t.stage, staffSessionStages),
    uniqueIndex('staff_sessions_token_uq').on(t.tokenHash),
    index('staff_sessions_staff_idx').on(t.staffId),
  ],
)

export const citizenSessionEndReasons = [
  'signed_out', // đăng xuất
  'signed_in_elsewhere', // one device at a time: a newer sign-in on another device
  'password_changed',
  'staff', // ended by office staff (account management: "đăng xuất khỏi mọi thiết bị", lock)
  'expired',
] as const

// A citizen's signed-in device (thiết bị): the app holds a random token, the table its SHA-256.
// The sign-in issue opens and checks these; the back-office lists and ends them.
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => citizenAccounts.id),
    deviceId: varchar('device_id', { length: 100 }).notNull(), // chosen by the app, stable per install
    deviceName: text('device_name'), // e.g. "Chrome trên Android", from the user agent
    ip: text('ip'),
    createdAt: writtenAt('created_at'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: varchar('end_reason', { length: 20, enum: citizenSessionEndReasons }),
  },
  (t) => [
    oneOf('citizen_sessions_end_reason_check', t.endReason, citizenSessionEndReasons),
    uniqueIndex('citizen_sessions_token_uq').on(t.tokenHash),
    index('citizen_sessions_account_idx').on(t.accountId).where(sql`${t.endedAt} is null`),
  ],
)

export const citizenAuthRequestPurposes = [
  'device_change',
  'password_change',
  'password_reset',
  // Dossiers filed from the account (thay đổi thông tin, ngừng sử dụng): the row holds nothing but the
  // proof; the dossier's content comes with the code.
  'contact_change',
  'account_stop',
] as const

// A citizen's step waiting for its OTP: a sign-in on a new device, a password change, a reset. The
// OTP challenge proves the phone; this row holds what the step does once it is proved (the new
// device, the new password's hash). Deleted with its challenge's expiry by the cleanup job.
export const citizenAuthRequests = pgTable(
  'citizen_auth_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: varchar('purpose', { length: 20, enum: citizenAuthRequestPurposes }).notNull(),
    // Null for the decoy of a reset asked for an unknown username: it answers like a real one.
    accountId: bigint('account_id', { mode: 'number' }).references(() => citizenAccounts.id),
    otpChallengeId: uuid('otp_challenge_id').notNull(),
    resends: integer('resends').notNull().default(0),
    deviceId: varchar('device_id', { length: 100 }), // device_change: the device to sign in
    deviceName: text('device_name'),
    sessionId: uuid('session_id'), // password_change: the session that asked, which stays signed in
    newPasswordHash: text('new_password_hash'), // password_change: applied once the OTP is confirmed
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [
    oneOf('citizen_auth_requests_purpose_check', t.purpose, citizenAuthRequestPurposes),
    index('citizen_auth_requests_expires_idx').on(t.expiresAt),
  ],
)

// A passkey (WebAuthn credential) of a citizen account: the fingerprint / Face ID quick sign-in on a
// device the person already signed in on with the password. Only the public key is kept.
export const citizenPasskeys = pgTable(
  'citizen_passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => citizenAccounts.id),
    credentialId: text('credential_id').notNull(), // base64url, as the authenticator names it
    publicKey: text('public_key').notNull(), // COSE key, base64url
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    deviceName: text('device_name'), // the device it was made on, from the user agent
    createdAt: writtenAt('created_at'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('citizen_passkeys_credential_uq').on(t.credentialId),
    index('citizen_passkeys_account_idx').on(t.accountId),
  ],
)

export const citizenPasskeyChallengePurposes = ['register', 'sign_in'] as const

// A WebAuthn challenge the server handed out: short-lived and spent by the first verification that
// names it (deleted then), so a signed answer cannot be replayed.
export const citizenPasskeyChallenges = pgTable(
  'citizen_passkey_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: varchar('purpose', { length: 10, enum: citizenPasskeyChallengePurposes }).notNull(),
    challenge: text('challenge').notNull(),
    // register: the signed-in account; sign_in: null (the passkey names its account).
    accountId: bigint('account_id', { mode: 'number' }).references(() => citizenAccounts.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [
    oneOf('citizen_passkey_challenges_purpose_check', t.purpose, citizenPasskeyChallengePurposes),
    index('citizen_passkey_challenges_expires_idx').on(t.expiresAt),
  ],
)
