import {
  passwordContainsUsername,
  passwordContainsUsernameMessage,
  StaffPasswordChangeBody,
  staffPasswordRule,
  validationErrorOf,
} from '@ansinh/domain'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { changePassword } from '../session/api'
import { useFailureMessage } from '../session/failure-message'
import { homePathOf } from '../session/roles'
import { useLanguage, useSession, useStaff } from '../session/session'
import { Field } from '../shared/field'
import { type Notice, NoticeBox } from '../shared/notice'
import { usePageTitle } from '../shared/page-title'
import { AccountNav } from './account-nav'

type FieldErrors = Record<string, string[]>

/**
 * The API's own rule (the body's schema, and the username the server takes from the session), plus
 * the repeat, which only the form has.
 */
function formErrors(
  body: StaffPasswordChangeBody,
  repeat: string,
  username: string,
  mismatch: string,
): FieldErrors {
  const parsed = StaffPasswordChangeBody.safeParse(body)
  const fields: FieldErrors = parsed.success ? {} : { ...validationErrorOf(parsed.error).error.fields }
  if (passwordContainsUsername(body.newPassword, username))
    fields.newPassword = [...(fields.newPassword ?? []), passwordContainsUsernameMessage]
  if (repeat !== body.newPassword) fields.repeatPassword = [mismatch]
  return fields
}

/** "Đổi mật khẩu": the current password, the new one twice; the first page after a one-time password. */
export function PasswordPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const { signedIn } = useSession()
  const failureMessage = useFailureMessage()
  // Whether this visit began with the duty: once it is done, the page leads on to work.
  const [forced] = useState(staff.mustChangePassword)
  const [fields, setFields] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<Notice | null>(null)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  usePageTitle(t('account.password.title'))

  // Focus goes where the person must act: the first field in error, or the outcome.
  useEffect(() => {
    if (Object.keys(fields).length > 0)
      formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus()
  }, [fields])

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    const form = new FormData(event.currentTarget)
    const value = (name: string) => {
      const entry = form.get(name)
      return typeof entry === 'string' ? entry : ''
    }
    const body = { currentPassword: value('currentPassword'), newPassword: value('newPassword') }
    const found = formErrors(body, value('repeatPassword'), staff.username, t('account.password.mismatch'))
    setNotice(null)
    setFields(found)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    const result = await changePassword(body, staff.csrfToken, language)
    setBusy(false)
    if (result.ok) {
      const { otherSessionsEnded, ...profile } = result.value
      signedIn(profile)
      formRef.current?.reset()
      const ended =
        otherSessionsEnded > 0 ? t('account.password.othersEnded', { count: otherSessionsEnded }) : ''
      setNotice({ kind: 'success', message: `${t('account.password.done')} ${ended}`.trim() })
    } else if (Object.keys(result.error.fields).length > 0) {
      setFields(result.error.fields)
    } else {
      setNotice({ kind: 'error', message: failureMessage(result.error) })
    }
  }

  return (
    <div className="staff-page staff-account">
      <h1 className="staff-page__title">{t('account.password.title')}</h1>
      <AccountNav />
      <p>{t(forced ? 'account.password.forcedIntro' : 'account.password.intro')}</p>

      <NoticeBox notice={notice}>
        {notice?.kind === 'success' && forced && (
          <Link to={homePathOf(staff.role)} className="as-button as-button--primary">
            {t('account.password.continue')}
          </Link>
        )}
      </NoticeBox>

      <form ref={formRef} className="staff-card staff-account__form" onSubmit={onSubmit} noValidate>
        <PasswordField
          name="currentPassword"
          label={t('account.password.current')}
          autoComplete="current-password"
          errors={fields.currentPassword}
        />
        <PasswordField
          name="newPassword"
          label={t('account.password.new')}
          autoComplete="new-password"
          errors={fields.newPassword}
          hint={t('account.password.rule', {
            min: staffPasswordRule.minLength,
            max: staffPasswordRule.maxLength,
            classes: staffPasswordRule.minClasses,
          })}
        />
        <PasswordField
          name="repeatPassword"
          label={t('account.password.repeat')}
          autoComplete="new-password"
          errors={fields.repeatPassword}
        />
        <div className="staff-actions">
          <button type="submit" className="as-button as-button--primary" disabled={busy}>
            {t('account.password.submit')}
          </button>
        </div>
      </form>
    </div>
  )
}

/** A password input with its hint (the rule it must meet) and its errors under it. */
function PasswordField({
  name,
  label,
  autoComplete,
  errors,
  hint,
}: {
  name: string
  label: string
  autoComplete: 'current-password' | 'new-password'
  errors: string[] | undefined
  hint?: string
}) {
  return (
    <Field label={label} hint={hint} error={errors?.join(' ')}>
      {(control) => <input {...control} name={name} type="password" autoComplete={autoComplete} required />}
    </Field>
  )
}
