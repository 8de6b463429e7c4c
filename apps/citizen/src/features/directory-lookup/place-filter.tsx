import { AddressCodeSet, formatNear, type GeoPoint } from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LoadProblem } from '../registration/address-fields'
import { SelectField } from '../registration/form-controls'
import { UnitSearch } from '../registration/unit-search'
import { type Loaded, useCommunes, useProvinces } from '../registration/use-directory'

export type Place = { provinceCode: string; communeCode: string; near: GeoPoint | null }
export const anywhere: Place = { provinceCode: '', communeCode: '', near: null }

/** The place part of a query: the device's position wins over a chosen commune. */
export function placeParams(place: Place) {
  return {
    near: place.near ? formatNear(place.near) : undefined,
    provinceCode: place.provinceCode || undefined,
    communeCode: place.near ? undefined : place.communeCode || undefined,
  }
}

function unitOptions(loaded: Loaded<{ items: { code: string; fullName: string }[] }>) {
  return loaded.status === 'ok'
    ? loaded.data.items.map((unit) => ({ value: unit.code, label: unit.fullName }))
    : []
}

type Locating = 'idle' | 'asking' | 'refused'

/**
 * The commune by its new or old name, province, commune and "Gần tôi". The position is asked only
 * when the person presses the button (the browser then asks for consent) and is used for this search
 * alone; refused or unavailable, the person is told why and offered the commune instead, which sorts
 * from the office serving it.
 */
export function PlaceFilter({
  place,
  onChange,
  communeSorts = true,
}: {
  place: Place
  onChange: (place: Place) => void
  communeSorts?: boolean
}) {
  const { t } = useTranslation()
  const provinces = useProvinces(AddressCodeSet.Current)
  const communes = useCommunes(AddressCodeSet.Current, place.provinceCode)
  const [locating, setLocating] = useState<Locating>('idle')

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocating('refused')
      return
    }
    setLocating('asking')
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle')
        onChange({
          ...place,
          near: { latitude: position.coords.latitude, longitude: position.coords.longitude },
        })
      },
      () => setLocating('refused'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    )
  }

  return (
    <fieldset className="reg-fieldset dirlookup-place">
      <legend className="reg-fieldset__legend">{t('directoryLookup.place')}</legend>
      {communeSorts ? (
        <UnitSearch
          codeSet={AddressCodeSet.Current}
          provinces={provinces}
          onChoose={({ provinceCode, communeCode }) =>
            onChange({ ...place, provinceCode, communeCode, near: null })
          }
        />
      ) : null}
      <div className="dirlookup-near">
        <button
          type="button"
          className="as-button as-button--secondary"
          onClick={locate}
          disabled={locating === 'asking'}
        >
          {locating === 'asking' ? t('directoryLookup.locating') : t('directoryLookup.nearMe')}
        </button>
        <p className="reg-field__hint">{t('directoryLookup.nearMeHint')}</p>
      </div>
      {place.near ? (
        <p className="dirlookup-note" role="status">
          {t('directoryLookup.nearActive')}{' '}
          <button type="button" className="dirlookup-link" onClick={() => onChange({ ...place, near: null })}>
            {t('directoryLookup.clearNear')}
          </button>
        </p>
      ) : null}
      {locating === 'refused' ? (
        <p className="reg-alert reg-alert--warning" role="alert">
          {t(communeSorts ? 'directoryLookup.locationRefused' : 'directoryLookup.locationRefusedProvince')}
        </p>
      ) : null}
      <div className="reg-grid reg-grid--2">
        <SelectField
          name="provinceCode"
          label={t('directoryLookup.province')}
          value={place.provinceCode}
          options={unitOptions(provinces)}
          placeholder={t('directoryLookup.allProvinces')}
          onChange={(provinceCode) => onChange({ ...place, provinceCode, communeCode: '' })}
        />
        {communeSorts ? (
          <SelectField
            name="communeCode"
            label={t('directoryLookup.commune')}
            hint={t('directoryLookup.communeHint')}
            value={place.communeCode}
            options={unitOptions(communes)}
            placeholder={t('directoryLookup.anyCommune')}
            disabled={!place.provinceCode}
            onChange={(communeCode) => onChange({ ...place, communeCode, near: null })}
          />
        ) : null}
      </div>
      <LoadProblem loads={[provinces, communes]} />
    </fieldset>
  )
}
