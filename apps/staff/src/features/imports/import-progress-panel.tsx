import { formatThousands, type ImportView } from '@ansinh/domain'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { FieldRow } from '../shared/field-row'
import { dateTime } from '../shared/format'
import { ErrorAlert } from '../shared/status'
import { importErrorReportUrl } from './api'
import { hasErrorReport, progressOf, statusLineOf } from './import-progress'
import type { ImportProgress } from './use-import-progress'

/**
 * The import being followed, under "Lần nhập #12": its file, its status, the progress bar and the
 * counts of rows, and the error report once it is done with rows refused. Only the status line is
 * a live region: a screen reader hears "Đang xử lý" then "Hoàn tất", not every count of every poll.
 */
export function ImportProgressPanel({
  id,
  progress,
}: {
  /** The import's number, or what the address holds in its place (then `progress` is missing). */
  id: number | string
  progress: ImportProgress
}) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <section className="staff-card imports__progress" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {progress.status === 'missing' ? t('imports.progress.notFound') : t('imports.progress.title', { id })}
      </h2>
      {progress.status === 'loading' && <p className="staff-loading">{t('common.loading')}</p>}
      {progress.status === 'missing' && <p>{t('imports.progress.notFoundBody', { id })}</p>}
      {progress.status === 'error' && <ErrorAlert>{progress.message}</ErrorAlert>}
      {progress.status === 'ready' && <ImportState view={progress.view} />}
      {progress.status === 'ready' && progress.error && <ErrorAlert>{progress.error}</ErrorAlert>}
    </section>
  )
}

function ImportState({ view }: { view: ImportView }) {
  const { t } = useTranslation()
  const barId = useId()
  const bar = progressOf(view)
  const line = statusLineOf(view)
  const count = (rows: number) => formatThousands(rows)
  return (
    <>
      <dl className="staff-dl imports__file">
        <FieldRow label={t('imports.progress.fileName')}>
          <span translate="no">{view.fileName || '—'}</span>
        </FieldRow>
        <FieldRow label={t('imports.progress.kind')}>{t(`imports.kindNames.${view.kind}`)}</FieldRow>
        <FieldRow label={t('imports.progress.submittedAt')}>{dateTime(view.submittedAt)}</FieldRow>
        <FieldRow label={t('imports.progress.finishedAt')}>
          {view.finishedAt ? dateTime(view.finishedAt) : null}
        </FieldRow>
      </dl>

      <p className="imports__status" role="status">
        {t('imports.progress.status')}:{' '}
        <strong className={`imports__state imports__state--${line.key}`}>
          {t(`imports.status.${line.key}`)}
        </strong>
        {line.reason && <span className="imports__reason"> — {line.reason}</span>}
      </p>

      <div className="imports__bar">
        <label htmlFor={barId}>{t('imports.progress.bar')}</label>
        {bar ? (
          <progress id={barId} value={bar.value} max={bar.max}>
            {bar.percent}%
          </progress>
        ) : (
          <progress id={barId} />
        )}
        {view.rowsTotal !== null && bar ? (
          <span className="imports__bar-text">
            {t('imports.progress.rowsOf', {
              read: count(Math.min(view.rowsRead, view.rowsTotal)),
              total: count(view.rowsTotal),
              percent: bar.percent,
            })}
          </span>
        ) : (
          view.status === 'running' && (
            <span className="imports__bar-text">
              {t('imports.progress.counting', { read: count(view.rowsRead) })}
            </span>
          )
        )}
      </div>

      <dl className="staff-dl imports__counts">
        <FieldRow label={t('imports.progress.rowsRead')}>{count(view.rowsRead)}</FieldRow>
        <FieldRow label={t('imports.progress.rowsApplied')}>{count(view.rowsApplied)}</FieldRow>
        <FieldRow label={t('imports.progress.rowsUnchanged')}>{count(view.rowsUnchanged)}</FieldRow>
        <FieldRow label={t('imports.progress.rowsRefused')}>{count(view.rowsRefused)}</FieldRow>
      </dl>

      {hasErrorReport(view) && (
        <div className="imports__report">
          <p className="staff-field__hint">{t('imports.progress.refusedHint')}</p>
          <a href={importErrorReportUrl(view.id)} download={`loi-nhap-du-lieu-${view.id}.csv`}>
            {t('imports.progress.errorReport')}
          </a>
        </div>
      )}
    </>
  )
}
