import { SkipLink, useFocusHeading } from '@ansinh/ui'
import { Outlet, useLocation } from 'react-router'
import { AppFooter } from './app-footer'
import { AppHeader } from './app-header'

export function AppLayout() {
  const location = useLocation()
  useFocusHeading(location.pathname)
  return (
    <div className="app">
      <SkipLink />
      <AppHeader />
      <main id="main" className="app-main">
        <Outlet />
      </main>
      <AppFooter />
    </div>
  )
}
