import { type CitizenAccountSummary, formatMobilePhone, formatPartialDate } from '@ansinh/domain'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FieldRow } from '../shared/field-row'
import { dateTime } from '../shared/format'

/** What a result card and the detail both show of an account; the detail adds rows as children. */
export function AccountFields({
  account,
  children,
}: {
  account: CitizenAccountSummary
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const office = account.issuingOffice
  const bhxhCode = (
    <FieldRow label={t('accounts.bhxhCode')}>
      <span translate="no">{account.bhxhCode}</span>
    </FieldRow>
  )
  const personalId = (
    <FieldRow label={t('accounts.personalId')}>
      {account.personalId && <span translate="no">{account.personalId}</span>}
    </FieldRow>
  )
  return (
    <dl className="staff-dl">
      {/* The personal ID is people's identifier since 1 August 2025: first when the person has one. */}
      {account.personalId ? personalId : bhxhCode}
      {account.personalId ? bhxhCode : personalId}
      <FieldRow label={t('accounts.fullName')}>{account.fullName}</FieldRow>
      <FieldRow label={t('accounts.dateOfBirth')}>{formatPartialDate(account.dateOfBirth)}</FieldRow>
      {/* In full: the person at the counter confirms the number a new password would go to. */}
      <FieldRow label={t('accounts.phone')}>
        {account.phone && <span translate="no">{formatMobilePhone(account.phone)}</span>}
      </FieldRow>
      <FieldRow label={t('accounts.email')}>
        {account.email && (
          <span translate="no" className="staff-account__email">
            {account.email}
          </span>
        )}
      </FieldRow>
      <FieldRow label={t('accounts.status')}>{t(`accounts.statuses.${account.status}`)}</FieldRow>
      <FieldRow label={t('accounts.mustChangePassword')}>
        {account.mustChangePassword ? t('accounts.yes') : t('accounts.no')}
      </FieldRow>
      <FieldRow label={t('accounts.createdAt')}>{dateTime(account.createdAt)}</FieldRow>
      <FieldRow label={t('accounts.issuingOffice')}>
        {office ? `[${office.code}] ${office.name}` : t('accounts.noIssuingOffice')}
      </FieldRow>
      <FieldRow label={t('accounts.activeDevices')}>{account.activeDevices}</FieldRow>
      {children}
    </dl>
  )
}
