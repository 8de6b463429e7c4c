/**
 * The signed-in person's own records (issue 7): `/me/…` for the person, `/me/children/{id}/…` for a
 * child whose account they hold. Reads only: GETs carry the session cookie and need no CSRF header.
 */
import {
  MyBenefits,
  MyChildren,
  MyHealthCard,
  MyMedicalVisits,
  MyParticipation,
  MyProfile,
} from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'
import type { z } from 'zod'

type Language = 'vi' | 'en'

/** Whose records a screen shows: the person's own, or one child's (by child account id). */
export type RecordsSubject = { kind: 'self' } | { kind: 'child'; childId: number }

export const selfSubject: RecordsSubject = { kind: 'self' }

function subjectRoot(subject: RecordsSubject): string {
  return subject.kind === 'self' ? '/me' : `/me/children/${encodeURIComponent(String(subject.childId))}`
}

/** The views, by the path under the subject's root, with the contract each answer is read with. */
export const recordViews = {
  profile: { path: '', schema: MyProfile },
  card: { path: '/card', schema: MyHealthCard },
  participation: { path: '/participation', schema: MyParticipation },
  benefits: { path: '/benefits', schema: MyBenefits },
  medicalVisits: { path: '/medical-visits', schema: MyMedicalVisits },
} as const

export type RecordView = keyof typeof recordViews
export type RecordOf<View extends RecordView> = z.infer<(typeof recordViews)[View]['schema']>

export function getRecord<View extends RecordView>(
  view: View,
  subject: RecordsSubject,
  language: Language,
  options: { query?: string; signal?: AbortSignal } = {},
) {
  const { path, schema } = recordViews[view]
  const query = options.query ? `?${options.query}` : ''
  return apiRequest(
    `${subjectRoot(subject)}${path}${query}`,
    schema as unknown as z.ZodType<RecordOf<View>>,
    language,
    {
      ...(options.signal ? { signal: options.signal } : {}),
    },
  )
}

export function getChildren(language: Language, signal?: AbortSignal) {
  return apiRequest('/me/children', MyChildren, language, signal ? { signal } : {})
}
