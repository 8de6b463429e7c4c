import type { StaffAccountView } from '@ansinh/domain'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

type Copy = 'idle' | 'copied' | 'failed'

/**
 * The new account's one-time password, shown this once (the server keeps only its hash): the
 * administrator hands it to the person, who replaces it at the first sign-in.
 */
export function OneTimePassword({
  account,
  password,
  onDone,
}: {
  account: StaffAccountView
  password: string
  onDone: () => void
}) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  const [copy, setCopy] = useState<Copy>('idle')
  const titleId = useId()

  useEffect(() => {
    heading.current?.focus()
  }, [])

  async function copyPassword() {
    try {
      await navigator.clipboard.writeText(password)
      setCopy('copied')
    } catch {
      // No clipboard permission (or an insecure page): the password stays on screen to copy by hand.
      setCopy('failed')
    }
  }

  return (
    <section className="staff-card staff-otp" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('staffAccounts.created.title', { username: account.username })}
      </h2>
      <p>{t('staffAccounts.created.intro', { fullName: account.fullName, username: account.username })}</p>
      <p className="staff-otp__row">
        <span>{t('staffAccounts.created.password')}</span>{' '}
        <code className="staff-otp__password" translate="no">
          {password}
        </code>
      </p>
      <p className="staff-otp__warning">{t('staffAccounts.created.handOver')}</p>
      <div className="staff-actions">
        <button type="button" className="as-button as-button--secondary" onClick={() => void copyPassword()}>
          {t('staffAccounts.created.copy')}
        </button>
        <button type="button" className="as-button as-button--primary" onClick={onDone}>
          {t('staffAccounts.created.done')}
        </button>
      </div>
      <p role="status" className={copy === 'failed' ? 'staff-error' : 'staff-otp__copied'}>
        {copy === 'copied' && t('staffAccounts.created.copied')}
        {copy === 'failed' && t('staffAccounts.created.copyFailed')}
      </p>
    </section>
  )
}
