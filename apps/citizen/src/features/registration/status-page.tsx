import { ErrorCode, RegistrationStatusQuery, type RegistrationStatusView } from '@ansinh/domain'
import { useDocumentTitle } from '@ansinh/ui'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BackButton } from '../coming-soon/back-button'
import { type ApiFailure, getRegistrationStatus } from './api'
import { type DeviceDossier, listDeviceDossiers } from './draft-store'
import { StatusCard } from './status-card'
import { StatusLookupForm } from './status-lookup-form'
import { registerPath } from './steps'
import { useLanguage } from './use-directory'
import { useFocusHeadingOnArrival } from './use-focus-on-arrival'
import { type Lookup, lookupOf, useStatusLookup } from './use-status-lookup'
import { useFailureText } from './use-submission'
import './registration.css'

// On this page NOT_FOUND only means that no dossier has this number and phone: our own sentence says so.
function useLookupFailureText(): (failure: ApiFailure) => string {
  const { t } = useTranslation()
  const failureText = useFailureText()
  return (failure) =>
    failure.code === ErrorCode.NotFound ? t('registration.status.notFound') : failureText(failure)
}

/** Public status check: dossier number and phone; below it, the dossiers sent from this device. */
export function StatusPage() {
  const { t } = useTranslation()
  useFocusHeadingOnArrival()
  const failureText = useLookupFailureText()
  useDocumentTitle(t('app.name'), t('registration.status.title'))
  const status = useStatusLookup(['dossierNumber', 'phone'], RegistrationStatusQuery, getRegistrationStatus)
  const [devices] = useState(listDeviceDossiers)

  return (
    <div className="page reg-status">
      <div className="page-bar">
        <BackButton />
        <h1 className="page-bar__title">{t('registration.status.title')}</h1>
      </div>
      <section className="reg-card" aria-labelledby="reg-status-form-title">
        <h2 id="reg-status-form-title" className="reg-section-title">
          {t('registration.status.formTitle')}
        </h2>
        <p className="reg-card__intro">{t('registration.status.intro')}</p>
        <StatusLookupForm
          status={status}
          code="dossierNumber"
          codeLabel={t('registration.status.dossierNumber')}
          codeHint={t('registration.status.dossierNumberHint')}
          codeInput={{ autoComplete: 'off', inputMode: 'numeric', maxLength: 24 }}
          phoneHint={t('registration.status.phoneHint')}
          searchLabel={t('registration.status.search')}
          searchingLabel={t('registration.status.searching')}
          failureText={failureText}
        >
          {(view) => <StatusCard view={view} />}
        </StatusLookupForm>
      </section>
      <DeviceDossiers dossiers={devices} />
      <p className="reg-status__register">
        {t('registration.status.noDossier')}{' '}
        <Link to={registerPath}>{t('registration.status.register')}</Link>
      </p>
    </div>
  )
}

function DeviceDossiers({ dossiers }: { dossiers: DeviceDossier[] }) {
  const { t } = useTranslation()
  return (
    <section className="reg-card" aria-labelledby="reg-device-title">
      <h2 id="reg-device-title" className="reg-section-title">
        {t('registration.status.deviceTitle')}
      </h2>
      {dossiers.length === 0 ? (
        <p className="reg-card__intro">{t('registration.status.deviceEmpty')}</p>
      ) : (
        <ul className="reg-device-list">
          {dossiers.map((dossier) => (
            <li key={dossier.dossierNumber}>
              <DeviceDossierStatus dossier={dossier} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** A dossier sent from this device, with its status as the server has it now. */
function DeviceDossierStatus({ dossier }: { dossier: DeviceDossier }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const failureText = useLookupFailureText()
  const [lookup, setLookup] = useState<Lookup<RegistrationStatusView>>({ state: 'loading' })
  useEffect(() => {
    const controller = new AbortController()
    void getRegistrationStatus(dossier, language, controller.signal)
      .then((result) => setLookup(lookupOf(result)))
      .catch(() => undefined)
    return () => controller.abort()
  }, [dossier, language])
  if (lookup.state === 'found') return <StatusCard view={lookup.view} headingLevel={3} />
  return (
    <div className="reg-status-card">
      <h3 className="reg-status-card__number">{dossier.dossierNumber}</h3>
      <p className="reg-card__intro">
        {lookup.state === 'failed' ? failureText(lookup.failure) : t('registration.loading')}
      </p>
    </div>
  )
}
