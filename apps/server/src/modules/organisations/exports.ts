import type { AdoptionReport } from '@ansinh/domain'
import type { Deps } from '../../app'
import { recordAudit } from '../audit/service'
import type { StaffActor } from '../identity/staff-actor'
import { readAdoptionReport } from './adoption-report'
import { adoptionReportPdf } from './exports-pdf'
import { adoptionWorkbook } from './exports-xlsx'

/**
 * The adoption report to take away: a workbook of the table, or the printable letter. Both draw the
 * report the screen shows (the same reach check, the same figures) and are audited with their format.
 */

export type ExportFormat = 'xlsx' | 'pdf'

const renderers: Record<ExportFormat, (report: AdoptionReport) => Promise<Buffer>> = {
  xlsx: adoptionWorkbook,
  pdf: adoptionReportPdf,
}

export async function exportAdoption(
  deps: Deps,
  staff: StaffActor,
  id: number,
  format: ExportFormat,
): Promise<{ bytes: Buffer; fileName: string }> {
  // The history is the chart's; the exports print today's figures.
  const report = await readAdoptionReport(deps, staff, id, { days: 1 })
  const bytes = await renderers[format](report)
  await recordAudit(deps.database.db, {
    actor: staff,
    action: 'organisation.adoption_exported',
    recordType: 'organisation',
    recordId: report.organisation.id,
    detail: { format, units: report.units.length },
  })
  return { bytes, fileName: `bao-cao-vssid-${report.organisation.code}-${report.asOf}.${format}` }
}
