import {
  DossierCondition,
  DossierStatus,
  dossierConditionLabels,
  dossierStatusLabels,
  formatDateTimeVi,
  formatDateVi,
  type RegistrationStatusView,
} from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { OfficeContactList } from './office-card'
import { useLanguage } from './use-directory'

export const statusTone: Record<DossierStatus, string> = {
  pending: 'pending',
  valid: 'success',
  invalid: 'danger',
  cancelled: 'muted',
  expired: 'muted',
  needs_bhxh_code: 'pending',
}

/** One dossier's state as the public status check shows it (the name comes masked from the server). */
export function StatusCard({
  view,
  headingLevel = 2,
}: {
  view: RegistrationStatusView
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const awaitingPaper =
    view.status === DossierStatus.Pending && view.condition === DossierCondition.AwaitingPaper
  return (
    <article
      className="reg-status-card"
      aria-label={t('registration.status.cardLabel', { number: view.dossierNumber })}
    >
      <div className="reg-status-card__head">
        <Heading className="reg-status-card__number">{view.dossierNumber}</Heading>
        <p className="reg-status-card__chips">
          <span className={`reg-chip reg-chip--${statusTone[view.status]}`}>
            {dossierStatusLabels[language][view.status]}
          </span>
          <span className="reg-chip">{dossierConditionLabels[language][view.condition]}</span>
        </p>
      </div>
      <dl className="reg-status-card__list">
        <div>
          <dt>{t('registration.status.fullName')}</dt>
          <dd>{view.fullName}</dd>
        </div>
        <div>
          <dt>{t('registration.status.submittedAt')}</dt>
          <dd>{formatDateTimeVi(new Date(view.submittedAt))}</dd>
        </div>
        {awaitingPaper ? (
          <div>
            <dt>{t('registration.status.deadline')}</dt>
            <dd>{formatDateVi(view.paperDeadline)}</dd>
          </div>
        ) : null}
        {view.decidedAt ? (
          <div>
            <dt>{t('registration.status.decidedAt')}</dt>
            <dd>{formatDateTimeVi(new Date(view.decidedAt))}</dd>
          </div>
        ) : null}
        {view.reason ? (
          <div className="reg-status-card__reason">
            <dt>{t('registration.status.reason')}</dt>
            <dd>{view.reason}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('registration.status.office')}</dt>
          <dd>{`[${view.office.code}] ${view.office.name}`}</dd>
        </div>
      </dl>
      <OfficeContactList office={view.office} />
    </article>
  )
}
