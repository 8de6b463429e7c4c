import type { FacilityListing } from '@ansinh/domain'
import { type FormEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ServicePage } from '../public-services/service-parts'
import { SelectField, TextField } from '../registration/form-controls'
import { queryString, type SearchParams } from './api'
import type { DirectoryLookupId } from './paths'
import { anywhere, type Place, PlaceFilter, placeParams } from './place-filter'
import { PlacesMap } from './places-map'
import { ResultCard, ResultList } from './results'
import { usePagedSearch } from './use-paged-search'
import './directory-lookup.css'

/**
 * A search form's draft and the query last applied. Filters apply on "Tra cứu"; the device's position
 * applies at once, since pressing "Gần tôi" is itself the request.
 */
function useSearchForm<Draft extends object>(
  initial: Draft,
  toParams: (draft: Draft) => SearchParams,
  startNow: boolean,
) {
  const [draft, setDraft] = useState(initial)
  const [query, setQuery] = useState<string | null>(startNow ? queryString(toParams(initial)) : null)
  const apply = (next: Draft = draft) => setQuery(queryString(toParams(next)))
  const update = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch }
    setDraft(next)
    if (nearOf(next) !== nearOf(draft)) apply(next)
  }
  return { draft, update, apply, query }
}

const nearOf = (draft: object) => ('place' in draft ? (draft.place as Place).near : null)

function SearchForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  const { t } = useTranslation()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <section className="reg-card">
      <form className="reg-form" noValidate onSubmit={submit}>
        {children}
        <button type="submit" className="as-button as-button--primary as-button--block">
          {t('directoryLookup.search')}
        </button>
      </form>
    </section>
  )
}

function LookupFrame({
  id,
  children,
}: {
  id: DirectoryLookupId | 'sickLeaveFacilities'
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <ServicePage title={t(`directoryLookup.${id}.title`)} intro={t(`directoryLookup.${id}.intro`)}>
      <div className="dirlookup">{children}</div>
    </ServicePage>
  )
}

/** Tra cứu cơ quan BHXH: the office tree in code order, or nearest first. */
export function OfficesLookupPage() {
  const { t } = useTranslation()
  const form = useSearchForm(
    { name: '', place: anywhere },
    (d) => ({ name: d.name.trim(), ...placeParams(d.place) }),
    true,
  )
  const search = usePagedSearch('offices', form.query)
  return (
    <LookupFrame id="offices">
      <SearchForm onSubmit={form.apply}>
        <TextField
          name="name"
          label={t('directoryLookup.offices.name')}
          value={form.draft.name}
          maxLength={100}
          onChange={(name) => form.update({ name })}
        />
        <PlaceFilter place={form.draft.place} onChange={(place) => form.update({ place })} />
      </SearchForm>
      <PlacesMap places={search.items} here={form.draft.place.near} />
      <ResultList
        search={search}
        label={t('directoryLookup.results')}
        render={(office) => ({
          key: office.code,
          card: (
            <ResultCard
              title={office.name}
              subtitle={
                office.parentName ? t('directoryLookup.offices.under', { parent: office.parentName }) : null
              }
              distanceKm={office.distanceKm}
              address={office.address}
              phone={office.phone}
              facts={[[t('directoryLookup.openingHours'), office.openingHours]]}
            />
          ),
        })}
      />
    </LookupFrame>
  )
}

const facilityLevels = [
  'central',
  'province',
  'district',
  'commune',
] as const satisfies FacilityListing['level'][]

/** Tra cứu CSKCB ký hợp đồng KCB BHYT (and, with its filter set, those issuing sick-leave certificates). */
export function FacilitiesLookupPage() {
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const sickLeaveOnly = searchParams.get('sickLeave') === 'true'
  const yesOrUnset = (value: boolean) => (value ? 'true' : undefined)
  const form = useSearchForm(
    { name: '', level: '', primaryRegistration: false, sickLeave: sickLeaveOnly, place: anywhere },
    (d) => ({
      name: d.name.trim(),
      level: d.level,
      primaryRegistration: yesOrUnset(d.primaryRegistration),
      sickLeave: yesOrUnset(d.sickLeave),
      ...placeParams(d.place),
    }),
    true,
  )
  const search = usePagedSearch('facilities', form.query)
  const yesNo = (value: boolean) => t(value ? 'directoryLookup.yes' : 'directoryLookup.no')
  const checkbox = (name: 'primaryRegistration' | 'sickLeave') => (
    <div className="reg-commitment">
      <input
        id={`dirlookup-${name}`}
        type="checkbox"
        checked={form.draft[name]}
        onChange={(event) => form.update({ [name]: event.currentTarget.checked })}
      />
      <label htmlFor={`dirlookup-${name}`}>{t(`directoryLookup.facilities.${name}`)}</label>
    </div>
  )
  return (
    <LookupFrame id={sickLeaveOnly ? 'sickLeaveFacilities' : 'facilities'}>
      <SearchForm onSubmit={form.apply}>
        <TextField
          name="name"
          label={t('directoryLookup.facilities.name')}
          value={form.draft.name}
          maxLength={100}
          onChange={(name) => form.update({ name })}
        />
        <SelectField
          name="level"
          label={t('directoryLookup.facilities.level')}
          value={form.draft.level}
          options={facilityLevels.map((level) => ({
            value: level,
            label: t(`directoryLookup.facilities.levels.${level}`),
          }))}
          placeholder={t('directoryLookup.facilities.anyLevel')}
          onChange={(level) => form.update({ level })}
        />
        {checkbox('primaryRegistration')}
        {checkbox('sickLeave')}
        <PlaceFilter place={form.draft.place} onChange={(place) => form.update({ place })} />
      </SearchForm>
      <PlacesMap places={search.items} here={form.draft.place.near} />
      <ResultList
        search={search}
        label={t('directoryLookup.results')}
        render={(facility) => ({
          key: facility.code,
          card: (
            <ResultCard
              title={facility.name}
              subtitle={`${facility.code} · ${t(`directoryLookup.facilities.levels.${facility.level}`)}`}
              distanceKm={facility.distanceKm}
              address={facility.address}
              phone={facility.phone}
              facts={[
                [
                  t('directoryLookup.facilities.primaryRegistration'),
                  yesNo(facility.acceptsPrimaryRegistration),
                ],
                [t('directoryLookup.facilities.sickLeave'), yesNo(facility.issuesSickLeave)],
              ]}
            />
          ),
        })}
      />
    </LookupFrame>
  )
}

/** Tra cứu đơn vị tham gia BHXH: by unit code, tax code or part of the name; nothing until asked. */
export function EmployersLookupPage() {
  const { t } = useTranslation()
  const form = useSearchForm({ q: '' }, (d) => ({ q: d.q.trim() }), false)
  const [tooShort, setTooShort] = useState(false)
  const search = usePagedSearch('employers', form.query)
  const submit = () => {
    const short = form.draft.q.trim().length < 3
    setTooShort(short)
    if (!short) form.apply()
  }
  return (
    <LookupFrame id="employers">
      <SearchForm onSubmit={submit}>
        <TextField
          name="q"
          label={t('directoryLookup.employers.query')}
          hint={t('directoryLookup.employers.queryHint')}
          value={form.draft.q}
          maxLength={100}
          error={tooShort ? t('directoryLookup.employers.tooShort') : undefined}
          onChange={(q) => form.update({ q })}
        />
      </SearchForm>
      <ResultList
        search={search}
        label={t('directoryLookup.results')}
        render={(employer) => ({
          key: employer.unitCode,
          card: (
            <ResultCard
              title={employer.name}
              subtitle={t(`directoryLookup.employers.statuses.${employer.status}`)}
              address={employer.address}
              facts={[
                [t('directoryLookup.employers.unitCode'), employer.unitCode],
                [t('directoryLookup.employers.taxCode'), employer.taxCode],

                [
                  t('directoryLookup.employers.managingOffice'),
                  employer.managingOfficeName ?? employer.managingOfficeCode,
                ],
                [
                  t('directoryLookup.employers.participants'),
                  t(`directoryLookup.employers.bands.${employer.participantBand}`),
                ],
              ]}
            />
          ),
        })}
      />
    </LookupFrame>
  )
}

/** Tra cứu điểm thu, đại lý thu: where voluntary BHXH and household BHYT are paid, nearest first. */
export function CollectionPointsLookupPage() {
  const { t } = useTranslation()
  const form = useSearchForm(
    { kind: '', place: anywhere },
    (d) => ({ kind: d.kind, ...placeParams(d.place) }),
    true,
  )
  const search = usePagedSearch('collectionPoints', form.query)
  return (
    <LookupFrame id="collectionPoints">
      <SearchForm onSubmit={form.apply}>
        <SelectField
          name="kind"
          label={t('directoryLookup.collectionPoints.kind')}
          value={form.draft.kind}
          options={(['collection_point', 'agent'] as const).map((kind) => ({
            value: kind,
            label: t(`directoryLookup.collectionPoints.kinds.${kind}`),
          }))}
          placeholder={t('directoryLookup.collectionPoints.anyKind')}
          onChange={(kind) => form.update({ kind })}
        />
        <PlaceFilter place={form.draft.place} onChange={(place) => form.update({ place })} />
      </SearchForm>
      <PlacesMap places={search.items} here={form.draft.place.near} />
      <ResultList
        search={search}
        label={t('directoryLookup.results')}
        render={(point) => ({
          key: point.code,
          card: (
            <ResultCard
              title={point.name}
              subtitle={t(`directoryLookup.collectionPoints.kinds.${point.kind}`)}
              distanceKm={point.distanceKm}
              address={point.address}
              phone={point.phone}
            />
          ),
        })}
      />
    </LookupFrame>
  )
}

export const directoryLookupPages = {
  offices: OfficesLookupPage,
  facilities: FacilitiesLookupPage,
  employers: EmployersLookupPage,
  collectionPoints: CollectionPointsLookupPage,
} as const satisfies Record<DirectoryLookupId, () => ReactNode>
