/**
 * Đôn đốc (seeds 000 and 001): what an organisation does with the adoption figures beyond reading
 * them. It prints the report as an official letter, collects its members' declarations (tờ khai
 * mẫu 01) that have not reached the office on paper yet, and reminds those who have not registered.
 * One definition for the API, the back-office screens and the tests.
 */
import { z } from 'zod'
import { type IsoDate, isoDateParts } from './dates'
import { MemberRole } from './organisations'
import { DossierCondition, DossierKind, DossierStatus } from './registration'

const emptyToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional())

/** Who of the subtree a list, a download or a reminder is about; every filter optional. */
const MemberFilters = {
  role: optional(z.enum(MemberRole, { error: 'Vai trò không hợp lệ.' })),
  /** One organisation of the subtree (a school of the district body). */
  organisationId: optional(z.coerce.number().int().positive({ error: 'Mã tổ chức không hợp lệ.' })),
  /** Lớp/phòng, exactly (case and accents folded). */
  unit: optional(z.string().trim().max(50, { error: 'Lớp/phòng không được quá 50 ký tự.' })),
}

// ---------------------------------------------------------------------------------------------
// Collecting declarations (thu tờ khai)

export const ORGANISATION_DOSSIER_PAGE_SIZE = 50

/** Members' registration dossiers: the newest one each member filed (kind `new`). */
export const OrganisationDossierQuery = z.object({
  ...MemberFilters,
  status: optional(z.enum(DossierStatus, { error: 'Trạng thái không hợp lệ.' })),
  /** `awaiting_paper`: filed, but the signed paper form has not reached the office. */
  condition: optional(z.enum(DossierCondition, { error: 'Tình trạng không hợp lệ.' })),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
})
export type OrganisationDossierQuery = z.infer<typeof OrganisationDossierQuery>

export const OrganisationDossierItem = z.object({
  member: z.object({
    id: z.number(),
    fullName: z.string(),
    bhxhCode: z.string(),
    role: z.enum(MemberRole),
    unit: z.string().nullable(),
    organisation: z.object({ id: z.number(), name: z.string() }),
  }),
  dossier: z.object({
    dossierNumber: z.string(),
    kind: z.enum(DossierKind),
    status: z.enum(DossierStatus),
    condition: z.enum(DossierCondition),
    officeCode: z.string(),
    submittedAt: z.iso.datetime(),
    /** The last day the signed form is accepted; null once not due. */
    paperDeadline: z.iso.date().nullable(),
  }),
})
export type OrganisationDossierItem = z.infer<typeof OrganisationDossierItem>

export const OrganisationDossierPage = z.object({
  items: z.array(OrganisationDossierItem),
  page: z.number(),
  pageCount: z.number(),
  total: z.number(),
  /** How many of all the matching members' dossiers still wait for their paper form. */
  awaitingPaper: z.number(),
})
export type OrganisationDossierPage = z.infer<typeof OrganisationDossierPage>

/** The declarations of one download; more is refused (the caller narrows by unit or organisation). */
export const MAX_DECLARATIONS_PER_PDF = 500

export const DeclarationsQuery = z.object(MemberFilters)
export type DeclarationsQuery = z.infer<typeof DeclarationsQuery>

// ---------------------------------------------------------------------------------------------
// Reminders (nhắc đăng ký)

/** A member is reminded at most once in this many days, whichever organisation asks. */
export const REMINDER_INTERVAL_DAYS = 7
/** Reminders one organisation may queue in one day (Vietnam): SMS cost money and tire people. */
export const REMINDERS_PER_ORGANISATION_PER_DAY = 1000

export const ReminderBody = z.object(MemberFilters)
export type ReminderBody = z.infer<typeof ReminderBody>

/** What a reminder round did, member by member; every member of the selection is in one count. */
export const ReminderResult = z.object({
  /** Members of the selection who have not registered (no dossier filed, no account). */
  notRegistered: z.number(),
  /** Messages written to the outbox: SMS to the registry phone, or e-mail when there is no phone. */
  queued: z.number(),
  sms: z.number(),
  email: z.number(),
  /** Asked not to be reminded (the link in every reminder). */
  skippedOptedOut: z.number(),
  /** Reminded in the last 7 days (by this or another organisation). */
  skippedRecentlyReminded: z.number(),
  /** Neither a phone nor an e-mail in the registry. */
  skippedNoContact: z.number(),
  /** Past the organisation's daily cap or a per-recipient limit: they can be reminded tomorrow. */
  deferred: z.number(),
  /** Reminders the organisation may still queue today. */
  remainingToday: z.number(),
})
export type ReminderResult = z.infer<typeof ReminderResult>

// ---------------------------------------------------------------------------------------------
// The printed report (báo cáo, in the form of an official letter)

/**
 * "ngày 05 tháng 02 năm 2027": an official paper writes a day below 10 and the months January and
 * February with a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I).
 */
export function letterDate(date: IsoDate): string {
  const { year, month, day } = isoDateParts(date)
  const dd = String(day).padStart(2, '0')
  const mm = month < 3 ? String(month).padStart(2, '0') : String(month)
  return `ngày ${dd} tháng ${mm} năm ${year}`
}

/**
 * The place a letter is written from, read from the office the organisation hangs under:
 * "BHXH Quận 5" → "Quận 5", "BHXH cơ sở Ba Đình" → "Ba Đình", "BHXH tỉnh Bắc Ninh" → "Bắc Ninh",
 * "BHXH TP. Hồ Chí Minh" → "TP. Hồ Chí Minh". The national office writes from Hà Nội.
 */
export function letterPlace(officeName: string): string {
  const place = officeName
    .normalize('NFC')
    .replace(/^BHXH\s+(?:cơ sở\s+|tỉnh\s+)?/iu, '')
    .trim()
  return place === 'Việt Nam' || place === '' ? 'Hà Nội' : place
}

/**
 * The organisation's name as a reminder may print it (the template accepts letters, digits, spaces
 * and ( ) . , ' & / - only, 80 characters at most): other signs become spaces, a long name is cut at
 * a word. The organisation names itself; nothing else reaches the message.
 */
export function reminderOrganisationName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N} ().,'&/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .trim()
  if (cleaned.length <= 80) return cleaned
  const cut = cleaned.slice(0, 80)
  const lastSpace = cut.lastIndexOf(' ')
  return (lastSpace > 40 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,(/&'-]+$/u, '')
}
