import { LanguageSwitch, SkipLink, useDocumentTitle } from '@ansinh/ui'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { StaffBrand } from '../../app/staff-brand'

/**
 * Placeholder of the staff sign-in: the form is real markup (labels, autocomplete) but submitting only
 * opens the workspace, as the notice says, until the identity module provides staff sessions.
 */
export function SignInPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const usernameId = useId()
  const passwordId = useId()
  const noticeId = useId()
  useDocumentTitle(`${t('app.name')} – ${t('app.area')}`, t('signIn.title'))
  return (
    <div className="staff-sign-in">
      <SkipLink />
      <header className="staff-sign-in__bar">
        <StaffBrand />
        <LanguageSwitch tone="onLight" />
      </header>
      <main id="main" className="staff-sign-in__main">
        <form
          className="staff-sign-in__card"
          aria-labelledby="staff-sign-in-title"
          aria-describedby={noticeId}
          onSubmit={(event) => {
            event.preventDefault()
            void navigate('/dossiers/individuals')
          }}
        >
          <h1 id="staff-sign-in-title" className="staff-sign-in__title">
            {t('signIn.title')}
          </h1>
          <p className="staff-sign-in__intro">{t('signIn.intro')}</p>
          <div className="staff-field">
            <label htmlFor={usernameId}>{t('signIn.username')}</label>
            <input id={usernameId} name="username" autoComplete="username" spellCheck={false} />
          </div>
          <div className="staff-field">
            <label htmlFor={passwordId}>{t('signIn.password')}</label>
            <input id={passwordId} name="password" type="password" autoComplete="current-password" />
          </div>
          <button type="submit" className="as-button as-button--primary as-button--block">
            {t('signIn.submit')}
          </button>
          <p id={noticeId} className="staff-sign-in__notice">
            {t('signIn.preview')}
          </p>
        </form>
      </main>
    </div>
  )
}
