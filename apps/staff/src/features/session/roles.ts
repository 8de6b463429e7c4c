import {
  caseworkRoles,
  importerRoles,
  organisationRoles,
  rolesManagedBy,
  type StaffRole,
} from '@ansinh/domain'

/**
 * Whether a staff member administers their office tree: manages the accounts of some role ("Quản
 * trị") and reads its audit log ("Nhật ký truy cập"). The API answers anyone else 404 on both.
 */
export function isAdministrator(role: StaffRole): boolean {
  return rolesManagedBy(role).length > 0
}

/**
 * Whether a staff member imports data files ("Nhập dữ liệu": employers' D02-LT lists, hospitals' XML
 * 130 claims): office and system administrators, as the API allows; it answers anyone else 404.
 */
export function mayImport(role: StaffRole): boolean {
  return importerRoles.includes(role)
}

/** The parts of the back-office, each at `/<section>`, in the order of the menu. */
export const staffSections = [
  'dossiers',
  'feedback',
  'accounts',
  'reports',
  'news',
  'imports',
  'organisations',
  'admin',
  'audit',
] as const
export type StaffSection = (typeof staffSections)[number]

/**
 * The sections a role sees in the menu, as the API allows them (least privilege: it answers 404 to
 * the rest). A news editor writes the news and nothing else; no one else writes it. Only the casework
 * roles serve people's cases; an organisation administrator ("quản trị tổ chức") sees its
 * organisations and nothing else. Data imports and organisations come before the administration.
 */
export function sectionsOf(role: StaffRole): readonly StaffSection[] {
  if (role === 'news_editor') return ['news']
  const casework: StaffSection[] = caseworkRoles.includes(role)
    ? ['dossiers', 'feedback', 'accounts', 'reports']
    : []
  const imports: StaffSection[] = mayImport(role) ? ['imports'] : []
  const organisations: StaffSection[] = organisationRoles.includes(role) ? ['organisations'] : []
  const administration: StaffSection[] = isAdministrator(role) ? ['admin', 'audit'] : []
  return [...casework, ...imports, ...organisations, ...administration]
}

export function canSee(role: StaffRole, section: StaffSection): boolean {
  return sectionsOf(role).includes(section)
}

/** Where the work of a role starts: after sign-in, and the way back from a page it may not see. */
export function homePathOf(role: StaffRole): string {
  return `/${sectionsOf(role)[0] ?? 'dossiers'}`
}

const sections: ReadonlySet<string> = new Set(staffSections)

/**
 * Whether an address of the app is one the role may open: the page a signed-out person was sent
 * away from is only worth returning to if it belongs to their sections (or to no section: `/me/…`).
 */
export function mayOpen(role: StaffRole, path: string): boolean {
  const section = path.split(/[/?#]/)[1] ?? ''
  return !sections.has(section) || canSee(role, section as StaffSection)
}
