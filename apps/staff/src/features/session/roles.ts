import { rolesManagedBy, type StaffRole } from '@ansinh/domain'

/**
 * Whether a staff member administers their office tree: manages the accounts of some role ("Quản
 * trị") and reads its audit log ("Nhật ký truy cập"). The API answers anyone else 404 on both.
 */
export function isAdministrator(role: StaffRole): boolean {
  return rolesManagedBy(role).length > 0
}
