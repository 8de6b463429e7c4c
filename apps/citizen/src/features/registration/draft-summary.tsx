import { formatMobilePhone, photoKinds, requiredPhotoKinds } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { officePath, useOfficeIndex } from './office-tree'
import { useRegistration } from './registration-context'

/**
 * The wide screen's side panel: what to have at hand, and what is filled in so far, so that a person
 * moving between steps sees the whole declaration take shape.
 */
export function DraftSummary() {
  const { t } = useTranslation()
  const { fields, photos } = useRegistration()
  const offices = useOfficeIndex()
  const required = requiredPhotoKinds(fields.idKind)
  const photoCount = photoKinds.filter((kind) => required.includes(kind) && photos[kind]).length
  const empty = '—'
  const rows = [
    [t('registration.info.fullName'), fields.fullName.trim() || empty],
    [t('registration.info.bhxhCode'), fields.bhxhCode.trim() || empty],
    [t(`registration.idNumberLabels.${fields.idKind}`), fields.idNumber.trim() || empty],
    [t('registration.info.phone'), fields.phone.trim() ? formatMobilePhone(fields.phone) : empty],
    [
      t('registration.summary.photos'),
      t('registration.summary.photoCount', { done: photoCount, total: required.length }),
    ],
    [
      t('registration.office.office'),
      fields.officeCode && offices.status === 'ok' ? officePath(offices.data, fields.officeCode) : empty,
    ],
  ] as const
  return (
    <div className="reg-summary">
      <section className="reg-summary__box" aria-labelledby="reg-summary-title">
        <h2 id="reg-summary-title" className="reg-summary__title">
          {t('registration.summary.title')}
        </h2>
        <dl className="reg-summary__list">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="reg-summary__box reg-summary__box--tint" aria-labelledby="reg-prepare-title">
        <h2 id="reg-prepare-title" className="reg-summary__title">
          {t('registration.summary.prepareTitle')}
        </h2>
        <ul className="reg-summary__prepare">
          <li>{t('registration.summary.prepareCard')}</li>
          <li>{t('registration.summary.prepareId')}</li>
          <li>{t('registration.summary.preparePhone')}</li>
        </ul>
        <p className="reg-summary__note">{t('registration.summary.paperNote')}</p>
      </section>
    </div>
  )
}
