import { ComingSoon, useDocumentTitle } from '@ansinh/ui'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BackButton } from './back-button'

/**
 * Stand-in for a feature that a later issue builds; `title` is already translated. `signInFirst` (the
 * page's own path) says that the feature shows the person's own data, and offers the sign-in.
 */
export function ComingSoonPage({ title, signInFirst }: { title: string; signInFirst?: string }) {
  const { t } = useTranslation()
  useDocumentTitle(t('app.name'), title)
  return (
    <div className="page">
      <div className="page-bar">
        <BackButton />
        <h1 className="page-bar__title">{title}</h1>
      </div>
      {signInFirst ? (
        <div className="sign-in-prompt">
          <p>{t('account.signInFirst')}</p>
          <Link to="/sign-in" state={{ from: signInFirst }} className="as-button as-button--primary">
            {t('account.signIn')}
          </Link>
        </div>
      ) : null}
      <ComingSoon
        actions={
          <Link to="/" className="as-button as-button--secondary">
            {t('page.home')}
          </Link>
        }
      />
    </div>
  )
}
