import {
  currentUnitsLine,
  type DecisionOutcome,
  dossierConditionLabels,
  dossierStatusLabels,
  formatDateVi,
} from '@ansinh/domain'
import type { ApiResult } from '@ansinh/ui'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { type DossierStep, decideDossier, getDossier, stepDossier } from '../session/api'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { FieldRow } from '../shared/field-row'
import { dateTime } from '../shared/format'
import { type Notice, NoticeBox } from '../shared/notice'
import { usePageTitle } from '../shared/page-title'
import { ReasonField } from '../shared/reason-field'
import { RecordFrame, RecordPending, RecordSection, useBackPath, useRecord } from '../shared/record'
import { AccountRequestSection } from './account-request-section'
import { DossierFiles } from './dossier-files'

/** One dossier: every field, photos, history, the registry beside it, and the decision. */
export function DossierDetailPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const { record: dossier, setRecord: setDossier, load, reload } = useRecord(getDossier)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [busy, setBusy] = useState(false)
  const [valid, setValid] = useState<'yes' | 'no' | ''>('')
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const decisionId = useId()
  const back = useBackPath('/dossiers')
  usePageTitle(dossier?.dossierNumber ?? t('detail.title'))

  // After a conflict: the dossier as it is now, and the notice about the old one gone.
  function refresh() {
    void reload().then((loaded) => {
      if (loaded) setNotice(null)
    })
  }

  if (!dossier) {
    return (
      <RecordPending
        load={load}
        title={t('detail.title')}
        missing={{ title: t('detail.notFound'), body: t('detail.notFoundBody') }}
        back={{ to: back, label: t('detail.exit') }}
      />
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
        message: failureMessage(result.error),
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
  const fieldLabel = (field: string) =>
    t(`detail.registryFields.${field as 'fullName'}`, { defaultValue: field })

  return (
    <RecordFrame title={t('detail.title')} number={current.dossierNumber}>
      <NoticeBox notice={notice}>
        {notice?.kind === 'conflict' && (
          <button type="button" className="as-button as-button--secondary" onClick={refresh}>
            {t('detail.reload')}
          </button>
        )}
      </NoticeBox>

      <RecordSection id="detail-fields" title={t('detail.fields')}>
        <dl className="staff-dl">
          <FieldRow label={t('list.dossierNumber')}>
            <span translate="no">{current.dossierNumber}</span>
          </FieldRow>
          <FieldRow label={t('list.kind')}>{t(`dossier.kinds.${current.kind}`)}</FieldRow>
          <FieldRow label={t('list.status')}>{dossierStatusLabels[language][current.status]}</FieldRow>
          <FieldRow label={t('list.condition')}>
            {dossierConditionLabels[language][current.condition]}
          </FieldRow>
          <FieldRow label={t('list.bhxhCode')}>
            <span translate="no">{current.bhxhCode}</span>
          </FieldRow>
          <FieldRow label={t('list.fullName')}>{current.fullName}</FieldRow>
          <FieldRow label={t('detail.idKind')}>
            {current.idKind && t(`dossier.idKinds.${current.idKind}`)}
          </FieldRow>
          <FieldRow label={t('detail.idNumber')}>{current.idNumber}</FieldRow>
          <FieldRow label={t('detail.address')}>{current.address}</FieldRow>
          {current.currentUnits ? (
            <FieldRow label={t('common.currentUnits')}>
              {currentUnitsLine(current.currentUnits, t('common.or'))}
            </FieldRow>
          ) : null}
          <FieldRow label={t('detail.phone')}>{current.phone}</FieldRow>
          <FieldRow label={t('detail.email')}>{current.email}</FieldRow>
          <FieldRow label={t('detail.contactChannel')}>
            {t(`dossier.channels.${current.contactChannel}`)}
          </FieldRow>
          <FieldRow label={t('detail.office')}>{`[${current.office.code}] ${current.office.name}`}</FieldRow>
          <FieldRow label={t('list.submittedAt')}>{dateTime(current.submittedAt)}</FieldRow>
          <FieldRow label={t('detail.paperDeadline')}>
            {current.paperDeadline && formatDateVi(current.paperDeadline)}
          </FieldRow>
          <FieldRow label={t('detail.decidedAt')}>
            {current.decidedAt ? dateTime(current.decidedAt) : null}
          </FieldRow>
          <FieldRow label={t('detail.decisionReason')}>{current.decisionReason}</FieldRow>
          <FieldRow label={t('list.assignedTo')}>
            {current.assignedTo?.fullName ?? t('detail.nobody')}
          </FieldRow>
        </dl>
      </RecordSection>

      <AccountRequestSection request={current.request} />

      <DossierFiles
        dossier={current}
        canChange={heldByMe && !decided}
        onChanged={setDossier}
        onReload={refresh}
      />

      <RecordSection id="detail-registry" title={t('detail.compare')}>
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
      </RecordSection>

      <RecordSection id="detail-history" title={t('detail.history')}>
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
      </RecordSection>

      <RecordSection id="detail-handling" title={t('detail.handling')}>
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
      </RecordSection>

      <form className="staff-card" aria-labelledby={decisionId} onSubmit={onDecide} noValidate>
        <h2 id={decisionId}>{t('detail.decision')}</h2>
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
          <ReasonField
            label={t('detail.reason')}
            error={reasonError}
            value={reason}
            onChange={setReason}
            rows={4}
          />
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
    </RecordFrame>
  )
}
