import {
  NewStaffAccountBody,
  rolesManagedBy,
  type StaffAccountCreated,
  type StaffRole,
  validationErrorOf,
} from '@ansinh/domain'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../session/api'
import { useLanguage, useStaff } from '../session/session'
import { createStaffAccount, getOfficeTree } from './api'
import { type OfficeOption, officesUnder } from './roles'

type FieldName = keyof NewStaffAccountBody
type FieldErrors = Partial<Record<string, string[]>>
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
  messageOf,
  onCreated,
  onCancel,
}: {
  actorRole: StaffRole
  messageOf: (error: ApiFailure) => string
  onCreated: (created: StaffAccountCreated) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const [offices, setOffices] = useState<Offices>({ status: 'loading' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const base = useId()
  const id = (name: string) => `${base}-${name}`
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
          : { status: 'error', message: messageOf(result.error) },
      )
    })
    return () => {
      live = false
    }
  }, [])

  // Each refusal moves focus to the first field it names, whose message is read with it.
  function refuse(fields: FieldErrors) {
    setErrors(fields)
    const first = fieldOrder.find((name) => fields[name])
    if (first) form.current?.querySelector<HTMLElement>(`#${CSS.escape(id(first))}`)?.focus()
  }

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
    setFailure(messageOf(result.error))
    refuse(result.error.fields)
  }

  const described = (name: FieldName, hint?: string) => {
    const refs = [hint, errors[name] ? id(`${name}-error`) : undefined].filter(Boolean)
    return refs.length > 0 ? refs.join(' ') : undefined
  }
  const fieldError = (name: FieldName) =>
    errors[name] && (
      <p id={id(`${name}-error`)} className="staff-error">
        {errors[name].join(' ')}
      </p>
    )
  const invalid = (name: FieldName) => (errors[name] ? true : undefined)

  return (
    <form
      ref={form}
      className="staff-card staff-form"
      aria-labelledby={id('title')}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <h2 id={id('title')} ref={heading} tabIndex={-1}>
        {t('staffAccounts.form.title')}
      </h2>
      <div className="staff-form__grid">
        <div className="staff-field">
          <label htmlFor={id('username')}>{t('staffAccounts.username')}</label>
          <input
            id={id('username')}
            name="username"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            maxLength={64}
            required
            aria-required="true"
            aria-invalid={invalid('username')}
            aria-describedby={described('username', id('username-hint'))}
          />
          <p id={id('username-hint')} className="staff-field__hint">
            {t('staffAccounts.form.usernameHint')}
          </p>
          {fieldError('username')}
        </div>
        <div className="staff-field">
          <label htmlFor={id('fullName')}>{t('staffAccounts.fullName')}</label>
          <input
            id={id('fullName')}
            name="fullName"
            autoComplete="off"
            maxLength={100}
            required
            aria-required="true"
            aria-invalid={invalid('fullName')}
            aria-describedby={described('fullName')}
          />
          {fieldError('fullName')}
        </div>
        <div className="staff-field">
          <label htmlFor={id('email')}>{t('staffAccounts.form.email')}</label>
          <input
            id={id('email')}
            name="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid('email')}
            aria-describedby={described('email')}
          />
          {fieldError('email')}
        </div>
        <div className="staff-field">
          <label htmlFor={id('officeCode')}>{t('staffAccounts.office')}</label>
          <select
            id={id('officeCode')}
            name="officeCode"
            required
            aria-required="true"
            aria-invalid={invalid('officeCode')}
            aria-describedby={described('officeCode')}
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
          {offices.status === 'error' && (
            <p role="alert" className="staff-error">
              {offices.message}
            </p>
          )}
          {fieldError('officeCode')}
        </div>
        <div className="staff-field">
          <label htmlFor={id('role')}>{t('staffAccounts.role')}</label>
          <select
            id={id('role')}
            name="role"
            required
            aria-required="true"
            aria-invalid={invalid('role')}
            aria-describedby={described('role')}
            defaultValue={roles[0]}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`staffAccounts.roles.${role}`)}
              </option>
            ))}
          </select>
          {fieldError('role')}
        </div>
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
          {t('staffAccounts.cancel')}
        </button>
      </div>
    </form>
  )
}
