import type { ApiFailure, ApiResult } from '@ansinh/ui'
import { type ReactNode, useCallback, useEffect, useEffectEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFailureMessage } from '../session/failure-message'
import { ErrorAlert, Loading } from './status'

/** A page of a keyset list as the API answers it; `nextCursor` is null on the last one. */
type KeysetPage = { items: readonly unknown[]; nextCursor: string | null }
type Item<P extends KeysetPage> = P['items'][number]

/** A failed call: what to show, and the answer, for a page that looks closer (a 404, the fields). */
type Failure = { message: string; answer: ApiFailure }

type KeysetList<P extends KeysetPage> =
  | { status: 'loading' }
  | { status: 'error'; error: Failure }
  | {
      status: 'ready'
      /** Every row read so far. */
      items: Item<P>[]
      /** The last page read: its cursor, and what else the API tells with it (a total). */
      last: P
      loadingMore: boolean
      moreError: Failure | null
    }

type ReadyList<P extends KeysetPage> = Extract<KeysetList<P>, { status: 'ready' }>

/**
 * A list read a page at a time ("Tải thêm"): the first page again whenever `search` changes (the
 * address's query, say), the next on `loadMore`. A failed next page leaves the rows read on screen,
 * to be tried again.
 */
export function useKeysetList<P extends KeysetPage>(
  search: string,
  fetchPage: (cursor: string | undefined) => Promise<ApiResult<P>>,
) {
  const failureMessage = useFailureMessage()
  const [list, setList] = useState<KeysetList<P>>({ status: 'loading' })
  const fetchFirst = useEffectEvent(() => fetchPage(undefined))
  const failureOf = useEffectEvent((answer: ApiFailure) => ({ message: failureMessage(answer), answer }))

  // biome-ignore lint/correctness/useExhaustiveDependencies: `search` is when to start over; the call reads the rest
  useEffect(() => {
    let live = true
    setList({ status: 'loading' })
    void fetchFirst().then((result) => {
      if (!live) return
      setList(
        result.ok
          ? {
              status: 'ready',
              items: [...result.value.items],
              last: result.value,
              loadingMore: false,
              moreError: null,
            }
          : { status: 'error', error: failureOf(result.error) },
      )
    })
    return () => {
      live = false
    }
  }, [search])

  async function loadMore() {
    if (list.status !== 'ready' || !list.last.nextCursor) return
    const cursor = list.last.nextCursor
    setList({ ...list, loadingMore: true, moreError: null })
    const result = await fetchPage(cursor)
    const moreError = result.ok ? null : { message: failureMessage(result.error), answer: result.error }
    setList((latest) => {
      // The list started over meanwhile (a new search): this page belongs to the old one.
      if (latest.status !== 'ready' || latest.last.nextCursor !== cursor) return latest
      return result.ok
        ? {
            ...latest,
            items: [...latest.items, ...result.value.items],
            last: result.value,
            loadingMore: false,
          }
        : { ...latest, loadingMore: false, moreError }
    })
  }

  /** Changes rows on screen (one locked, one added); `complete` when the last page is read. */
  const editItems = useCallback(
    (edit: (items: Item<P>[], complete: boolean) => Item<P>[]) =>
      setList((latest) =>
        latest.status === 'ready'
          ? { ...latest, items: edit(latest.items, latest.last.nextCursor === null) }
          : latest,
      ),
    [],
  )

  return { list, loadMore, editItems }
}

/**
 * A keyset list's place on the page: "Đang tải…", why the first page did not come, or the rows
 * (`children`) after their `total`, with, under them, why the next page did not come and "Tải thêm"
 * while there is one.
 */
export function KeysetListView<P extends KeysetPage>({
  list,
  onLoadMore,
  total,
  children,
}: {
  list: KeysetList<P>
  onLoadMore: () => void
  /** What is read above the rows, as it changes ("12 hồ sơ"): the total the API counts, say. */
  total?: (list: ReadyList<P>) => string
  children: (list: ReadyList<P>) => ReactNode
}) {
  const { t } = useTranslation()
  if (list.status === 'loading') return <Loading />
  if (list.status === 'error') return <ErrorAlert>{list.error.message}</ErrorAlert>
  return (
    <>
      {total && (
        <p role="status" className="staff-total">
          {total(list)}
        </p>
      )}
      {children(list)}
      {list.moreError && <ErrorAlert>{list.moreError.message}</ErrorAlert>}
      {list.last.nextCursor && (
        <button
          type="button"
          className="as-button as-button--secondary"
          onClick={onLoadMore}
          disabled={list.loadingMore}
        >
          {t('common.more')}
        </button>
      )}
    </>
  )
}
