/**
 * Reference data for the form (provinces, districts, communes, offices), fetched once per visit and
 * shared by every step: it changes a few times a decade, and the steps ask for the same lists again
 * and again as the person moves back and forth.
 */
import { AddressCodeSet } from '@ansinh/domain'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type ApiFailure,
  type ApiResult,
  getCommunes,
  getDistricts,
  getOffice,
  getOfficeTree,
  getProvinces,
  suggestOffice,
} from './api'

export type Loaded<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: ApiFailure; retry: () => void }

const cache = new Map<string, Promise<ApiResult<unknown>>>()

function cached<T>(key: string, load: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  let promise = cache.get(key) as Promise<ApiResult<T>> | undefined
  if (!promise) {
    promise = load()
    cache.set(key, promise)
    // Failures are not remembered: the next look (or "Thử lại") asks again.
    void promise.then((result) => {
      if (!result.ok) cache.delete(key)
    })
  }
  return promise
}

/** A cached GET keyed by `key`; `null` means "nothing to load yet" (e.g. no province chosen). */
export function useCachedQuery<T>(key: string | null, load: () => Promise<ApiResult<T>>): Loaded<T> {
  const [state, setState] = useState<{ key: string | null; loaded: Loaded<T> }>({
    key: null,
    loaded: { status: 'idle' },
  })
  const [attempt, setAttempt] = useState(0)
  const retry = useCallback(() => setAttempt((value) => value + 1), [])
  // `load` is a new closure each render; the key alone says what to load.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by `key`, retried by `attempt`
  useEffect(() => {
    if (key === null) return
    let active = true
    setState((current) =>
      current.key === key && current.loaded.status === 'ok'
        ? current
        : { key, loaded: { status: 'loading' } },
    )
    void cached(key, load).then((result) => {
      if (!active) return
      setState({
        key,
        loaded: result.ok
          ? { status: 'ok', data: result.value }
          : { status: 'error', error: result.error, retry },
      })
    })
    return () => {
      active = false
    }
  }, [key, attempt, retry])
  if (key === null) return { status: 'idle' }
  return state.key === key ? state.loaded : { status: 'loading' }
}

/** The UI language, which the form sends as its `language` and as `Accept-Language`. */
export function useLanguage(): 'vi' | 'en' {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : 'vi'
}

export function useProvinces(codeSet: AddressCodeSet) {
  const language = useLanguage()
  return useCachedQuery(`provinces:${codeSet}`, () => getProvinces(codeSet, language))
}

export function useDistricts(codeSet: AddressCodeSet, provinceCode: string) {
  const language = useLanguage()
  const key = codeSet === AddressCodeSet.Legacy && provinceCode ? `districts:${provinceCode}` : null
  return useCachedQuery(key, () => getDistricts(codeSet, provinceCode, language))
}

export function useCommunes(codeSet: AddressCodeSet, provinceCode: string) {
  const language = useLanguage()
  return useCachedQuery(provinceCode ? `communes:${codeSet}:${provinceCode}` : null, () =>
    getCommunes(codeSet, provinceCode, language),
  )
}

export function useOfficeTree() {
  const language = useLanguage()
  return useCachedQuery('offices', () => getOfficeTree(language))
}

export function useOffice(code: string) {
  const language = useLanguage()
  return useCachedQuery(code ? `office:${code}` : null, () => getOffice(code, language))
}

export function useSuggestedOffice(query: {
  codeSet: AddressCodeSet
  provinceCode: string
  districtCode: string
  communeCode: string
}) {
  const language = useLanguage()
  const { codeSet, provinceCode, districtCode, communeCode } = query
  const legacy = codeSet === AddressCodeSet.Legacy
  // The server places an address by its commune: without one there is nothing to ask.
  const key =
    provinceCode && communeCode
      ? `suggest:${codeSet}:${provinceCode}:${legacy ? districtCode : ''}:${communeCode}`
      : null
  return useCachedQuery(key, () =>
    suggestOffice(
      { codeSet, provinceCode, districtCode: legacy ? districtCode : undefined, communeCode },
      language,
    ),
  )
}

/** Every list the form may need right away, fetched without waiting for a screen to ask. */
export function prefetchDirectory(language: 'vi' | 'en'): void {
  void cached(`provinces:${AddressCodeSet.Current}`, () => getProvinces(AddressCodeSet.Current, language))
  void cached('offices', () => getOfficeTree(language))
}
