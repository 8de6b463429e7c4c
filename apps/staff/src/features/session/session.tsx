import type { StaffSignedInView } from '@ansinh/domain'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { Loading } from '../shared/status'
import { getMe, logout } from './api'

type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; staff: StaffSignedInView }

type SessionValue = {
  state: SessionState
  /** After the second factor (or a password change): the profile and the session's CSRF token. */
  signedIn: (staff: StaffSignedInView) => void
  signOut: () => Promise<void>
  /** The server answered 401: the session ended (timed out, or signed out elsewhere). */
  lost: () => void
}

const SessionContext = createContext<SessionValue | null>(null)

export function useLanguage(): 'vi' | 'en' {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : 'vi'
}

/** Holds who is signed in; asks the server once on load (the session is an HttpOnly cookie). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const language = useLanguage()
  const [state, setState] = useState<SessionState>({ status: 'loading' })

  // biome-ignore lint/correctness/useExhaustiveDependencies: asked once per page load
  useEffect(() => {
    let live = true
    void getMe(language).then((result) => {
      if (!live) return
      setState((current) =>
        current.status !== 'loading'
          ? current
          : result.ok
            ? { status: 'signedIn', staff: result.value }
            : { status: 'signedOut' },
      )
    })
    return () => {
      live = false
    }
  }, [])

  const signedIn = useCallback((staff: StaffSignedInView) => setState({ status: 'signedIn', staff }), [])
  const signOut = useCallback(async () => {
    if (state.status === 'signedIn') await logout(state.staff.csrfToken, language)
    setState({ status: 'signedOut' })
  }, [state, language])

  const lost = useCallback(() => setState({ status: 'signedOut' }), [])
  const value = useMemo(() => ({ state, signedIn, signOut, lost }), [state, signedIn, signOut, lost])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}

/** The signed-in staff member; only inside `RequireSession`. */
export function useStaff(): StaffSignedInView {
  const { state } = useSession()
  if (state.status !== 'signedIn') throw new Error('useStaff without a session')
  return state.staff
}

/** "Đổi mật khẩu": the one page open while the one-time password is not yet replaced. */
export const passwordChangePath = '/me/password'

/**
 * Shows its children to a signed-in staff member; sends anyone else to the sign-in page, and someone
 * who must first replace their one-time password to the page for it (the server refuses the rest).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession()
  const location = useLocation()
  if (state.status === 'loading') return <Loading />
  if (state.status === 'signedOut') {
    return <Navigate to="/" replace state={{ from: location.pathname + location.search }} />
  }
  if (state.staff.mustChangePassword && location.pathname !== passwordChangePath) {
    return <Navigate to={passwordChangePath} replace />
  }
  return children
}
