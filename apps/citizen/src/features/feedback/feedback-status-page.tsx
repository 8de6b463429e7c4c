import { ErrorCode, FeedbackStatusQuery, type FeedbackStatusView, formatDateTimeVi } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { ServicePage } from '../public-services/service-parts'
import { StatusLookupForm } from '../registration/status-lookup-form'
import { useStatusLookup } from '../registration/use-status-lookup'
import { useFailureText } from '../registration/use-submission'
import { getFeedbackStatus } from './api'
import './feedback.css'

/** "Tra cứu phản ánh": the tracking code and the phone it was sent with; the status and the answer. */
export function FeedbackStatusPage() {
  const { t } = useTranslation()
  const failureText = useFailureText()
  const status = useStatusLookup(['code', 'phone'], FeedbackStatusQuery, getFeedbackStatus)
  return (
    <ServicePage title={t('feedback.statusTitle')} intro={t('feedback.statusIntro')}>
      <StatusLookupForm
        status={status}
        code="code"
        codeLabel={t('feedback.code')}
        codeHint={t('feedback.codeHint')}
        codeInput={{ autoComplete: 'off', autoCapitalize: 'characters', spellCheck: false, maxLength: 16 }}
        phoneHint={t('feedback.phoneHint')}
        searchLabel={t('feedback.search')}
        searchingLabel={t('feedback.searching')}
        failureText={(failure) =>
          failure.code === ErrorCode.NotFound ? t('feedback.notFound') : failureText(failure)
        }
      >
        {(view) => <FeedbackStatusCard view={view} />}
      </StatusLookupForm>
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
