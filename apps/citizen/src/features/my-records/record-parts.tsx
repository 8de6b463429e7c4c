import { formatDateTimeVi, formatVnd } from '@ansinh/domain'
import { useDocumentTitle } from '@ansinh/ui'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BackButton } from '../coming-soon/back-button'
import '../registration/registration.css'
import { StepLoading } from '../registration/step-loading'
import { useFocusHeadingOnArrival } from '../registration/use-focus-on-arrival'
import { useFailureText } from '../registration/use-submission'
import type { RecordOf, RecordView } from './api'
import { SubjectSwitch } from './subject-switch'
import { type RecordState, useRecord } from './use-record'
import type { StoredRecordState } from './use-stored-record'
import './records.css'

/**
 * The parts the record screens share: the page frame, the loading / failure / empty states, and one
 * labelled fact (money and dates in tabular figures), so that every screen reads the same way.
 */

/** The page frame: back button, title (also the document's), focus on arrival, then the content. */
export function RecordsPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation()
  useFocusHeadingOnArrival()
  useDocumentTitle(t('app.name'), title)
  return (
    <div className="page records-page">
      <div className="page-bar">
        <BackButton />
        <h1 className="page-bar__title">{title}</h1>
      </div>
      {children}
    </div>
  )
}

/**
 * A screen of one view of the chosen subject (the person or a child): the switch, then the view's
 * content once loaded.
 */
export function SubjectRecordPage<View extends RecordView>({
  view,
  title,
  children,
}: {
  view: View
  title: string
  children: (value: RecordOf<View>) => ReactNode
}) {
  const { state, reload } = useRecord(view)
  return (
    <RecordsPage title={title}>
      <SubjectSwitch />
      <RecordContent state={state} reload={reload}>
        {children}
      </RecordContent>
    </RecordsPage>
  )
}

/**
 * Loading, or the failure with a retry button, or the content once the answer is in. The content is a
 * function so that it only runs with a value.
 */
export function RecordContent<T>({
  state,
  reload,
  children,
}: {
  state: RecordState<T>
  reload: () => void
  children: (value: T) => ReactNode
}) {
  const failureText = useFailureText()
  if (state.status === 'loading') return <StepLoading />
  if (state.status === 'error') return <RecordFailure text={failureText(state.failure)} reload={reload} />
  return <>{children(state.value)}</>
}

function RecordFailure({ text, reload }: { text: string; reload: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="reg-alert reg-alert--error" role="alert">
      <p>{text}</p>
      <button type="button" className="as-button as-button--secondary" onClick={reload}>
        {t('records.retry')}
      </button>
    </div>
  )
}

/** `hh:mm dd/mm/yyyy` in Vietnam time: when a view kept offline was loaded. */
function formatStoredAt(storedAt: string): string {
  const [date, time] = formatDateTimeVi(new Date(storedAt)).split(' ')
  return `${time} ${date}`
}

/**
 * `RecordContent` for a view kept for use without network (the card, the profile): offline, the copy
 * stored on this device under "Đang ngoại tuyến — cập nhật lúc …", or `offlineEmpty` without one.
 */
export function StoredRecordContent<T>({
  state,
  reload,
  offlineEmpty,
  children,
}: {
  state: StoredRecordState<T>
  reload: () => void
  offlineEmpty: string
  children: (value: T) => ReactNode
}) {
  const { t } = useTranslation()
  const failureText = useFailureText()
  if (state.status === 'loading') return <StepLoading />
  if (state.status === 'error') return <RecordFailure text={failureText(state.failure)} reload={reload} />
  if (state.status === 'offlineEmpty') return <RecordFailure text={offlineEmpty} reload={reload} />
  return (
    <>
      {state.status === 'offline' ? (
        <p className="reg-alert reg-alert--warning records-offline" role="status">
          {t('records.offline', { time: formatStoredAt(state.storedAt) })}
        </p>
      ) : null}
      {children(state.value)}
    </>
  )
}

/** Nothing to show: what that means, and what the person can do about it. */
export function RecordsEmpty({ title, hint }: { title: string; hint: string }) {
  return (
    <div className="records-empty" role="status">
      <p className="records-empty__title">{title}</p>
      <p className="records-empty__hint">{hint}</p>
    </div>
  )
}

/** One labelled value in a `<dl>`; numbers (money, dates) line up on the right in tabular figures. */
export function Fact({
  label,
  children,
  numeric = false,
}: {
  label: string
  children: ReactNode
  numeric?: boolean
}) {
  return (
    <div className={numeric ? 'records-fact records-fact--numeric' : 'records-fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** A money fact: `1.500.000 đ`, with an optional unit after it (`/tháng`). */
export function MoneyFact({ label, amount, unit = '' }: { label: string; amount: number; unit?: string }) {
  return (
    <Fact label={label} numeric>
      {formatVnd(amount)}
      {unit}
    </Fact>
  )
}

/** One entry of a record list: a title line, then its facts. */
export function RecordItem({
  title,
  aside,
  children,
  tone,
  footer,
}: {
  title: ReactNode
  aside?: ReactNode
  children: ReactNode
  /** `owed`: drawn in red; the footer must say why in words too. */
  tone?: 'owed'
  footer?: ReactNode
}) {
  return (
    <li className="records-item" data-tone={tone}>
      <div className="records-item__head">
        <h3 className="records-item__title">{title}</h3>
        {aside ? <p className="records-item__aside">{aside}</p> : null}
      </div>
      <dl className="records-facts">{children}</dl>
      {footer}
    </li>
  )
}
