/**
 * Tổ chức (seeds 000 and 001): schools, agencies and companies in a tree under an office of the agency
 * or under a supervising body (Phòng Giáo dục và Đào tạo Quận 5 → its schools), their members (staff
 * and pupils, people of the registry), and the adoption report a district office sends them: how many
 * have registered for e-transactions, have an active account, have signed in to the app. One
 * definition for the API, the back-office screens, the exports and the tests.
 */
import { z } from 'zod'
import { daysBetween, type IsoDate, isIsoDate } from './dates'
import { enumValues } from './enums'
import { OfficeCode, requiredText } from './schemas'
import type { StaffRole } from './staff-admin'

/**
 * Who works with organisations: their administrators (within their organisation's subtree) and the
 * office and system administrators (the organisations under the offices they reach). Others get 404.
 */
export const organisationRoles: readonly StaffRole[] = ['organisation_admin', 'office_admin', 'system_admin']

export const OrganisationKind = {
  SupervisingBody: 'supervising_body', // cơ quan chủ quản (e.g. Phòng Giáo dục và Đào tạo)
  School: 'school', // trường học
  Agency: 'agency', // cơ quan, đơn vị sự nghiệp
  Company: 'company', // doanh nghiệp
} as const
export type OrganisationKind = (typeof OrganisationKind)[keyof typeof OrganisationKind]
export const organisationKinds = enumValues(OrganisationKind)

/** Cán bộ, giáo viên, nhân viên / học sinh, sinh viên. */
export const MemberRole = { Staff: 'staff', Pupil: 'pupil' } as const
export type MemberRole = (typeof MemberRole)[keyof typeof MemberRole]
export const memberRoles = enumValues(MemberRole)

export const memberRoleLabels: Record<'vi' | 'en', Record<MemberRole, string>> = {
  vi: { staff: 'Cán bộ, giáo viên, nhân viên', pupil: 'Học sinh, sinh viên' },
  en: { staff: 'Staff', pupil: 'Pupils and students' },
}

export const organisationKindLabels: Record<'vi' | 'en', Record<OrganisationKind, string>> = {
  vi: {
    supervising_body: 'Cơ quan chủ quản',
    school: 'Trường học',
    agency: 'Cơ quan',
    company: 'Doanh nghiệp',
  },
  en: { supervising_body: 'Supervising body', school: 'School', agency: 'Agency', company: 'Company' },
}

// ---------------------------------------------------------------------------------------------
// Percentages as the district office writes them

const NBSP = '\u00A0'

/**
 * `part / whole` as the seed writes it: two decimals, a decimal comma, a non-breaking space before
 * the sign (1978 / 2447 → `80,83 %`). Rounded half up on the exact integer ratio. Nothing to count
 * (whole 0) answers `—`.
 */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '—'
  return formatPercentValue((part * 100) / whole)
}

/** A percentage already computed (e.g. a target, 100 → `100,00 %`), formatted the same way. */
export function formatPercentValue(percent: number): string {
  // Shares are never negative; rounding to whole hundredths first keeps 80.825 from becoming 80,82.
  const hundredths = Math.round(Math.max(0, percent) * 100 + 1e-6)
  const cents = String(hundredths % 100).padStart(2, '0')
  return `${Math.trunc(hundredths / 100)},${cents}${NBSP}%`
}

/** The share as a number in 0–100 (for charts and ranking); 0 when there is nobody to count. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? (part * 100) / whole : 0
}

// ---------------------------------------------------------------------------------------------
// Organisations

const emptyToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value

/** Mã tổ chức: chosen at creation, unique, what an import's "Mã tổ chức" column names. */
export const OrganisationCode = requiredText('mã tổ chức')
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{1,29}$/, {
    error: 'Mã tổ chức gồm 2–30 ký tự: chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.',
  })

export const OrganisationName = requiredText('tên tổ chức')
  .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(3, { error: 'Tên tổ chức phải có ít nhất 3 ký tự.' })
      .max(200, { error: 'Tên tổ chức không được quá 200 ký tự.' }),
  )

export const IsoDateString = z.string().refine(isIsoDate, { error: 'Ngày không hợp lệ.' })

/** Mục tiêu: a share of members registered by a deadline (100 % by 30/06/2027). */
export const OrganisationTarget = z.object({
  percent: z.number(),
  deadline: z.string().describe('yyyy-mm-dd'),
})
export type OrganisationTarget = z.infer<typeof OrganisationTarget>

export const OrganisationView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(OrganisationKind),
  /** Null for a root: it hangs under the office `officeCode`. */
  parentId: z.number().nullable(),
  /** The office the tree hangs under (a child has its root's). */
  officeCode: z.string(),
  officeName: z.string(),
  /** 0 for a root, 1 for its children… */
  depth: z.number(),
  /** Direct members (not the subtree's). */
  memberCount: z.number(),
  target: OrganisationTarget.nullable(),
  demo: z.boolean(),
})
export type OrganisationView = z.infer<typeof OrganisationView>

/** The tree the caller may see, flat, parents before children (siblings by name). */
export const OrganisationList = z.object({ items: z.array(OrganisationView) })
export type OrganisationList = z.infer<typeof OrganisationList>

export const NewOrganisationBody = z
  .object({
    code: OrganisationCode,
    name: OrganisationName,
    kind: z.enum(OrganisationKind, { error: 'Vui lòng chọn loại tổ chức.' }),
    /** Under another organisation… */
    parentId: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
    /** …or at the top, under an office (mã cơ quan BHXH). */
    officeCode: z.preprocess(emptyToUndefined, OfficeCode.optional()),
  })
  .refine((body) => (body.parentId === undefined) !== (body.officeCode === undefined), {
    path: ['parentId'],
    error: 'Chọn tổ chức cấp trên hoặc cơ quan BHXH quản lý (một trong hai).',
  })
export type NewOrganisationBody = z.infer<typeof NewOrganisationBody>

export const RenameOrganisationBody = z.object({ name: OrganisationName })
export type RenameOrganisationBody = z.infer<typeof RenameOrganisationBody>

export const OrganisationTargetBody = z.object({
  percent: z.coerce
    .number({ error: 'Tỷ lệ mục tiêu không hợp lệ.' })
    .gt(0, { error: 'Tỷ lệ mục tiêu phải lớn hơn 0 và không quá 100.' })
    .max(100, { error: 'Tỷ lệ mục tiêu phải lớn hơn 0 và không quá 100.' })
    .transform((value) => Math.round(value * 100) / 100),
  deadline: requiredText('hạn hoàn thành').pipe(IsoDateString),
})
export type OrganisationTargetBody = z.infer<typeof OrganisationTargetBody>

export const OrganisationId = z.object({
  id: z.coerce.number().int().positive({ error: 'Mã tổ chức không hợp lệ.' }),
})

// ---------------------------------------------------------------------------------------------
// Members

/** The import's columns (folded header match), in the order of the template. */
export const MEMBER_IMPORT_COLUMNS = {
  bhxhCode: 'Mã số BHXH',
  personalId: 'Số CCCD/định danh',
  fullName: 'Họ tên',
  role: 'Vai trò',
  unit: 'Lớp/Phòng',
  organisationCode: 'Mã tổ chức',
} as const

/** A file larger than this is refused: 40,000 members as CSV are ~3 MB. */
export const MAX_MEMBER_IMPORT_BYTES = 20 * 1024 * 1024

/** One refused row (1 = the first data row), its column and why, in Vietnamese. */
export const RowErrorView = z.object({ rowNumber: z.number(), column: z.string(), reason: z.string() })

export const MemberImportResult = z.object({
  rowsRead: z.number(),
  /** New members. */
  added: z.number(),
  /** Members whose role, unit or organisation changed. */
  updated: z.number(),
  /** Rows that matched a member as it already was: a re-import changes nothing. */
  unchanged: z.number(),
  /**
   * Pupils who were members of another organisation of the same tree: that membership ended, this
   * row's holds them (a pupil belongs to one organisation of a tree). Not counted in added or updated.
   */
  moved: z.number(),
  refused: z.number(),
  /** The refused rows (the first 1,000); `errorReportUrl` gives them all as CSV. */
  errors: z.array(RowErrorView),
  /** GET it for the error report (Dòng, Cột, Lý do); null when no row was refused. */
  errorReportUrl: z.string().nullable(),
})
export type MemberImportResult = z.infer<typeof MemberImportResult>

export const MEMBER_PAGE_SIZE = 50

export const MemberListQuery = z.object({
  role: z.preprocess(emptyToUndefined, z.enum(MemberRole, { error: 'Vai trò không hợp lệ.' }).optional()),
  /** `yes`: registered (dossier filed or account); `no`: not yet. */
  registered: z.preprocess(emptyToUndefined, z.enum(['yes', 'no']).optional()),
  /** One organisation of the subtree (a school of the district body). */
  organisationId: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  /** Lớp/phòng, exactly (case and accents folded). */
  unit: z.preprocess(emptyToUndefined, z.string().trim().max(50).optional()),
  /** Part of the name, accents and case ignored; or a whole personal ID or BHXH code (members-repo.ts). */
  q: z.preprocess(
    emptyToUndefined,
    z.string().trim().max(100, { error: 'Từ khóa không được quá 100 ký tự.' }).optional(),
  ),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
})
export type MemberListQuery = z.infer<typeof MemberListQuery>

export const MemberView = z.object({
  id: z.number(),
  organisation: z.object({ id: z.number(), name: z.string() }),
  role: z.enum(MemberRole),
  unit: z.string().nullable(),
  fullName: z.string(),
  bhxhCode: z.string().nullable(),
  birthYear: z.number(),
  registered: z.boolean(),
  accountActive: z.boolean(),
  signedIn: z.boolean(),
})
export type MemberView = z.infer<typeof MemberView>

export const MemberPage = z.object({
  items: z.array(MemberView),
  page: z.number(),
  pageCount: z.number(),
  total: z.number(),
})
export type MemberPage = z.infer<typeof MemberPage>

// ---------------------------------------------------------------------------------------------
// Adoption report

/** Counts of one role (or both): members; registered (dossier filed or account); account active; signed in once. */
export const AdoptionCounts = z.object({
  members: z.number(),
  registered: z.number(),
  accountActive: z.number(),
  signedIn: z.number(),
})
export type AdoptionCounts = z.infer<typeof AdoptionCounts>

/** Counts plus their shares formatted by `formatPercent` (`80,83 %`). */
export const AdoptionFigures = AdoptionCounts.extend({
  registeredPercent: z.string(),
  accountActivePercent: z.string(),
  signedInPercent: z.string(),
})
export type AdoptionFigures = z.infer<typeof AdoptionFigures>

/** By member role and in total; a person counts once per role across the subtree. */
export const AdoptionByRole = z.object({
  staff: AdoptionFigures,
  pupil: AdoptionFigures,
  total: AdoptionFigures,
})
export type AdoptionByRole = z.infer<typeof AdoptionByRole>

export const AdoptionUnit = z.object({
  organisation: z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(OrganisationKind),
  }),
  figures: AdoptionByRole,
  /** Registered share of all members, 0–100: the ranking key (furthest behind first). */
  registeredShare: z.number(),
})
export type AdoptionUnit = z.infer<typeof AdoptionUnit>

export const AdoptionProgress = z.object({
  target: OrganisationTarget,
  /** Registered share of all members, 0–100. */
  registeredShare: z.number(),
  /** Registered share over the target, capped at 100 (`formatPercentValue` for display). */
  progress: z.number(),
  /** People still to register to reach the target. */
  remaining: z.number(),
  /** Days from today to the deadline (negative once it passed). */
  daysLeft: z.number(),
  reached: z.boolean(),
})
export type AdoptionProgress = z.infer<typeof AdoptionProgress>

export const AdoptionDay = z.object({
  date: z.string().describe('yyyy-mm-dd, Vietnam'),
  staff: AdoptionCounts,
  pupil: AdoptionCounts,
  /** Written by the demo seed, not measured. */
  demo: z.boolean(),
})
export type AdoptionDay = z.infer<typeof AdoptionDay>

export const AdoptionReport = z.object({
  organisation: OrganisationView,
  /** Today in Vietnam: the figures are of this moment. */
  asOf: z.string(),
  figures: AdoptionByRole,
  /** The direct children, furthest behind first (registered share ascending, then name). */
  units: z.array(AdoptionUnit),
  progress: AdoptionProgress.nullable(),
  /** One point a day, oldest first (up to 366 days). */
  history: z.array(AdoptionDay),
})
export type AdoptionReport = z.infer<typeof AdoptionReport>

export const AdoptionQuery = z.object({
  /** How many days of history, 1–366 (default 90). */
  days: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(366).default(90)),
})
export type AdoptionQuery = z.infer<typeof AdoptionQuery>

/** The figures with their formatted shares. */
export function adoptionFigures(counts: AdoptionCounts): AdoptionFigures {
  return {
    ...counts,
    registeredPercent: formatPercent(counts.registered, counts.members),
    accountActivePercent: formatPercent(counts.accountActive, counts.members),
    signedInPercent: formatPercent(counts.signedIn, counts.members),
  }
}

export function addCounts(a: AdoptionCounts, b: AdoptionCounts): AdoptionCounts {
  return {
    members: a.members + b.members,
    registered: a.registered + b.registered,
    accountActive: a.accountActive + b.accountActive,
    signedIn: a.signedIn + b.signedIn,
  }
}

export const noCounts: AdoptionCounts = { members: 0, registered: 0, accountActive: 0, signedIn: 0 }

export function adoptionByRole(staff: AdoptionCounts, pupil: AdoptionCounts): AdoptionByRole {
  return {
    staff: adoptionFigures(staff),
    pupil: adoptionFigures(pupil),
    total: adoptionFigures(addCounts(staff, pupil)),
  }
}

/** Progress toward a target: the registered share over the target, capped at 100. */
export function adoptionProgress(
  counts: AdoptionCounts,
  target: OrganisationTarget,
  today: IsoDate,
): AdoptionProgress {
  const registeredShare = percentOf(counts.registered, counts.members)
  const needed = Math.ceil((counts.members * target.percent) / 100 - 1e-9)
  return {
    target,
    registeredShare,
    progress: Math.min(100, (registeredShare * 100) / target.percent),
    remaining: Math.max(0, needed - counts.registered),
    daysLeft: daysBetween(today, target.deadline),
    reached: counts.registered >= needed,
  }
}
