import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CheckIcon } from './form-controls'
import { type StepId, stepIds, stepNumber, stepPath } from './steps'

/**
 * "Bước 2/5" with a bar on a phone; a row of numbered steps on a wide screen. Steps already passed are
 * links back (before the dossier is sent); the current one carries `aria-current="step"`.
 */
export function StepIndicator({ current }: { current: StepId }) {
  const { t } = useTranslation()
  const position = stepNumber(current)
  const finished = current === 'done'
  return (
    <nav className="reg-steps" aria-label={t('registration.steps.label')}>
      <p className="reg-steps__count">
        <span className="reg-steps__count-number">
          {t('registration.steps.count', { current: position, total: stepIds.length })}
        </span>
        <span className="reg-steps__count-name">{t(`registration.steps.${current}`)}</span>
      </p>
      <div className="reg-steps__bar" aria-hidden="true">
        <span style={{ width: `${(position / stepIds.length) * 100}%` }} />
      </div>
      <ol className="reg-steps__list">
        {stepIds.map((step, index) => {
          const state = index + 1 < position ? 'passed' : index + 1 === position ? 'current' : 'next'
          const content = (
            <>
              <span className="reg-steps__dot" aria-hidden="true">
                {state === 'passed' ? <CheckIcon className="reg-steps__check" /> : index + 1}
              </span>
              <span className="reg-steps__name">{t(`registration.steps.${step}`)}</span>
            </>
          )
          return (
            <li key={step} className={`reg-steps__item reg-steps__item--${state}`}>
              {state === 'passed' && !finished ? (
                <Link to={stepPath(step)} className="reg-steps__link">
                  {content}
                </Link>
              ) : (
                <span className="reg-steps__link" aria-current={state === 'current' ? 'step' : undefined}>
                  {content}
                </span>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
