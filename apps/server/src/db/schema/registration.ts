import {
  dossierConditions,
  dossierFileKinds,
  dossierKinds,
  dossierStatuses,
  idDocumentKinds,
  type PhotoKind,
} from '@ansinh/domain'
import { sql } from 'drizzle-orm'
import {
  bigint,
  char,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import { oneOf } from './checks'
import { identityId, writtenAt } from './columns'
import { adminCodeSets, offices } from './directory'
import { citizenAccounts, staffAccounts } from './identity'

/**
 * Module `registration`: e-transaction dossiers (hồ sơ đăng ký giao dịch điện tử), their photos and
 * their append-only history, and the requests that wait for an OTP before they become a dossier.
 */

/** Số hồ sơ: one sequence for the whole country, formatted with the office code and month. */
export const dossierNumberSequence = pgSequence('dossier_number_seq', { startWith: 1, cache: 20 })

export const contactChannels = ['sms', 'email'] as const

// One submitted declaration (tờ khai mẫu 01). Status and condition are kept up to date from the
// events below, in the same transaction that appends the event.
export const dossiers = pgTable(
  'dossiers',
  {
    id: identityId(),
    dossierNumber: varchar('dossier_number', { length: 30 }).notNull(), // số hồ sơ
    kind: varchar('kind', { length: 8, enum: dossierKinds }).notNull(),
    status: varchar('status', { length: 16, enum: dossierStatuses }).notNull(), // trạng thái
    condition: varchar('condition', { length: 16, enum: dossierConditions }).notNull(), // tình trạng
    bhxhCode: char('bhxh_code', { length: 10 }).notNull(), // mã số BHXH
    fullName: text('full_name').notNull(),
    foldedName: text('folded_name').notNull(),
    // A child's dossier (seed 004) names no ID document: the birth certificate stands in for it.
    idKind: varchar('id_kind', { length: 12, enum: idDocumentKinds }),
    idNumber: varchar('id_number', { length: 12 }),
    addressCodeSet: varchar('address_code_set', { length: 10, enum: adminCodeSets }).notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    districtCode: varchar('district_code', { length: 3 }),
    communeCode: varchar('commune_code', { length: 5 }).notNull(),
    street: text('street').notNull(),
    phone: varchar('phone', { length: 10 }).notNull(),
    email: text('email'),
    contactChannel: varchar('contact_channel', { length: 5, enum: contactChannels }).notNull(),
    language: varchar('language', { length: 2, enum: ['vi', 'en'] }).notNull(),
    officeCode: varchar('office_code', { length: 5 })
      .notNull()
      .references(() => offices.code), // cơ quan BHXH tiếp nhận
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    paperDeadline: date('paper_deadline', { mode: 'string' }), // hạn nộp hồ sơ giấy; none when filed online
    // Child, change and stop dossiers are filed from a signed-in account: the parent's, or the
    // account the change or stop is about.
    filedByAccountId: bigint('filed_by_account_id', { mode: 'number' }).references(() => citizenAccounts.id),
    // Change of information (điều chỉnh thông tin): the contact data as it was when the request was
    // filed; the dossier's own columns hold the requested values.
    previousContact: jsonb('previous_contact').$type<PreviousContact>(),
    requestNote: text('request_note'), // lý do ngừng sử dụng, or the person's note
    // The reviewer who holds the dossier (phân công); only they may decide it until it is released.
    assignedStaffId: bigint('assigned_staff_id', { mode: 'number' }).references(() => staffAccounts.id),
    /** Bumped by every change: a decision names the version it was made on (optimistic locking). */
    version: integer('version').notNull().default(1),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => staffAccounts.id),
    decisionReason: text('decision_reason'), // lý do không hợp lệ
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [
    oneOf('dossiers_kind_check', t.kind, dossierKinds),
    oneOf('dossiers_status_check', t.status, dossierStatuses),
    oneOf('dossiers_condition_check', t.condition, dossierConditions),
    oneOf('dossiers_id_kind_check', t.idKind, idDocumentKinds),
    oneOf('dossiers_contact_channel_check', t.contactChannel, contactChannels),
    uniqueIndex('dossiers_number_uq').on(t.dossierNumber),
    // One pending dossier per BHXH code and one per (verified) phone number: a race between two
    // submissions ends in a constraint violation, never in two pending dossiers.
    uniqueIndex('dossiers_pending_bhxh_code_uq').on(t.bhxhCode).where(sql`${t.status} = 'pending'`),
    // Only a phone proved by an SMS OTP holds its place: a dossier confirmed by e-mail must not block
    // the real owner of a phone number it merely names. Dossiers filed from an account use the
    // account's own phone (a parent files for each child with it), so only new registrations count.
    uniqueIndex('dossiers_pending_phone_uq')
      .on(t.phone)
      .where(sql`${t.status} = 'pending' and ${t.contactChannel} = 'sms' and ${t.kind} = 'new'`),
    index('dossiers_bhxh_code_idx').on(t.bhxhCode),
    // "Tra cứu hồ sơ" of the citizen app: the dossiers an account filed, newest first.
    index('dossiers_filed_by_submitted_idx')
      .on(t.filedByAccountId, t.submittedAt)
      .where(sql`${t.filedByAccountId} is not null`),
    // The back-office list: by office, newest first, keyset on (submitted_at, id).
    index('dossiers_office_submitted_id_idx').on(t.officeCode, t.submittedAt, t.id),
    // …and across many offices (a province or the whole country): walk by date, filter by office.
    index('dossiers_submitted_id_idx').on(t.submittedAt, t.id),
    index('dossiers_awaiting_paper_idx')
      .on(t.paperDeadline)
      .where(sql`${t.status} = 'pending' and ${t.condition} = 'awaiting_paper'`),
  ],
)

// ảnh: portrait and ID photos, re-encoded to JPEG; the bytes live encrypted in the file store.
export const dossierPhotos = pgTable(
  'dossier_photos',
  {
    id: identityId(),
    dossierId: bigint('dossier_id', { mode: 'number' })
      .notNull()
      .references(() => dossiers.id),
    kind: varchar('kind', { length: 16, enum: dossierFileKinds }).notNull(),
    fileId: uuid('file_id').notNull(),
    thumbnailFileId: uuid('thumbnail_file_id').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    addedBy: bigint('added_by', { mode: 'number' }).references(() => staffAccounts.id), // null: the person's own
    // A replaced photo stays, so the history can show what the decision was made on.
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    createdAt: writtenAt('created_at'),
  },
  (t) => [
    oneOf('dossier_photos_kind_check', t.kind, dossierFileKinds),
    // One current photo of each kind; scans may be many.
    uniqueIndex('dossier_photos_current_kind_uq')
      .on(t.dossierId, t.kind)
      .where(sql`${t.replacedAt} is null and ${t.kind} <> 'scan'`),
    index('dossier_photos_dossier_idx').on(t.dossierId),
  ],
)

export const dossierEventKinds = [
  'submitted',
  'replaced', // a newer submission for the same BHXH code took its place
  'received', // papers received at the office
  'photo_replaced',
  'file_attached', // a scan added by the office
  'assigned',
  'released',
  'decided',
  'expired',
  'account_created',
  'account_updated', // a change of information applied to the account and the registry
  'account_stopped', // ngừng sử dụng: the account is closed
  'message_sent',
] as const
export const actorKinds = ['citizen', 'staff', 'system'] as const

// The history of a dossier, append-only (a trigger refuses UPDATE and DELETE).
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: identityId(),
    dossierId: bigint('dossier_id', { mode: 'number' })
      .notNull()
      .references(() => dossiers.id),
    kind: varchar('kind', { length: 16, enum: dossierEventKinds }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorKind: varchar('actor_kind', { length: 8, enum: actorKinds }).notNull(),
    actorId: bigint('actor_id', { mode: 'number' }), // staff account id when a person at the office acted
    detail: jsonb('detail').$type<Record<string, unknown>>(), // no personal data: codes, ids, reasons
  },
  (t) => [
    oneOf('dossier_events_kind_check', t.kind, dossierEventKinds),
    oneOf('dossier_events_actor_kind_check', t.actorKind, actorKinds),
    index('dossier_events_dossier_idx').on(t.dossierId, t.at),
  ],
)

/** The contact data of a change-of-information dossier's account before the change. */
export type PreviousContact = {
  phone: string | null
  email: string | null
  addressCodeSet: (typeof adminCodeSets)[number]
  provinceCode: string
  districtCode: string | null
  communeCode: string | null
  street: string | null
}

/** A photo waiting in a request, before the OTP makes it part of a dossier. */
export type RequestPhoto = {
  kind: PhotoKind
  fileId: string
  thumbnailFileId: string
  width: number
  height: number
  bytes: number
  sha256: string
}

// A submission waiting for its OTP. It becomes a dossier on confirmation; an abandoned one is
// deleted with its photos when it expires, so nothing half-submitted stays on the server.
export const registrationRequests = pgTable(
  'registration_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // No foreign key: the OTP cleanup deletes old challenges on its own schedule; a request whose
    // challenge is gone simply answers "OTP expired".
    otpChallengeId: uuid('otp_challenge_id').notNull(),
    form: jsonb('form').$type<Record<string, unknown>>(), // the validated form; cleared once confirmed
    photos: jsonb('photos').$type<RequestPhoto[]>().notNull(),
    resends: smallint('resends').notNull().default(0), // "send again" is allowed a few times, not for ever
    dossierId: bigint('dossier_id', { mode: 'number' }).references(() => dossiers.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('registration_requests_expires_idx').on(t.expiresAt)],
)
