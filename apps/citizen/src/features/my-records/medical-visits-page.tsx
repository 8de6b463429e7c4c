import { formatDateTimeVi, type MyMedicalVisits } from '@ansinh/domain'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Fact, MoneyFact, RecordContent, RecordItem, RecordsEmpty, RecordsPage } from './record-parts'
import { useRecordsSubject } from './subject'
import { SubjectSwitch } from './subject-switch'
import { useRecord } from './use-record'

/** MA_LOAI_KCB codes that have words; any other is shown as its code. */
const namedVisitTypes = ['01', '02', '03'] as const
type NamedVisitType = (typeof namedVisitTypes)[number]
const isNamedVisitType = (code: string): code is NamedVisitType =>
  (namedVisitTypes as readonly string[]).includes(code)

type Visit = MyMedicalVisits['items'][number]
type Picker = { years: number[]; year: number }

/** "Sổ khám chữa bệnh": the insured visits of one year, chosen in a year picker, with the year's totals. */
export function MedicalVisitsPage() {
  const { t } = useTranslation()
  const { subject } = useRecordsSubject()
  // No year chosen: the server answers with the latest year that has a visit.
  const [chosen, setChosen] = useState<{ subject: typeof subject; year: number } | null>(null)
  const year = chosen?.subject === subject ? chosen.year : undefined
  const { state, reload } = useRecord('medicalVisits', year === undefined ? undefined : `year=${year}`)
  // The picker stays on screen while another year loads, so the focus stays on it.
  const [picker, setPicker] = useState<Picker | null>(null)
  useEffect(() => {
    if (state.status === 'ok') setPicker({ years: state.value.years, year: state.value.year })
  }, [state])

  return (
    <RecordsPage title={t('services.medicalVisits.title')}>
      <SubjectSwitch />
      {picker ? (
        <YearPicker
          years={picker.years}
          value={year ?? picker.year}
          onChange={(next) => setChosen({ subject, year: next })}
        />
      ) : null}
      <RecordContent state={state} reload={reload}>
        {(value) => <VisitsOfYear visits={value} />}
      </RecordContent>
    </RecordsPage>
  )
}

/** The years that have a visit, and the one on screen (which may have none). */
function YearPicker({
  years: withVisits,
  value,
  onChange,
}: {
  years: number[]
  value: number
  onChange: (year: number) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const years = [...new Set([...withVisits, value])].sort((a, b) => b - a)
  return (
    <div className="records-year">
      <label htmlFor={id} className="records-year__label">
        {t('records.visits.year')}
      </label>
      <select
        id={id}
        className="records-year__select"
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {years.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
    </div>
  )
}

function VisitsOfYear({ visits }: { visits: MyMedicalVisits }) {
  const { t } = useTranslation()
  const { year, items, totals } = visits
  if (items.length === 0) {
    return <RecordsEmpty title={t('records.visits.empty', { year })} hint={t('records.visits.emptyHint')} />
  }
  return (
    <>
      <section className="records-totals" aria-labelledby="records-visit-totals">
        <h2 id="records-visit-totals" className="records-heading">
          {t('records.visits.totalsTitle', { year, count: totals.visits })}
        </h2>
        <dl className="records-facts">
          <MoneyFact label={t('records.visits.totalCost')} amount={totals.totalCost} />
          <MoneyFact label={t('records.visits.fundPaid')} amount={totals.fundPaid} />
          <MoneyFact label={t('records.visits.patientPaid')} amount={totals.patientPaid} />
        </dl>
      </section>
      <ol className="records-list" aria-label={t('records.visits.listLabel', { year })}>
        {items.map((visit) => (
          <VisitItem key={visit.id} visit={visit} />
        ))}
      </ol>
    </>
  )
}

function VisitItem({ visit }: { visit: Visit }) {
  const { t } = useTranslation()
  const type = isNamedVisitType(visit.visitType)
    ? t(`records.visits.types.${visit.visitType}`)
    : t('records.visits.typeCode', { code: visit.visitType })
  return (
    <RecordItem title={visit.facility.name} aside={type}>
      <Fact label={t('records.visits.admittedAt')} numeric>
        {formatDateTimeVi(new Date(visit.admittedAt))}
      </Fact>
      {visit.dischargedAt ? (
        <Fact label={t('records.visits.dischargedAt')} numeric>
          {formatDateTimeVi(new Date(visit.dischargedAt))}
        </Fact>
      ) : null}
      <Fact label={t('records.visits.diagnosis')}>
        <span className="records-code">{visit.diagnosis.code}</span> {visit.diagnosis.name}
      </Fact>
      <MoneyFact label={t('records.visits.totalCost')} amount={visit.totalCost} />
      <MoneyFact label={t('records.visits.fundPaid')} amount={visit.fundPaid} />
      <MoneyFact label={t('records.visits.patientPaid')} amount={visit.patientPaid} />
    </RecordItem>
  )
}
