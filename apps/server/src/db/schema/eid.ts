import { bigint, index, pgTable, smallint, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { oneOf } from './checks'
import { writtenAt } from './columns'
import { citizenAccounts } from './identity'

/**
 * Module `eid`: sign-in with the national electronic identity (tài khoản định danh điện tử, VNeID)
 * through OpenID Connect.
 */

export const eidFlowModes = ['sign_in', 'link'] as const

// One browser's trip to the provider and back: what the callback must check (state, nonce, PKCE
// verifier), kept here and not in the browser. The browser holds only a random token in an HttpOnly
// cookie; the row is keyed by its hash and deleted when the callback takes it, so it answers once.
export const eidFlows = pgTable(
  'eid_flows',
  {
    tokenHash: text('token_hash').primaryKey(),
    mode: varchar('mode', { length: 10, enum: eidFlowModes }).notNull(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    // The redirect URI sent with the authorisation request, which the code exchange must repeat.
    redirectUri: text('redirect_uri').notNull(),
    // link: the signed-in account that asked; sign_in: null
    accountId: bigint('account_id', { mode: 'number' }).references(() => citizenAccounts.id),
    deviceId: varchar('device_id', { length: 100 }), // sign_in: the device to sign in
    deviceName: text('device_name'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [
    oneOf('eid_flows_mode_check', t.mode, eidFlowModes),
    index('eid_flows_expires_idx').on(t.expiresAt),
  ],
)

export const eidLinkStatuses = ['linked', 'unlinked'] as const

// An account's link to its e-ID: made by the first sign-in or by "Liên kết" on the profile, kept as
// 'unlinked' when the holder unlinks it (then e-ID sign-in to the account is refused until linked again).
// The subject (sub) is the provider's pairwise or public id of the person, not personal data of ours.
export const citizenEidLinks = pgTable(
  'citizen_eid_links',
  {
    accountId: bigint('account_id', { mode: 'number' })
      .primaryKey()
      .references(() => citizenAccounts.id),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    status: varchar('status', { length: 10, enum: eidLinkStatuses }).notNull(),
    level: smallint('level').notNull(), // the assurance level (mức độ định danh) last asserted
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [
    oneOf('citizen_eid_links_status_check', t.status, eidLinkStatuses),
    uniqueIndex('citizen_eid_links_subject_uq').on(t.issuer, t.subject),
  ],
)
