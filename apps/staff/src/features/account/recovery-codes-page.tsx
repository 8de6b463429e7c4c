import { StaffCodeBody, validationErrorOf } from '@ansinh/domain'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { renewRecoveryCodes } from '../session/api'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { type Notice, NoticeBox } from '../shared/notice'
import { usePageTitle } from '../shared/page-title'
import { CodeField } from '../sign-in/code-field'
import { RecoveryCodes } from '../sign-in/recovery-codes'
import { AccountNav } from './account-nav'

/**
 * "Mã khôi phục": ten new codes for a code of the authenticator app, shown once; the page waits for
 * "I have saved them" before it forgets them.
 */
export function RecoveryCodesPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const [codes, setCodes] = useState<string[] | null>(null)
  const [saved, setSaved] = useState(false)
  const [codeError, setCodeError] = useState<string | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [busy, setBusy] = useState(false)
  const codesHeadingRef = useRef<HTMLHeadingElement>(null)
  const renewRef = useRef<HTMLFormElement>(null)
  usePageTitle(t('account.recovery.title'))

  useEffect(() => {
    if (codes) codesHeadingRef.current?.focus()
  }, [codes])
  useEffect(() => {
    if (codeError) renewRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus()
  }, [codeError])

  async function onRenew(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    const entry = new FormData(event.currentTarget).get('code')
    const parsed = StaffCodeBody.safeParse({ code: typeof entry === 'string' ? entry : '' })
    setNotice(null)
    if (!parsed.success) {
      setCodeError(validationErrorOf(parsed.error).error.fields?.code?.join(' ') ?? null)
      return
    }
    setCodeError(null)
    setBusy(true)
    const result = await renewRecoveryCodes(parsed.data.code, staff.csrfToken, language)
    setBusy(false)
    if (result.ok) {
      setSaved(false)
      setCodes(result.value.recoveryCodes)
    } else if (result.error.fields.code) {
      setCodeError(result.error.fields.code.join(' '))
    } else {
      setNotice({ kind: 'error', message: failureMessage(result.error) })
    }
  }

  function onSaved(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!saved) return
    setCodes(null)
    setNotice({ kind: 'success', message: t('account.recovery.done') })
  }

  return (
    <div className="staff-page staff-account">
      <h1 className="staff-page__title">{t('account.recovery.title')}</h1>
      <AccountNav />

      <NoticeBox notice={notice} />

      {codes ? (
        <form
          className="staff-card staff-account__form"
          aria-labelledby="recovery-codes-new"
          onSubmit={onSaved}
        >
          <h2 id="recovery-codes-new" ref={codesHeadingRef} tabIndex={-1}>
            {t('account.recovery.newTitle')}
          </h2>
          <p>{t('account.recovery.newIntro')}</p>
          <RecoveryCodes codes={codes} saved={saved} onSavedChange={setSaved} />
          <div className="staff-actions">
            <button type="submit" className="as-button as-button--primary" disabled={!saved}>
              {t('account.recovery.finish')}
            </button>
          </div>
        </form>
      ) : (
        <form ref={renewRef} className="staff-card staff-account__form" onSubmit={onRenew} noValidate>
          <p>{t('account.recovery.intro')}</p>
          <CodeField error={codeError} />
          <div className="staff-actions">
            <button type="submit" className="as-button as-button--primary" disabled={busy}>
              {t('account.recovery.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
