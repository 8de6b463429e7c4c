import { LanguageSwitch, SkipLink, useFocusHeading } from '@ansinh/ui'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { canSee, type StaffSection, staffSections } from '../features/session/roles'
import { passwordChangePath, useSession, useStaff } from '../features/session/session'
import { Loading } from '../features/shared/status'
import { StaffBrand } from './staff-brand'

const navClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'staff-nav__link staff-nav__link--active' : 'staff-nav__link'

/** The menu's plain links, in order ("Hồ sơ ĐK GDĐT" has its own group above them). */
const links = staffSections.filter((section) => section !== 'dossiers')

/** Workspace frame: top bar, left menu (the sections of the staff member's role), and the page. */
export function StaffLayout() {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const staff = useStaff()
  const { signOut } = useSession()
  useFocusHeading(location.pathname)
  const sees = (section: StaffSection) => canSee(staff.role, section)
  return (
    <div className="staff-shell">
      <SkipLink />
      <header className="staff-topbar as-on-dark">
        <StaffBrand />
        <div className="staff-topbar__tools">
          <LanguageSwitch tone="onDark" />
          <p className="staff-topbar__who">
            <span className="staff-topbar__name">{staff.fullName}</span>
            <span className="staff-topbar__office">{staff.officeName}</span>
          </p>
          <Link to={passwordChangePath} className="staff-topbar__account">
            {t('topbar.account')}
          </Link>
          <button
            type="button"
            className="as-button as-button--inverse-outline staff-topbar__sign-out"
            onClick={() => {
              void signOut().then(() => navigate('/', { replace: true }))
            }}
          >
            {t('topbar.signOut')}
          </button>
        </div>
      </header>
      <div className="staff-body">
        <nav className="staff-nav" aria-label={t('nav.label')}>
          <ul className="staff-nav__list">
            {sees('dossiers') && (
              <li>
                <span className="staff-nav__group" id="staff-nav-dossiers">
                  <abbr title={t('nav.dossiersFull')}>{t('nav.dossiers')}</abbr>
                </span>
                <ul className="staff-nav__sublist" aria-labelledby="staff-nav-dossiers">
                  <li>
                    <NavLink to="/dossiers" className={navClass}>
                      {t('nav.individuals')}
                    </NavLink>
                  </li>
                </ul>
              </li>
            )}
            {links.filter(sees).map((section) => (
              <li key={section}>
                <NavLink to={`/${section}`} className={navClass}>
                  {t(`nav.${section}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="staff-main">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  )
}
