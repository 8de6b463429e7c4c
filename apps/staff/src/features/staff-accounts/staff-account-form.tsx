import {
  NewStaffAccountBody,
  rolesManagedBy,
  type StaffAccountCreated,
  type StaffRole,
  validationErrorOf,
} from '@ansinh/domain'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { Field } from '../shared/field'
import { ErrorAlert } from '../shared/status'
import { useFieldErrors } from '../shared/use-field-errors'
import { createStaffAccount, getOfficeTree } from './api'
import { type OfficeOption, officesUnder } from './offices'

type FieldName = keyof NewStaffAccountBody
type Offices =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: OfficeOption[] }

const fieldOrder: readonly FieldName[] = ['username', 'fullName', 'email', 'officeCode', 'role']

/** Indents an office under its parent inside a `<select>`, where options take no styling. */
function officeLabel(office: OfficeOption): string {
  return `${'\u00a0\u00a0'.repeat(office.depth)}[${office.code}] ${office.name}`
}

/**
 * "Thêm cán bộ": checked with the API's own schema before sending, so the same messages show under
 * the same fields whether the browser or the server refuses.
 */
export function StaffAccountForm({
  actorRole,
  onCreated,
  onCancel,
}: {
  actorRole: StaffRole
  onCreated: (created: StaffAccountCreated) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const [offices, setOffices] = useState<Offices>({ status: 'loading' })
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const { errors, refuse } = useFieldErrors(form, fieldOrder)
  const heading = useRef<HTMLHeadingElement>(null)
  const titleId = useId()
  const roles = rolesManagedBy(actorRole)

  // biome-ignore lint/correctness/useExhaustiveDependencies: the office tree is read once per opening
  useEffect(() => {
    heading.current?.focus()
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
  }, [])

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    const data = new FormData(event.currentTarget)
    const text = (name: FieldName) => String(data.get(name) ?? '')
    const parsed = NewStaffAccountBody.safeParse({
      username: text('username'),
      fullName: text('fullName'),
      // Optional: an empty box means no address, not an invalid one.
      email: text('email').trim() || undefined,
      officeCode: text('officeCode'),
      role: text('role'),
    })
    setFailure(null)
    if (!parsed.success) {
      refuse(validationErrorOf(parsed.error).error.fields ?? {})
      return
    }
    setBusy(true)
    const result = await createStaffAccount(parsed.data, staff.csrfToken, language)
    setBusy(false)
    if (result.ok) {
      onCreated(result.value)
      return
    }
    setFailure(failureMessage(result.error))
    refuse(result.error.fields)
  }

  const errorOf = (name: FieldName) => errors[name]?.join(' ')

  return (
    <form
      ref={form}
      className="staff-card staff-form"
      aria-labelledby={titleId}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('staffAccounts.form.title')}
      </h2>
      <div className="staff-form__grid">
        <Field
          label={t('staffAccounts.username')}
          hint={t('staffAccounts.form.usernameHint')}
          error={errorOf('username')}
        >
          {(control) => (
            <input
              {...control}
              name="username"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="none"
              maxLength={64}
              required
              aria-required="true"
            />
          )}
        </Field>
        <Field label={t('staffAccounts.fullName')} error={errorOf('fullName')}>
          {(control) => (
            <input
              {...control}
              name="fullName"
              autoComplete="off"
              maxLength={100}
              required
              aria-required="true"
            />
          )}
        </Field>
        <Field label={t('staffAccounts.form.email')} error={errorOf('email')}>
          {(control) => (
            <input {...control} name="email" type="email" autoComplete="off" spellCheck={false} />
          )}
        </Field>
        <Field label={t('staffAccounts.office')} error={errorOf('officeCode')}>
          {(control) => (
            <>
              <select
                {...control}
                name="officeCode"
                required
                aria-required="true"
                disabled={offices.status !== 'ready'}
                // Mounted again once the offices arrive, so that it starts on the administrator's own.
                key={offices.status}
                defaultValue={staff.officeCode}
              >
                {offices.status === 'ready' ? (
                  offices.items.map((office) => (
                    <option key={office.code} value={office.code}>
                      {officeLabel(office)}
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
        <Field label={t('staffAccounts.role')} error={errorOf('role')}>
          {(control) => (
            <select {...control} name="role" required aria-required="true" defaultValue={roles[0]}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`staffAccounts.roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div role="alert" className="staff-error">
        {failure}
      </div>
      <div className="staff-actions">
        <button
          type="submit"
          className="as-button as-button--primary"
          disabled={busy || offices.status !== 'ready'}
        >
          {t('staffAccounts.form.submit')}
        </button>
        <button type="button" className="as-button as-button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
