/** Fetch wrappers of the public look-ups (tra cứu trực tuyến); no sign-in. */
import {
  BhxhCodeLookupAnswer,
  type BhxhCodeLookupRequest,
  HealthCardLookupAnswer,
  type HealthCardLookupRequest,
  LookupChallenge,
} from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'
import type { z } from 'zod'

export type { ApiFailure, ApiResult } from '@ansinh/ui'

type Language = 'vi' | 'en'

export function getLookupChallenge(language: Language) {
  return apiRequest('/lookup/challenge', LookupChallenge, language)
}

export function lookUpBhxhCode(request: z.input<typeof BhxhCodeLookupRequest>, language: Language) {
  return apiRequest('/lookup/bhxh-code', BhxhCodeLookupAnswer, language, { method: 'POST', json: request })
}

export function lookUpHealthCard(request: z.input<typeof HealthCardLookupRequest>, language: Language) {
  return apiRequest('/lookup/health-card', HealthCardLookupAnswer, language, {
    method: 'POST',
    json: request,
  })
}
