import { dossierStatusLabels, formatDateTimeVi, type MyDossier } from '@ansinh/domain'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RecordContent } from '../my-records/record-parts'
import type { RecordState } from '../my-records/use-record'
import { statusTone } from '../registration/status-card'
import { useCitizenSession } from '../session/session'
import { useLanguage } from '../session/use-language'
import { getMyDossiers } from './api'

/** "Hồ sơ đã nộp": every dossier the person filed, newest first, with where it stands. */
export function DossierList() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { handleFailure } = useCitizenSession()
  const [dossiers, setDossiers] = useState<RecordState<MyDossier[]>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const retry = useCallback(() => setAttempt((value) => value + 1), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again after "Thử lại"
  useEffect(() => {
    const controller = new AbortController()
    setDossiers({ status: 'loading' })
    getMyDossiers(language, controller.signal)
      .then((result) => {
        if (result.ok) setDossiers({ status: 'ok', value: result.value.items })
        else if (!handleFailure(result.error)) setDossiers({ status: 'error', failure: result.error })
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [language, handleFailure, attempt])

  return (
    <section className="pubsvc-section" aria-labelledby="pubsvc-dossiers">
      <h2 id="pubsvc-dossiers" className="pubsvc-heading">
        {t('publicServices.dossiers.title')}
      </h2>
      <RecordContent state={dossiers} reload={retry}>
        {(items) =>
          items.length === 0 ? (
            <p className="pubsvc-empty">{t('publicServices.dossiers.empty')}</p>
          ) : (
            <ul className="pubsvc-list">
              {items.map((dossier) => (
                <li key={dossier.dossierNumber}>
                  <DossierCard dossier={dossier} />
                </li>
              ))}
            </ul>
          )
        }
      </RecordContent>
    </section>
  )
}

function DossierCard({ dossier }: { dossier: MyDossier }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const kind = t(`publicServices.kinds.${dossier.kind}`)
  return (
    <article
      className="reg-status-card"
      aria-label={t('publicServices.dossiers.cardLabel', { number: dossier.dossierNumber, kind })}
    >
      <div className="reg-status-card__head">
        <h3 className="reg-status-card__number">{dossier.dossierNumber}</h3>
        <p className="reg-status-card__chips">
          <span className={`reg-chip reg-chip--${statusTone[dossier.status]}`}>
            {dossierStatusLabels[language][dossier.status]}
          </span>
        </p>
      </div>
      <dl className="reg-status-card__list">
        <Fact term={t('publicServices.dossiers.kind')}>{kind}</Fact>
        {dossier.childName ? (
          <Fact term={t('publicServices.dossiers.childName')}>{dossier.childName}</Fact>
        ) : null}
        <Fact term={t('registration.status.submittedAt')}>
          {formatDateTimeVi(new Date(dossier.submittedAt))}
        </Fact>
        {dossier.decidedAt ? (
          <Fact term={t('registration.status.decidedAt')}>
            {formatDateTimeVi(new Date(dossier.decidedAt))}
          </Fact>
        ) : null}
        {dossier.reason ? (
          <div className="reg-status-card__reason">
            <dt>{t('registration.status.reason')}</dt>
            <dd>{dossier.reason}</dd>
          </div>
        ) : null}
        <Fact
          term={t('registration.status.office')}
        >{`[${dossier.office.code}] ${dossier.office.name}`}</Fact>
      </dl>
    </article>
  )
}

function Fact({ term, children }: { term: string; children: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}
