import {
  NewStaffAccountBody,
  rolesManagedBy,
  type StaffAccountCreated,
  type StaffRole,
  validationErrorOf,
} from '@ansinh/domain'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listOrganisations } from '../organisations/api'
import { indented } from '../organisations/tree'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { Field } from '../shared/field'
import { ErrorAlert } from '../shared/status'
import { useFieldErrors } from '../shared/use-field-errors'
import { createStaffAccount } from './api'
import { OfficeSelect, useReachableOffices } from './office-select'

type FieldName = keyof NewStaffAccountBody
const fieldOrder: readonly FieldName[] = [
  'username',
  'fullName',
  'email',
  'officeCode',
  'role',
  'organisationId',
]

/** Indents an office under its parent inside a `<select>`, where options take no styling. */
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
  const offices = useReachableOffices(true)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const { errors, refuse } = useFieldErrors(form, fieldOrder)
  const heading = useRef<HTMLHeadingElement>(null)
  const titleId = useId()
  const roles = rolesManagedBy(actorRole)
  const [role, setRole] = useState<StaffRole | undefined>(roles[0])
  const choosesOrganisation = role === 'organisation_admin'
  const organisations = useOrganisationChoices(choosesOrganisation)

  useEffect(() => {
    heading.current?.focus()
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
      // An organisation administrator belongs to the organisation's office, which the server takes from
      // the organisation: the form has no office to ask, and sends the creator's own (always in reach).
      officeCode: choosesOrganisation ? staff.officeCode : text('officeCode'),
      role: text('role'),
      // Only an organisation administrator is tied to an organisation (the API refuses it for others).
      organisationId: choosesOrganisation ? text('organisationId') : undefined,
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
        {!choosesOrganisation && (
          <OfficeSelect label={t('staffAccounts.office')} offices={offices} error={errorOf('officeCode')} />
        )}
        <Field label={t('staffAccounts.role')} error={errorOf('role')}>
          {(control) => (
            <select
              {...control}
              name="role"
              required
              aria-required="true"
              value={role}
              onChange={(event) => setRole(event.target.value as StaffRole)}
            >
              {roles.map((each) => (
                <option key={each} value={each}>
                  {t(`staffAccounts.roles.${each}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {choosesOrganisation && (
          <OrganisationField organisations={organisations} error={errorOf('organisationId')} />
        )}
      </div>
      <div role="alert" className="staff-error">
        {failure}
      </div>
      <div className="staff-actions">
        <button
          type="submit"
          className="as-button as-button--primary"
          disabled={
            busy || offices.status !== 'ready' || (choosesOrganisation && organisations.status !== 'ready')
          }
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

type Organisations =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: { id: number; name: string; depth: number }[] }

/**
 * The organisations within the creator's reach, read once the role "Quản trị tổ chức" is chosen: a new
 * organisation administrator belongs to one of them, and takes its office.
 */
function useOrganisationChoices(wanted: boolean): Organisations {
  const language = useLanguage()
  const failureMessage = useFailureMessage()
  const [organisations, setOrganisations] = useState<Organisations>({ status: 'loading' })

  // biome-ignore lint/correctness/useExhaustiveDependencies: read once, the first time the role is chosen
  useEffect(() => {
    if (!wanted || organisations.status === 'ready') return
    let live = true
    void listOrganisations(language).then((result) => {
      if (!live) return
      setOrganisations(
        result.ok
          ? { status: 'ready', items: result.value.items }
          : { status: 'error', message: failureMessage(result.error) },
      )
    })
    return () => {
      live = false
    }
  }, [wanted])
  return organisations
}

/** "Tổ chức": the organisation a new organisation administrator manages, with everything below it. */
function OrganisationField({
  organisations,
  error,
}: {
  organisations: Organisations
  error: string | undefined
}) {
  const { t } = useTranslation()
  return (
    <Field
      label={t('staffAccounts.form.organisation')}
      hint={t('staffAccounts.form.organisationHint')}
      error={error}
    >
      {(control) => (
        <>
          <select
            {...control}
            name="organisationId"
            required
            aria-required="true"
            disabled={organisations.status !== 'ready'}
            key={organisations.status}
          >
            {organisations.status === 'ready' ? (
              organisations.items.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {indented(organisation)}
                </option>
              ))
            ) : (
              <option value="">{t('common.loading')}</option>
            )}
          </select>
          {organisations.status === 'error' && <ErrorAlert>{organisations.message}</ErrorAlert>}
        </>
      )}
    </Field>
  )
}
