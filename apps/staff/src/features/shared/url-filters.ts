import type { FormEvent } from 'react'
import { useSearchParams } from 'react-router'

/**
 * The filters of a search form kept in the address, so that a search can be shared, and Back returns
 * to it: `filters` are those set (empty ones are none), `query` the whole address query (the key of
 * the results), and `search` turns the submitted form into the next address.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams()
  const filters: Partial<Record<K, string>> = {}
  for (const key of keys) {
    const value = params.get(key)
    if (value) filters[key] = value
  }

  /** The form's filled fields, trimmed, then `kept` (what the page sets elsewhere, a sort order). */
  function search(event: FormEvent<HTMLFormElement>, kept: Record<string, string> = {}) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const next = new URLSearchParams()
    for (const key of keys) {
      const value = data.get(key)
      if (typeof value === 'string' && value.trim()) next.set(key, value.trim())
    }
    for (const [key, value] of Object.entries(kept)) next.set(key, value)
    setParams(next)
  }

  return { params, setParams, query: params.toString(), filters, search }
}
