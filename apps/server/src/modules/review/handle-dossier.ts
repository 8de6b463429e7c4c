import { DossierCondition, type DossierDetail, DossierStatus, ErrorCode } from '@ansinh/domain'
import type { Deps } from '../../app'
import type { Executor } from '../../db/client'
import { DomainError, notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import { appendEvent } from '../registration/repo'
import { type Dossier, findDossierInReach, updateDossierAt } from './repo'
import { presentDetail } from './view-dossiers'

/**
 * What a reviewer does with a dossier before deciding it: take it (phân công cho mình), let it go
 * (an administrator may release anyone's), and record that the signed paper declaration was received
 * in person. Each step is a versioned change, a history event and an audit entry in one transaction.
 */

type Step = {
  action: 'dossier.assign' | 'dossier.release' | 'dossier.receive'
  event: 'assigned' | 'released' | 'received'
  check: (dossier: Dossier, staff: StaffActor) => { vi: string; en: string } | null
  change: (staff: StaffActor) => Partial<Pick<Dossier, 'assignedStaffId' | 'condition'>>
}

const steps = {
  assign: {
    action: 'dossier.assign',
    event: 'assigned',
    check: (dossier, staff) =>
      dossier.assignedStaffId !== null && dossier.assignedStaffId !== staff.id
        ? { vi: 'Hồ sơ đang do cán bộ khác xử lý.', en: 'Another reviewer holds this dossier.' }
        : null,
    change: (staff) => ({ assignedStaffId: staff.id }),
  },
  release: {
    action: 'dossier.release',
    event: 'released',
    check: (dossier, staff) =>
      dossier.assignedStaffId === null
        ? { vi: 'Hồ sơ chưa được giao cho ai.', en: 'Nobody holds this dossier.' }
        : dossier.assignedStaffId !== staff.id && staff.role === 'reviewer'
          ? {
              vi: 'Chỉ người giữ hồ sơ hoặc quản trị viên mới trả lại được.',
              en: 'Only the holder or an administrator can release it.',
            }
          : null,
    change: () => ({ assignedStaffId: null }),
  },
  receive: {
    action: 'dossier.receive',
    event: 'received',
    check: (dossier) =>
      dossier.condition === DossierCondition.Received
        ? { vi: 'Hồ sơ giấy đã được tiếp nhận trước đó.', en: 'The papers were already received.' }
        : dossier.condition === DossierCondition.Online
          ? {
              vi: 'Hồ sơ nộp trực tuyến từ tài khoản, không có hồ sơ giấy cần tiếp nhận.',
              en: 'This dossier was filed online from an account: there are no papers to receive.',
            }
          : null,
    change: () => ({ condition: DossierCondition.Received }),
  },
} satisfies Record<string, Step>

export type DossierStep = keyof typeof steps

export async function handleDossier(
  deps: Deps,
  staff: StaffActor,
  id: number,
  stepName: DossierStep,
  version: number,
): Promise<DossierDetail> {
  const step: Step = steps[stepName]
  return deps.database.db.transaction(async (tx) => {
    const dossier = await findDossierInReach(tx, id, staff.reach, { lock: true })
    if (!dossier) throw notFound('dossier')
    const refusal =
      dossier.status !== DossierStatus.Pending
        ? { vi: 'Hồ sơ không còn chờ duyệt.', en: 'The dossier is no longer pending.' }
        : dossier.version !== version
          ? {
              vi: 'Hồ sơ vừa được thay đổi. Vui lòng tải lại.',
              en: 'The dossier has just changed. Please reload it.',
            }
          : step.check(dossier, staff)
    if (refusal) throw new DomainError(ErrorCode.Conflict, `${step.action} refused`, { userMessage: refusal })
    const now = deps.clock()
    if (!(await updateDossierAt(tx, id, version, { ...step.change(staff), updatedAt: now })))
      throw new DomainError(ErrorCode.Conflict, 'dossier changed meanwhile')
    await appendEvent(tx, { dossierId: id, kind: step.event, at: now, actorKind: 'staff', actorId: staff.id })
    await recordAudit(tx, { actor: staff, action: step.action, recordType: 'dossier', recordId: id })
    return presentDetail(tx, await reread(tx, id, staff))
  })
}

async function reread(tx: Executor, id: number, staff: StaffActor): Promise<Dossier> {
  const dossier = await findDossierInReach(tx, id, staff.reach)
  if (!dossier) throw notFound('dossier')
  return dossier
}
