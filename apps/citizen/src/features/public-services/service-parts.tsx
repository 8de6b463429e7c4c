import { dossierStatusLabels, type FiledDossier, formatDateTimeVi } from '@ansinh/domain'
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RecordsPage } from '../my-records/record-parts'
import { DossierNumber } from '../registration/done-step'
import { CheckedForm, CheckIcon, ErrorSummary, useFocusOnSignal } from '../registration/form-controls'
import { OfficeFieldset, type OfficePick } from '../registration/office-picker'
import { statusTone } from '../registration/status-card'
import { useFailureText } from '../registration/use-submission'
import type { FieldErrors } from '../registration/validation'
import { useSignedIn } from '../session/session'
import { useLanguage } from '../session/use-language'
import type { ApiFailure } from './api'
import '../registration/registration.css'
import './public-services.css'

export const publicServicesPath = '/public-services'

/** The three requests of "Dịch vụ công", each a page under `/public-services/`. */
export const publicServiceIds = ['child', 'change', 'stop'] as const
export type PublicServiceId = (typeof publicServiceIds)[number]

export function publicServicePath(id: PublicServiceId): string {
  return `${publicServicesPath}/${id}`
}

/** A page of the feature in the records' frame ("Quay lại", the title as `<h1>`), with the form styles. */
export function ServicePage({
  title,
  intro,
  children,
}: {
  title: string
  intro?: string
  children: ReactNode
}) {
  return (
    <RecordsPage title={title}>
      <div className="reg pubsvc">
        {intro ? <p className="reg-card__intro">{intro}</p> : null}
        {children}
      </div>
    </RecordsPage>
  )
}

export const noOffice: OfficePick = { officeProvinceCode: '', officeCode: '' }

/** "Cơ quan BHXH tiếp nhận hồ sơ" of a request; its error comes from the form's. */
export function ReceivingOffice({
  value,
  onChange,
  form,
}: {
  value: OfficePick
  onChange: (pick: OfficePick) => void
  form: FormErrors
}) {
  const { t } = useTranslation()
  return (
    <OfficeFieldset
      legend={t('publicServices.officeLegend')}
      value={value}
      error={form.first('officeCode')}
      onChange={(pick) => {
        onChange(pick)
        form.clear('officeCode')
      }}
    />
  )
}

/** What each request starts with: the language, the session's CSRF token, the receiving office, the form's errors. */
export function useServiceRequest() {
  const language = useLanguage()
  const { csrfToken } = useSignedIn()
  const [office, setOffice] = useState<OfficePick>(noOffice)
  const form = useFormErrors()
  return { language, csrfToken, office, setOffice, form }
}

/**
 * A request's form: its errors and the failed call above it; the fields, the receiving office,
 * `beforeSubmit` (e.g. the commitment) and the one button.
 */
export function ServiceForm({
  service: { form, office, setOffice },
  labels,
  failure,
  onSubmit,
  busy,
  label,
  busyLabel,
  beforeSubmit,
  children,
}: {
  service: Pick<ReturnType<typeof useServiceRequest>, 'form' | 'office' | 'setOffice'>
  labels: Record<string, string>
  failure: ApiFailure | null
  onSubmit: () => void
  busy: boolean
  label: string
  busyLabel: string
  beforeSubmit?: ReactNode
  children: ReactNode
}) {
  return (
    <>
      <FormErrorSummary form={form} labels={labels} />
      <FailureAlert failure={failure} />
      <CheckedForm onSubmit={onSubmit}>
        {children}
        <ReceivingOffice value={office} onChange={setOffice} form={form} />
        {beforeSubmit}
        <SubmitRow busy={busy} label={label} busyLabel={busyLabel} />
      </CheckedForm>
    </>
  )
}

/** The form's one button, which says so while the request is on its way. */
export function SubmitRow({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel: string }) {
  return (
    <div className="reg-nav">
      <button type="submit" className="as-button as-button--primary reg-nav__next" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </div>
  )
}

/**
 * A form's errors: the browser's check or the server's `fields`, shown beside the fields and listed
 * in a summary that takes the focus each time they are shown; a field's own go when it is edited.
 */
export function useFormErrors() {
  const [state, setState] = useState<{ errors: FieldErrors; notice: string | null; signal: number }>({
    errors: {},
    notice: null,
    signal: 0,
  })
  const show = useCallback((errors: FieldErrors, notice: string | null = null) => {
    setState((current) => ({ errors, notice, signal: current.signal + 1 }))
  }, [])
  const clear = useCallback((...keys: string[]) => {
    setState((current) => {
      const kept = Object.entries(current.errors).filter(
        ([key]) => !keys.some((cleared) => key === cleared || key.startsWith(`${cleared}.`)),
      )
      return kept.length === Object.keys(current.errors).length
        ? current
        : { ...current, errors: Object.fromEntries(kept) }
    })
  }, [])
  const first = (key: string) => state.errors[key]?.[0]
  return { errors: state.errors, notice: state.notice, focusSignal: state.signal, show, clear, first }
}

export type FormErrors = ReturnType<typeof useFormErrors>

/** The summary of a form's errors, each entry jumping to its field. */
export function FormErrorSummary({ form, labels }: { form: FormErrors; labels: Record<string, string> }) {
  return (
    <ErrorSummary errors={form.errors} labels={labels} focusSignal={form.focusSignal} notice={form.notice} />
  )
}

/** A failed call that is about no field: the server's sentence, focused so that it is read at once. */
export function FailureAlert({ failure }: { failure: ApiFailure | null }) {
  const failureText = useFailureText()
  const box = useRef<HTMLDivElement>(null)
  const [signal, setSignal] = useState(0)
  useEffect(() => {
    if (failure) setSignal((value) => value + 1)
  }, [failure])
  useFocusOnSignal(box, signal, failure !== null)
  if (!failure) return null
  return (
    <div ref={box} className="reg-alert reg-alert--error" role="alert" tabIndex={-1}>
      <p>{failureText(failure)}</p>
    </div>
  )
}

/** What is being filed, above the OTP box: each changed item and its new value. */
export function FilingSummary({ items }: { items: [term: string, value: string][] }) {
  const { t } = useTranslation()
  return (
    <dl className="pubsvc-summary" aria-label={t('publicServices.otp.summary')}>
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * The end of a filing: a hero with the title, which takes the focus on arrival (after the check badge
 * where `badge`), and `hero` below it; then `children` and the links on (`next`, home).
 */
export function DoneSection({
  titleId,
  title,
  badge = false,
  hero,
  next,
  children,
}: {
  titleId: string
  title: string
  badge?: boolean
  hero: ReactNode
  /** The way on, beside the one home. */
  next: { to: string; state?: unknown; label: string }
  children: ReactNode
}) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <section className="reg-done" aria-labelledby={titleId}>
      <div className="reg-done__hero">
        {badge ? (
          <span className="reg-done__badge" aria-hidden="true">
            <CheckIcon className="reg-done__check" />
          </span>
        ) : null}
        <h2 id={titleId} ref={heading} tabIndex={-1} className="reg-done__lead">
          {title}
        </h2>
        {hero}
      </div>
      {children}
      <div className="reg-done__actions">
        <Link className="as-button as-button--primary" to={next.to} state={next.state}>
          {next.label}
        </Link>
        <Link className="as-button as-button--ghost" to="/">
          {t('page.home')}
        </Link>
      </div>
    </section>
  )
}

/** After the filing: the dossier number, its status, the office, and what happens next. */
export function FiledConfirmation({ filed, next }: { filed: FiledDossier; next: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <DoneSection
      titleId="pubsvc-done-title"
      title={t('publicServices.done.title')}
      badge
      next={{ to: publicServicesPath, label: t('publicServices.done.dossiers') }}
      hero={
        <>
          <DossierNumber value={filed.dossierNumber} />
          <p className="reg-done__states">
            <span className={`reg-chip reg-chip--${statusTone[filed.status]}`}>
              {dossierStatusLabels[language][filed.status]}
            </span>
          </p>
          <p className="reg-done__submitted">
            {t('registration.done.submittedAt', { time: formatDateTimeVi(new Date(filed.submittedAt)) })}
          </p>
        </>
      }
    >
      <div className="reg-office">
        <p className="reg-office__path">
          {t('publicServices.done.office', { office: `[${filed.office.code}] ${filed.office.name}` })}
        </p>
      </div>
      <p className="reg-note">{next}</p>
    </DoneSection>
  )
}
