import { LanguageSwitch, SkipLink, useFocusHeading } from '@ansinh/ui'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { isAdministrator } from '../features/session/roles'
import { passwordChangePath, useSession, useStaff } from '../features/session/session'
import { StaffBrand } from './staff-brand'

const navClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'staff-nav__link staff-nav__link--active' : 'staff-nav__link'

/** Workspace frame: top bar, left menu, and the page in the remaining space. */
export function StaffLayout() {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const staff = useStaff()
  const { signOut } = useSession()
  useFocusHeading(location.pathname)
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
            <li>
              <NavLink to="/feedback" className={navClass}>
                {t('nav.feedback')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/accounts" className={navClass}>
                {t('nav.accounts')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/reports" className={navClass}>
                {t('nav.reports')}
              </NavLink>
            </li>
            {isAdministrator(staff.role) && (
              <>
                <li>
                  <NavLink to="/admin" className={navClass}>
                    {t('nav.admin')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/audit" className={navClass}>
                    {t('nav.audit')}
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <main id="main" className="staff-main">
          <Outlet />
        </main>
      </div>
    </div>
  )
}
