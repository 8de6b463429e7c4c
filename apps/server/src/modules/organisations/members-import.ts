import { Readable } from 'node:stream'
import {
  ErrorCode,
  foldVietnamese,
  MEMBER_IMPORT_COLUMNS,
  type MemberImportResult,
  MemberRole,
  type RowError,
} from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { DomainError } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import { UnreadableFile } from '../integration/import-format'
import type { SubmittedPhoto } from '../registration/stored-photos'
import { type DeclaredPerson, findPeopleByIdentifiers } from '../registry/service'
import { type MemberFields, readMemberFile } from './members-read'
import { type MemberUpsert, upsertMembers } from './members-repo'
import { findByCodesInSubtree, insertMemberImport, treeIdsOf } from './repo'
import { type OrganisationDeps, requireOrganisation } from './service'

/**
 * "Nhập danh sách thành viên": a school's (or a supervising body's, for its schools) list of staff and
 * pupils, matched to the registry by BHXH code or personal ID with the name checked, written in
 * batches of one statement each. Idempotent: the same file again adds and changes nothing. The refused
 * rows are kept with the import for the error report. A pupil belongs to one organisation of a tree
 * (all under the same root): importing them moves their membership from wherever else in the tree they
 * were, as a pupil changing school at the new school year; staff keep every membership, and other trees
 * are their own.
 */

const BATCH_ROWS = 1000
/** The answer carries this many refused rows; the CSV report has them all. */
const ERRORS_IN_ANSWER = 1000

export const PERSON_NOT_FOUND = 'Không tìm thấy người này trong cơ sở dữ liệu BHXH.'

type Row = { rowNumber: number; fields: MemberFields }

export async function importMembers(
  deps: OrganisationDeps,
  actor: StaffActor,
  organisationId: number,
  upload: { fileName: string; bytes: SubmittedPhoto | undefined },
): Promise<MemberImportResult> {
  const bytes = fileBytes(upload.bytes)
  await requireOrganisation(deps.database.db, actor, organisationId)
  const { rows, errors } = await readRows(bytes)
  const rowsRead = rows.length + countRows(errors)
  return deps.database.db.transaction(async (tx) => {
    const organisationOf = await findByCodesInSubtree(tx, organisationId, unique(rows.flatMap(codeOf)))
    const treeIds = await treeIdsOf(tx, organisationId)
    const seen = new Map<string, number>()
    let added = 0
    let updated = 0
    let moved = 0
    let unchanged = 0
    for (let start = 0; start < rows.length; start += BATCH_ROWS) {
      const batch = rows.slice(start, start + BATCH_ROWS)
      const personOf = await loadPeople(tx, batch)
      const upserts: MemberUpsert[] = []
      for (const row of batch) {
        const resolved = resolve(row, { organisationId, organisationOf, personOf, seen })
        if ('reason' in resolved) errors.push({ rowNumber: row.rowNumber, ...resolved })
        else upserts.push(resolved)
      }
      const written = await upsertMembers(tx, upserts, treeIds)
      added += written.added
      updated += written.updated
      moved += written.moved
      unchanged += upserts.length - written.added - written.updated - written.moved
    }
    errors.sort((a, b) => a.rowNumber - b.rowNumber)
    const counts = {
      rowsRead,
      added,
      updated,
      unchanged,
      refused: countRows(errors),
    }
    // The import's row keeps the counts it has columns for; the moves are in the audit record.
    const importId = await insertMemberImport(tx, {
      organisationId,
      submittedBy: actor.id,
      fileName: upload.fileName.slice(0, 200),
      ...counts,
      errors,
    })
    await recordAudit(tx, {
      actor,
      action: 'organisation.members_imported',
      recordType: 'organisation',
      recordId: organisationId,
      detail: { importId, ...counts, moved },
    })
    return {
      ...counts,
      moved,
      errors: errors.slice(0, ERRORS_IN_ANSWER),
      errorReportUrl:
        errors.length > 0
          ? `/api/v1/staff/organisations/${organisationId}/member-imports/${importId}/errors.csv`
          : null,
    }
  })
}

function fileBytes(bytes: SubmittedPhoto | undefined): Buffer {
  if (bytes === undefined)
    throw new DomainError(ErrorCode.ValidationFailed, 'no member file', {
      fields: { file: ['Vui lòng chọn tệp danh sách (CSV hoặc Excel .xlsx).'] },
    })
  if (bytes === 'tooLarge')
    throw new DomainError(ErrorCode.ValidationFailed, 'member file too large', {
      fields: { file: ['Tệp quá lớn; đề nghị chia danh sách thành nhiều tệp.'] },
    })
  return bytes
}

/** Every row of the file: the readable ones, and the faults of the others. */
async function readRows(bytes: Buffer): Promise<{ rows: Row[]; errors: RowError[] }> {
  const rows: Row[] = []
  const errors: RowError[] = []
  try {
    for await (const row of readMemberFile(Readable.from([bytes]))) {
      if ('fields' in row) rows.push(row)
      else errors.push(...row.errors)
    }
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error
    throw new DomainError(ErrorCode.ValidationFailed, 'member file unreadable', {
      fields: { file: [error.reason] },
    })
  }
  return { rows, errors }
}

const countRows = (errors: RowError[]) => new Set(errors.map((error) => error.rowNumber)).size
const codeOf = (row: Row) => (row.fields.organisationCode ? [row.fields.organisationCode] : [])
const unique = <T>(values: T[]) => [...new Set(values)]

async function loadPeople(tx: Executor, rows: Row[]): Promise<Map<string, DeclaredPerson>> {
  const found = await findPeopleByIdentifiers(tx, {
    bhxhCodes: unique(rows.flatMap((row) => (row.fields.bhxhCode ? [row.fields.bhxhCode] : []))),
    personalIds: unique(rows.flatMap((row) => (row.fields.personalId ? [row.fields.personalId] : []))),
  })
  const byKey = new Map<string, DeclaredPerson>()
  for (const person of found) {
    if (person.bhxhCode) byKey.set(`b:${person.bhxhCode}`, person)
    if (person.personalId) byKey.set(`p:${person.personalId}`, person)
  }
  return byKey
}

/** A row to its member, or the column and reason it is refused for. */
function resolve(
  row: Row,
  context: {
    organisationId: number
    organisationOf: Map<string, number>
    personOf: Map<string, DeclaredPerson>
    /** organisation:person, and pupil:person → the row that first named them (as a pupil). */
    seen: Map<string, number>
  },
): MemberUpsert | { column: string; reason: string } {
  const { fields } = row
  const organisationId = fields.organisationCode
    ? context.organisationOf.get(fields.organisationCode)
    : context.organisationId
  if (organisationId === undefined)
    return {
      column: MEMBER_IMPORT_COLUMNS.organisationCode,
      reason: 'Mã tổ chức không thuộc tổ chức đang nhập danh sách.',
    }
  const byBhxh = fields.bhxhCode ? context.personOf.get(`b:${fields.bhxhCode}`) : undefined
  const byPersonalId = fields.personalId ? context.personOf.get(`p:${fields.personalId}`) : undefined
  const person = byBhxh ?? byPersonalId
  const idColumn = fields.bhxhCode ? MEMBER_IMPORT_COLUMNS.bhxhCode : MEMBER_IMPORT_COLUMNS.personalId
  if (!person) return { column: idColumn, reason: PERSON_NOT_FOUND }
  if (
    (fields.bhxhCode && fields.personalId && byBhxh?.id !== byPersonalId?.id) ||
    (fields.personalId && person.personalId !== null && person.personalId !== fields.personalId)
  )
    return {
      column: MEMBER_IMPORT_COLUMNS.personalId,
      reason: 'Mã số BHXH và số CCCD/định danh không thuộc cùng một người.',
    }
  if (foldVietnamese(fields.fullName) !== person.foldedName)
    return {
      column: MEMBER_IMPORT_COLUMNS.fullName,
      reason: 'Họ tên không khớp với hồ sơ BHXH của người này.',
    }
  const key = `${organisationId}:${person.id}`
  const earlier = context.seen.get(key)
  if (earlier !== undefined)
    return { column: idColumn, reason: `Người này đã có ở dòng ${earlier} của danh sách.` }
  // One organisation of the tree per pupil: a second school for them in the same file is refused
  // rather than one row silently undoing the other.
  const pupilKey = `pupil:${person.id}`
  const asPupil = fields.role === MemberRole.Pupil ? context.seen.get(pupilKey) : undefined
  if (asPupil !== undefined)
    return {
      column: MEMBER_IMPORT_COLUMNS.organisationCode,
      reason: `Học sinh/sinh viên này đã có ở dòng ${asPupil} của danh sách, tại đơn vị khác; mỗi người chỉ học ở một đơn vị.`,
    }
  context.seen.set(key, row.rowNumber)
  if (fields.role === MemberRole.Pupil) context.seen.set(pupilKey, row.rowNumber)
  return { organisationId, personId: person.id, role: fields.role, unit: fields.unit }
}
