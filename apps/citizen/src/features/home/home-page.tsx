import { useDocumentTitle } from '@ansinh/ui'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { InboxLink } from '../inbox/inbox-link'
import { devicesPath, signInPath, useCitizenSession } from '../session/session'
import { ServiceTile } from './service-tile'
import { services } from './services'

export function HomePage() {
  const { t } = useTranslation()
  useDocumentTitle(t('app.name'))
  const { state, signOut } = useCitizenSession()
  return (
    <>
      <section className="home-hero as-on-dark" aria-labelledby="home-title">
        <div className="home-hero__inner">
          <div className="home-hero__text">
            <h1 id="home-title" className="home-hero__title">
              {t('home.title')}
            </h1>
            <p className="home-hero__intro">{t('home.intro')}</p>
          </div>
          {state.status === 'signedIn' ? (
            <div className="home-hero__account">
              <p className="home-hero__greeting">
                {t('home.greeting')} <strong>{state.session.account.fullName}</strong>
              </p>
              <div className="home-hero__actions">
                <Link to={devicesPath} className="as-button as-button--inverse">
                  {t('home.accountSecurity')}
                </Link>
                <InboxLink className="as-button as-button--inverse-outline" />
                <button
                  type="button"
                  className="as-button as-button--inverse-outline"
                  onClick={() => void signOut()}
                >
                  {t('account.signOut')}
                </button>
              </div>
            </div>
          ) : (
            <div className="home-hero__account">
              <div className="home-hero__actions">
                <Link to={signInPath} className="as-button as-button--inverse">
                  {t('home.signIn')}
                </Link>
                <Link to="/register" className="as-button as-button--inverse-outline">
                  {t('home.register')}
                </Link>
              </div>
              <p className="home-hero__hint">{t('home.accountHint')}</p>
              <Link to="/register/status" className="home-hero__status">
                {t('home.registrationStatus')}
              </Link>
            </div>
          )}
        </div>
      </section>
      <nav className="home-services" aria-labelledby="home-services-title">
        <h2 id="home-services-title" className="home-services__title">
          {t('home.servicesHeading')}
        </h2>
        <ul className="home-services__grid">
          {services.map((service) => (
            <li key={service.id}>
              <ServiceTile service={service} />
            </li>
          ))}
        </ul>
      </nav>
    </>
  )
}
