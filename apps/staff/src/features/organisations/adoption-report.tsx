import {
  type AdoptionByRole,
  type AdoptionFigures,
  type AdoptionProgress,
  type AdoptionReport,
  formatDateVi,
  formatPercentValue,
  formatThousands,
  memberRoleLabels,
  type OrganisationView,
} from '@ansinh/domain'
import { type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useLanguage } from '../session/session'
import { DataTable } from '../shared/data-table'
import { NoticeBox } from '../shared/notice'
import { ErrorAlert, Loading } from '../shared/status'
import { AdoptionChart } from './adoption-chart'
import { adoptionPdfUrl, adoptionXlsxUrl, getAdoptionReport } from './api'
import { ReminderCounts, type ReminderOutcome, RemindersButton } from './reminders'
import { WideTable } from './scroll-frame'
import { useLoad } from './use-load'

/**
 * "Báo cáo tiến độ": the organisation's figures rolled up over its subtree, by member role and in
 * total, its progress toward the target, the chart over time, the units furthest behind; the report
 * as a workbook or a letter to print, and the reminder to those not registered yet.
 */
export function AdoptionReportPanel({ organisation }: { organisation: OrganisationView }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { loaded } = useLoad(String(organisation.id), () => getAdoptionReport(organisation.id, language))
  const [outcome, setOutcome] = useState<ReminderOutcome | null>(null)

  if (loaded.status === 'loading') return <Loading />
  if (loaded.status === 'missing') return <ErrorAlert>{t('organisations.notFound.body')}</ErrorAlert>
  if (loaded.status === 'error') return <ErrorAlert>{loaded.message}</ErrorAlert>
  const report = loaded.value
  const notRegistered = report.figures.total.members - report.figures.total.registered

  return (
    <div className="organisations__report">
      <NoticeBox notice={outcome?.notice ?? null}>
        {outcome?.result && <ReminderCounts result={outcome.result} />}
      </NoticeBox>
      <div className="staff-toolbar">
        <a className="as-button as-button--secondary" href={adoptionXlsxUrl(organisation.id)} download>
          {t('organisations.report.xlsx')}
        </a>
        <a
          className="as-button as-button--secondary"
          href={adoptionPdfUrl(organisation.id)}
          target="_blank"
          rel="noopener"
        >
          {t('organisations.report.pdf')}
        </a>
        <RemindersButton organisation={organisation} notRegistered={notRegistered} onOutcome={setOutcome} />
      </div>
      <FiguresSection report={report} />
      <ProgressSection progress={report.progress} />
      <Section title={t('organisations.chart.title')}>
        <AdoptionChart history={report.history} target={report.progress?.target.percent ?? null} />
      </Section>
      <UnitsSection report={report} />
    </div>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  return (
    <section className="staff-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

const roleRows = ['staff', 'pupil', 'total'] as const

/** "Kết quả đăng ký": one row per member role and the total, each count with its share. */
function FiguresSection({ report }: { report: AdoptionReport }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const rowLabel = (row: (typeof roleRows)[number]) =>
    row === 'total' ? t('organisations.report.total') : memberRoleLabels[language][row]
  return (
    <Section title={t('organisations.report.figures')}>
      <WideTable
        caption={t('organisations.report.figuresCaption', { date: formatDateVi(report.asOf) })}
        columns={[
          t('organisations.report.role'),
          t('organisations.report.members'),
          t('organisations.report.registered'),
          t('organisations.report.registeredPercent'),
          t('organisations.report.accountActive'),
          t('organisations.report.accountActivePercent'),
          t('organisations.report.signedIn'),
          t('organisations.report.signedInPercent'),
        ]}
      >
        {roleRows.map((row) => (
          <FiguresRow
            key={row}
            label={rowLabel(row)}
            figures={report.figures[row]}
            strong={row === 'total'}
          />
        ))}
      </WideTable>
    </Section>
  )
}

function FiguresRow({
  label,
  figures,
  strong,
}: {
  label: string
  figures: AdoptionFigures
  strong: boolean
}) {
  const count = (value: number) => formatThousands(value)
  return (
    <tr className={strong ? 'organisations__total-row' : undefined}>
      <th scope="row">{label}</th>
      <td className="organisations__number">{count(figures.members)}</td>
      <td className="organisations__number">{count(figures.registered)}</td>
      <td className="organisations__number">{figures.registeredPercent}</td>
      <td className="organisations__number">{count(figures.accountActive)}</td>
      <td className="organisations__number">{figures.accountActivePercent}</td>
      <td className="organisations__number">{count(figures.signedIn)}</td>
      <td className="organisations__number">{figures.signedInPercent}</td>
    </tr>
  )
}

/** "Mục tiêu": the target and its deadline, how far along, who is still missing, the days left. */
function ProgressSection({ progress }: { progress: AdoptionProgress | null }) {
  const { t } = useTranslation()
  const barId = useId()
  return (
    <Section title={t('organisations.progress.title')}>
      {progress === null ? (
        <p>{t('organisations.progress.none')}</p>
      ) : (
        <>
          <p>
            {t('organisations.progress.target', {
              percent: formatPercentValue(progress.target.percent),
              deadline: formatDateVi(progress.target.deadline),
            })}
          </p>
          <div className="organisations__progress">
            <label htmlFor={barId}>{t('organisations.progress.bar')}</label>
            <progress id={barId} value={Math.round(progress.progress * 100) / 100} max={100}>
              {formatPercentValue(progress.progress)}
            </progress>
            <span>{formatPercentValue(progress.progress)}</span>
          </div>
          <p>
            {t('organisations.progress.share', { percent: formatPercentValue(progress.registeredShare) })}{' '}
            {progress.reached
              ? t('organisations.progress.reached')
              : t('organisations.progress.remaining', {
                  count: progress.remaining,
                  people: formatThousands(progress.remaining),
                })}{' '}
            {progress.daysLeft >= 0
              ? t('organisations.progress.daysLeft', { count: progress.daysLeft })
              : t('organisations.progress.overdue', { count: -progress.daysLeft })}
          </p>
        </>
      )}
    </Section>
  )
}

/** "Đơn vị chậm nhất": the direct units, lowest registered share first, each a link to its own report. */
function UnitsSection({ report }: { report: AdoptionReport }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const roleShare = (figures: AdoptionByRole, role: 'staff' | 'pupil') =>
    `${formatThousands(figures[role].registered)} / ${formatThousands(figures[role].members)} (${figures[role].registeredPercent})`
  return (
    <Section title={t('organisations.units.title')}>
      {report.units.length === 0 ? (
        <p>{t('organisations.units.none')}</p>
      ) : (
        <DataTable
          caption={t('organisations.units.caption')}
          captionHidden
          columns={[
            t('organisations.units.rank'),
            t('organisations.units.unit'),
            memberRoleLabels[language].staff,
            memberRoleLabels[language].pupil,
            t('organisations.units.share'),
          ]}
        >
          {report.units.map((unit, index) => (
            <tr key={unit.organisation.id}>
              <td className="organisations__number">{index + 1}</td>
              <td>
                <Link to={`/organisations/${unit.organisation.id}`}>{unit.organisation.name}</Link>
              </td>
              <td className="organisations__number">{roleShare(unit.figures, 'staff')}</td>
              <td className="organisations__number">{roleShare(unit.figures, 'pupil')}</td>
              <td className="organisations__number">{unit.figures.total.registeredPercent}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Section>
  )
}
