import { PassThrough } from 'node:stream'
import {
  type DossierSearchQuery,
  dossierConditionLabels,
  dossierStatusLabels,
  formatDateTimeVi,
  formatDateVi,
} from '@ansinh/domain'
import ExcelJS from 'exceljs'
import type { Deps } from '../../app'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import { type Keyset, searchDossiers } from './repo'
import { resolveSearch } from './view-dossiers'

/** More than this is not a list to read but a data extract, which goes through another channel. */
export const MAX_EXPORT_ROWS = 50_000
const PAGE = 1000

const kindLabels = {
  new: 'Đăng ký mới',
  child: 'Đăng ký cho con',
  change: 'Thay đổi thông tin',
  stop: 'Ngừng sử dụng',
}

/**
 * The result of a search as an XLSX workbook, streamed: the answer starts at once and each page of
 * rows is written as it is read, so the whole result never sits in memory. Audited with its row count.
 */
export function exportDossiers(deps: Deps, staff: StaffActor, query: DossierSearchQuery): PassThrough {
  const output = new PassThrough()
  writeWorkbook(deps, staff, query, output).catch((error: unknown) => output.destroy(error as Error))
  return output
}

async function writeWorkbook(deps: Deps, staff: StaffActor, query: DossierSearchQuery, output: PassThrough) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true })
  const sheet = workbook.addWorksheet('Hồ sơ ĐK GDĐT')
  sheet.columns = [
    { header: 'Số hồ sơ', key: 'number', width: 22 },
    { header: 'Mã số BHXH', key: 'bhxhCode', width: 14 },
    { header: 'Họ và tên', key: 'name', width: 28 },
    { header: 'Loại hồ sơ', key: 'kind', width: 18 },
    { header: 'Tình trạng', key: 'condition', width: 20 },
    { header: 'Trạng thái', key: 'status', width: 18 },
    { header: 'Cơ quan tiếp nhận', key: 'office', width: 12 },
    { header: 'Ngày nộp', key: 'submitted', width: 18 },
    { header: 'Hạn nộp hồ sơ giấy', key: 'deadline', width: 16 },
  ]
  sheet.getRow(1).font = { bold: true }
  let keyset: Keyset | null = null
  let rows = 0
  const filters = await resolveSearch(deps.database.db, { ...query, limit: PAGE })
  while (rows < MAX_EXPORT_ROWS) {
    const page = await searchDossiers(deps.database.db, filters, staff.reach, keyset)
    for (const { dossier } of page.slice(0, PAGE)) {
      sheet
        .addRow({
          number: dossier.dossierNumber,
          bhxhCode: dossier.bhxhCode,
          name: dossier.fullName,
          kind: kindLabels[dossier.kind],
          condition: dossierConditionLabels.vi[dossier.condition],
          status: dossierStatusLabels.vi[dossier.status],
          office: dossier.officeCode,
          submitted: formatDateTimeVi(dossier.submittedAt),
          deadline: dossier.paperDeadline ? formatDateVi(dossier.paperDeadline) : '',
        })
        .commit()
      rows += 1
    }
    const last = page[Math.min(page.length, PAGE) - 1]?.dossier
    if (page.length <= PAGE || !last) break
    keyset = { submittedAt: last.submittedAt.toISOString(), id: last.id }
  }
  await recordAudit(deps.database.db, { actor: staff, action: 'dossier.export', detail: { rows } })
  sheet.commit()
  await workbook.commit()
}
