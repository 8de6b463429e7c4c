import { type LookupProof, validationErrorOf } from '@ansinh/domain'
import { ClientErrorCode } from '@ansinh/ui'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { z } from 'zod'
import { firstError } from '../registration/use-step-validation'
import type { FieldErrors } from '../registration/validation'
import { useLanguage } from '../session/use-language'
import { type ApiFailure, type ApiResult, getLookupChallenge } from './api'
import { solveProof } from './solve-proof'

// A challenge this close to its expiry is not worth sending: a fresh one is fetched instead.
const EXPIRY_MARGIN_MS = 15_000

type Search = {
  promise: Promise<LookupProof | null>
  done: boolean
  expiresAt: number
  controller: AbortController
}

/**
 * The proof of work of the next look-up, searched for in the background from the moment the form
 * opens, so that it is usually ready before the person has typed their name. `take` hands it over
 * (waiting when it is not ready yet, `waiting` says so) and starts the search for the next one.
 */
function useLookupProof() {
  const language = useLanguage()
  const search = useRef<Search | null>(null)
  const [waiting, setWaiting] = useState(false)

  const start = useCallback(() => {
    search.current?.controller.abort()
    const controller = new AbortController()
    const next: Search = { promise: Promise.resolve(null), done: false, expiresAt: Infinity, controller }
    next.promise = (async () => {
      const challenge = await getLookupChallenge(language)
      if (!challenge.ok) return null
      next.expiresAt = Date.parse(challenge.value.expiresAt)
      // In a worker where there is one; aborting (a new search, leaving the page) terminates it.
      return (await solveProof(challenge.value, { signal: controller.signal })).proof
    })()
      .catch(() => null)
      .finally(() => {
        next.done = true
      })
    search.current = next
  }, [language])

  useEffect(() => {
    start()
    return () => search.current?.controller.abort()
  }, [start])

  const take = useCallback(async (): Promise<LookupProof | null> => {
    const current = search.current
    if (!current || (current.done && current.expiresAt - EXPIRY_MARGIN_MS < Date.now())) start()
    const chosen = search.current as Search
    if (!chosen.done) setWaiting(true)
    const proof = await chosen.promise
    setWaiting(false)
    start()
    return proof
  }, [start])

  return { take, waiting }
}

export type LookupState<Answer> =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'found'; answer: Answer }
  | { state: 'failed'; failure: ApiFailure }

/**
 * One look-up form: checks the fields with the API's own schema, adds the proof of work, sends them as
 * typed, and
 * keeps the answer or the failure. Empty optional fields are left out rather than sent empty.
 */
export function useLookup<Input, Answer>(
  schema: z.ZodType<unknown, Input>,
  send: (request: Input & { proof: LookupProof }, language: 'vi' | 'en') => Promise<ApiResult<Answer>>,
) {
  const language = useLanguage()
  const proof = useLookupProof()
  const [errors, setErrors] = useState<FieldErrors>({})
  const [focusSignal, setFocusSignal] = useState(0)
  const [result, setResult] = useState<LookupState<Answer>>({ state: 'idle' })
  const [resultSignal, setResultSignal] = useState(0)

  async function submit(input: Record<string, string>) {
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value.trim() !== ''))
    const parsed = schema.safeParse(given)
    if (!parsed.success) {
      setErrors(validationErrorOf(parsed.error).error.fields ?? {})
      setFocusSignal((value) => value + 1)
      return
    }
    setErrors({})
    setResult({ state: 'busy' })
    const found = await proof.take()
    const answer: ApiResult<Answer> = found
      ? // What was typed goes to the server, which reads it with the same schema.
        await send({ ...(given as Input), proof: found }, language)
      : { ok: false, error: { code: ClientErrorCode.Network, message: '', fields: {}, status: 0 } }
    setResult(
      answer.ok ? { state: 'found', answer: answer.value } : { state: 'failed', failure: answer.error },
    )
    if (!answer.ok && Object.keys(answer.error.fields).some((field) => field !== 'proof')) {
      setErrors(answer.error.fields)
    }
    setResultSignal((value) => value + 1)
  }

  return { submit, errors, focusSignal, result, resultSignal, checking: proof.waiting }
}

/** The form's values as typed and, per field, the props of its control: label, value, error, change. */
export function useLookupFields<Name extends string>(
  empty: Record<Name, string>,
  errors: FieldErrors,
  labels: Record<Name, string>,
) {
  const [fields, setFields] = useState(empty)
  const field = (name: Name) => ({
    name,
    label: labels[name],
    value: fields[name],
    error: firstError(errors, name),
    onChange: (value: string) => setFields((current) => ({ ...current, [name]: value })),
  })
  return { fields, field }
}
