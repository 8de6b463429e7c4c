import {
  type DecisionOutcome,
  type DossierDetail,
  dossierConditionLabels,
  dossierStatusLabels,
  formatDateVi,
} from '@ansinh/domain'
import { useDocumentTitle } from '@ansinh/ui'
import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import {
  type ApiFailure,
  type ApiResult,
  type DossierStep,
  decideDossier,
  getDossier,
  stepDossier,
} from '../session/api'
import { useLanguage, useSession, useStaff } from '../session/session'
import { AccountRequestSection } from './account-request-section'
import { DossierFiles } from './dossier-files'
import { dateTime } from './format'

type Load = { status: 'loading' } | { status: 'missing' } | { status: 'error'; message: string }
type Notice = { kind: 'success' | 'error' | 'conflict'; message: string } | null

/** One dossier: every field, photos, history, the registry beside it, and the decision. */
export function DossierDetailPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const { lost } = useSession()
  const location = useLocation()
  const id = Number(useParams().id)
  const [dossier, setDossier] = useState<DossierDetail | null>(null)
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [notice, setNotice] = useState<Notice>(null)
  const [busy, setBusy] = useState(false)
  const [valid, setValid] = useState<'yes' | 'no' | ''>('')
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const noticeRef = useRef<HTMLDivElement>(null)
  const ids = { valid: useId(), reason: useId(), reasonError: useId(), decision: useId() }
  const back = (location.state as { back?: string } | null)?.back ?? '/dossiers'
  useDocumentTitle(`${t('app.name')} – ${t('app.area')}`, dossier?.dossierNumber ?? t('detail.title'))

  const messageOf = useCallback(
    (error: ApiFailure) => {
      if (error.status === 401) lost()
      return error.status === 0 ? t('errors.network') : error.message || t('errors.unexpected')
    },
    [t, lost],
  )

  const reload = useCallback(async () => {
    if (!Number.isInteger(id) || id <= 0) {
      setLoad({ status: 'missing' })
      return
    }
    const result = await getDossier(id, language)
    if (result.ok) {
      setDossier(result.value)
      setNotice(null)
    } else if (result.error.status === 404) {
      setLoad({ status: 'missing' })
    } else {
      setLoad({ status: 'error', message: messageOf(result.error) })
    }
  }, [id, language, messageOf])

  useEffect(() => {
    void reload()
  }, [reload])

  useEffect(() => {
    if (notice) noticeRef.current?.focus()
  }, [notice])

  if (!dossier) {
    return (
      <div className="staff-page">
        <h1 className="staff-page__title">
          {load.status === 'missing' ? t('detail.notFound') : t('detail.title')}
        </h1>
        {load.status === 'loading' && (
          <p role="status" className="staff-loading">
            {t('common.loading')}
          </p>
        )}
        {load.status === 'missing' && <p>{t('detail.notFoundBody')}</p>}
        {load.status === 'error' && (
          <p role="alert" className="staff-error">
            {load.message}
          </p>
        )}
        <p>
          <Link to={back}>{t('detail.exit')}</Link>
        </p>
      </div>
    )
  }

  async function act<T>(call: () => Promise<ApiResult<T>>, then: (value: T) => void) {
    setBusy(true)
    const result = await call()
    setBusy(false)
    if (result.ok) {
      then(result.value)
    } else {
      setNotice({
        kind: result.error.status === 409 ? 'conflict' : 'error',
        message: messageOf(result.error),
      })
    }
  }

  const current = dossier
  const step = (name: DossierStep) =>
    void act(
      () => stepDossier(current.id, name, current.version, staff.csrfToken, language),
      (next) => {
        setDossier(next)
        setNotice({ kind: 'success', message: t(`detail.stepDone.${name}`) })
      },
    )

  const outcomeText = (outcome: DecisionOutcome) => t(`detail.outcome.${outcome}`)

  function onDecide(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!valid) {
      setNotice({ kind: 'error', message: t('detail.chooseDecision') })
      return
    }
    if (valid === 'no' && reason.trim().length < 5) {
      setReasonError(t('detail.reasonRequired'))
      return
    }
    setReasonError(null)
    const decision =
      valid === 'yes'
        ? { valid: true as const, version: current.version }
        : { valid: false as const, reason: reason.trim(), version: current.version }
    void act(
      () => decideDossier(current.id, decision, staff.csrfToken, language),
      (result) => {
        setDossier(result.dossier)
        setNotice({
          kind: 'success',
          message: `${t('detail.updated')}: ${outcomeText(result.outcome)}`,
        })
      },
    )
  }

  const heldByMe = current.assignedTo?.id === staff.id
  const decided = current.status !== 'pending'
  const row = (label: string, value: ReactNode) => (
    <div className="staff-dl__row" key={label}>
      <dt>{label}</dt>
      <dd>{value ?? '—'}</dd>
    </div>
  )
  const fieldLabel = (field: string) =>
    t(`detail.registryFields.${field as 'fullName'}`, { defaultValue: field })

  return (
    <div className="staff-page staff-detail">
      <h1 className="staff-page__title">
        {t('detail.title')} <span translate="no">{current.dossierNumber}</span>
      </h1>

      <div
        ref={noticeRef}
        tabIndex={-1}
        role={notice?.kind === 'success' ? 'status' : 'alert'}
        className={notice ? `staff-notice staff-notice--${notice.kind}` : 'staff-notice--empty'}
      >
        {notice && (
          <>
            <p>{notice.message}</p>
            {notice.kind === 'conflict' && (
              <button type="button" className="as-button as-button--secondary" onClick={() => void reload()}>
                {t('detail.reload')}
              </button>
            )}
          </>
        )}
      </div>

      <section aria-labelledby="detail-fields" className="staff-card">
        <h2 id="detail-fields">{t('detail.fields')}</h2>
        <dl className="staff-dl">
          {row(t('list.dossierNumber'), <span translate="no">{current.dossierNumber}</span>)}
          {row(t('list.kind'), t(`dossier.kinds.${current.kind}`))}
          {row(t('list.status'), dossierStatusLabels[language][current.status])}
          {row(t('list.condition'), dossierConditionLabels[language][current.condition])}
          {row(t('list.bhxhCode'), <span translate="no">{current.bhxhCode}</span>)}
          {row(t('list.fullName'), current.fullName)}
          {row(t('detail.idKind'), current.idKind && t(`dossier.idKinds.${current.idKind}`))}
          {row(t('detail.idNumber'), current.idNumber)}
          {row(t('detail.address'), current.address)}
          {row(t('detail.phone'), current.phone)}
          {row(t('detail.email'), current.email)}
          {row(t('detail.contactChannel'), t(`dossier.channels.${current.contactChannel}`))}
          {row(t('detail.office'), `[${current.office.code}] ${current.office.name}`)}
          {row(t('list.submittedAt'), dateTime(current.submittedAt))}
          {row(t('detail.paperDeadline'), current.paperDeadline && formatDateVi(current.paperDeadline))}
          {row(t('detail.decidedAt'), current.decidedAt ? dateTime(current.decidedAt) : null)}
          {row(t('detail.decisionReason'), current.decisionReason)}
          {row(t('list.assignedTo'), current.assignedTo?.fullName ?? t('detail.nobody'))}
        </dl>
      </section>

      <AccountRequestSection request={current.request} />

      <DossierFiles
        dossier={current}
        canChange={heldByMe && !decided}
        messageOf={messageOf}
        onChanged={setDossier}
        onReload={() => void reload()}
      />

      <section aria-labelledby="detail-registry" className="staff-card">
        <h2 id="detail-registry">{t('detail.compare')}</h2>
        {current.registry.found ? (
          <table className="staff-table staff-compare">
            <caption className="as-visually-hidden">{t('detail.compare')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.field')}</th>
                <th scope="col">{t('detail.onDossier')}</th>
                <th scope="col">{t('detail.inRegistry')}</th>
              </tr>
            </thead>
            <tbody>
              {current.registry.fields.map((item) => (
                <tr key={item.field} className={item.differs ? 'staff-compare__differs' : undefined}>
                  <th scope="row">
                    {fieldLabel(item.field)}
                    {item.differs && <span className="staff-compare__flag"> ({t('detail.differs')})</span>}
                  </th>
                  <td>{item.dossier ?? '—'}</td>
                  <td>{item.registry ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('detail.registryMissing')}</p>
        )}
      </section>

      <section aria-labelledby="detail-history" className="staff-card">
        <h2 id="detail-history">{t('detail.history')}</h2>
        <ol className="staff-history">
          {current.history.map((event) => (
            <li key={`${event.at}-${event.kind}-${event.actor ?? ''}`}>
              <time dateTime={event.at}>{dateTime(event.at)}</time>{' '}
              <strong>
                {t(`dossier.events.${event.kind as 'submitted'}`, { defaultValue: event.kind })}
              </strong>
              {event.actor && <> – {event.actor}</>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="detail-handling" className="staff-card">
        <h2 id="detail-handling">{t('detail.handling')}</h2>
        <p>
          {t('list.assignedTo')}: {current.assignedTo?.fullName ?? t('detail.nobody')}
        </p>
        <div className="staff-actions">
          <button
            type="button"
            className="as-button as-button--secondary"
            disabled={busy || decided || heldByMe}
            onClick={() => step('assign')}
          >
            {t('detail.assign')}
          </button>
          <button
            type="button"
            className="as-button as-button--secondary"
            disabled={busy || decided || !current.assignedTo}
            onClick={() => step('release')}
          >
            {t('detail.release')}
          </button>
          {current.condition !== 'online' && (
            <button
              type="button"
              className="as-button as-button--secondary"
              disabled={busy || decided || current.condition === 'received'}
              onClick={() => step('receive')}
            >
              {t('detail.receive')}
            </button>
          )}
        </div>
      </section>

      <form className="staff-card" aria-labelledby={ids.decision} onSubmit={onDecide} noValidate>
        <h2 id={ids.decision}>{t('detail.decision')}</h2>
        <fieldset className="staff-radios" disabled={decided}>
          <legend>{t('detail.decisionLegend')}</legend>
          <p className="staff-field__hint">{t(`detail.approveMeans.${current.kind}`)}</p>
          <label>
            <input
              type="radio"
              name="valid"
              value="yes"
              checked={valid === 'yes'}
              onChange={() => setValid('yes')}
            />{' '}
            {t('detail.valid')}
          </label>
          <label>
            <input
              type="radio"
              name="valid"
              value="no"
              checked={valid === 'no'}
              onChange={() => setValid('no')}
            />{' '}
            {t('detail.invalid')}
          </label>
        </fieldset>
        {valid === 'no' && !decided && (
          <div className="staff-field">
            <label htmlFor={ids.reason}>{t('detail.reason')}</label>
            <textarea
              id={ids.reason}
              value={reason}
              rows={4}
              maxLength={500}
              required
              aria-required="true"
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? ids.reasonError : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
            {reasonError && (
              <p id={ids.reasonError} role="alert" className="staff-error">
                {reasonError}
              </p>
            )}
          </div>
        )}
        <div className="staff-actions">
          <button type="submit" className="as-button as-button--primary" disabled={busy || decided}>
            {t('detail.record')}
          </button>
          <Link to={back} className="as-button as-button--secondary">
            {t('detail.exit')}
          </Link>
        </div>
      </form>
    </div>
  )
}
