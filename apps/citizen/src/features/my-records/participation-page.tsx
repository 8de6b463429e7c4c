import {
  formatMonth,
  formatVnd,
  type MyParticipation,
  type ParticipationRow,
  ParticipationTab,
  type ParticipationTabView,
} from '@ansinh/domain'
import type { TFunction } from 'i18next'
import { type KeyboardEvent, memo, useDeferredValue, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../session/use-language'
import { formatDuration, formatMonthPeriod } from './format'
import { Fact, MoneyFact, RecordItem, RecordsEmpty, SubjectRecordPage } from './record-parts'

const tabOrder = Object.values(ParticipationTab)
/** Periods rendered with the tab itself; the others a moment later. */
const firstRows = 30

/** "Quá trình tham gia": one tab per scheme, its total time, what the employer still owes, the periods. */
export function ParticipationPage() {
  const { t } = useTranslation()
  return (
    <SubjectRecordPage view="participation" title={t('services.participation.title')}>
      {(value) => <ParticipationTabs participation={value} />}
    </SubjectRecordPage>
  )
}

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs and select them (one tab stop). */
function ParticipationTabs({ participation }: { participation: MyParticipation }) {
  const { t } = useTranslation()
  const [selected, setSelected] = useState<ParticipationTab>(ParticipationTab.Social)
  const tabs = useRef<Partial<Record<ParticipationTab, HTMLButtonElement | null>>>({})
  const view = participation.tabs.find((tab) => tab.tab === selected)

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabOrder.indexOf(selected)
    const last = tabOrder.length - 1
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key]
    if (next === undefined) return
    event.preventDefault()
    const tab = tabOrder[(next + tabOrder.length) % tabOrder.length] ?? selected
    setSelected(tab)
    tabs.current[tab]?.focus()
  }

  return (
    <div className="records-tabs">
      <div
        role="tablist"
        aria-label={t('records.participation.tabsLabel')}
        className="records-tabs__list"
        onKeyDown={onKeyDown}
      >
        {tabOrder.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              tabs.current[tab] = element
            }}
            type="button"
            role="tab"
            id={`records-tab-${tab}`}
            aria-controls={`records-panel-${tab}`}
            aria-selected={tab === selected}
            tabIndex={tab === selected ? 0 : -1}
            className="records-tabs__tab"
            onClick={() => setSelected(tab)}
          >
            {t(`records.participation.tabs.${tab}.short`)}
          </button>
        ))}
      </div>
      {/* One panel per tab, so that each tab's aria-controls names one; only the chosen one is filled. */}
      {tabOrder.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={`records-panel-${tab}`}
          aria-labelledby={`records-tab-${tab}`}
          hidden={tab !== selected}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is a tab stop (WAI-ARIA tabs), its rows hold no control
          tabIndex={0}
          className="records-tabs__panel"
        >
          {tab === selected && view ? <TabPanel view={view} asOfMonth={participation.asOfMonth} /> : null}
        </div>
      ))}
    </div>
  )
}

function TabPanel({ view, asOfMonth }: { view: ParticipationTabView; asOfMonth: number }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const scheme = t(`records.participation.tabs.${view.tab}.long`)
  // A long career has hundreds of periods: the first screenfuls show at once, the rest follow in a
  // background render that a tap on another tab can interrupt.
  const rows = useDeferredValue(view.rows, view.rows.slice(0, firstRows))
  const heading = <h2 className="records-heading">{scheme}</h2>
  if (view.rows.length === 0) {
    return (
      <>
        {heading}
        <RecordsEmpty
          title={t('records.participation.empty', {
            scheme: t(`records.participation.tabs.${view.tab}.short`),
          })}
          hint={t('records.participation.emptyHint')}
        />
      </>
    )
  }
  return (
    <>
      {heading}
      <div className="records-summary">
        <p>
          {t('records.participation.total')} <strong>{formatDuration(t, language, view.totalMonths)}</strong>
        </p>
        <p className="records-note">{t('records.participation.asOf', { month: formatMonth(asOfMonth) })}</p>
      </div>
      {view.owedAmount > 0 ? (
        <div className="reg-alert reg-alert--error records-owed">
          <p>
            {t('records.participation.owedTotal')}{' '}
            <strong className="records-num">{formatVnd(view.owedAmount)}</strong>
          </p>
          <p>{t('records.participation.owedHint')}</p>
        </div>
      ) : null}
      <ol className="records-list" aria-label={t('records.participation.listLabel', { scheme })}>
        {rows.map((row) => (
          <PeriodRow
            key={`${row.scheme}-${row.fromMonth}-${row.toMonth}-${row.employer?.code ?? ''}`}
            row={row}
            t={t}
          />
        ))}
      </ol>
    </>
  )
}

/**
 * One period: plain markup and formatting only, since a long career has hundreds of them (no hook per
 * row: the panel passes its `t`).
 */
const PeriodRow = memo(function PeriodRow({ row, t }: { row: ParticipationRow; t: TFunction }) {
  const owed = row.owedAmount > 0
  return (
    <RecordItem
      title={formatMonthPeriod(t, row.fromMonth, row.toMonth)}
      aside={row.scheme === 'voluntary_social' ? t('records.participation.voluntary') : undefined}
      {...(owed ? { tone: 'owed' as const } : {})}
      footer={
        owed ? (
          <p className="records-item__note">
            {t('records.participation.owedRow')}{' '}
            <span className="records-num">{formatVnd(row.owedAmount)}</span>
          </p>
        ) : undefined
      }
    >
      <Fact label={t('records.participation.employer')}>
        {row.employer ? `${row.employer.name} (${row.employer.code})` : t('records.participation.noEmployer')}
      </Fact>
      {row.position ? <Fact label={t('records.participation.position')}>{row.position}</Fact> : null}
      <MoneyFact label={t('records.participation.base')} amount={row.contributionBase} />
    </RecordItem>
  )
})
