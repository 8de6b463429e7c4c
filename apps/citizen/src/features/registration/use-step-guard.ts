import { useRegistration } from './registration-context'
import { type StepId, stepIds, stepPath } from './steps'
import { firstIncompleteStep } from './validation'

/**
 * Where a step opened too early (a bookmark, a reload after clearing) must send the person: the first
 * step still incomplete. `ready` is false while the photos are still being read back.
 */
export function useStepGuard(step: StepId): { ready: boolean; redirect: string | null } {
  const { fields, photos, photosLoaded } = useRegistration()
  if (!photosLoaded) return { ready: false, redirect: null }
  const first = firstIncompleteStep(fields, photos)
  if (first && stepIds.indexOf(first) < stepIds.indexOf(step))
    return { ready: true, redirect: stepPath(first) }
  return { ready: true, redirect: null }
}
