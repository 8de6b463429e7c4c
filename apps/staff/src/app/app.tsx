import { I18nextProvider } from 'react-i18next'
import { BrowserRouter } from 'react-router'
import { SessionProvider } from '../features/session/session'
import { i18n } from '../i18n/i18n'
import { AppRoutes } from './app-routes'

// Vite's base is `/staff/`; the router wants it without the trailing slash.
const basename = import.meta.env.BASE_URL.replace(/\/$/, '')

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter basename={basename}>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </BrowserRouter>
    </I18nextProvider>
  )
}
