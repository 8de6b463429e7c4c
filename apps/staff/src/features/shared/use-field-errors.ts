import { type RefObject, useEffect, useRef, useState } from 'react'

export type FieldErrors = Partial<Record<string, string[]>>

/**
 * A form's field errors, and `refuse`, which shows them and then moves focus to the first field in
 * error (in the form's order, by its `name`), so that its message is read with it. Focus moves once
 * the errors are on screen (and a dialog that was open is gone), not before.
 */
export function useFieldErrors(form: RefObject<HTMLFormElement | null>, fieldOrder: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({})
  const focusFirst = useRef(false)

  useEffect(() => {
    if (!focusFirst.current) return
    focusFirst.current = false
    const first = fieldOrder.find((name) => errors[name])
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus()
  }, [errors, form, fieldOrder])

  function refuse(fields: FieldErrors) {
    focusFirst.current = true
    setErrors(fields)
  }

  return { errors, setErrors, refuse }
}
