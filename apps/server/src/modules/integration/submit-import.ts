import { createHash } from 'node:crypto'
import { ErrorCode, type ImportKind, type ImportView, MAX_IMPORT_BYTES } from '@ansinh/domain'
import type { Deps } from '../../app'
import { violatedUniqueConstraint } from '../../db/client'
import { DomainError, notFound } from '../../platform/errors'
import { keepFiles, scheduleFileDeletions } from '../../platform/file-deletions'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import { findImport, findImportByFile, type IntegrationImport, insertImport } from './import-repo'

/** Who sends the file: a staff member in the back-office, or a partner (facility, employer) with its API key. */
export type ImportSubmitter =
  | { kind: 'staff'; staff: StaffActor }
  | { kind: 'facility'; keyId: number; facilityCode: string }
  | { kind: 'employer'; keyId: number; unitCode: string }

/**
 * Takes a file to import: stored encrypted and queued in one step, answered at once (the worker
 * reads it). The same bytes sent again answer the import they made, marked `duplicate`: a
 * re-upload changes nothing.
 */
export async function submitImport(
  deps: Pick<Deps, 'database' | 'files' | 'clock'>,
  file: { kind: ImportKind; fileName: string; bytes: Buffer | 'tooLarge' | undefined },
  submitter: ImportSubmitter,
): Promise<ImportView> {
  const bytes = checkedFile(file.bytes)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const db = deps.database.db
  const earlier = await findImportByFile(db, file.kind, sha256)
  if (earlier) return duplicateOf(earlier, submitter)
  const fileId = await deps.files.put(bytes)
  // Staged: if the row below is never committed, the file goes with the next deletion run.
  await scheduleFileDeletions(db, [fileId], deps.clock())
  const inserted = await db
    .transaction(async (tx) => {
      const row = await insertImport(tx, {
        kind: file.kind,
        status: 'queued',
        fileName: file.fileName.normalize('NFC').slice(0, 200),
        fileSha256: sha256,
        fileId,
        fileBytes: bytes.length,
        ...submitterColumns(submitter),
      })
      await keepFiles(tx, [fileId])
      if (submitter.kind === 'staff')
        await recordAudit(tx, {
          actor: submitter.staff,
          action: 'integration.import',
          recordType: 'integration_import',
          recordId: row.id,
          detail: { kind: file.kind, bytes: bytes.length },
        })
      return row
    })
    .catch(async (error: unknown) => {
      // The same file sent twice at the same moment: the other request made the import.
      if (violatedUniqueConstraint(error) !== 'integration_imports_file_uq') throw error
      return null
    })
  if (inserted) return importView(inserted, false)
  const made = await findImportByFile(db, file.kind, sha256)
  if (!made) throw new Error('import vanished after a duplicate insert')
  return duplicateOf(made, submitter)
}

/**
 * Who may see an import: staff whose office tree holds the uploader's office, or the partner (facility,
 * employer) whose key sent it.
 */
export function visibleTo(submitter: ImportSubmitter) {
  return (item: Pick<IntegrationImport, 'officeCode' | 'facilityCode' | 'employerUnitCode'>): boolean => {
    switch (submitter.kind) {
      case 'staff':
        return item.officeCode !== null && submitter.staff.reach.includes(item.officeCode)
      case 'facility':
        return item.facilityCode === submitter.facilityCode
      case 'employer':
        return item.employerUnitCode === submitter.unitCode
    }
  }
}

/**
 * The earlier import of the same bytes, to its sender; someone else who sends the very same file is
 * told so without learning anything of that import.
 */
function duplicateOf(earlier: IntegrationImport, submitter: ImportSubmitter): ImportView {
  if (visibleTo(submitter)(earlier)) return importView(earlier, true)
  throw new DomainError(ErrorCode.Conflict, 'import file sent by someone else', {
    userMessage: {
      vi: 'Tệp này đã được gửi trước đó bởi một đơn vị khác; không có thay đổi nào.',
      en: 'This file was sent before by someone else; nothing was changed.',
    },
  })
}

/** Who sent an import, as its row keeps it: the staff member and office, or the partner and its key. */
function submitterColumns(submitter: ImportSubmitter) {
  switch (submitter.kind) {
    case 'staff':
      return { submittedBy: submitter.staff.id, officeCode: submitter.staff.officeCode }
    case 'facility':
      return { partnerKeyId: submitter.keyId, facilityCode: submitter.facilityCode }
    case 'employer':
      return { partnerKeyId: submitter.keyId, employerUnitCode: submitter.unitCode }
  }
}

function checkedFile(bytes: Buffer | 'tooLarge' | undefined): Buffer {
  if (bytes === undefined || (bytes !== 'tooLarge' && bytes.length === 0))
    throw new DomainError(ErrorCode.ValidationFailed, 'no import file', {
      fields: { file: ['Vui lòng chọn tệp dữ liệu.'] },
    })
  if (bytes === 'tooLarge')
    throw new DomainError(ErrorCode.ValidationFailed, 'import file too large', {
      fields: { file: [`Tệp không được lớn hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`] },
    })
  return bytes
}

/** An import as its sender sees it; another sender's import does not exist (404). */
export async function viewImport(
  deps: Pick<Deps, 'database'>,
  id: number,
  canSee: (item: IntegrationImport) => boolean,
): Promise<IntegrationImport> {
  const item = await findImport(deps.database.db, id)
  if (!item || !canSee(item)) throw notFound('import')
  return item
}

export function importView(item: IntegrationImport, duplicate: boolean): ImportView {
  return {
    id: item.id,
    kind: item.kind,
    status: item.status,
    fileName: item.fileName,
    fileSha256: item.fileSha256,
    rowsTotal: item.rowsTotal,
    rowsRead: item.rowsRead,
    rowsApplied: item.rowsApplied,
    rowsUnchanged: item.rowsUnchanged,
    rowsRefused: item.rowsRefused,
    failure: item.failure,
    submittedAt: item.submittedAt.toISOString(),
    finishedAt: item.finishedAt?.toISOString() ?? null,
    duplicate,
  }
}
