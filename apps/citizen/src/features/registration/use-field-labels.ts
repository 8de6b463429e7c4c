import type { IdDocumentKind } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'

/** The visible label of each field, by the server's field path (for error summaries and review). */
export function useFieldLabels(idKind: IdDocumentKind): Record<string, string> {
  const { t } = useTranslation()
  return {
    bhxhCode: t('registration.info.bhxhCode'),
    fullName: t('registration.info.fullName'),
    idKind: t('registration.info.idKind'),
    idNumber: t(`registration.idNumberLabels.${idKind}`),
    address: t('registration.address.legend'),
    'address.codeSet': t('registration.address.codeSetLegend'),
    'address.provinceCode': t('registration.address.province'),
    'address.districtCode': t('registration.address.district'),
    'address.communeCode': t('registration.address.commune'),
    'address.street': t('registration.address.street'),
    phone: t('registration.info.phone'),
    email: t('registration.info.email'),
    'photos.portrait': t('registration.photos.kinds.portrait'),
    'photos.idFront': t('registration.photos.kinds.idFront'),
    'photos.idBack': t('registration.photos.kinds.idBack'),
    officeCode: t('registration.office.office'),
    contactChannel: t('registration.office.channelLegend'),
    agreed: t('registration.review.commitmentLabel'),
    otp: t('registration.otp.label'),
  }
}
