import type { ApiResult, Language } from '@ansinh/ui'
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import { useLocation, useParams } from 'react-router'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage } from '../session/session'
import { type BackLink, PageMessage } from './page-message'
import { ErrorAlert, Loading } from './status'

type RecordLoad = { status: 'loading' } | { status: 'missing' } | { status: 'error'; message: string }

/**
 * The record a detail page shows (`…/:id` in the address), loaded on arrival and again by `reload`
 * (after a conflict), which answers whether it came. An id that is no id, or a 404 — missing or out of
 * the office's reach, which the server does not tell apart — is "missing".
 */
export function useRecord<T>(get: (id: number, language: Language) => Promise<ApiResult<T>>) {
  const id = Number(useParams().id)
  const language = useLanguage()
  const failureMessage = useFailureMessage()
  const [record, setRecord] = useState<T | null>(null)
  const [load, setLoad] = useState<RecordLoad>({ status: 'loading' })
  // Only the latest call speaks: an earlier one may answer after it (another id, a second reload).
  const latest = useRef(0)

  const reload = useCallback(async (): Promise<boolean> => {
    latest.current += 1
    const call = latest.current
    if (!Number.isInteger(id) || id <= 0) {
      setLoad({ status: 'missing' })
      return false
    }
    const result = await get(id, language)
    if (call !== latest.current) return false
    if (result.ok) {
      setRecord(result.value)
      return true
    }
    setLoad(
      result.error.status === 404
        ? { status: 'missing' }
        : { status: 'error', message: failureMessage(result.error) },
    )
    return false
  }, [id, language, failureMessage, get])

  useEffect(() => {
    void reload()
  }, [reload])

  return { record, setRecord, load, reload }
}

/** Where "Thoát" / "Quay lại" lead: the list the record was opened from, with its search, or `list`. */
export function useBackPath(list: string): string {
  return (useLocation().state as { back?: string } | null)?.back ?? list
}

/** A detail page before its record is there: loading, missing, or failed; always with the way back. */
export function RecordPending({
  load,
  title,
  missing,
  back,
}: {
  load: RecordLoad
  title: string
  missing: { title: string; body: string }
  back: BackLink
}) {
  return (
    <PageMessage title={load.status === 'missing' ? missing.title : title} back={back}>
      {load.status === 'loading' && <Loading />}
      {load.status === 'missing' && <p>{missing.body}</p>}
      {load.status === 'error' && <ErrorAlert>{load.message}</ErrorAlert>}
    </PageMessage>
  )
}

/** A detail page once its record is there: "Hồ sơ 000123", then its sections. */
export function RecordFrame({
  title,
  number,
  children,
}: {
  title: string
  number: string
  children: ReactNode
}) {
  return (
    <div className="staff-page staff-detail">
      <h1 className="staff-page__title">
        {title} <span translate="no">{number}</span>
      </h1>
      {children}
    </div>
  )
}

/** One card of a detail page under its heading; `id` ties the two for assistive technology. */
export function RecordSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="staff-card">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}
