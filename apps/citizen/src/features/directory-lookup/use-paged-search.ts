import type { ApiFailure } from '@ansinh/ui'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useLanguage } from '../registration/use-directory'
import { type Endpoint, type PageOf, searchDirectory } from './api'

export type PagedSearch<Item> = {
  status: 'idle' | 'loading' | 'ok' | 'error'
  items: Item[]
  nextOffset: number | null
  error: ApiFailure | null
  /** "Tải thêm": the next page appended (or the failed page asked again). */
  loadMore: () => void
}

type Item<E extends Endpoint> = PageOf<E>['items'][number]

/**
 * The pages of one search, `query` being its query string (null: nothing asked yet). A new query
 * starts again from the first page; an answer to an older query is dropped.
 */
export function usePagedSearch<E extends Endpoint>(endpoint: E, query: string | null): PagedSearch<Item<E>> {
  const language = useLanguage()
  const [state, setState] = useState<Omit<PagedSearch<Item<E>>, 'loadMore'>>({
    status: 'idle',
    items: [],
    nextOffset: null,
    error: null,
  })
  const current = useRef<string | null>(null)

  const load = useCallback(
    (offset: number) => {
      if (query === null) return
      setState((previous) => ({ ...previous, status: 'loading', error: null }))
      void searchDirectory(endpoint, query, offset, language).then((result) => {
        if (current.current !== query) return
        setState((previous) =>
          result.ok
            ? {
                status: 'ok',
                items: offset === 0 ? result.value.items : [...previous.items, ...result.value.items],
                nextOffset: result.value.nextOffset,
                error: null,
              }
            : { ...previous, status: 'error', error: result.error },
        )
      })
    },
    [endpoint, query, language],
  )

  useEffect(() => {
    current.current = query
    setState({ status: 'idle', items: [], nextOffset: null, error: null })
    load(0)
  }, [query, load])

  const loadMore = useCallback(() => {
    if (state.status === 'loading') return
    load(state.nextOffset ?? 0)
  }, [load, state.status, state.nextOffset])

  return { ...state, loadMore }
}
