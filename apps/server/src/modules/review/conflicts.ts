import { DossierStatus, ErrorCode } from '@ansinh/domain'
import { DomainError, notFound } from '../../platform/errors'
import type { StaffActor } from '../identity/staff-actor'
import type { Dossier } from './repo'

/**
 * The checks before a reviewer changes a dossier they hold (decides it, replaces a photo, attaches a
 * scan), worded once so that every such change answers the same 409s.
 */

/**
 * The dossier, if the reviewer may change it: within reach (404 otherwise, as for a missing one),
 * still pending, at the version they saw, and held by them.
 */
export function heldForChange(dossier: Dossier | null, staff: StaffActor, version: number): Dossier {
  if (!dossier) throw notFound('dossier')
  if (dossier.status !== DossierStatus.Pending)
    throw conflict('dossier already decided', {
      vi: 'Hồ sơ này đã được đánh giá hoặc không còn chờ duyệt; không thể thay đổi hay đánh giá lại.',
      en: 'This dossier has already been decided or is no longer pending; it cannot be changed or decided again.',
    })
  if (dossier.version !== version) throw changedMeanwhile()
  if (dossier.assignedStaffId !== staff.id)
    throw conflict('dossier not held by this reviewer', {
      vi: 'Vui lòng nhận xử lý hồ sơ trước khi thay đổi hay đánh giá (hồ sơ đang chưa giao hoặc do cán bộ khác giữ).',
      en: 'Please take the dossier before changing or deciding it (it is unassigned or held by someone else).',
    })
  return dossier
}

export function changedMeanwhile() {
  return conflict('dossier changed meanwhile', {
    vi: 'Hồ sơ vừa được cán bộ khác thay đổi. Vui lòng tải lại hồ sơ và thực hiện lại.',
    en: 'Someone else has just changed this dossier. Please reload it and try again.',
  })
}

export function conflict(log: string, userMessage: { vi: string; en: string }) {
  return new DomainError(ErrorCode.Conflict, log, { userMessage })
}
