import { type ParseError, parseErrorMessagesEn } from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { QrIcon } from '../../components/icons'
import { QrScanButton } from '../qr-scan/qr-scan-button'
import { CheckIcon, ErrorIcon } from './form-controls'
import { fillFromCitizenIdQr, fillFromHealthCardQr, type QrFill } from './qr-autofill'
import { useRegistration } from './registration-context'
import { useLanguage, useProvinces } from './use-directory'

type Outcome = { tone: 'success' | 'error'; text: string } | null

/** The two "fill from a card" helpers at the top of the first step. */
export function QrFillPanel() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { fields, update } = useRegistration()
  const provinces = useProvinces(fields.codeSet)
  const [outcome, setOutcome] = useState<Outcome>(null)

  function unreadable(error: ParseError): string {
    // The parsers explain in Vietnamese; English readers get the generic text of the same code.
    const english = parseErrorMessagesEn[error.code as keyof typeof parseErrorMessagesEn]
    const detail = language === 'en' ? (english ?? '') : error.message
    return `${t('registration.qr.unreadable')} ${detail}`.trim()
  }

  function apply(result: QrFill, card: 'healthCard' | 'citizenId') {
    if (result.ok) {
      update(result.patch)
      const key =
        card === 'healthCard'
          ? 'registration.qr.filledHealthCard'
          : result.addressFilled
            ? 'registration.qr.filledCitizenIdAddress'
            : 'registration.qr.filledCitizenId'
      setOutcome({ tone: 'success', text: t(key) })
    } else if (result.reason === 'otherKind') {
      const key = card === 'healthCard' ? 'registration.qr.isCitizenId' : 'registration.qr.isHealthCard'
      setOutcome({ tone: 'error', text: t(key) })
    } else {
      setOutcome({ tone: 'error', text: unreadable(result.error) })
    }
  }

  return (
    <section className="reg-qr" aria-labelledby="reg-qr-title">
      <div className="reg-qr__head">
        <QrIcon className="reg-qr__icon" />
        <div>
          <h2 id="reg-qr-title" className="reg-qr__title">
            {t('registration.qr.title')}
          </h2>
          <p className="reg-qr__intro">{t('registration.qr.intro')}</p>
        </div>
      </div>
      <div className="reg-qr__buttons">
        <QrScanButton
          label={t('registration.qr.healthCard')}
          cameraLabel={t('registration.qr.healthCardCamera')}
          testId="qr-health-card"
          onDecoded={(text) => apply(fillFromHealthCardQr(text), 'healthCard')}
          onError={() => setOutcome(null)}
        />
        <QrScanButton
          label={t('registration.qr.citizenId')}
          cameraLabel={t('registration.qr.citizenIdCamera')}
          testId="qr-citizen-id"
          onDecoded={(text) =>
            apply(
              fillFromCitizenIdQr(text, fields, provinces.status === 'ok' ? provinces.data.items : []),
              'citizenId',
            )
          }
          onError={() => setOutcome(null)}
        />
      </div>
      <div aria-live="polite" className="reg-qr__outcome-region">
        {outcome ? (
          <p className={`reg-qr__outcome reg-qr__outcome--${outcome.tone}`}>
            {outcome.tone === 'success' ? <CheckIcon /> : <ErrorIcon />}
            <span>{outcome.text}</span>
          </p>
        ) : null}
      </div>
    </section>
  )
}
