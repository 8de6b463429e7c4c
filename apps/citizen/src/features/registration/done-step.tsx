import { dossierConditionLabels, dossierStatusLabels, formatDateTimeVi, formatDateVi } from '@ansinh/domain'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import { DocumentDownloadIcon } from '../../components/icons'
import { declarationUrl } from './api'
import { loadLastConfirmation } from './draft-store'
import { CheckIcon } from './form-controls'
import { OfficeContactList } from './office-card'
import { useRegistration } from './registration-context'
import { StepCard } from './step-card'
import { statusPath } from './steps'
import { useLanguage } from './use-directory'
import type { DoneState } from './use-submission'

/** Step 5: the dossier number, where to bring the papers and by when, the declaration to print. */
export function DoneStep() {
  const { t } = useTranslation()
  const language = useLanguage()
  // Read once: the record stays until the next confirmation, so a reload here shows the same page.
  const [last] = useState(loadLastConfirmation)
  useForgetConfirmedDraft()
  if (!last) return <Navigate to={statusPath} replace />
  const { confirmed, phone, idKind } = last
  const { office } = confirmed

  return (
    <StepCard step="done">
      <div className="reg-done">
        <div className="reg-done__hero">
          <span className="reg-done__badge" aria-hidden="true">
            <CheckIcon className="reg-done__check" />
          </span>
          <p className="reg-done__lead">{t('registration.done.lead')}</p>
          <DossierNumber value={confirmed.dossierNumber} />
          <p className="reg-done__states">
            <span className="reg-chip reg-chip--pending">
              {dossierStatusLabels[language][confirmed.status]}
            </span>
            <span className="reg-chip">{dossierConditionLabels[language][confirmed.condition]}</span>
          </p>
          <p className="reg-done__submitted">
            {t('registration.done.submittedAt', { time: formatDateTimeVi(new Date(confirmed.submittedAt)) })}
          </p>
        </div>
        <section className="reg-done__next" aria-labelledby="reg-done-next">
          <h2 id="reg-done-next" className="reg-done__title">
            {t('registration.done.nextTitle')}
          </h2>
          <p className="reg-done__instruction">
            {t('registration.done.bring', {
              document: t(`registration.done.documents.${idKind}`),
              office: office.name,
              date: formatDateVi(confirmed.paperDeadline),
            })}
          </p>
          <div className="reg-office">
            <p className="reg-office__path">{`[${office.code}] ${office.name}`}</p>
            <OfficeContactList office={office} />
          </div>
          <p className="reg-note">{t('registration.done.expiry')}</p>
        </section>
        <div className="reg-done__actions">
          <a
            className="as-button as-button--primary"
            href={declarationUrl(confirmed.dossierNumber, phone)}
            download={`to-khai-${confirmed.dossierNumber}.pdf`}
          >
            <DocumentDownloadIcon />
            {t('registration.done.declaration')}
          </a>
          <Link
            className="as-button as-button--secondary"
            to={statusPath}
            state={{ dossierNumber: confirmed.dossierNumber, phone }}
          >
            {t('registration.done.checkStatus')}
          </Link>
          <Link className="as-button as-button--ghost" to="/">
            {t('page.home')}
          </Link>
        </div>
      </div>
    </StepCard>
  )
}

/** Drops the submitted draft from memory once this screen shows, and only on the arrival itself. */
function useForgetConfirmedDraft() {
  const { reset } = useRegistration()
  const location = useLocation()
  const navigate = useNavigate()
  const arrived = (location.state as Partial<DoneState> | null)?.justConfirmed === true
  useEffect(() => {
    if (!arrived) return
    // This screen stays mounted: it shows the confirmation, not the draft.
    void reset({ restartScreens: false })
    // The browser keeps history state across reloads and "back": the draft typed later must survive them.
    void navigate(location.pathname, { replace: true, state: null })
  }, [arrived, reset, navigate, location.pathname])
}

/** "Số hồ sơ" in large type with "Sao chép" (also on the public services' confirmations). */
/** The number to keep, large, with a copy button; `label` for another kind of number (a tracking code). */
export function DossierNumber({ value, label }: { value: string; label?: string }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
    } catch {
      // Clipboard refused (permissions, old browser): select the number so a long press copies it.
      const range = document.createRange()
      const target = document.getElementById('reg-dossier-number')
      if (!target) return
      range.selectNodeContents(target)
      window.getSelection()?.removeAllRanges()
      window.getSelection()?.addRange(range)
    }
  }
  return (
    <div className="reg-dossier">
      <p className="reg-dossier__label">{label ?? t('registration.done.dossierNumber')}</p>
      <p className="reg-dossier__value" id="reg-dossier-number">
        {value}
      </p>
      <button
        type="button"
        className="as-button as-button--secondary reg-dossier__copy"
        onClick={() => void copy()}
      >
        {copied ? t('registration.done.copied') : t('registration.done.copy')}
      </button>
      <span className="as-visually-hidden" aria-live="polite">
        {copied ? t('registration.done.copied') : ''}
      </span>
    </div>
  )
}
