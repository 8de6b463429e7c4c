import type { CitizenSignedIn } from '@ansinh/domain'
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { forgetStoredRecords } from '../my-records/stored-records'
import { type ApiFailure, AuthErrorCode, ClientErrorCode, getMe, logout } from './api'

export type SessionState =
  | { status: 'loading' }
  /**
   * `offline`: the first check had no network, so who is signed in is unknown; pages that keep a copy
   * on the device (the health card) show it meanwhile. The next answer, once online, decides.
   */
  | { status: 'signedOut'; reason?: SignInReason; offline?: boolean }
  | { status: 'signedIn'; session: CitizenSignedIn }

/** Why the sign-in page was opened by the app itself (shown above the form). */
export type SignInReason = 'elsewhere' | 'expired' | 'signedOut' | 'passwordReset' | 'passwordChanged'

/** What the sign-in page reads from the navigation state. */
export type SignInState = { reason?: SignInReason; from?: string }

export const signInPath = '/sign-in'
export const passwordPath = '/account/password'
export const devicesPath = '/account/devices'
export const forgotPasswordPath = '/forgot-password'

type SessionContextValue = {
  state: SessionState
  /** After a sign-in (or a forced password change): the new session, the CSRF token in memory only. */
  signedIn: (session: CitizenSignedIn) => void
  signOut: () => Promise<void>
  /** Asks the server again (`GET /auth/me`); a session ended elsewhere leads to the sign-in page. */
  revalidate: () => Promise<void>
  /**
   * Reacts to a failure of a signed-in call: ended session → sign-in page, password change due →
   * password page. Answers whether it did; the caller shows other failures itself.
   */
  handleFailure: (failure: ApiFailure) => boolean
}

const SessionContext = createContext<SessionContextValue | null>(null)

export function mustChangePassword(session: CitizenSignedIn): boolean {
  return session.account.mustChangePassword || session.account.passwordExpired
}

/** The waits before asking `/auth/me` again when the first check had no answer (about 4 s in all). */
const firstCheckRetryDelaysMs = [1_000, 3_000]

/** The citizen's session: asked once on start, kept in memory (never in storage), ended by sign-out. */
export function CitizenSessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const language: 'vi' | 'en' = i18n.language === 'en' ? 'en' : 'vi'
  const navigate = useNavigate()
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  const stateRef = useRef(state)
  stateRef.current = state
  const languageRef = useRef(language)
  languageRef.current = language
  // React Router gives a new `navigate` on every change of path: through a ref, the callbacks below
  // stay the same, so the first check runs once and not again on every page change.
  const navigateRef = useRef(navigate)
  navigateRef.current = navigate

  const handleFailure = useCallback((failure: ApiFailure): boolean => {
    if (failure.status === 401) {
      // The session is over (ended elsewhere, expired): what it kept on the device goes with it.
      void forgetStoredRecords()
      const wasSignedIn = stateRef.current.status === 'signedIn'
      if (failure.code === AuthErrorCode.SignedInElsewhere) {
        setState({ status: 'signedOut', reason: 'elsewhere' })
        void navigateRef.current(signInPath, {
          state: { reason: 'elsewhere' } satisfies SignInState,
          replace: true,
        })
        return true
      }
      setState(wasSignedIn ? { status: 'signedOut', reason: 'expired' } : { status: 'signedOut' })
      if (wasSignedIn) {
        void navigateRef.current(signInPath, {
          state: { reason: 'expired' } satisfies SignInState,
          replace: true,
        })
        return true
      }
      return false
    }
    if (failure.status === 403 && failure.code === AuthErrorCode.PasswordChangeRequired) {
      void navigateRef.current(passwordPath, { replace: true })
      return true
    }
    return false
  }, [])

  // Whether the last check failed for want of a network (not a busy or failing server).
  const noNetwork = useRef(false)

  /**
   * Asks `GET /auth/me` and applies the answer. Answers false when the answer said nothing about the
   * session (429 rate limited, a 5xx, no network): the caller decides what that means.
   */
  const check = useCallback(async (): Promise<boolean> => {
    const result = await getMe(languageRef.current)
    noNetwork.current = !result.ok && result.error.code === ClientErrorCode.Network
    if (result.ok) {
      setState({ status: 'signedIn', session: result.value })
      return true
    }
    if (result.error.status === 401) {
      handleFailure(result.error)
      return true
    }
    return false
  }, [handleFailure])

  // Later checks without an answer keep what we knew: a busy server does not sign anyone out.
  const revalidate = useCallback(async () => {
    await check()
  }, [check])

  // The first check decides what every page shows, and guarded pages wait for it ("loading"). A
  // rate-limited (429) or failed answer is asked again a little later, since one busy moment should
  // not show a signed-in person as signed out; after the last try the app goes on as signed out, so
  // that the sign-in form and the public pages are never held behind a check that cannot succeed.
  useEffect(() => {
    if (stateRef.current.status !== 'loading') {
      void check()
      return
    }
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const attempt = async (retry: number) => {
      const answered = await check()
      if (answered || cancelled || stateRef.current.status !== 'loading') return
      // The phone is offline (airplane mode): asking again soon will not help, the stored card will.
      const offline = noNetwork.current && !navigator.onLine
      const delay = offline ? undefined : firstCheckRetryDelaysMs[retry]
      if (delay === undefined)
        setState({ status: 'signedOut', ...(noNetwork.current ? { offline: true } : {}) })
      else timer = setTimeout(() => void attempt(retry + 1), delay)
    }
    void attempt(0)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [check])

  // Started without network: ask again as soon as the network is back.
  useEffect(() => {
    const onOnline = () => {
      const current = stateRef.current
      if (current.status === 'signedOut' && current.offline) void check()
    }
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [check])

  // Another account signed in on this device: the cards stored for others go.
  const account = state.status === 'signedIn' ? state.session.account.bhxhCode : null
  useEffect(() => {
    if (account !== null) void forgetStoredRecords(account)
  }, [account])

  // A phone app stays open for days: look again when the person comes back to it.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && stateRef.current.status === 'signedIn') void revalidate()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [revalidate])

  const signedIn = useCallback((session: CitizenSignedIn) => setState({ status: 'signedIn', session }), [])

  const signOut = useCallback(async () => {
    const current = stateRef.current
    if (current.status === 'signedIn') await logout(current.session.csrfToken, languageRef.current)
    await forgetStoredRecords()
    setState({ status: 'signedOut' })
    void navigateRef.current('/', { replace: true })
  }, [])

  const value = useMemo(
    () => ({ state, signedIn, signOut, revalidate, handleFailure }),
    [state, signedIn, signOut, revalidate, handleFailure],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useCitizenSession(): SessionContextValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useCitizenSession outside CitizenSessionProvider')
  return value
}

/** The signed-in session, for pages behind `RequireSignIn`. */
export function useSignedIn(): CitizenSignedIn {
  const { state } = useCitizenSession()
  if (state.status !== 'signedIn') throw new Error('useSignedIn outside RequireSignIn')
  return state.session
}
