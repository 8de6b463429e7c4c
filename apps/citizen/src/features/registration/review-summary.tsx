import { AddressCodeSet, formatMobilePhone, photoKinds, requiredPhotoKinds } from '@ansinh/domain'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DraftFields } from './draft'
import { officePath, useOfficeIndex } from './office-tree'
import { PhotoPreview } from './photo-field'
import { useRegistration } from './registration-context'
import { type StepId, stepPath } from './steps'
import { useCommunes, useDistricts, useProvinces } from './use-directory'

/** Everything the person entered, in sections, each with "Sửa" back to the step that holds it. */
export function ReviewSummary({ editable }: { editable: boolean }) {
  const { t } = useTranslation()
  const { fields, photos } = useRegistration()
  const address = useAddressText(fields)
  const offices = useOfficeIndex()
  const required = requiredPhotoKinds(fields.idKind)
  return (
    <div className="reg-review">
      <ReviewSection title={t('registration.review.person')} step="info" editable={editable}>
        <Row label={t('registration.info.bhxhCode')} value={fields.bhxhCode} />
        <Row label={t('registration.info.fullName')} value={fields.fullName} />
        <Row label={t(`registration.idNumberLabels.${fields.idKind}`)} value={fields.idNumber} />
      </ReviewSection>
      <ReviewSection title={t('registration.review.contact')} step="info" editable={editable}>
        <Row label={t('registration.address.legend')} value={address} />
        <Row label={t('registration.info.phone')} value={formatMobilePhone(fields.phone)} />
        <Row
          label={t('registration.info.email')}
          value={fields.email.trim() || t('registration.review.none')}
        />
      </ReviewSection>
      <ReviewSection title={t('registration.review.photos')} step="photos" editable={editable} asList={false}>
        <div className="reg-review__photos">
          {photoKinds
            .filter((kind) => required.includes(kind) || photos[kind])
            .map((kind) => (
              <figure key={kind} className="reg-review__photo">
                <PhotoPreview
                  photo={photos[kind]}
                  kind={kind}
                  compact
                  alt={t('registration.photos.previewAlt', { label: t(`registration.photos.kinds.${kind}`) })}
                />
                <figcaption>{t(`registration.photos.kinds.${kind}`)}</figcaption>
              </figure>
            ))}
        </div>
      </ReviewSection>
      <ReviewSection title={t('registration.review.office')} step="office" editable={editable}>
        <Row
          label={t('registration.office.office')}
          value={offices.status === 'ok' ? officePath(offices.data, fields.officeCode) : fields.officeCode}
        />
        <Row
          label={t('registration.office.channelLegend')}
          value={
            fields.contactChannel === 'email'
              ? `${t('registration.office.channelEmail')} (${fields.email.trim()})`
              : `${t('registration.office.channelSms')} (${formatMobilePhone(fields.phone)})`
          }
        />
      </ReviewSection>
    </div>
  )
}

function ReviewSection({
  title,
  step,
  editable,
  asList = true,
  children,
}: {
  title: string
  step: StepId
  editable: boolean
  /** Rows of label and value (a `<dl>`); false for other content, such as the photos. */
  asList?: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  const titleId = useId()
  return (
    <section className="reg-review__section" aria-labelledby={titleId}>
      <div className="reg-review__head">
        <h2 id={titleId} className="reg-review__title">
          {title}
        </h2>
        {editable ? (
          <Link to={stepPath(step)} className="reg-review__edit">
            {t('registration.review.edit')}
            <span className="as-visually-hidden">: {title}</span>
          </Link>
        ) : null}
      </div>
      {asList ? <dl className="reg-review__list">{children}</dl> : children}
    </section>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="reg-review__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
}

/** "Số 125 Trần Hưng Đạo, Phường Chợ Quán, Thành phố Hồ Chí Minh", names read from the directory. */
export function useAddressText(fields: DraftFields): string {
  const legacy = fields.codeSet === AddressCodeSet.Legacy
  const provinces = useProvinces(fields.codeSet)
  const districts = useDistricts(fields.codeSet, fields.provinceCode)
  const communes = useCommunes(fields.codeSet, fields.provinceCode)
  const nameIn = (loaded: typeof provinces, code: string) =>
    loaded.status === 'ok' ? loaded.data.items.find((unit) => unit.code === code)?.fullName : undefined
  const parts = [
    fields.street.trim(),
    communes.status === 'ok'
      ? communes.data.items.find((unit) => unit.code === fields.communeCode)?.fullName
      : undefined,
    legacy ? nameIn(districts, fields.districtCode) : undefined,
    nameIn(provinces, fields.provinceCode),
  ]
  return parts.filter((part): part is string => Boolean(part)).join(', ')
}
