import {
  AccountRequestPurpose,
  AddressCodeSet,
  ContactChangeRequest,
  currentUnitsLine,
  IdDocumentKind,
  type MyProfile,
  normalizeEmail,
  normalizeMobilePhone,
  type Parsed,
} from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RecordContent } from '../my-records/record-parts'
import { RecordsSubjectProvider } from '../my-records/subject'
import { useRecord } from '../my-records/use-record'
import { type AddressDraft, AddressFields } from '../registration/address-fields'
import { given } from '../registration/draft'
import { phoneInput, TextField } from '../registration/form-controls'
import { useFieldLabels } from '../registration/use-field-labels'
import { errorsOf } from '../registration/validation'
import { fileContactChange } from './api'
import { OtpFiling, useOtpRequest } from './otp-filing'
import { FiledConfirmation, ServiceForm, ServicePage, useServiceRequest } from './service-parts'

const emptyAddress: AddressDraft = {
  codeSet: AddressCodeSet.Current,
  provinceCode: '',
  districtCode: '',
  communeCode: '',
  street: '',
}

/** A value typed in the box is a change when it is not the one on record, once both are normalized. */
function changed(typed: string, current: string | null, normalize: (value: string) => Parsed<string>) {
  const parsed = normalize(typed)
  return (parsed.ok ? parsed.value : typed.trim()) !== (current ?? '')
}

/**
 * "Thay đổi thông tin" (seed 001, "điều chỉnh thông tin"): the phone, e-mail and address on record,
 * filled in from the profile; only what the person changed is sent, with the receiving office, after
 * the OTP sent to the phone on record.
 */
export function ChangePage() {
  const { t } = useTranslation()
  return (
    <ServicePage title={t('publicServices.change.title')} intro={t('publicServices.change.intro')}>
      {/* The person's own profile, whichever child the record screens show. */}
      <RecordsSubjectProvider>
        <OwnProfileForm />
      </RecordsSubjectProvider>
    </ServicePage>
  )
}

function OwnProfileForm() {
  const { state, reload } = useRecord('profile')
  return (
    <RecordContent state={state} reload={reload}>
      {(profile) => <ChangeForm profile={profile} />}
    </RecordContent>
  )
}

function ChangeForm({ profile }: { profile: MyProfile }) {
  const { t } = useTranslation()
  const service = useServiceRequest()
  const { language, csrfToken, office, form } = service
  const labels = useFieldLabels(IdDocumentKind.PersonalId)
  const [phone, setPhone] = useState(profile.phone ?? '')
  const [email, setEmail] = useState(profile.email ?? '')
  const [changeAddress, setChangeAddress] = useState(false)
  const [address, setAddress] = useState<AddressDraft>(emptyAddress)
  const flow = useOtpRequest(AccountRequestPurpose.ContactChange, form)

  // Only what changed: an emptied e-mail box removes the e-mail on record.
  const request = {
    phone: changed(phone, profile.phone, normalizeMobilePhone) ? phone : undefined,
    email: changed(email, profile.email, normalizeEmail) ? (given(email) ?? null) : undefined,
    address: changeAddress
      ? {
          codeSet: address.codeSet,
          provinceCode: given(address.provinceCode),
          districtCode: address.codeSet === AddressCodeSet.Legacy ? given(address.districtCode) : undefined,
          communeCode: given(address.communeCode),
          street: given(address.street),
        }
      : undefined,
    officeCode: given(office.officeCode),
  }

  function summaryOf(filing: typeof request): [string, string][] {
    const items: [string, string][] = []
    if (filing.phone) items.push([t('registration.info.phone'), filing.phone])
    if (filing.email !== undefined)
      items.push([t('publicServices.change.email'), filing.email ?? t('publicServices.change.removeEmail')])
    if (filing.address?.street) items.push([t('publicServices.change.addressLegend'), filing.address.street])
    return items
  }

  if (flow.phase.step === 'done')
    return <FiledConfirmation filed={flow.phase.filed} next={t('publicServices.change.next')} />
  if (flow.phase.step === 'otp')
    return (
      <OtpFiling
        sent={flow.phase.sent}
        file={(otp) =>
          fileContactChange({ ...ContactChangeRequest.parse(request), otp }, csrfToken, language)
        }
        onFiled={flow.filed}
        onRefused={flow.refused}
        onCancel={flow.cancel}
        summary={summaryOf(request)}
      />
    )
  return (
    <ServiceForm
      service={service}
      labels={{ ...labels, email: t('publicServices.change.email') }}
      failure={flow.failure}
      onSubmit={() => flow.submit(errorsOf(ContactChangeRequest, request))}
      busy={flow.busy}
      label={t('publicServices.continue')}
      busyLabel={t('publicServices.sendingOtp')}
    >
      <fieldset className="reg-fieldset">
        <legend className="reg-fieldset__legend">{t('registration.info.contactLegend')}</legend>
        <div className="reg-grid reg-grid--2">
          <TextField
            name="phone"
            label={t('registration.info.phone')}
            hint={t('publicServices.change.phoneHint')}
            value={phone}
            error={form.first('phone')}
            {...phoneInput}
            onChange={(value) => {
              setPhone(value)
              form.clear('phone')
            }}
          />
          <TextField
            name="email"
            label={t('publicServices.change.email')}
            hint={
              profile.email ? t('publicServices.change.emailRemoveHint') : t('registration.info.emailHint')
            }
            value={email}
            error={form.first('email')}
            type="email"
            inputMode="email"
            autoComplete="email"
            maxLength={254}
            onChange={(value) => {
              setEmail(value)
              form.clear('email', 'phone')
            }}
          />
        </div>
      </fieldset>
      <fieldset className="reg-fieldset">
        <legend className="reg-fieldset__legend">{t('publicServices.change.addressLegend')}</legend>
        <p className="pubsvc-current">
          <span className="pubsvc-current__label">{t('publicServices.change.currentAddress')}</span>{' '}
          {profile.address}
          {profile.currentUnits ? (
            <span className="pubsvc-current__units">
              {t('records.profile.currentUnits')}:{' '}
              {currentUnitsLine(profile.currentUnits, t('records.profile.currentUnitsOr'))}
            </span>
          ) : null}
        </p>
        <div className="reg-commitment">
          <input
            id="pubsvc-change-address"
            type="checkbox"
            checked={changeAddress}
            onChange={(event) => {
              setChangeAddress(event.currentTarget.checked)
              form.clear('address', 'phone')
            }}
          />
          <label htmlFor="pubsvc-change-address">{t('publicServices.change.changeAddress')}</label>
        </div>
      </fieldset>
      {changeAddress ? (
        <AddressFields
          errors={form.errors}
          value={address}
          onChange={(patch) => {
            setAddress((current) => ({ ...current, ...patch }))
            form.clear(...Object.keys(patch).map((key) => `address.${key}`))
          }}
        />
      ) : null}
    </ServiceForm>
  )
}
