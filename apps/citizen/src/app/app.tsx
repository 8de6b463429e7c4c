import { I18nextProvider } from 'react-i18next'
import { BrowserRouter } from 'react-router'
import { RecordsSubjectProvider } from '../features/my-records/subject'
import { CitizenSessionProvider } from '../features/session/session'
import { i18n } from '../i18n/i18n'
import { AppRoutes } from './app-routes'

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <CitizenSessionProvider>
          <RecordsSubjectProvider>
            <AppRoutes />
          </RecordsSubjectProvider>
        </CitizenSessionProvider>
      </BrowserRouter>
    </I18nextProvider>
  )
}
