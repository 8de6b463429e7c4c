import { AddressCodeSet } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from './api'
import { SelectField, type SelectOption, TextField } from './form-controls'
import { useRegistration } from './registration-context'
import { type Loaded, useCommunes, useDistricts, useProvinces } from './use-directory'
import { firstError } from './use-step-validation'
import type { FieldErrors } from './validation'

function optionsOf<T extends { code: string; fullName: string }>(
  loaded: Loaded<{ items: T[] }>,
): SelectOption[] {
  return loaded.status === 'ok'
    ? loaded.data.items.map((unit) => ({ value: unit.code, label: unit.fullName }))
    : []
}

/**
 * Contact address: the current two levels (province → commune, from 1 July 2025) or the old three
 * (province → district → commune). Changing a level empties the levels below it.
 */
export function AddressFields({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation()
  const { fields, update } = useRegistration()
  const legacy = fields.codeSet === AddressCodeSet.Legacy
  const provinces = useProvinces(fields.codeSet)
  const districts = useDistricts(fields.codeSet, fields.provinceCode)
  const communes = useCommunes(fields.codeSet, fields.provinceCode)
  const communeOptions =
    communes.status === 'ok'
      ? communes.data.items
          .filter((unit) => !legacy || unit.parentCode === fields.districtCode)
          .map((unit) => ({ value: unit.code, label: unit.fullName }))
      : []
  const loading = t('registration.address.loading')

  return (
    <fieldset className="reg-fieldset" id="reg-address">
      <legend className="reg-fieldset__legend">{t('registration.address.legend')}</legend>
      <fieldset className="reg-choice-group">
        <legend className="reg-field__label">{t('registration.address.codeSetLegend')}</legend>
        <div className="reg-segmented">
          {[AddressCodeSet.Current, AddressCodeSet.Legacy].map((codeSet) => (
            <label key={codeSet} className="reg-segmented__option">
              <input
                type="radio"
                name="codeSet"
                value={codeSet}
                checked={fields.codeSet === codeSet}
                onChange={() => update({ codeSet, provinceCode: '', districtCode: '', communeCode: '' })}
              />
              <span>
                {codeSet === AddressCodeSet.Current
                  ? t('registration.address.codeSetCurrent')
                  : t('registration.address.codeSetLegacy')}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className={legacy ? 'reg-grid reg-grid--3' : 'reg-grid reg-grid--2'}>
        <SelectField
          name="address.provinceCode"
          label={t('registration.address.province')}
          value={fields.provinceCode}
          options={optionsOf(provinces)}
          placeholder={provinces.status === 'loading' ? loading : t('registration.address.chooseProvince')}
          error={firstError(errors, 'address.provinceCode')}
          onChange={(provinceCode) => update({ provinceCode, districtCode: '', communeCode: '' })}
        />
        {legacy ? (
          <SelectField
            name="address.districtCode"
            label={t('registration.address.district')}
            value={fields.districtCode}
            options={optionsOf(districts)}
            placeholder={districts.status === 'loading' ? loading : t('registration.address.chooseDistrict')}
            disabled={!fields.provinceCode}
            error={firstError(errors, 'address.districtCode')}
            onChange={(districtCode) => update({ districtCode, communeCode: '' })}
          />
        ) : null}
        <SelectField
          name="address.communeCode"
          label={t('registration.address.commune')}
          value={fields.communeCode}
          options={communeOptions}
          placeholder={communes.status === 'loading' ? loading : t('registration.address.chooseCommune')}
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
