import type { StaffRole } from '@ansinh/domain'

export type { StaffRole }

/**
 * The signed-in staff member a request acts as (set by the staff session check). `reach` is their
 * office and every office below it: what they may see and decide.
 */
export type StaffActor = {
  id: number
  username: string
  fullName: string
  officeCode: string
  role: StaffRole
  /** An organisation administrator's organisation: its subtree is all the account reaches. */
  organisationId?: number | null
  reach: string[]
  sessionId: string
  /** The client address, for the audit log. */
  ip: string
}
