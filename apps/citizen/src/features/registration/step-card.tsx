import { useDocumentTitle } from '@ansinh/ui'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ChevronLeftIcon, ChevronRightIcon } from '../../components/icons'
import { ErrorSummary } from './form-controls'
import { type StepId, stepPath } from './steps'
import type { FieldErrors } from './validation'

type StepCardProps = {
  step: StepId
  /** Under the heading: what this step asks for. */
  intro?: ReactNode
  errors?: FieldErrors
  labels?: Record<string, string>
  focusSignal?: number
  notice?: string | null
  children: ReactNode
}

/**
 * One step's card: its heading is the page's `<h1>` (the layout focuses it after each step change),
 * then the error summary, then the step's content.
 */
export function StepCard({
  step,
  intro,
  errors = {},
  labels = {},
  focusSignal = 0,
  notice = null,
  children,
}: StepCardProps) {
  const { t } = useTranslation()
  const heading = t(`registration.headings.${step}`)
  useDocumentTitle(t('app.name'), `${heading} – ${t('registration.title')}`)
  return (
    <div className="reg-card">
      <header className="reg-card__header">
        <h1 id="reg-step-heading" className="reg-card__title">
          {heading}
        </h1>
        {intro ? <p className="reg-card__intro">{intro}</p> : null}
      </header>
      <ErrorSummary errors={errors} labels={labels} focusSignal={focusSignal} notice={notice} />
      {children}
    </div>
  )
}

type StepNavProps = {
  /** The previous step, or nothing on the first one. */
  back?: StepId
  nextLabel?: string
  busy?: boolean
}

/** "Quay lại" and "Tiếp". "Tiếp" submits the step's form, so Enter in a text box goes on as well. */
export function StepNav({ back, nextLabel, busy = false }: StepNavProps) {
  const { t } = useTranslation()
  return (
    <div className="reg-nav">
      {back ? (
        <Link to={stepPath(back)} className="as-button as-button--secondary reg-nav__back">
          <ChevronLeftIcon />
          {t('registration.nav.back')}
        </Link>
      ) : null}
      <button type="submit" className="as-button as-button--primary reg-nav__next" disabled={busy}>
        {nextLabel ?? t('registration.nav.next')}
        <ChevronRightIcon />
      </button>
    </div>
  )
}
