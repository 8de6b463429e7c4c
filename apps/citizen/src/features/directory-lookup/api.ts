/** Fetch wrappers of the public directory look-ups; no sign-in. */
import {
  CollectionPointListingPage,
  EmployerUnitPage,
  FacilityListingPage,
  OfficeListingPage,
} from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'
import type { z } from 'zod'

export type SearchParams = Record<string, string | number | undefined>

const endpoints = {
  offices: ['/directory/offices/contacts', OfficeListingPage],
  facilities: ['/directory/facilities', FacilityListingPage],
  employers: ['/directory/employers', EmployerUnitPage],
  collectionPoints: ['/directory/collection-points', CollectionPointListingPage],
} as const

export type Endpoint = keyof typeof endpoints
export type PageOf<E extends Endpoint> = z.infer<(typeof endpoints)[E][1]>

/** The query string of the set parameters, in a stable order (it is also the cache key of the list). */
export function queryString(params: SearchParams): string {
  const set = Object.entries(params).flatMap(([name, value]) =>
    value === undefined || value === '' ? [] : [[name, String(value)] as [string, string]],
  )
  return new URLSearchParams(set).toString()
}

export function searchDirectory<E extends Endpoint>(
  endpoint: E,
  query: string,
  offset: number,
  language: 'vi' | 'en',
) {
  const [path, schema] = endpoints[endpoint]
  const separator = query ? '&' : ''
  return apiRequest<PageOf<E>>(
    `${path}?${query}${separator}offset=${offset}`,
    schema as unknown as z.ZodType<PageOf<E>>,
    language,
  )
}
