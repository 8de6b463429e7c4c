import { type ReactNode, useEffect } from 'react'
import { Navigate, useLocation } from 'react-router'
import { StepLoading } from '../registration/step-loading'
import { mustChangePassword, passwordPath, type SignInState, signInPath, useCitizenSession } from './session'

/**
 * Pages that need an account: signed out → the sign-in page (which comes back here afterwards); a
 * one-time or expired password → the password page first. Each arrival asks the server again, so a
 * session ended on another device is noticed at the next navigation.
 */
export function RequireSignIn({
  children,
  signedOut,
  offline,
}: {
  children: ReactNode
  /** Shown to a signed-out person instead of the redirect (a placeholder that holds no personal data). */
  signedOut?: ReactNode
  /**
   * Shown instead while the app, started without network, does not know who is signed in: a page
   * that keeps a copy on the device (the health card) shows it.
   */
  offline?: ReactNode
}) {
  const { state, revalidate } = useCitizenSession()
  const location = useLocation()
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per arrival on a guarded page
  useEffect(() => {
    if (state.status === 'signedIn') void revalidate()
  }, [location.key])
  if (state.status === 'loading') return <StepLoading />
  if (state.status === 'signedOut' && state.offline && offline !== undefined) return offline
  if (state.status === 'signedOut' && signedOut !== undefined) return signedOut
  if (state.status === 'signedOut') {
    const from = `${location.pathname}${location.search}`
    const reason = state.reason
    return (
      <Navigate
        to={signInPath}
        replace
        state={{ from, ...(reason ? { reason } : {}) } satisfies SignInState}
      />
    )
  }
  if (mustChangePassword(state.session) && location.pathname !== passwordPath)
    return <Navigate to={passwordPath} replace />
  return children
}
