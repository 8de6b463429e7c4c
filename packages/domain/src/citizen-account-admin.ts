/**
 * Citizen account management in the back-office ("Tài khoản cá nhân"): find an account by one exact
 * identifier, see its devices and dossiers, lock, unlock, reset its password, sign it out everywhere.
 * Shared by the API and the staff app, whose search box validates with the same schema.
 */
import { z } from 'zod'
import { CitizenAccountStatus, StopRequest } from './account-requests'
import { CurrentUnits } from './directory'
import { normalizeMobilePhone, parseBhxhCode, parsePersonalId } from './identifiers'
import { DossierKind, DossierStatus } from './registration'
import { PartialDateSchema } from './schemas'

/**
 * What one typed identifier can be. Ten digits are a BHXH code and, when they start like a mobile
 * number (a BHXH code may start with 03…09), a phone too: the search asks for both, exactly.
 */
export type AccountLookup = { bhxhCode: string | null; personalId: string | null; phone: string | null }

/** A BHXH code, a personal ID or a mobile phone in any form `MobilePhone` accepts; null for anything else. */
export function parseAccountLookup(text: string): AccountLookup | null {
  const personalId = parsePersonalId(text)
  if (personalId.ok) return { bhxhCode: null, personalId: personalId.value.personalId, phone: null }
  const bhxhCode = parseBhxhCode(text)
  const phone = normalizeMobilePhone(text)
  if (!bhxhCode.ok && !phone.ok) return null
  return {
    bhxhCode: bhxhCode.ok ? bhxhCode.value : null,
    personalId: null,
    phone: phone.ok ? phone.value : null,
  }
}

const lookupError =
  'Nhập mã số BHXH (10 chữ số), số định danh cá nhân (12 chữ số) hoặc số điện thoại di động.'

/** `GET /staff/citizen-accounts?q=`: exact identifiers only; the register is not browsed by name. */
export const CitizenAccountSearchQuery = z.object({
  q: z
    .string({ error: lookupError })
    .max(40, { error: lookupError })
    .transform((text, ctx) => {
      const lookup = parseAccountLookup(text)
      if (lookup) return lookup
      ctx.addIssue({ code: 'custom', message: lookupError })
      return z.NEVER
    }),
})
export type CitizenAccountSearchQuery = z.infer<typeof CitizenAccountSearchQuery>

export const CitizenAccountSummary = z.object({
  id: z.number(),
  bhxhCode: z.string(),
  personalId: z.string().nullable(),
  fullName: z.string(),
  dateOfBirth: PartialDateSchema,
  /** In full: staff at the counter read it back to the person, who confirms where the SMS goes. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(CitizenAccountStatus),
  mustChangePassword: z.boolean(),
  createdAt: z.iso.datetime(),
  /** The office whose dossier issued the account; null for one seeded or migrated without a dossier. */
  issuingOffice: z.object({ code: z.string(), name: z.string() }).nullable(),
  activeDevices: z.number(),
})
export type CitizenAccountSummary = z.infer<typeof CitizenAccountSummary>

export const CitizenAccountSearchResult = z.object({ items: z.array(CitizenAccountSummary) })
export type CitizenAccountSearchResult = z.infer<typeof CitizenAccountSearchResult>

/** A signed-in device (one session of the citizen app). */
export const CitizenDevice = z.object({
  id: z.string(),
  deviceName: z.string().nullable(),
  ip: z.string().nullable(),
  signedInAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
})
export type CitizenDevice = z.infer<typeof CitizenDevice>

/** A dossier about the account, newest first. */
export const AccountDossier = z.object({
  id: z.number(),
  dossierNumber: z.string(),
  kind: z.enum(DossierKind),
  status: z.enum(DossierStatus),
  officeCode: z.string(),
  submittedAt: z.iso.datetime(),
  /** Whether its office is within the staff member's reach, so that it opens for them. */
  openable: z.boolean(),
})
export type AccountDossier = z.infer<typeof AccountDossier>

export const CitizenAccountDetail = CitizenAccountSummary.extend({
  address: z.string(),
  currentUnits: CurrentUnits.nullable().describe(
    'For an address in old (pre-1 Jul 2025) units, the current province and commune(s); null otherwise',
  ),
  passwordChangedAt: z.iso.datetime().nullable(),
  /** The reason staff gave when they last locked or unlocked the account, and when; null before the first time. */
  statusReason: z.string().nullable(),
  statusChangedAt: z.iso.datetime().nullable(),
  devices: z.array(CitizenDevice),
  dossiers: z.array(AccountDossier),
})
export type CitizenAccountDetail = z.infer<typeof CitizenAccountDetail>

/** Why an account is locked or unlocked: the rule of every stated reason (5–500 characters, NFC, trimmed). */
export const AccountActionReason = z.object({ reason: StopRequest.shape.reason })
export type AccountActionReason = z.infer<typeof AccountActionReason>

export const PasswordChannel = { Sms: 'sms', Email: 'email' } as const
export type PasswordChannel = (typeof PasswordChannel)[keyof typeof PasswordChannel]

export const CitizenAccountActionResult = z.object({
  account: CitizenAccountDetail,
  /** How many signed-in devices the action ended. */
  endedSessions: z.number(),
  /** Where a reset sent the new one-time password; the password itself never reaches staff. */
  sentBy: z.array(z.enum(PasswordChannel)),
})
export type CitizenAccountActionResult = z.infer<typeof CitizenAccountActionResult>
