import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { Field } from '../shared/field'
import { ErrorAlert } from '../shared/status'
import { getOfficeTree } from './api'
import { type OfficeOption, officesUnder } from './offices'

export type ReachableOffices =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: OfficeOption[] }

/**
 * The staff member's office and every office below it (their reach), read when `wanted` (the form
 * that asks for an office is open), once per opening.
 */
export function useReachableOffices(wanted: boolean): ReachableOffices {
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const [offices, setOffices] = useState<ReachableOffices>({ status: 'loading' })

  // biome-ignore lint/correctness/useExhaustiveDependencies: the office tree is read once per opening
  useEffect(() => {
    if (!wanted) return
    let live = true
    void getOfficeTree(language).then((result) => {
      if (!live) return
      setOffices(
        result.ok
          ? { status: 'ready', items: officesUnder(result.value.items, staff.officeCode) }
          : { status: 'error', message: failureMessage(result.error) },
      )
    })
    return () => {
      live = false
    }
  }, [wanted])
  return offices
}

/** An office of the staff member's reach (`officeCode`), indented as the tree, their own first. */
export function OfficeSelect({
  label,
  offices,
  error,
}: {
  label: string
  offices: ReachableOffices
  error: string | undefined
}) {
  const { t } = useTranslation()
  const staff = useStaff()
  return (
    <Field label={label} error={error}>
      {(control) => (
        <>
          <select
            {...control}
            name="officeCode"
            required
            aria-required="true"
            disabled={offices.status !== 'ready'}
            // Mounted again once the offices arrive, so that it starts on the staff member's own.
            key={offices.status}
            defaultValue={staff.officeCode}
          >
            {offices.status === 'ready' ? (
              offices.items.map((office) => (
                <option key={office.code} value={office.code}>
                  {`${'\u00a0\u00a0'.repeat(office.depth)}[${office.code}] ${office.name}`}
                </option>
              ))
            ) : (
              <option value="">{t('common.loading')}</option>
            )}
          </select>
          {offices.status === 'error' && <ErrorAlert>{offices.message}</ErrorAlert>}
        </>
      )}
    </Field>
  )
}
