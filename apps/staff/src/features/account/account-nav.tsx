import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { passwordChangePath, useStaff } from '../session/session'

const tabClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'staff-account-nav__link staff-account-nav__link--active' : 'staff-account-nav__link'

/**
 * The pages of "Tài khoản của tôi". Hidden while the one-time password must be replaced: the other
 * page would only lead back here.
 */
export function AccountNav() {
  const { t } = useTranslation()
  if (useStaff().mustChangePassword) return null
  return (
    <nav className="staff-account-nav" aria-label={t('account.nav')}>
      <NavLink to={passwordChangePath} className={tabClass}>
        {t('account.password.title')}
      </NavLink>
      <NavLink to="/me/recovery-codes" className={tabClass}>
        {t('account.recovery.title')}
      </NavLink>
    </nav>
  )
}
