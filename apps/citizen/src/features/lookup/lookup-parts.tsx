import { ErrorCode } from '@ansinh/domain'
import { type ReactNode, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ServicePage, SubmitRow } from '../public-services/service-parts'
import { ErrorSummary, useFocusOnSignal } from '../registration/form-controls'
import { useFailureText } from '../registration/use-submission'
import type { FieldErrors } from '../registration/validation'
import type { LookupState } from './use-lookup'
import './lookup.css'

export const lookupPath = '/lookup'

/** The look-ups that work today, each a page under `/lookup/` (others join the list when they do). */
export const lookupIds = ['bhxhCode', 'healthCard'] as const
export type LookupId = (typeof lookupIds)[number]

export const lookupPaths: Record<LookupId, string> = {
  bhxhCode: `${lookupPath}/bhxh-code`,
  healthCard: `${lookupPath}/health-card`,
}

/**
 * A look-up page: the form, its button (which says "checking security" while the proof of work is
 * still running at submit), then the answer, or the failure with what to do next.
 */
export function LookupForm<Answer>({
  id,
  labels,
  form,
  onSubmit,
  children,
  answer,
}: {
  id: LookupId
  labels: Record<string, string>
  form: {
    errors: FieldErrors
    focusSignal: number
    result: LookupState<Answer>
    resultSignal: number
    checking: boolean
  }
  onSubmit: () => void
  children: ReactNode
  answer: (answer: Answer) => ReactNode
}) {
  const { t } = useTranslation()
  const failureText = useFailureText()
  const resultBox = useRef<HTMLDivElement>(null)
  const { result } = form
  useFocusOnSignal(resultBox, form.resultSignal, result.state === 'found' || result.state === 'failed')
  return (
    <ServicePage title={t(`lookup.${id}.title`)} intro={t(`lookup.${id}.intro`)}>
      <section className="reg-card">
        <ErrorSummary errors={form.errors} labels={labels} focusSignal={form.focusSignal} />
        <form
          className="reg-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            onSubmit()
          }}
        >
          {children}
          <SubmitRow
            busy={result.state === 'busy'}
            label={t('lookup.search')}
            busyLabel={form.checking ? t('lookup.checking') : t('lookup.searching')}
          />
        </form>
        <div ref={resultBox} tabIndex={-1} className="lookup-result" aria-live="polite">
          {result.state === 'found' ? answer(result.answer) : null}
          {result.state === 'failed' ? (
            <div className="reg-alert reg-alert--error">
              <p>{failureText(result.failure)}</p>
              {result.failure.code === ErrorCode.NotFound ? <NoMatchHelp /> : null}
            </div>
          ) : null}
        </div>
      </section>
    </ServicePage>
  )
}

/** What to do when nothing fits: the hotline, and the office. */
export function NoMatchHelp() {
  const { t } = useTranslation()
  return (
    <p className="lookup-help">
      {t('lookup.help')} <a href="tel:19009068">{t('lookup.hotline')}</a>
    </p>
  )
}

/** The answer's facts, as a definition list. */
export function AnswerCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="lookup-answer" role="status">
      <h2 className="lookup-answer__title">{title}</h2>
      <dl className="lookup-answer__facts">{children}</dl>
    </div>
  )
}

export function AnswerFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="lookup-answer__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** The fields both forms ask: name and date of birth. */
export function usePersonLabels() {
  const { t } = useTranslation()
  return { fullName: t('lookup.fullName'), dateOfBirth: t('lookup.dateOfBirth') }
}
