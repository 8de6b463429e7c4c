import { AddressCodeSet } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from './api'
import type { DraftFields } from './draft'
import { SegmentedChoice, SelectField, type SelectOption, TextField } from './form-controls'
import { UnitSearch } from './unit-search'
import { type Loaded, useCommunes, useDistricts, useProvinces } from './use-directory'
import { firstError } from './use-step-validation'
import type { FieldErrors } from './validation'

function optionsOf<T extends { code: string; fullName: string }>(
  loaded: Loaded<{ items: T[] }>,
  keep: (unit: T) => boolean = () => true,
): SelectOption[] {
  return loaded.status === 'ok'
    ? loaded.data.items.filter(keep).map((unit) => ({ value: unit.code, label: unit.fullName }))
    : []
}

/** The address as the form holds it: codes as chosen, the street as typed. */
export type AddressDraft = Pick<
  DraftFields,
  'codeSet' | 'provinceCode' | 'districtCode' | 'communeCode' | 'street'
>

/**
 * Contact address: the current two levels (province → commune, from 1 July 2025) or the old three
 * (province → district → commune). Changing a level empties the levels below it; the name search
 * above the selects fills them all at once. Used by the registration and by "Thay đổi thông tin",
 * each holding the value in its own state.
 */
export function AddressFields({
  errors,
  value: fields,
  onChange: update,
}: {
  errors: FieldErrors
  value: AddressDraft
  onChange: (patch: Partial<AddressDraft>) => void
}) {
  const { t } = useTranslation()
  const legacy = fields.codeSet === AddressCodeSet.Legacy
  const provinces = useProvinces(fields.codeSet)
  const districts = useDistricts(fields.codeSet, fields.provinceCode)
  const communes = useCommunes(fields.codeSet, fields.provinceCode)
  // A list still on its way says so in place of "Chọn …".
  const placeholder = (loaded: Loaded<unknown>, choose: string) =>
    loaded.status === 'loading' ? t('registration.address.loading') : choose

  return (
    <fieldset className="reg-fieldset" id="reg-address">
      <legend className="reg-fieldset__legend">{t('registration.address.legend')}</legend>
      <SegmentedChoice
        name="codeSet"
        legend={t('registration.address.codeSetLegend')}
        options={[
          { value: AddressCodeSet.Current, label: t('registration.address.codeSetCurrent') },
          { value: AddressCodeSet.Legacy, label: t('registration.address.codeSetLegacy') },
        ]}
        value={fields.codeSet}
        onChange={(codeSet) => update({ codeSet, provinceCode: '', districtCode: '', communeCode: '' })}
      />
      {/* Keyed by the code set: hits of the other set would fill codes the selects do not list. */}
      <UnitSearch key={fields.codeSet} codeSet={fields.codeSet} provinces={provinces} onChoose={update} />
      <div className={legacy ? 'reg-grid reg-grid--3' : 'reg-grid reg-grid--2'}>
        <SelectField
          name="address.provinceCode"
          label={t('registration.address.province')}
          value={fields.provinceCode}
          options={optionsOf(provinces)}
          placeholder={placeholder(provinces, t('registration.address.chooseProvince'))}
          error={firstError(errors, 'address.provinceCode')}
          onChange={(provinceCode) => update({ provinceCode, districtCode: '', communeCode: '' })}
        />
        {legacy ? (
          <SelectField
            name="address.districtCode"
            label={t('registration.address.district')}
            value={fields.districtCode}
            options={optionsOf(districts)}
            placeholder={placeholder(districts, t('registration.address.chooseDistrict'))}
            disabled={!fields.provinceCode}
            error={firstError(errors, 'address.districtCode')}
            onChange={(districtCode) => update({ districtCode, communeCode: '' })}
          />
        ) : null}
        <SelectField
          name="address.communeCode"
          label={t('registration.address.commune')}
          value={fields.communeCode}
          options={optionsOf(communes, (unit) => !legacy || unit.parentCode === fields.districtCode)}
          placeholder={placeholder(communes, t('registration.address.chooseCommune'))}
          disabled={!fields.provinceCode || (legacy && !fields.districtCode)}
          error={firstError(errors, 'address.communeCode')}
          onChange={(communeCode) => update({ communeCode })}
        />
      </div>
      <LoadProblem loads={[provinces, districts, communes]} />
      <TextField
        name="address.street"
        label={t('registration.address.street')}
        hint={t('registration.address.streetHint')}
        value={fields.street}
        autoComplete="street-address"
        maxLength={200}
        error={firstError(errors, 'address.street')}
        onChange={(street) => update({ street })}
      />
    </fieldset>
  )
}

/** One message and one "Thử lại" for whichever list could not be loaded. */
export function LoadProblem({ loads }: { loads: Loaded<unknown>[] }) {
  const { t } = useTranslation()
  const failed = loads.find(
    (load): load is { status: 'error'; error: ApiFailure; retry: () => void } => load.status === 'error',
  )
  if (!failed) return null
  return (
    <div className="reg-alert reg-alert--warning" role="alert">
      <p>{t('registration.errors.directory')}</p>
      <button type="button" className="as-button as-button--secondary" onClick={failed.retry}>
        {t('registration.errors.retry')}
      </button>
    </div>
  )
}
