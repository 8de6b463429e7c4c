import { validationErrorOf } from '@ansinh/domain'
import type { ApiFailure, ApiResult } from '@ansinh/ui'
import { useEffect, useRef, useState } from 'react'
import { useLocation } from 'react-router'
import { z } from 'zod'
import { useFocusOnSignal } from './form-controls'
import { useLanguage } from './use-directory'
import type { FieldErrors } from './validation'

export type Lookup<View> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'found'; view: View }
  | { state: 'failed'; failure: ApiFailure }

export function lookupOf<View>(result: ApiResult<View>): Lookup<View> {
  return result.ok ? { state: 'found', view: result.value } : { state: 'failed', failure: result.error }
}

/**
 * A public status check (a dossier, a feedback) by a number and the phone it was sent with: the
 * query checked with its schema first (errors under the fields, focus to the summary), then the
 * answer, focused when it comes. The page that sent it may hand the values over in the navigation
 * state (`keys`): they fill the form and are looked up at once.
 */
export function useStatusLookup<Key extends string, Query, View>(
  keys: readonly Key[],
  schema: z.ZodType<Query>,
  get: (query: Query, language: 'vi' | 'en') => Promise<ApiResult<View>>,
) {
  const language = useLanguage()
  const location = useLocation()
  const [prefill] = useState(
    () =>
      z
        .object(Object.fromEntries(keys.map((key) => [key, z.string()])) as Record<Key, z.ZodString>)
        .safeParse(location.state).data as Record<Key, string> | undefined,
  )
  const [errors, setErrors] = useState<FieldErrors>({})
  const [focusSignal, setFocusSignal] = useState(0)
  const [lookup, setLookup] = useState<Lookup<View>>({ state: 'idle' })
  const resultBox = useRef<HTMLDivElement>(null)
  const [resultSignal, setResultSignal] = useState(0)
  useFocusOnSignal(resultBox, resultSignal, lookup.state === 'found' || lookup.state === 'failed')

  async function search(query: Record<Key, string>) {
    const parsed = schema.safeParse(query)
    if (!parsed.success) {
      setErrors(validationErrorOf(parsed.error).error.fields ?? {})
      setFocusSignal((value) => value + 1)
      return
    }
    setErrors({})
    setLookup({ state: 'loading' })
    setLookup(lookupOf(await get(parsed.data, language)))
    setResultSignal((value) => value + 1)
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the values handed over on arrival
  useEffect(() => {
    if (prefill) void search(prefill)
  }, [])

  return { prefill, errors, focusSignal, lookup, resultBox, search }
}
