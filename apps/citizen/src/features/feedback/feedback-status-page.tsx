import { ErrorCode, FeedbackStatusQuery, type FeedbackStatusView, formatDateTimeVi } from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ServicePage } from '../public-services/service-parts'
import { ErrorSummary, phoneInput, TextField } from '../registration/form-controls'
import { useStatusLookup } from '../registration/use-status-lookup'
import { firstError } from '../registration/use-step-validation'
import { useFailureText } from '../registration/use-submission'
import { getFeedbackStatus } from './api'
import './feedback.css'

/** "Tra cứu phản ánh": the tracking code and the phone it was sent with; the status and the answer. */
export function FeedbackStatusPage() {
  const { t } = useTranslation()
  const failureText = useFailureText()
  const { prefill, errors, focusSignal, lookup, resultBox, search } = useStatusLookup(
    ['code', 'phone'],
    FeedbackStatusQuery,
    getFeedbackStatus,
  )
  const [code, setCode] = useState(prefill?.code ?? '')
  const [phone, setPhone] = useState(prefill?.phone ?? '')

  const labels = { code: t('feedback.code'), phone: t('registration.info.phone') }
  return (
    <ServicePage title={t('feedback.statusTitle')} intro={t('feedback.statusIntro')}>
      <ErrorSummary errors={errors} labels={labels} focusSignal={focusSignal} />
      <form
        className="reg-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void search({ code, phone })
        }}
      >
        <div className="reg-grid reg-grid--2">
          <TextField
            name="code"
            label={labels.code}
            hint={t('feedback.codeHint')}
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={16}
            error={firstError(errors, 'code')}
            onChange={setCode}
          />
          <TextField
            name="phone"
            label={labels.phone}
            hint={t('feedback.phoneHint')}
            value={phone}
            {...phoneInput}
            error={firstError(errors, 'phone')}
            onChange={setPhone}
          />
        </div>
        <div className="reg-nav">
          <button
            type="submit"
            className="as-button as-button--primary reg-nav__next"
            disabled={lookup.state === 'loading'}
          >
            {lookup.state === 'loading' ? t('feedback.searching') : t('feedback.search')}
          </button>
        </div>
      </form>
      <div ref={resultBox} tabIndex={-1} className="reg-status__result" aria-live="polite">
        {lookup.state === 'found' ? <FeedbackStatusCard view={lookup.view} /> : null}
        {lookup.state === 'failed' ? (
          <div className="reg-alert reg-alert--error">
            <p>
              {lookup.failure.code === ErrorCode.NotFound
                ? t('feedback.notFound')
                : failureText(lookup.failure)}
            </p>
          </div>
        ) : null}
      </div>
    </ServicePage>
  )
}

const statusTone: Record<FeedbackStatusView['status'], 'muted' | 'pending' | 'success'> = {
  received: 'muted',
  in_progress: 'pending',
  answered: 'success',
}

function FeedbackStatusCard({ view }: { view: FeedbackStatusView }) {
  const { t } = useTranslation()
  return (
    <section className="feedback-card" aria-labelledby="feedback-card-title">
      <h2 id="feedback-card-title" className="reg-section-title">
        <span translate="no">{view.code}</span>
      </h2>
      <dl className="feedback-card__facts">
        <div>
          <dt>{t('feedback.category')}</dt>
          <dd>{t(`feedback.categories.${view.category}`)}</dd>
        </div>
        <div>
          <dt>{t('feedback.statusLabel')}</dt>
          <dd>
            <span className={`reg-chip reg-chip--${statusTone[view.status]}`}>
              {t(`feedback.statuses.${view.status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('feedback.sentAt')}</dt>
          <dd>{formatDateTimeVi(new Date(view.submittedAt))}</dd>
        </div>
        {view.answeredAt ? (
          <div>
            <dt>{t('feedback.answeredAt')}</dt>
            <dd>{formatDateTimeVi(new Date(view.answeredAt))}</dd>
          </div>
        ) : null}
      </dl>
      {view.answer ? (
        <div className="feedback-card__answer">
          <h3 className="reg-section-title">{t('feedback.answer')}</h3>
          <p className="feedback-text">{view.answer}</p>
        </div>
      ) : (
        <p className="reg-note">{t('feedback.waiting')}</p>
      )}
    </section>
  )
}
