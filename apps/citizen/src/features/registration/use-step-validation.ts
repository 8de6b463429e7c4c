import { useState } from 'react'
import { useRegistration } from './registration-context'
import type { StepId } from './steps'
import { type FieldErrors, stepOfField } from './validation'

function merge(first: FieldErrors, second: FieldErrors): FieldErrors {
  const merged: FieldErrors = { ...first }
  for (const [key, messages] of Object.entries(second)) {
    merged[key] = [...new Set([...(merged[key] ?? []), ...messages])]
  }
  return merged
}

/**
 * The errors a step shows: the server's for its fields (until they change) and, once the person has
 * tried to go on, the schemas' — re-checked as they type, so each message goes away when fixed.
 * `next` moves on only when both are empty; otherwise it raises `focusSignal` for the summary.
 */
export function useStepValidation(step: StepId, validate: () => FieldErrors) {
  const { serverErrors, serverNotice } = useRegistration()
  const server = Object.fromEntries(Object.entries(serverErrors).filter(([key]) => stepOfField(key) === step))
  const hasServer = Object.keys(server).length > 0
  const [attempted, setAttempted] = useState(false)
  // Sent back here by the server: the summary takes focus as the step opens.
  const [focusSignal, setFocusSignal] = useState(hasServer ? 1 : 0)
  const errors = merge(server, attempted ? validate() : {})

  function next(go: () => void) {
    const found = validate()
    if (Object.keys(found).length === 0 && !hasServer) {
      go()
      return
    }
    setAttempted(true)
    setFocusSignal((value) => value + 1)
  }

  // The server's sentence stays with its fields: once they are fixed it has nothing left to explain.
  const notice = hasServer ? serverNotice : null
  return { errors, notice, focusSignal, next }
}

/** The first message of a field, for the text under it. */
export function firstError(errors: FieldErrors, key: string): string | undefined {
  return errors[key]?.[0]
}
