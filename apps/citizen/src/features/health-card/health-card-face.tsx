import {
  formatDateVi,
  formatHealthCardNumber,
  formatPartialDate,
  genderLabelsEn,
  genderLabelsVi,
  type MyHealthCard,
} from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../session/use-language'
import { QrCode } from './qr-code'

/** `7900012345` → `7900 012 345`: grouped as Vietnamese read ten-digit numbers aloud (phone numbers). */
export function groupCardNumber(code: string): string {
  const match = /^(\d{4})(\d{3})(\d{3})$/.exec(code)
  return match ? `${match[1]} ${match[2]} ${match[3]}` : code
}

/**
 * The e-card drawn like the card of Decision 1666/QĐ-BHXH (issued since 1 April 2021): the agency
 * and the title on top, the 10-digit code, the holder, the primary-care facility, the validity and
 * the five-years date, the issuing office, and the QR code hospitals scan. Proportioned like a plastic
 * card (ISO ID-1, 85.6 × 54 mm); its text scales with its width, so the landscape view only makes it
 * bigger.
 */
export function HealthCardFace({ card }: { card: MyHealthCard }) {
  const { t } = useTranslation()
  const genderLabels = useLanguage() === 'en' ? genderLabelsEn : genderLabelsVi
  const validity = card.validTo
    ? t('healthCard.validFromTo', { from: formatDateVi(card.validFrom), to: formatDateVi(card.validTo) })
    : t('healthCard.validFromOpen', { from: formatDateVi(card.validFrom) })
  return (
    <article className="hc-card" aria-label={t('healthCard.cardLabel', { name: card.fullName })}>
      <div className="hc-card__inner">
        <header className="hc-card__header">
          <span className="hc-card__emblem" aria-hidden="true">
            BHXH
          </span>
          <div className="hc-card__titles">
            <p className="hc-card__agency">{t('healthCard.agency')}</p>
            <p className="hc-card__title">{t('healthCard.cardTitle')}</p>
          </div>
        </header>
        {card.status === 'valid' ? null : (
          <p className="hc-card__status" data-status={card.status}>
            {t(`healthCard.status.${card.status}`)}
          </p>
        )}
        <QrCode className="hc-card__qr" payload={card.qrPayload} label={t('healthCard.qrLabel')} />
        <dl className="hc-card__fields">
          <div className="hc-card__number">
            <dt>{t('healthCard.number')}:</dt>
            <dd>
              <span className="hc-card__code">{groupCardNumber(card.cardNumber)}</span>
              <span className="hc-card__legacy">
                {t('healthCard.legacyNumber')}: {formatHealthCardNumber(card.legacyCardNumber)}
              </span>
            </dd>
          </div>
          <div className="hc-card__name">
            <dt>{t('healthCard.fullName')}:</dt>
            <dd>{card.fullName.toLocaleUpperCase('vi')}</dd>
          </div>
          <div className="hc-card__half">
            <dt>{t('healthCard.birth')}:</dt>
            <dd>{formatPartialDate(card.birth)}</dd>
          </div>
          <div className="hc-card__half">
            <dt>{t('healthCard.gender')}:</dt>
            <dd>{genderLabels[card.gender]}</dd>
          </div>
          <div>
            <dt>{t('healthCard.address')}:</dt>
            <dd>{card.address}</dd>
          </div>
          <div>
            <dt>{t('healthCard.facility')}:</dt>
            <dd>
              {card.primaryFacility.code} – {card.primaryFacility.name}
            </dd>
          </div>
          <div>
            <dt>{t('healthCard.validity')}:</dt>
            <dd>{validity}</dd>
          </div>
          <div>
            <dt>{t('healthCard.fiveYears')}:</dt>
            <dd>
              {card.fiveYearsContinuousFrom
                ? formatDateVi(card.fiveYearsContinuousFrom)
                : t('healthCard.fiveYearsNone')}
            </dd>
          </div>
          <div>
            <dt>{t('healthCard.office')}:</dt>
            <dd>
              {card.issuingOffice.name} ({card.issuingOffice.code})
            </dd>
          </div>
        </dl>
      </div>
    </article>
  )
}
