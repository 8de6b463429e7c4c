import { ImportKind, namesMatch, type PartialDate, type RowError } from '@ansinh/domain'
import type { Executor } from '../../db/client'
import { findFacility } from '../directory/service'
import { type CardHolder, findCardHolders, recordMedicalVisits } from '../registry/service'
import { type ClaimFields, readClaims } from './claims-read'
import type { BatchOutcome, ImportContext, ImportFormat } from './import-format'

export type { ClaimFields } from './claims-read'

/**
 * Hospital claim files (XML 130) as an import: each HOSO's XML1 becomes a medical visit of the card
 * holder in the registry (sổ khám chữa bệnh). A visit is unique by facility and MA_LK, so a claim
 * sent again — in the same file re-sent, or in another file — is `unchanged`: nothing is written twice.
 *
 * A batch of 500 rows costs a handful of statements whatever its size: the facilities it names
 * (usually one), the card holders (one query), the people by personal ID for rows without a card
 * (one query), and one multi-row INSERT … ON CONFLICT DO NOTHING.
 */
export const claimsFormat: ImportFormat<ClaimFields> = {
  kind: ImportKind.HospitalClaims,
  read: readClaims,
  applyBatch: applyClaims,
}

type Row = { rowNumber: number; fields: ClaimFields }

/** One đồng of rounding between the totals (the file's amounts carry up to 2 decimals). */
const ROUNDING_DONG = 1

/** ICD-10 as QĐ 4469/QĐ-BYT writes it: a letter, two digits, an optional dot and one or two digits. */
const ICD10 = /^[A-Z]\d{2}(\.?\d{1,2})?$/

async function applyClaims(tx: Executor, rows: Row[], context: ImportContext): Promise<BatchOutcome> {
  const errors: RowError[] = []
  const refused = new Set<number>()
  const refuse = (row: Row, column: string, reason: string) => {
    errors.push({ rowNumber: row.rowNumber, column, reason })
    refused.add(row.rowNumber)
  }

  for (const row of rows)
    for (const [column, reason] of claimProblems(row.fields, context.now)) refuse(row, column, reason)

  const firstOfKey = new Map<string, number>()
  for (const row of rows) {
    const key = `${row.fields.facilityCode}\u0000${row.fields.claimKey}`
    const first = firstOfKey.get(key)
    if (first === undefined) firstOfKey.set(key, row.rowNumber)
    else refuse(row, 'MA_LK', `Mã đợt điều trị trùng với hồ sơ thứ ${first} trong cùng tệp.`)
  }

  const known = await knownFacilities(tx, rows)
  for (const row of rows) {
    const problem = facilityProblem(row.fields, known, context.facilityCode)
    if (problem) refuse(row, 'MA_CSKCB', problem)
  }

  const holders = await findCardHolders(tx, {
    cardNumbers: rows.flatMap((row) => (row.fields.cardKey === null ? [] : [row.fields.cardKey])),
    personalIds: rows.flatMap((row) =>
      row.fields.cardNumber === null && row.fields.personalId !== null ? [row.fields.personalId] : [],
    ),
  })
  const personOf = new Map<number, number>()
  for (const row of rows) {
    const { fields } = row
    // The card decides who the patient is when there is one; the personal ID only without a card.
    const holder =
      fields.cardKey !== null
        ? holders.byCard.get(fields.cardKey)
        : fields.personalId !== null
          ? holders.byPersonalId.get(fields.personalId)
          : undefined
    if (!holder) {
      if (fields.cardNumber !== null)
        refuse(row, 'MA_THE_BHYT', `Không có thẻ BHYT mã ${fields.cardNumber} trong cơ sở dữ liệu.`)
      else if (fields.personalId !== null)
        refuse(row, 'SO_CCCD', `Không có người tham gia BHYT với số CCCD ${fields.personalId}.`)
      continue
    }
    for (const [column, reason] of holderProblems(fields, holder)) refuse(row, column, reason)
    personOf.set(row.rowNumber, holder.id)
  }

  const good = rows.filter((row) => !refused.has(row.rowNumber))
  const applied = good.length === 0 ? 0 : await insertVisits(tx, good, personOf)
  return { applied, unchanged: good.length - applied, errors }
}

/** What is wrong with a claim on its own: the order of its dates, its amounts, its diagnosis code. */
export function claimProblems(fields: ClaimFields, now: Date): [column: string, reason: string][] {
  const problems: [string, string][] = []
  const { admittedAt, dischargedAt, birth } = fields
  if (admittedAt.getTime() > now.getTime())
    problems.push(['NGAY_VAO', 'Thời điểm vào (NGAY_VAO) ở sau thời điểm nhận tệp.'])
  else if (admittedAt.getTime() < bornAtEarliest(birth))
    problems.push(['NGAY_VAO', 'Thời điểm vào (NGAY_VAO) ở trước ngày sinh của người bệnh.'])
  if (dischargedAt !== null && dischargedAt.getTime() < admittedAt.getTime())
    problems.push(['NGAY_RA', 'Thời điểm ra (NGAY_RA) ở trước thời điểm vào (NGAY_VAO).'])
  const amounts = [
    ['T_TONGCHI_BV', fields.totalCost],
    ['T_BHTT', fields.fundPaid],
    ['T_BNCCT', fields.patientPaid],
  ] as const
  for (const [column, amount] of amounts)
    if (amount < 0) problems.push([column, `Số tiền ${column} không được âm.`])
  if (
    amounts.every(([, amount]) => amount >= 0) &&
    fields.fundPaid + fields.patientPaid > fields.totalCost + ROUNDING_DONG
  )
    problems.push([
      'T_BHTT',
      `Quỹ BHYT thanh toán (T_BHTT ${fields.fundPaid}) cộng người bệnh cùng chi trả (T_BNCCT ${fields.patientPaid}) lớn hơn tổng chi phí (T_TONGCHI_BV ${fields.totalCost}).`,
    ])
  if (!ICD10.test(fields.diagnosisCode))
    problems.push([
      'MA_BENH_CHINH',
      `Mã bệnh chính "${fields.diagnosisCode.slice(0, 20)}" không phải mã ICD-10 (ví dụ J18.9).`,
    ])
  return problems
}

/** The first instant the recorded birth allows, in Vietnam time (year only → 1 January). */
function bornAtEarliest(birth: PartialDate): number {
  return Date.UTC(birth.year, (birth.month ?? 1) - 1, birth.day ?? 1) - 7 * 3_600_000
}

async function knownFacilities(tx: Executor, rows: Row[]): Promise<Set<string>> {
  const codes = [...new Set(rows.map((row) => row.fields.facilityCode))]
  const known = new Set<string>()
  // A file is one facility's claims: one look-up, rarely a few.
  for (const code of codes) if (await findFacility(tx, code)) known.add(code)
  return known
}

function facilityProblem(fields: ClaimFields, known: Set<string>, keyFacility: string | null): string | null {
  const code = fields.facilityCode
  if (!known.has(code)) return `Không có cơ sở KCB mã ${code} trong danh mục.`
  if (keyFacility !== null && code !== keyFacility)
    return `Hồ sơ của cơ sở KCB ${code}, không phải của cơ sở gửi tệp (${keyFacility}).`
  if (fields.senderFacilityCode !== null && code !== fields.senderFacilityCode)
    return `Hồ sơ của cơ sở KCB ${code}, khác cơ sở ghi ở đầu tệp (THONGTINDONVI/MACSKCB ${fields.senderFacilityCode.slice(0, 20)}).`
  return null
}

/** Whether the file's patient is the card holder: the name folded, and the birth to what both know. */
function holderProblems(fields: ClaimFields, holder: CardHolder): [column: string, reason: string][] {
  const problems: [string, string][] = []
  const cardOrId = fields.cardNumber === null ? 'số CCCD' : 'thẻ BHYT'
  if (!namesMatch(fields.fullName, holder.fullName))
    problems.push(['HO_TEN', `Họ tên "${fields.fullName.slice(0, 60)}" không khớp với chủ ${cardOrId}.`])
  if (!birthsAgree(fields.birth, holder.birth))
    problems.push(['NGAY_SINH', `Ngày sinh không khớp với chủ ${cardOrId}.`])
  return problems
}

/** Equal in every part both dates hold (a record of the year only agrees with any date that year). */
function birthsAgree(file: PartialDate, record: PartialDate): boolean {
  const agree = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || a === b
  return file.year === record.year && agree(file.month, record.month) && agree(file.day, record.day)
}

/** One INSERT for the batch; a visit already there (same facility and MA_LK) is left as it is. */
async function insertVisits(tx: Executor, rows: Row[], personOf: Map<number, number>): Promise<number> {
  const values = rows.flatMap(({ rowNumber, fields }) => {
    const personId = personOf.get(rowNumber)
    if (personId === undefined) return []
    return [
      {
        personId,
        facilityCode: fields.facilityCode,
        claimKey: fields.claimKey,
        visitType: fields.visitType,
        admittedAt: fields.admittedAt,
        dischargedAt: fields.dischargedAt,
        diagnosisCode: fields.diagnosisCode,
        diagnosisName: fields.diagnosisName,
        totalCost: Math.round(fields.totalCost),
        fundPaid: Math.round(fields.fundPaid),
        patientPaid: Math.round(fields.patientPaid),
      },
    ]
  })
  return recordMedicalVisits(tx, values)
}
